import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { HandoverError } from "../../src/contracts/handover-error.js";
import { Rng } from "./prng.js";
import type { Dirt, DirtKind, DocumentFilesSummary, FileSummary, GeneratedExportSummary, Manifest } from "./manifest.js";
import { writePractices } from "./practices.js";
import { writeProviders } from "./providers.js";
import { writePatients } from "./patients.js";
import { writeCrmUsers } from "./crm-users.js";
import { writeAppointments } from "./appointments.js";
import { writeClinicalNotes } from "./clinical-notes.js";
import { defaultLargeFileBytes, documentFolder, writeDocuments } from "./documents.js";
import { writeCarriers, writeInsurance } from "./insurance.js";
import { writeTreatmentCases } from "./treatment-cases.js";
import { writeInvoices } from "./invoices.js";
import { writeCommunicationLogs } from "./communication-logs.js";
import { customIntakeColumns, writeIntakeForms } from "./intake-forms.js";
import { writeLabResults } from "./lab-results.js";

export interface GenerateOptions {
  /** Distinct patients to generate (≥ 1). */
  readonly patients: number;
  /** Any integer; the same seed and count give byte-identical files. */
  readonly seed: number;
  readonly outDir: string;
  /**
   * Size of each planted `large-file` document, in bytes; 6 MiB by default (over Dataverse's
   * default 5 MB attachment limit). Tests pass something small to stay fast.
   */
  readonly largeFileBytes?: number;
  /** Write documents.csv and its files under `files/`; true by default. False skips both. */
  readonly documents?: boolean;
  /**
   * Also plant documents over 25 MB (one per 1,000 patients, at least one) and one over 128 MB,
   * written sparse. Off by default; switching it on adds those rows and files and changes nothing else.
   */
  readonly largeFiles?: boolean;
}

/** Column-wide conventions of the export, listed in the manifest (tables are file names without `.csv`). */
const conventions: readonly Dirt[] = [
  ...[
    ["practices", "LastModified"], ["providers", "LastModified"], ["patients", "LastModified"], ["patient_practices", "LastModified"],
    ["appointments", "ApptStart"], ["appointments", "ApptEnd"], ["appointments", "CreatedDate"], ["appointments", "LastModified"],
    ["clinical_notes", "WrittenDate"], ["clinical_notes", "LastModified"], ["documents", "UploadedDate"], ["documents", "LastModified"],
    ["insurance_carriers", "LastModified"], ["insurance_records", "LastModified"], ["treatment_cases", "LastModified"],
    ["treatment_procedures", "LastModified"], ["invoices", "LastModified"], ["communication_logs", "SentDate"],
    ["communication_logs", "ReadDate"], ["communication_logs", "LastModified"], ["intake_forms", "SubmittedDate"],
    ["intake_forms", "LastModified"], ["lab_results", "LastModified"],
  ].map(([table = "", column = ""]): Dirt => ({ kind: "zoneless-timestamp", table, column })),
  ...["Custom_ParkingPermit", "Custom_NewsletterOptIn"].map((column): Dirt => ({ kind: "custom-column", table: "patients", column })),
  { kind: "custom-column", table: "treatment_cases", column: "Custom_FinancingPlan" },
  ...customIntakeColumns.map((column): Dirt => ({ kind: "custom-column", table: "intake_forms", column })),
  { kind: "multi-select", table: "treatment_cases", column: "ProcedureCodes", separator: ";" },
  { kind: "multi-select", table: "intake_forms", column: "Allergies", separator: "|" },
  { kind: "multi-select", table: "intake_forms", column: "Conditions", separator: "|" },
];

/**
 * Writes a synthetic Visual Practice export into `outDir`: practices, providers, patients,
 * patient_practices, appointments, clinical_notes and documents CSVs (the documents' files under
 * `files/`); the objects the brief lists besides — insurance_carriers, insurance_records,
 * treatment_cases, treatment_procedures, invoices, communication_logs, intake_forms (Windows-1252)
 * and lab_results; the sandbox CRM's users; and a manifest of the planted dirt.
 * Streams rows, so memory grows only with the manifest and the practice/provider lists, not with
 * the files. Each part draws from its own seeded generator, so adding one leaves the others' bytes.
 */
