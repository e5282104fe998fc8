/** The export reader: a folder or zip of CSV, TSV, delimited text, XLSX, JSON and NDJSON files as a SourceConnector, with vendor profiles. */
export { createExportSource, type ExportSourceOptions } from "./export-source.js";
export type { DateFormat, ProfileReference, ProfileTable, VendorProfile } from "./profile.js";
export { getProfile, profiles, visualPracticeProfile } from "./profiles/index.js";
