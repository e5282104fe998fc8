/**
 * Deterministic synthetic Core Practice (dental) export for the sandbox: `generateCorePracticeExport`
 * writes it; the profile `src/sources/export/profiles/core-practice.ts` reads it.
 */
export { generateCorePracticeExport, corePracticeTables, type GenerateCorePracticeOptions } from "./generate.js";
export type { Dirt, DirtKind, DocumentFilesSummary, FileSummary, GeneratedExportSummary, Manifest } from "./manifest.js";
export { defaultLargeFileBytes, documentFolder, hugeFileBytes } from "./documents.js";
export { noteLengthLimit } from "./chart-notes.js";