export async function generateVisualPracticeExport(options: GenerateOptions): Promise<GeneratedExportSummary> {
  const { patients, outDir } = options;
  if (!Number.isSafeInteger(patients) || patients < 1) {
    throw new HandoverError("HO-CLI-002", { option: "--patients", reason: "expected a whole number of at least 1" });
  }
  if (!Number.isSafeInteger(options.seed)) {
    throw new HandoverError("HO-CLI-002", { option: "--seed", reason: "expected a whole number" });
  }
  const largeFileBytes = options.largeFileBytes ?? defaultLargeFileBytes;
  if (!Number.isSafeInteger(largeFileBytes) || largeFileBytes < 1) {
    throw new HandoverError("HO-CLI-002", { option: "largeFileBytes", reason: "expected a whole number of at least 1" });
  }
  const withDocuments = options.documents ?? true;
  const seed = options.seed >>> 0;
  await mkdir(outDir, { recursive: true });
  if (withDocuments) await mkdir(join(outDir, documentFolder), { recursive: true });
  const dirt: Dirt[] = [];

  const practiceCount = Math.max(4, Math.round(patients / 150));
  const providerCount = Math.max(6, Math.round(patients / 80));
  const practices = await writePractices(Rng.derive(seed, "practices"), join(outDir, "practices.csv"), practiceCount, dirt);
  const providers = await writeProviders(Rng.derive(seed, "providers"), join(outDir, "providers.csv"), providerCount, practices.practices);
  const appointments = writeAppointments(
    Rng.derive(seed, "appointments"),
    join(outDir, "appointments.csv"),
    patients,
    practices.practices,
    providers.providers,
    dirt,
  );
  const notes = writeClinicalNotes(Rng.derive(seed, "clinical-notes"), join(outDir, "clinical_notes.csv"), patients, providers.providers, dirt, Rng.derive(seed, "clinical-notes-encoded"));
  const documentOptions = { largeFileBytes, largeFiles: options.largeFiles ?? false, largeRng: Rng.derive(seed, "large-documents") };
  const documents = withDocuments ? writeDocuments(Rng.derive(seed, "documents"), outDir, patients, documentOptions, dirt) : undefined;
  const carriers = await writeCarriers(Rng.derive(seed, "insurance-carriers"), join(outDir, "insurance_carriers.csv"), dirt);
  const insurance = writeInsurance(Rng.derive(seed, "insurance-records"), join(outDir, "insurance_records.csv"), patients, carriers.carriers, dirt);
  const treatment = writeTreatmentCases(
    Rng.derive(seed, "treatment-cases"),
    { cases: join(outDir, "treatment_cases.csv"), procedures: join(outDir, "treatment_procedures.csv") },
    practices.practices,
    providers.providers,
    dirt,
  );
  const invoices = writeInvoices(Rng.derive(seed, "invoices"), join(outDir, "invoices.csv"), patients, dirt);
  const messages = writeCommunicationLogs(Rng.derive(seed, "communication-logs"), join(outDir, "communication_logs.csv"), patients, providers.providers, dirt);
  const forms = writeIntakeForms(Rng.derive(seed, "intake-forms"), join(outDir, "intake_forms.csv"), patients, dirt);
  const labs = writeLabResults(Rng.derive(seed, "lab-results"), join(outDir, "lab_results.csv"), providers.providers, dirt);
  const written = await writePatients(
    Rng.derive(seed, "patients"),
    { patients: join(outDir, "patients.csv"), links: join(outDir, "patient_practices.csv") },
    patients,
    practices.practices,
    providers.providers,
    dirt,
    async (patient) => {
      const own = await appointments.write(patient);
      await notes.write(patient, own);
      const files = (await documents?.write(patient)) ?? [];
      const cases = await treatment.write(patient);
      await insurance.write(patient);
      await invoices.write(patient, own, cases);
      await messages.write(patient, own);
      await forms.write(patient);
      await labs.write(patient, files);
    },
  );
  const appointmentFile = await appointments.close();
  const noteFile = await notes.close();
  const documentFile = await documents?.close();
  const treatmentFiles = await treatment.close();
  const crmUsers = await writeCrmUsers(Rng.derive(seed, "crm-users"), join(outDir, "crm-users.json"), providers.providers, dirt);

  const lf = ({ rows, bytes }: { rows: number; bytes: number }): FileSummary => ({ rows, bytes, encoding: "utf8", lineEnding: "lf", bom: false });
  const files: Record<string, FileSummary> = {
    "practices.csv": lf(practices),
    "providers.csv": lf(providers),
    "patients.csv": { ...written.patients, encoding: "utf8", lineEnding: "crlf", bom: true },
    "patient_practices.csv": lf(written.links),
    "appointments.csv": lf(appointmentFile),
    "clinical_notes.csv": lf(noteFile),
    ...(documentFile ? { "documents.csv": lf(documentFile) } : {}),
    "insurance_carriers.csv": lf(carriers),
    "insurance_records.csv": lf(await insurance.close()),
    "treatment_cases.csv": lf(treatmentFiles.cases),
    "treatment_procedures.csv": lf(treatmentFiles.procedures),
    "invoices.csv": lf(await invoices.close()),
    "communication_logs.csv": lf(await messages.close()),
    "intake_forms.csv": { ...(await forms.close()), encoding: "windows-1252", lineEnding: "crlf", bom: false },
    "lab_results.csv": lf(await labs.close()),
  };
  dirt.push(...conventions.filter((d) => withDocuments || !("table" in d) || d.table !== "documents"));
  const documentFiles: { documentFiles?: DocumentFilesSummary } = documentFile ? { documentFiles: documentFile.files } : {};
  const manifest: Manifest = { generator: "visual-practice", formatVersion: 1, seed, patients, files, crmUsers, ...documentFiles, dirt };
  await writeFile(join(outDir, "manifest.json"), `${JSON.stringify(manifest, null, 1)}\n`, "utf8");

  const dirtCounts: Partial<Record<DirtKind, number>> = {};
  const dirtCountsByTable: Partial<Record<DirtKind, Record<string, number>>> = {};
  for (const item of dirt) {
    dirtCounts[item.kind] = (dirtCounts[item.kind] ?? 0) + 1;
    if ("table" in item) {
      const byTable = (dirtCountsByTable[item.kind] ??= {});
      byTable[item.table] = (byTable[item.table] ?? 0) + 1;
    }
  }
  return { outDir, seed, patients, files, crmUsers, ...documentFiles, dirtCounts, dirtCountsByTable };
}

