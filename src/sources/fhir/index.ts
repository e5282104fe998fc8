/** FHIR R4 sources: a folder of NDJSON files, and a Bulk Data ($export) client that fills one. */
export { createFhirNdjsonSource, type FhirNdjsonSourceOptions } from "./ndjson-source.js";
export { createFhirBulkSource, sinceFor, type FhirBulkSourceOptions } from "./bulk-source.js";
export { createClientAssertion } from "./smart-auth.js";
export { resourceTables, tableSpecFor } from "./resource-tables.js";
export type { ResourceTableSpec } from "./table-spec.js";
