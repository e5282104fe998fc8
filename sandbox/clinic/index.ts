/**
 * Deterministic synthetic "generic clinic software" export for the sandbox: `generateClinicExport`
 * writes it; the profile `src/sources/export/profiles/clinic.ts` reads it.
 */
export { generateClinicExport, clinicFiles, clinicTableOf, type GenerateClinicOptions } from "./generate.js";
export type { Dirt, DirtKind } from "./manifest.js";
export { attachmentFolder } from "./attachments.js";