/** The summary as the CLI prints it: counts and file names only (no record values). */
export function formatGeneratedExportSummary(summary: GeneratedExportSummary): string {
  const lines = [`Visual Practice sandbox export: ${summary.patients} patients, seed ${summary.seed}, in ${summary.outDir}`];
  for (const [file, info] of Object.entries(summary.files)) {
    lines.push(`  ${file.padEnd(24)} ${String(info.rows).padStart(8)} rows  ${String(info.bytes).padStart(11)} bytes`);
  }
  if (summary.documentFiles) {
    const { count, bytes } = summary.documentFiles;
    lines.push(`  ${`${documentFolder}/`.padEnd(24)} ${String(count).padStart(8)} files ${String(bytes).padStart(11)} bytes`);
  }
  lines.push(`  ${"crm-users.json".padEnd(24)} ${String(summary.crmUsers).padStart(8)} users`);
  lines.push("  planted dirt (listed in manifest.json):");
  for (const [kind, count] of Object.entries(summary.dirtCounts).sort(([a], [b]) => a.localeCompare(b))) {
    const tables = Object.entries(summary.dirtCountsByTable[kind as DirtKind] ?? {}).sort(([a], [b]) => a.localeCompare(b));
    const split = tables.length > 1 ? `  (${tables.map(([table, n]) => `${table} ${n}`).join(", ")})` : tables.length === 1 ? `  (${tables[0]?.[0]})` : "";
    lines.push(`    ${kind.padEnd(26)} ${String(count).padStart(5)}${split}`);
  }
  return lines.join("\n");
}
