import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { HandoverError } from "../../src/contracts/handover-error.js";
import { Rng } from "../visual-practice/prng.js";
import { countDirt, type Dirt, type FileSummary, type GeneratedExportSummary, type Manifest } from "./manifest.js";
import { officeColumns, writeOffices } from "./offices.js";
import { providerColumns, writeProviders } from "./providers.js";
import { customPatientColumns, patientColumns, writePatients } from "./patients.js";
import { appointmentColumns, writeAppointments } from "./appointments.js";
import { planColumns, procedureColumns, writeTreatment } from "./treatment.js";
import { insuranceColumns, writeInsurance } from "./insurance.js";
import { chartNoteColumns, writeChartNotes } from "./chart-notes.js";
import { ledgerColumns, writeLedger } from "./ledger.js";
import { defaultLargeFileBytes, documentColumns, documentFolder, writeDocuments } from "./documents.js";

export interface GenerateCorePracticeOptions {
  /** Distinct patients to generate (≥ 1). */
  readonly patients: number;
  /** Any integer; the same options give byte-identical files. */
  readonly seed: number;
  readonly outDir: string;
  /**
   * Plant files over 25 MB (one per 1,000 patients, at least one) and one over 128 MB, written
   * sparse. Off by default: everything else in the export is the same either way.
   */
  readonly largeFiles?: boolean;
  /** Size of the over-25 MB files; 26 MiB by default. */
  readonly largeFileBytes?: number;
  /** Write documents.csv and its files under `files/`; true by default. */
  readonly documents?: boolean;
}

/** Every table's columns, by file: what the generator writes and the tests check. */
export const corePracticeTables = {
  "offices.csv": officeColumns,
  "providers.csv": providerColumns,
  "patients.csv": patientColumns,
  "appointments.csv": appointmentColumns,
  "tx_plans.csv": planColumns,
  "tx_procedures.csv": procedureColumns,
  "insurance.csv": insuranceColumns,
  "chart_notes.csv": chartNoteColumns,
  "ledger.csv": ledgerColumns,
  "documents.csv": documentColumns,
} as const;

function usage(option: string, reason: string): HandoverError {
  return new HandoverError("HO-CLI-002", { option, reason });
}

/**
 * Writes a synthetic Core Practice (dental) export into `outDir`: the CSVs above, the documents'
 * files under `files/`, and manifest.json listing the planted dirt. Streams one patient at a time
 * (patient row, then appointments, treatment, insurance, notes, ledger, documents), so memory
 * stays flat. Each file draws from its own seeded generator.
 *
 * @example await generateCorePracticeExport({ patients: 2000, seed: 1, outDir: "export-cp" })
 */
