import type { SourceColumn } from "../../../contracts/source.js";
import { parseDate } from "./date-formats.js";
import { boolWords, codeForm, isInternationalPhone, isIcd10, isMimeType, isMoney, isOpaqueId, isPostalCode, isProcedureCode, sexWords } from "./value-recognisers.js";

/**
 * What a column's sample values look like, as kinds with shares — never the values themselves
 * (samples may be PHI, and profiles end up in reasons and reports).
 */
export const valueKinds = [
  "email", "url", "ssn", "ein", "npi", "phone", "zip", "mime", "icd10", "procedure", "opaqueId",
  "dateTime", "date", "bool", "sex", "money", "decimal", "int", "code", "text", "prose", "empty",
] as const;
export type ValueKind = (typeof valueKinds)[number];

export interface KindShare {
  readonly kind: ValueKind;
  /** Fraction of non-empty samples that fit (0..1). */
  readonly share: number;
  /** For dates: the most common format, e.g. "MM/DD/YYYY". */
  readonly format?: string;
}

export interface ValueProfile extends KindShare {
  /** Every kind that fits at least MIN_SHARE of the samples, most specific first. */
  readonly matches: readonly KindShare[];
  readonly sampleCount: number;
  /** Dates spread over decades, as birth dates are (and record timestamps are not). */
  readonly birthDateLike: boolean;
  /** The profile declared the date format rather than the samples showing it. */
  readonly declaredFormat: boolean;
}

/** Dirty data: 90% email addresses is still an email column. Below 80% it's a mixed column. */
export const MIN_SHARE = 0.8;
/** Birth dates span generations; created/modified stamps span a practice's lifetime at most. */
const BIRTH_YEAR_SPAN = 25;

