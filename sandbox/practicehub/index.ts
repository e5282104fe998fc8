/** Public API of the PracticeHub sandbox (the API itself is described in server.ts). */
export { startPracticeHubSandbox, defaultApiKey } from "./server.js";
export type { PracticeHubSandbox, PracticeHubSandboxOptions } from "./server.js";
export { runPracticeHubSandboxCli } from "./cli.js";
export type { PracticeHubSandboxCliOptions } from "./cli.js";
export type { PageRequest, PracticeHubStats } from "./control.js";
export type { MutateRequest, MutateResult } from "./store.js";
export { generateAccount } from "./generate.js";
export { objectSpecs } from "./schema.js";
export { longNoteLength } from "./gen-care.js";
export { writePracticeHubExport, type PracticeHubExportSummary } from "./write-export.js";
export { fileBytes, fileFiller } from "./gen-files.js";
