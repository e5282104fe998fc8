import type { FieldDef, ObjectDef } from "../../../model/index.js";
import { expandTokens, normalizeName } from "./abbreviations.js";
import { nameSimilarity } from "./similarity.js";
import { objectWords, referencedObjects } from "./table-context.js";
import { splitName } from "./tokenize.js";
import { STRIPPED_NAME_FACTOR } from "./weights.js";

/**
 * Signal 1: how well a column's name matches a field's name or one of its synonyms.
 */

/** One way of reading a column's name: whole, or with words that only repeat context dropped. */
export interface NameVariant {
  readonly tokens: readonly string[];
  readonly rawTokens: readonly string[];
  readonly factor: number;
  /** Words dropped to get this reading, as spelled in the column ("Pat", "VP_DOC"). */
  readonly ignored: readonly string[];
}

export interface ColumnName {
  readonly raw: string;
  /** splitName tokens, for reasons and exact-spelling tie-breaks. */
  readonly rawTokens: readonly string[];
  readonly tokens: readonly string[];
  /** The whole name first, then readings without the table's own words or a prefix shared by many columns. */
  readonly variants: readonly NameVariant[];
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
  /** Spelled exactly as the phrase ("Date Added" = 'date added'), not only equal after expansion. */
  readonly verbatim?: boolean;
  readonly phrase?: FieldPhrase;
  /** Leading words ignored to get this match, as spelled in the column ("Pat"). */
  readonly ignored: readonly string[];
}

/**
 * Words that only repeat what the table holds ("PatFirstName" in a patients table): the object's
 * name and one-word synonyms plus the table name's words, all normalised ("pat" → patient).
 * Words naming an object this one points at stay meaningful: in a "client_locations" link table,
 * "Client ID" is the patient, not the link's own id.
 */
export function weakTokens(tableName: string, object: ObjectDef): ReadonlySet<string> {
  const pointedAt = referencedObjects(object);
  const words = [
    ...normalizeName(tableName),
    ...normalizeName(object.name),
    ...object.synonyms.map(normalizeName).filter((tokens) => tokens.length === 1).flat(),
  ].filter((word) => !pointedAt.has(objectWords().get(word) ?? ""));
  return new Set(words);
}

/** Salesforce marks its custom fields "__c"; the suffix says nothing about the meaning. */
const salesforceSuffix = /__c$/i;

/**
 * How many leading words most columns share ("VP_DOC_", "content_attachment_", "Mailing"):
 * per column, the longest prefix of one or two words that at least `MIN_SHARED` columns start with.
 */
export function sharedPrefixLengths(names: readonly string[]): number[] {
  const tokens = names.map((n) => splitName(n.replace(salesforceSuffix, "")));
  const count = new Map<string, number>();
  for (const t of tokens) for (const k of [1, 2]) if (t.length > k) count.set(t.slice(0, k).join(" "), (count.get(t.slice(0, k).join(" ")) ?? 0) + 1);
  return tokens.map((t) => [2, 1].find((k) => t.length > k && (count.get(t.slice(0, k).join(" ")) ?? 0) >= MIN_SHARED) ?? 0);
}
const MIN_SHARED = 3;

export function columnName(raw: string, weak: ReadonlySet<string>, sharedPrefix = 0): ColumnName {
  const base = raw.replace(salesforceSuffix, "");
  const rawTokens = splitName(base);
  const tokens = normalizeName(base);
  const words = originalWords(base);
  const isWeak = (t: string) => normalizeName(t).every((w) => weak.has(w));
  const variants: NameVariant[] = [{ tokens, rawTokens, factor: 1, ignored: [] }];
  const strip = (from: number, to: number, ignored: readonly string[]) => {
    if (to - from < 1 || (from === 0 && to === rawTokens.length)) return;
    const kept = rawTokens.slice(from, to);
    variants.push({ tokens: expandTokens(kept), rawTokens: kept, factor: STRIPPED_NAME_FACTOR, ignored });
  };
  let lead = 0;
  while (lead < rawTokens.length - 1 && isWeak(rawTokens[lead] as string)) lead += 1;
  let trail = rawTokens.length;
  while (trail > lead + 1 && isWeak(rawTokens[trail - 1] as string)) trail -= 1;
  if (lead > 0 || trail < rawTokens.length) strip(lead, trail, [...words.slice(0, lead), ...words.slice(trail)]);
  if (sharedPrefix > lead) {
    let from = sharedPrefix;
    while (from < rawTokens.length - 1 && isWeak(rawTokens[from] as string)) from += 1;
    strip(from, rawTokens.length, [words.slice(0, from).join("_")]);
  }
  return { raw, rawTokens, tokens, variants };
}

/** The words of a name as the source spelled them ("PatFirstName" → Pat, First, Name). */
function originalWords(raw: string): string[] {
  const spaced = raw
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .replace(/([A-Za-z])(\d)/g, "$1 $2")
    .replace(/(\d)([A-Za-z])/g, "$1 $2");
  return spaced.split(/[^A-Za-z0-9\u00C0-\u024F#]+/).filter((w) => w.length > 0);
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
  for (const variant of column.variants) {
    for (const phrase of phrases) {
      const similarity = nameSimilarity(variant.tokens, phrase.tokens);
      if (!similarity.exact && onlyGeneric(variant.tokens)) continue;
      const score = similarity.score * variant.factor;
      const verbatim = similarity.exact && sameWords(variant.rawTokens, phrase.rawTokens);
      if (score > best.score || (score === best.score && score > 0 && verbatim && !bestVerbatim)) {
        best = { score, exact: similarity.exact, verbatim, phrase, ignored: variant.ignored };
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
