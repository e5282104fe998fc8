/**
 * How the matcher's signals add up. One combined score per (column, field); confidence is a
 * monotone squash of it. The numbers are v0 judgement, tuned on the Visual Practice tables in the
 * tests — change them together with those tests.
 */

/** Names are the strongest evidence we have: exports are written by people for people. */
export const NAME_WEIGHT = 0.7;
/** A prefix-stripped name ("PatFirstName" → first name) is nearly, not quite, as good as a full one. */
export const STRIPPED_NAME_FACTOR = 0.95;
/**
 * Value kind vs field type, in -1..1. Small on purpose: most kinds fit many fields (text fits any
 * text field); its job is to penalise the clearly wrong (emails in a date field) and break ties.
 */
export const TYPE_WEIGHT = 0.15;
/**
 * A clear misfit of a shape-based kind (email addresses, dates, phones, SSNs, NPIs, URLs) costs
 * more than a fit earns: an exact name must not drag a column of emails onto birthDate. Vaguer
 * kinds (numbers, codes, text) keep the small TYPE_WEIGHT either way.
 */
export const MISFIT_WEIGHT = 0.45;
/**
 * Field-specific value patterns (emails → email, NPI check digit → npi), scaled by a per-pattern
 * strength and the share of samples. Strong enough to carry a meaningless name ("Contact",
 * "Field7") above the floor on its own, not strong enough to beat an exact name.
 */
export const PATTERN_WEIGHT = 0.3;
/** Samples matching a code field's own vocabulary (M/F → female/male). */
export const CODE_VOCABULARY_WEIGHT = 0.25;
/** The profile named the table's key: that column is the record's sourceId, whatever its name. */
export const KEY_WEIGHT = 0.5;
/** ...and no other column is, when a key is named. */
export const NOT_KEY_PENALTY = 0.3;
/** The profile says the column references another table: it's a lookup (ref) field. */
export const REFERENCE_WEIGHT = 0.1;
/** ...and more so when the referenced table looks like the field's target object. */
export const REFERENCE_TARGET_WEIGHT = 0.1;
/**
 * "Custom_…" / "UDF…" columns are site-specific additions; they exist because the vendor had no
 * field for them, so they should become custom properties unless a name matches outright.
 */
export const CUSTOM_PENALTY = 0.35;

/** Below this confidence a column gets no field and becomes a custom property. */
export const DEFAULT_THRESHOLD = 0.35;

/**
 * Logistic squash: centre and steepness put an exact name with fitting values (score ≈ 0.85) at
 * ≈ 0.96, an exact name alone (0.7) at ≈ 0.9, a half-matching name (≈ 0.35) near 0.4.
 */
const CONFIDENCE_CENTRE = 0.4;
const CONFIDENCE_STEEPNESS = 7.5;
/** Never claim certainty: the review step still shows every mapping. */
const MAX_CONFIDENCE = 0.99;

/** Combined score → confidence in 0..1 (monotone). */
export function toConfidence(score: number): number {
  const squashed = 1 / (1 + Math.exp(-CONFIDENCE_STEEPNESS * (score - CONFIDENCE_CENTRE)));
  return Math.round(Math.min(squashed, MAX_CONFIDENCE) * 1000) / 1000;
}
