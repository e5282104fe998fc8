import type { FieldDef } from "../../../model/index.js";
import { foreignWords } from "./foreign-words.js";
import { trigramSimilarity } from "./similarity.js";
import { singular } from "./tokenize.js";
import { sexLetterReadings, valueSynonyms } from "./value-synonyms.js";
import { codeForm } from "./value-recognisers.js";

/**
 * Value maps: each distinct value of a coded column matched to the field's vocabulary with the
 * name matcher's machinery — case, accents and punctuation folded, the foreign lexicon, the
 * field's synonyms, unique abbreviations and character trigrams. Confidence is a judgement per
 * kind of evidence (an exact code is surer than a near spelling), shown to the reviewer, who
 * confirms each row. Reasons never quote the value (the row holds it; reasons go to logs).
 */
export interface ValueMatch {
  /** The model code, or null when none fits. */
  readonly code: string | null;
  readonly confidence: number;
  readonly reasons: readonly string[];
}

export const EXACT_CONFIDENCE = 0.99;
export const SYNONYM_CONFIDENCE = 0.95;
export const TRANSLATED_CONFIDENCE = 0.93;
export const LETTER_CONFIDENCE = 0.9;
export const PREFIX_CONFIDENCE = 0.85;
export const WORD_CONFIDENCE = 0.8;
/** A near spelling counts from this trigram similarity; its confidence grows with it, below a synonym's. */
export const FUZZY_FLOOR = 0.6;
/** "No code fits" is never claimed surer than this, nor less sure than NONE_FLOOR. */
const NONE_CEILING = 0.95;
const NONE_FLOOR = 0.5;

/** Folded, without spaces or punctuation: "No-Show" → noshow, "Prefer not to say" → prefernottosay. */
export const compact = (text: string): string => codeForm(text).replace(/[^a-z0-9]/g, "");
const round = (n: number) => Math.round(n * 1000) / 1000;

interface Vocabulary {
  readonly codes: readonly string[];
  /** compact code → code */
  readonly exact: ReadonlyMap<string, string>;
  /** compact spelling → code (the field's synonyms) */
  readonly synonyms: ReadonlyMap<string, string>;
  /** compact one-letter code → code, in the language that explains the column best */
  readonly letters: ReadonlyMap<string, string>;
  readonly letterLanguage?: string;
}

function vocabulary(field: FieldDef, fieldKey: string, values: readonly string[]): Vocabulary {
  const codes = field.codes ?? [];
  const exact = new Map(codes.map((c) => [compact(c), c]));
  const synonyms = new Map<string, string>();
  for (const [code, spellings] of Object.entries(valueSynonyms[fieldKey] ?? {})) {
    if (!codes.includes(code)) continue;
    for (const spelling of spellings) synonyms.set(compact(spelling), code);
  }
  if (!(codes.includes("female") && codes.includes("male"))) return { codes, exact, synonyms, letters: new Map() };
  // Sex letters: the reading that explains most of the column's one-letter values (ties: English).
  const singles = new Set(values.map(compact).filter((v) => v.length === 1));
  let best = sexLetterReadings[0]!;
  let bestHits = -1;
  for (const reading of sexLetterReadings) {
    const hits = [...singles].filter((v) => reading.letters[v] !== undefined).length;
    if (hits > bestHits) [best, bestHits] = [reading, hits];
  }
  return { codes, exact, synonyms, letters: new Map(Object.entries(best.letters)), letterLanguage: best.language };
}

/** The foreign lexicon's translation of a value, compacted ("Inactivo" → inactive). */
function translated(value: string): string | undefined {
  const form = codeForm(value);
  const words = foreignWords[form] ?? foreignWords[singular(form)];
  return words && words.length > 0 ? words.join("") : undefined;
}

