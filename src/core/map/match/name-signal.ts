import type { FieldDef, ObjectDef } from "../../../model/index.js";
import { normalizeName } from "./abbreviations.js";
import { nameSimilarity } from "./similarity.js";
import { splitName } from "./tokenize.js";
import { STRIPPED_NAME_FACTOR } from "./weights.js";

/**
 * Signal 1: how well a column's name matches a field's name or one of its synonyms.
 */

export interface ColumnName {
  readonly raw: string;
  /** splitName tokens, for reasons and exact-spelling tie-breaks. */
  readonly rawTokens: readonly string[];
  readonly tokens: readonly string[];
  /** tokens without the table's own leading words ("pat", "prov"), when any were dropped. */
  readonly stripped?: { readonly tokens: readonly string[]; readonly dropped: readonly string[] };
}

export interface FieldPhrase {
  /** For reasons: "field birthDate" or "synonym 'dob'". */
  readonly label: string;
  readonly rawTokens: readonly string[];
  readonly tokens: readonly string[];
}

export interface NameMatch {
  readonly score: number;
  readonly exact: boolean;
  readonly phrase?: FieldPhrase;
  /** Leading words ignored to get this match, as spelled in the column ("Pat"). */
  readonly ignored: readonly string[];
}

/**
 * Words that only repeat what the table holds ("PatFirstName" in a patients table): the object's
 * name and one-word synonyms plus the table name's words, all normalised ("pat" → patient).
 */
export function weakTokens(tableName: string, object: ObjectDef): ReadonlySet<string> {
  const words = [
    ...normalizeName(tableName),
    ...normalizeName(object.name),
    ...object.synonyms.map(normalizeName).filter((tokens) => tokens.length === 1).flat(),
  ];
  return new Set(words);
}

export function columnName(raw: string, weak: ReadonlySet<string>): ColumnName {
  const rawTokens = splitName(raw);
  const tokens = normalizeName(raw);
  let cut = 0;
  while (cut < rawTokens.length - 1 && normalizeName(rawTokens[cut] as string).every((t) => weak.has(t))) cut += 1;
  if (cut === 0) return { raw, rawTokens, tokens };
  const rest = rawTokens.slice(cut);
  return { raw, rawTokens, tokens, stripped: { tokens: rest.flatMap((t) => normalizeName(t)), dropped: originalWords(raw, cut) } };
}

/** The first `count` words of a name as the source spelled them ("PatFirstName", 1 → "Pat"). */
function originalWords(raw: string, count: number): string[] {
  const spaced = raw
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .replace(/([A-Za-z])(\d)/g, "$1 $2")
    .replace(/(\d)([A-Za-z])/g, "$1 $2");
  return spaced.split(/[^A-Za-z0-9]+/).filter((w) => w.length > 0).slice(0, count);
}

/**
 * The field's name and synonyms as comparable phrases. A lookup field also matches with a
 * trailing "id" ("home practice" ↔ "HomePracticeID"): sources name foreign keys that way.
 */
export function fieldPhrases(field: FieldDef): FieldPhrase[] {
  const phrases: FieldPhrase[] = [
    { label: `field ${field.name}`, rawTokens: splitName(field.name), tokens: normalizeName(field.name) },
    ...field.synonyms.map((synonym) => ({ label: `synonym '${synonym}'`, rawTokens: splitName(synonym), tokens: normalizeName(synonym) })),
  ];
  if (field.type !== "ref") return phrases;
  const withId = phrases
    .filter((phrase) => phrase.tokens.at(-1) !== "id")
    .map((phrase) => ({ label: `${phrase.label} + 'id'`, rawTokens: [...phrase.rawTokens, "id"], tokens: [...phrase.tokens, "id"] }));
  return [...phrases, ...withId];
}

/** Words that say nothing about which field on their own: "ID" alone only matches exactly. */
const genericWords = new Set(["id", "key", "number", "code", "no"]);
const onlyGeneric = (tokens: readonly string[]) => tokens.every((t) => genericWords.has(t));

const sameWords = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((t, i) => t === b[i]);

/**
 * Best match of a column name against a field's phrases. Ties go to the phrase spelled exactly as
 * the column ("DOB" → synonym 'dob' rather than 'date of birth'), then to phrase order.
 */
export function matchName(column: ColumnName, phrases: readonly FieldPhrase[]): NameMatch {
  let best: NameMatch = { score: 0, exact: false, ignored: [] };
  let bestVerbatim = false;
  const variants = [
    { tokens: column.tokens, rawTokens: column.rawTokens, factor: 1, ignored: [] as readonly string[] },
    ...(column.stripped
      ? [{ tokens: column.stripped.tokens, rawTokens: column.rawTokens.slice(column.stripped.dropped.length), factor: STRIPPED_NAME_FACTOR, ignored: column.stripped.dropped }]
      : []),
  ];
  for (const variant of variants) {
    for (const phrase of phrases) {
      const similarity = nameSimilarity(variant.tokens, phrase.tokens);
      if (!similarity.exact && onlyGeneric(variant.tokens)) continue;
      const score = similarity.score * variant.factor;
      const verbatim = similarity.exact && sameWords(variant.rawTokens, phrase.rawTokens);
      if (score > best.score || (score === best.score && score > 0 && verbatim && !bestVerbatim)) {
        best = { score, exact: similarity.exact, phrase, ignored: variant.ignored };
        bestVerbatim = verbatim;
      }
    }
  }
  return best;
}

/** "name 'DOB' matches synonym 'dob' of birthDate", "name 'X' is 62% like field y". */
export function describeNameMatch(column: ColumnName, field: FieldDef, match: NameMatch): string | undefined {
  if (!match.phrase || match.score < 0.3) return undefined;
  const target = match.phrase.label.startsWith("field ") ? match.phrase.label : `${match.phrase.label} of ${field.name}`;
  const ignoring = match.ignored.length > 0 ? ` (ignoring '${match.ignored.join(" ")}')` : "";
  return match.exact
    ? `name '${column.raw}' matches ${target}${ignoring}`
    : `name '${column.raw}' is ${Math.round(match.score * 100)}% like ${target}${ignoring}`;
}
