import type { Meaning } from "./field-meaning.js";
import type { KindShare, ValueKind } from "./value-profile.js";

/**
 * How well a value kind fits a field meaning, in -1..1: 1 fits, 0 says nothing, -1 clearly wrong.
 * `otherwise` covers unlisted meanings. Specific kinds (email, date, ...) are -1 elsewhere: a column
 * of emails must never land on birthDate. Codes and text are vaguer, so milder.
 */
const fit: Readonly<Record<ValueKind, { readonly fits: Partial<Record<Meaning, number>>; readonly otherwise: number }>> = {
  email: { fits: { email: 1 }, otherwise: -1 },
  url: { fits: { url: 1, text: 0 }, otherwise: -1 },
  ssn: { fits: { ssn: 1, identifier: 0, text: 0 }, otherwise: -1 },
  ein: { fits: { ein: 1, identifier: 0, text: 0 }, otherwise: -1 },
  npi: { fits: { npi: 1, identifier: 0.3, ref: 0.3, text: 0 }, otherwise: -1 },
  phone: { fits: { phone: 1, text: 0 }, otherwise: -1 },
  zip: { fits: { postal: 1, identifier: 0.5, ref: 0.5, int: 0.3, text: 0, code: 0 }, otherwise: -1 },
  mime: { fits: { mime: 1, code: 0.3, text: 0 }, otherwise: -1 },
  // Diagnosis and procedure codes have no home in the model's implemented objects yet.
  icd10: { fits: { code: -0.3, text: 0 }, otherwise: -1 },
  procedure: { fits: { code: -0.3, text: 0 }, otherwise: -1 },
  opaqueId: { fits: { identifier: 1, ref: 1, text: 0.3, code: -0.3 }, otherwise: -1 },
  dateTime: { fits: { dateTime: 1, date: 0.7 }, otherwise: -1 },
  date: { fits: { date: 1, dateTime: 0.8 }, otherwise: -1 },
  bool: { fits: { bool: 1, code: 0.3, int: 0 }, otherwise: -1 },
  sex: { fits: { sex: 1, code: 0.5, text: 0 }, otherwise: -1 },
  money: { fits: { number: 1, text: 0 }, otherwise: -1 },
  decimal: { fits: { number: 1, int: 0, text: 0 }, otherwise: -1 },
  // Digit-only identifiers: NPIs failing their check digit, SSNs/phones stored without separators.
  int: { fits: { int: 1, number: 0.8, identifier: 1, ref: 1, npi: 0.5, postal: 0.3, ssn: 0, ein: 0, phone: 0, code: 0, text: 0, bool: 0 }, otherwise: -1 },
  code: { fits: { code: 1, sex: 0.3, text: 0.5, identifier: 0.5, ref: 0.5, longText: 0, bool: 0 }, otherwise: -1 },
  text: { fits: { text: 1, longText: 1, code: 0.3, identifier: 0.5, ref: 0.5, mime: 0 }, otherwise: -1 },
  prose: { fits: { longText: 1, text: 0.3, code: -0.5 }, otherwise: -1 },
  empty: { fits: {}, otherwise: 0 },
};

/** Kinds recognised by shape, so a misfit is a real contradiction rather than vagueness. */
export const shapedKinds: ReadonlySet<ValueKind> = new Set(["email", "url", "ssn", "ein", "npi", "phone", "date", "dateTime", "sex", "mime", "icd10", "procedure", "opaqueId", "prose"]);

export function kindFit(kind: ValueKind, meaning: Meaning): number {
  const entry = fit[kind];
  return entry.fits[meaning] ?? entry.otherwise;
}

/**
 * Field-specific patterns: when the samples show this kind and the field means this, boost it by
 * PATTERN_WEIGHT × strength × share. Strength reflects how unlikely the pattern is by chance: an
 * NPI check digit or an @ almost never happens by accident; five digits or Y/N often do.
 */
export const patternStrength: Readonly<Partial<Record<ValueKind, { readonly meaning: Meaning; readonly strength: number }>>> = {
  email: { meaning: "email", strength: 1 },
  npi: { meaning: "npi", strength: 1 },
  ssn: { meaning: "ssn", strength: 1 },
  url: { meaning: "url", strength: 1 },
  mime: { meaning: "mime", strength: 1 },
  ein: { meaning: "ein", strength: 0.8 },
  sex: { meaning: "sex", strength: 0.8 },
  phone: { meaning: "phone", strength: 0.7 },
  zip: { meaning: "postal", strength: 0.5 },
  bool: { meaning: "bool", strength: 0.5 },
};

/** Strength of the "dates spread over decades" pattern for birth-date fields. */
export const BIRTH_DATE_STRENGTH = 0.8;

const pct = (share: number) => `${Math.round(share * 100)}%`;

/**
 * Words for a kind and its share — formats and percentages only, never a sample.
 *
 * @example describeKind({ kind: "date", share: 0.98, format: "MM/DD/YYYY" })
 * // "values look like dates (MM/DD/YYYY, 98% of samples)"
 */
export function describeKind(match: KindShare, declared = false): string {
  const format = match.format ?? "";
  switch (match.kind) {
    case "email": return `values look like email addresses (${pct(match.share)})`;
    case "url": return `values look like web addresses (${pct(match.share)})`;
    case "ssn": return `values have the SSN shape ddd-dd-dddd (${pct(match.share)})`;
    case "ein": return `values have the tax ID shape dd-ddddddd (${pct(match.share)})`;
    case "npi": return `NPI check digit passes on ${pct(match.share)} of samples`;
    case "phone": return `values look like phone numbers (${pct(match.share)})`;
    case "zip": return `values look like postal codes (${pct(match.share)})`;
    case "mime": return `values look like media types (${pct(match.share)})`;
    case "icd10": return `values look like ICD-10 diagnosis codes (${pct(match.share)})`;
    case "procedure": return `values look like CDT/CPT procedure codes (${pct(match.share)})`;
    case "opaqueId": return `values look like record ids (${pct(match.share)})`;
    case "date":
    case "dateTime": {
      const what = match.kind === "date" ? "dates" : "dates with times";
      return declared
        ? `the profile declares ${what} as ${format}`
        : `values look like ${what} (${format}, ${pct(match.share)} of samples)`;
    }
    case "bool": return `values look like yes/no flags (${pct(match.share)})`;
    case "sex": return `values look like sex codes (${pct(match.share)})`;
    case "money": return `values look like money amounts (${pct(match.share)})`;
    case "decimal": return `values look like decimal numbers (${pct(match.share)})`;
    case "int": return `values look like whole numbers (${pct(match.share)})`;
    case "code": return "values look like short codes";
    case "text": return "values look like free text";
    case "prose": return "values look like sentences (notes, comments)";
    case "empty": return "no sample values to check";
  }
}

/** Short noun for a kind, for mismatch reasons. */
export const kindNouns: Readonly<Record<ValueKind, string>> = {
  email: "email addresses", url: "web addresses", ssn: "SSNs", ein: "tax IDs", npi: "NPIs",
  phone: "phone numbers", zip: "postal codes", mime: "media types", icd10: "ICD-10 codes", procedure: "procedure codes", opaqueId: "record ids", prose: "sentences", dateTime: "date-times", date: "dates", bool: "yes/no flags",
  sex: "sex codes", money: "money amounts", decimal: "decimal numbers", int: "whole numbers",
  code: "short codes", text: "free text", empty: "nothing",
};

export { pct };
