/**
 * How the matcher's signals add up. One combined score per (column, field); confidence is the
 * calibrated probability of it (calibration.ts). The weights are judgement, checked on the labelled
 * corpus (npm run bench:match) — refit the calibration after changing one.
 */

/** Names are the strongest evidence we have: exports are written by people for people. */
export const NAME_WEIGHT = 0.7;
/** Tie-break: a name spelled exactly as a synonym beats one equal only after expansion. */
export const VERBATIM_BONUS = 0.02;
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
export const CUSTOM_PENALTY = 0.5;
/** ...and unless the name matches outright, such a column is never proposed with more than this. */
export const CUSTOM_CAP = 0.3;
/** Values that contradict a field's shape (emails on birthDate) hold its confidence below this. */
export const CONTRADICTED_CAP = 0.2;

/**
 * Below this confidence a column gets no field and becomes a custom property. Confidence is a
 * calibrated probability, so 0.5 means "propose a field when it is more likely right than wrong"
 * (on the corpus, rows between 0.35 and 0.5 were right about one time in four).
 */
export const DEFAULT_THRESHOLD = 0.5;

/** The name mentions the object a lookup field points at ("ProvNo" → provider). */
export const POINTS_AT_WEIGHT = 0.25;
/** The name mentions another object than the table's ("Last Visit" in patients): not an own field. */
export const OTHER_OBJECT_PENALTY = 0.3;
/** ...nor the table's own key. */
export const NOT_OWN_KEY_PENALTY = 0.3;
/** A bare "Date" or "Date/Time" column goes to the object's main moment (appointment start). */
export const MAIN_DATE_WEIGHT = 0.2;
/** Contradicting qualifiers: "OtherPhone" vs phoneWork, "Full Name" vs firstName. */
export const CONFLICT_PENALTY = 0.3;
/** A negated name: "Inactive" vs active. */
export const NEGATION_PENALTY = 0.4;
/** Every value different, as a record key's: a little more likely the key. */
export const UNIQUE_KEY_WEIGHT = 0.1;
/** Values repeat: can't be the record's key. */
export const REPEATED_KEY_PENALTY = 0.25;
/** The source declares the column's type (Salesforce, FHIR, an API schema): fit and misfit. */
export const DECLARED_TYPE_WEIGHT = 0.1;
export const DECLARED_MISFIT_WEIGHT = 0.3;
/** Values of two or more words on a single name part (first, last, middle, preferred). */
export const NAME_PARTS_PENALTY = 0.3;
