/** The PracticeHub REST API reader (API described in sandbox/practicehub/server.ts). */
export { createPracticeHubSource, type PracticeHubSourceOptions } from "./practicehub-source.js";
export { flattenItem } from "./flatten.js";
export { objectHints } from "./tables.js";