export async function generateCorePracticeExport(options: GenerateCorePracticeOptions): Promise<GeneratedExportSummary> {
  const { patients, outDir } = options;
  if (!Number.isSafeInteger(patients) || patients < 1) throw usage("--patients", "expected a whole number of at least 1");
  if (!Number.isSafeInteger(options.seed)) throw usage("--seed", "expected a whole number");
  const largeFileBytes = options.largeFileBytes ?? defaultLargeFileBytes;
  if (!Number.isSafeInteger(largeFileBytes) || largeFileBytes < 1024) throw usage("largeFileBytes", "expected a whole number of at least 1024");
  const withDocuments = options.documents ?? true;
  const seed = options.seed >>> 0;
  const rng = (label: string) => Rng.derive(seed, `core-practice/${label}`);
  await mkdir(outDir, { recursive: true });
  if (withDocuments) await mkdir(join(outDir, documentFolder), { recursive: true });
  const dirt: Dirt[] = [];

  const offices = await writeOffices(rng("offices"), join(outDir, "offices.csv"), Math.max(2, Math.round(patients / 2500)));
  const providers = await writeProviders(rng("providers"), join(outDir, "providers.csv"), Math.max(8, Math.round(patients / 150)), offices.ids, dirt);
  const patientWriter = writePatients(rng("patients"), join(outDir, "patients.csv"), patients, offices.ids, providers.providers, dirt);
  const appointments = writeAppointments(rng("appointments"), join(outDir, "appointments.csv"), patients, providers.providers, dirt);
  const treatment = writeTreatment(rng("treatment"), { plans: join(outDir, "tx_plans.csv"), procedures: join(outDir, "tx_procedures.csv") }, dirt, rng("treatment-dirt"));
  const insurance = writeInsurance(rng("insurance"), join(outDir, "insurance.csv"), patients, dirt);
  const notes = writeChartNotes(rng("chart-notes"), join(outDir, "chart_notes.csv"), patients, providers.providers.length, dirt);
  const ledger = writeLedger(rng("ledger"), join(outDir, "ledger.csv"), patients, dirt);
  const documentOptions = { largeFiles: options.largeFiles ?? false, largeFileBytes, largeRng: rng("large-documents") };
  const documents = withDocuments ? writeDocuments(rng("documents"), outDir, patients, documentOptions, dirt) : undefined;

  for (let index = 0; index < patients; index += 1) {
    const patient = await patientWriter.write();
    const own = await appointments.write(patient);
    const done = await treatment.write(patient, own);
    await insurance.write(patient);
    await notes.write(patient, own);
    await ledger.write(patient, done);
    await documents?.write(patient);
  }

  const utf8 = ({ rows, bytes }: { rows: number; bytes: number }): FileSummary => ({ rows, bytes, delimiter: ",", encoding: "utf8", lineEnding: "lf", bom: false });
  const treatmentFiles = await treatment.close();
  const documentFile = await documents?.close();
  const files: Record<string, FileSummary> = {
    "offices.csv": utf8(offices),
    "providers.csv": utf8(providers),
    "patients.csv": { ...(await patientWriter.close()), delimiter: ",", encoding: "windows-1252", lineEnding: "crlf", bom: false },
    "appointments.csv": utf8(await appointments.close()),
    "tx_plans.csv": utf8(treatmentFiles.plans),
    "tx_procedures.csv": utf8(treatmentFiles.procedures),
    "insurance.csv": utf8(await insurance.close()),
    "chart_notes.csv": utf8(await notes.close()),
    "ledger.csv": utf8(await ledger.close()),
    ...(documentFile ? { "documents.csv": utf8(documentFile) } : {}),
  };
  dirt.push(...conventions(Object.keys(files)));

  const documentFiles = documentFile ? { documentFiles: documentFile.files } : {};
  const manifest: Manifest = { generator: "core-practice", formatVersion: 1, seed, patients, files, ...documentFiles, dirt };
  await writeFile(join(outDir, "manifest.json"), `${JSON.stringify(manifest, null, 1)}\n`, "utf8");
  return { outDir, seed, patients, files, ...documentFiles, dirtCounts: countDirt(dirt) };
}

/** Column-wide conventions: zone-less timestamps, custom columns, multi-select and money text. */
function conventions(written: readonly string[]): Dirt[] {
  const out: Dirt[] = [];
  for (const file of written) {
    const table = file.replace(/\.csv$/, "");
    for (const column of corePracticeTables[file as keyof typeof corePracticeTables]) {
      if (column.endsWith("_ts")) out.push({ kind: "zoneless-timestamp", table, column });
    }
  }
  for (const column of customPatientColumns) out.push({ kind: "custom-column", table: "patients", column });
  out.push({ kind: "multi-select", table: "patients", column: "contact_pref", separator: ";" });
  for (const [table, column] of [["tx_plans", "total_fee"], ["tx_plans", "ins_est"], ["tx_procedures", "fee"], ["tx_procedures", "ins_est"], ["insurance", "annual_max"], ["ledger", "amount"]] as const) {
    out.push({ kind: "formatted-amount", table, column });
  }
  return out;
}
