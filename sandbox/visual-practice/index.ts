/**
 * Deterministic synthetic Visual Practice export for the sandbox. The CLI's
 * `handover sandbox generate visual-practice --patients N --seed S --out DIR` calls
 * `generateVisualPracticeExport` and prints `formatGeneratedExportSummary` of its result.
 */
export { generateVisualPracticeExport, formatGeneratedExportSummary, type GenerateOptions } from "./generate.js";
export type { Dirt, DirtKind, DocumentFilesSummary, FileSummary, GeneratedExportSummary, Manifest } from "./manifest.js";
export type { CrmUser } from "./crm-users.js";
export { patientColumns } from "./patients.js";
export { linkColumns } from "./patient-links.js";
export { practiceColumns } from "./practices.js";
export { providerColumns } from "./providers.js";
export { appointmentColumns, appointmentsNow } from "./appointments.js";
export { clinicalNoteColumns, noteTextLimit } from "./clinical-notes.js";
export { documentColumns, documentFolder, defaultLargeFileBytes } from "./documents.js";
export { carrierColumns, insuranceColumns } from "./insurance.js";
export { treatmentCaseColumns, treatmentProcedureColumns } from "./treatment-cases.js";
export { invoiceColumns } from "./invoices.js";
export { communicationColumns } from "./communication-logs.js";
export { intakeFormColumns, customIntakeColumns } from "./intake-forms.js";
export { labResultColumns } from "./lab-results.js";
