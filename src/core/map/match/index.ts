/**
 * The v0 matcher: proposes which model object each source table holds and which model field each
 * column fills, from names, value kinds and value patterns. Proposals only — the review confirms.
 */
export { proposeObjects } from "./propose-objects.js";
export { proposeFields } from "./propose-fields.js";
export { profileValues, isNpi, npiCheckDigit, type ValueProfile, type ValueKind, type KindShare } from "./value-profile.js";
export { splitName } from "./tokenize.js";
export { expandTokens, normalizeName } from "./abbreviations.js";
export { DEFAULT_THRESHOLD } from "./weights.js";
export { proposeTable, type TableProposal } from "./propose-table.js";
export { proposeRules } from "./propose-rules.js";
export { matchValues, type ValueMatch } from "./match-values.js";
export type { FieldProposal, ObjectProposal, ProposeFieldsOptions, RuleProposal } from "./types.js";