const emailPattern = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;
const urlPattern = /^(https?:\/\/)?(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.([a-z]{2,})(:\d+)?(\/\S*)?$/i;
/** Without a scheme or www, a dotted word is only a site if its ending is a common domain. */
const commonTlds = new Set(["com", "org", "net", "edu", "gov", "io", "us", "co", "info", "biz", "health", "care", "dental", "clinic", "uk", "ca"]);
const ssnPattern = /^\d{3}[- ]\d{2}[- ]\d{4}$/;
const einPattern = /^\d{2}-\d{7}$/;
const phonePattern = /^(\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}(\s*(x|ext\.?)\s*\d{1,5})?$/i;
const decimalPattern = /^-?\d*\.\d+$/;
const intPattern = /^-?\d+$/;

function isUrl(value: string): boolean {
  const match = urlPattern.exec(value);
  if (!match || value.includes("@")) return false;
  return Boolean(match[1] || match[2]) || commonTlds.has((match[4] ?? "").toLowerCase());
}

/**
 * NPI check digit: Luhn over "80840" + the first nine digits (the NPI standard's prefix for US
 * health identifiers).
 */
export function npiCheckDigit(firstNine: string): number {
  const digits = `80840${firstNine}`;
  let sum = 0;
  for (let i = digits.length - 1, double = true; i >= 0; i -= 1, double = !double) {
    let digit = Number(digits[i]);
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

export function isNpi(value: string): boolean {
  return /^\d{10}$/.test(value) && npiCheckDigit(value.slice(0, 9)) === Number(value[9]);
}

type Test = (value: string) => boolean;
/** Simple per-value tests, in order of specificity (the first that fits becomes the kind). */
const simpleTests: readonly (readonly [ValueKind, Test])[] = [
  ["email", (v) => emailPattern.test(v)],
  ["url", isUrl],
  ["ssn", (v) => ssnPattern.test(v)],
  ["ein", (v) => einPattern.test(v)],
  ["npi", isNpi],
  // Bare digit runs are IDs as often as phones (and NPIs without a valid check digit): only
  // formatted numbers count as phones.
  ["phone", (v) => /[\s().+-]/.test(v) && (phonePattern.test(v) || isInternationalPhone(v))],
  ["zip", isPostalCode],
  ["mime", isMimeType],
  ["icd10", isIcd10],
  ["procedure", isProcedureCode],
  ["opaqueId", isOpaqueId],
];
const numberTests: readonly (readonly [ValueKind, Test])[] = [
  ["money", isMoney],
  ["decimal", (v) => decimalPattern.test(v)],
  ["int", (v) => intPattern.test(v)],
];

function share(values: readonly string[], test: Test): number {
  return values.filter(test).length / values.length;
}

function dateShares(values: readonly string[]): { date?: KindShare; dateTime?: KindShare; years: number[] } {
  const formatCounts = new Map<string, number>();
  let dated = 0;
  let timed = 0;
  const years: number[] = [];
  for (const value of values) {
    const readings = parseDate(value);
    const first = readings[0];
    if (!first) continue;
    dated += 1;
    if (first.hasTime) timed += 1;
    years.push(first.year);
    for (const reading of readings) formatCounts.set(reading.format, (formatCounts.get(reading.format) ?? 0) + 1);
  }
  // Most common reading wins; Map keeps first-seen order, so ties go to the earlier format.
  let format = "";
  let best = 0;
  for (const [name, count] of formatCounts) if (count > best) [format, best] = [name, count];
  const total = values.length;
  const kind: ValueKind = timed > dated / 2 ? "dateTime" : "date";
  return dated === 0 ? { years } : { [kind]: { kind, share: dated / total, format }, years };
}

function boolShare(values: readonly string[]): number {
  const seen = values.map((v) => boolWords[codeForm(v)]).filter((b) => b !== undefined);
  return seen.length / values.length;
}

/** Sentences rather than names or labels: half the samples run to this many words or more. */
const PROSE_WORDS = 6;

/**
 * Short repeated values are codes ("Active", "MA", "Google"); sentences are prose (notes, alerts);
 * the rest is free text (names, streets).
 */
function codeOrText(column: SourceColumn): KindShare {
  const repeated = column.nonEmptyCount > 0 && (column.distinctCount <= 10 || column.distinctCount / column.nonEmptyCount <= 0.5);
  const words = column.samples.map((v) => v.trim().split(/\s+/).length).sort((a, b) => a - b);
  const short = column.maxLength <= 30 && (words.at(-1) ?? 0) <= 3;
  if (repeated && short) return { kind: "code", share: 1 };
  return { kind: (words[Math.floor(words.length / 2)] ?? 0) >= PROSE_WORDS ? "prose" : "text", share: 1 };
}

/**
 * Profiles one column from its samples.
 *
 * @example profileValues(column) // { kind: "email", share: 0.96, matches: [...], ... }
 */
export function profileValues(column: SourceColumn): ValueProfile {
  const values = column.samples.map((v) => v.trim()).filter((v) => v.length > 0);
  const declared = column.dateFormat;
  if (values.length === 0) {
    const declaredMatch: KindShare[] = declared ? [{ kind: "date", share: 1, format: declared }] : [];
    const base = declaredMatch[0] ?? { kind: "empty" as const, share: 0 };
    return { ...base, matches: declaredMatch, sampleCount: 0, birthDateLike: false, declaredFormat: Boolean(declared) };
  }
  const matches: KindShare[] = [];
  for (const [kind, test] of simpleTests) {
    const fit = share(values, test);
    if (fit >= MIN_SHARE) matches.push({ kind, share: fit });
  }
  const dates = dateShares(values);
  for (const found of [dates.dateTime, dates.date]) {
    if (found && found.share >= MIN_SHARE) matches.push(declared ? { ...found, format: declared } : found);
  }
  const bools = boolShare(values);
  const distinct = new Set(values.map((v) => v.toLowerCase())).size;
  if (bools >= MIN_SHARE && distinct <= 4) matches.push({ kind: "bool", share: bools });
  const sexes = share(values, (v) => sexWords.has(codeForm(v)));
  if (sexes >= MIN_SHARE && distinct <= 8) matches.push({ kind: "sex", share: sexes });
  for (const [kind, test] of numberTests) {
    const fit = share(values, test);
    if (fit >= MIN_SHARE) matches.push({ kind, share: fit });
  }
  // Ten digits passing the NPI check are NPIs, not unformatted phone numbers.
  const specific = matches.some((m) => m.kind === "npi") ? matches.filter((m) => m.kind !== "phone") : matches;
  const primary = specific[0] ?? codeOrText(column);
  const span = dates.years.length >= 3 ? Math.max(...dates.years) - Math.min(...dates.years) : 0;
  return {
    ...primary,
    matches: specific.length > 0 ? specific : [primary],
    sampleCount: values.length,
    birthDateLike: span >= BIRTH_YEAR_SPAN && Math.min(...dates.years) >= 1900,
    declaredFormat: Boolean(declared) && (primary.kind === "date" || primary.kind === "dateTime"),
  };
}