function matchOne(value: string, vocab: Vocabulary, fieldName: string): ValueMatch {
  const key = compact(value);
  if (key.length === 0) return { code: null, confidence: NONE_CEILING, reasons: ["the value has no letters or digits"] };
  const hit = vocab.exact.get(key);
  if (hit) return { code: hit, confidence: EXACT_CONFIDENCE, reasons: [`is ${fieldName}'s code '${hit}' (ignoring case and punctuation)`] };
  const letter = key.length === 1 ? vocab.letters.get(key) : undefined;
  if (letter) return { code: letter, confidence: LETTER_CONFIDENCE, reasons: [`one-letter ${vocab.letterLanguage} code for '${letter}', read with the column's other values`] };
  const synonym = vocab.synonyms.get(key);
  if (synonym) return { code: synonym, confidence: SYNONYM_CONFIDENCE, reasons: [`a known spelling of '${synonym}'`] };
  const foreign = translated(value);
  const viaForeign = foreign ? vocab.exact.get(foreign) ?? vocab.synonyms.get(foreign) : undefined;
  if (viaForeign) return { code: viaForeign, confidence: TRANSLATED_CONFIDENCE, reasons: [`translates to '${viaForeign}' (Spanish, German or French)`] };
  if (key.length <= 3) {
    const starts = vocab.codes.filter((c) => compact(c).startsWith(key));
    if (starts.length === 1) return { code: starts[0]!, confidence: PREFIX_CONFIDENCE, reasons: [`abbreviates '${starts[0]}' (the only code it starts)`] };
  }
  const named = wordHits(value, vocab);
  if (named.size === 1) {
    const word = [...named][0]!;
    return { code: word, confidence: WORD_CONFIDENCE, reasons: [`contains a word meaning '${word}' and none meaning another code`] };
  }
  if (named.size > 1) return { code: null, confidence: NONE_FLOOR, reasons: [`names more than one code (${[...named].join(", ")}): a person must choose`] };
  return fuzzy(key, vocab);
}

/** "Cancelled by patient", "Home clinic (main)": the codes the value's words name. */
function wordHits(value: string, vocab: Vocabulary): ReadonlySet<string> {
  const words = codeForm(value).split(/[^a-z0-9]+/).filter((w) => w.length >= 2);
  const found = new Set<string>();
  if (words.length < 2) return found;
  for (const word of words) {
    const code = vocab.exact.get(word) ?? vocab.exact.get(singular(word)) ?? vocab.synonyms.get(word);
    if (code) found.add(code);
  }
  return found;
}

/** Near spellings ("Canceled", "Compleated"): the best trigram match over codes and synonyms. */
function fuzzy(key: string, vocab: Vocabulary): ValueMatch {
  let best = 0;
  let code: string | undefined;
  for (const [spelling, target] of [...vocab.exact, ...vocab.synonyms]) {
    // Misspellings, not different words: lengths within a third of each other.
    if (spelling.length < 3 || Math.min(key.length, spelling.length) / Math.max(key.length, spelling.length) < 0.67) continue;
    const similarity = trigramSimilarity(key, spelling);
    if (similarity > best) [best, code] = [similarity, target];
  }
  if (code && best >= FUZZY_FLOOR) {
    return { code, confidence: round(Math.min(0.85, 0.3 + 0.6 * best)), reasons: [`spelled like '${code}' (${Math.round(best * 100)}% alike)`] };
  }
  return {
    code: null,
    confidence: round(Math.max(NONE_FLOOR, Math.min(NONE_CEILING, 1 - best))),
    reasons: ["no code fits: rows holding it are left out of the field and flagged"],
  };
}

/**
 * Matches every distinct value of one column to a code field's vocabulary. `fieldKey` is
 * `object.field`, for the field's synonyms.
 *
 * @example matchValues(["F", "M", "Prefer not to say"], sexField, "patient.sex").get("F")
 * // { code: "female", confidence: 0.9, reasons: ["one-letter English code for 'female', ..."] }
 */
export function matchValues(values: readonly string[], field: FieldDef, fieldKey: string): ReadonlyMap<string, ValueMatch> {
  const vocab = vocabulary(field, fieldKey, values);
  return new Map(values.map((value) => [value, matchOne(value, vocab, field.name)]));
}
