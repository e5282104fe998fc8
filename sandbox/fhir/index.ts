/**
 * A synthetic FHIR R4 source for tests and demos: `generateFhirExport` writes a Bulk Data style
 * NDJSON export with planted dirt; `startFhirSandbox` serves one over SMART Backend Services and
 * `$export`; `runFhirSandboxCli` is the CLI's entry.
 */
export { generateFhirExport, generatedTypes, type GenerateFhirOptions, type GeneratedFhirSummary } from "./generate.js";
export type { FhirDirt, FhirDirtKind, FhirManifest } from "./manifest.js";
export { startFhirSandbox, type FhirSandbox, type FhirSandboxOptions } from "./server.js";
export type { FhirSandboxStats } from "./routes.js";
export type { RegisteredClient } from "./client-assertion.js";
export { runFhirSandboxCli, type FhirSandboxCliOptions } from "./cli.js";
export { binaryFolder, plainUrlOrigin } from "./gen-documents.js";
