import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { HandoverError } from "../../src/contracts/handover-error.js";
import { Rng } from "../visual-practice/prng.js";
import { countDirt, type FileSummary, type GeneratedExportSummary, type Manifest } from "../core-practice/manifest.js";
import { defaultLargeFileBytes } from "../core-practice/documents.js";
import type { Dirt } from "./manifest.js";
import { clinicColumns, writeClinics } from "./clinics.js";
import { staffColumns, writeStaff } from "./staff.js";
import { clientColumns, customClientColumns, writeClients } from "./clients.js";
import { bookingColumns, writeBookings } from "./bookings.js";
import { noteColumns, writeNotes } from "./notes.js";
import { invoiceColumns, writeInvoices } from "./invoices.js";
import { attachmentColumns, attachmentFolder, writeAttachments } from "./attachments.js";
import { encounterColumns, writeEncounters } from "./encounters.js";
import { insuranceColumns, writeInsurance } from "./insurance.js";
import { prescriptionColumns, writePrescriptions } from "./prescriptions.js";
import { claimColumns, writeClaims } from "./claims.js";
import { referralColumns, writeReferrals } from "./referrals.js";

export interface GenerateClinicOptions {
  /** Distinct clients to generate (≥ 1). */
  readonly patients: number;
  readonly seed: number;
  readonly outDir: string;
  /** Plant attachments over 25 MB (one per 1,000 clients, at least one) and one over 128 MB, sparse. Off by default. */
  readonly largeFiles?: boolean;
  /** Size of the over-25 MB files; 26 MiB by default. */
  readonly largeFileBytes?: number;
  /** Write Attachments.csv and its files; true by default. */
  readonly documents?: boolean;
}

/** Every file's columns and shape: what the generator writes and the tests check. */
export const clinicFiles = {
  "Clinics.csv": { columns: clinicColumns, delimiter: ",", eol: "crlf", bom: true, encoding: "utf8" },
  "Staff.csv": { columns: staffColumns, delimiter: ",", eol: "crlf", bom: true, encoding: "utf8" },
  "Clients.csv": { columns: clientColumns, delimiter: ",", eol: "crlf", bom: true, encoding: "utf8" },
  "Client Clinics.csv": { columns: ["Client ID", "Clinic ID", "Relationship", "Since"], delimiter: ",", eol: "lf", bom: false, encoding: "utf8" },
  "Bookings.csv": { columns: bookingColumns, delimiter: ";", eol: "crlf", bom: true, encoding: "utf8" },
  "Notes.csv": { columns: noteColumns, delimiter: ",", eol: "lf", bom: false, encoding: "utf8" },
  "Invoices.tsv": { columns: invoiceColumns, delimiter: "\t", eol: "lf", bom: false, encoding: "utf8" },
  "Attachments.csv": { columns: attachmentColumns, delimiter: ",", eol: "lf", bom: false, encoding: "utf8" },
  "Encounters.csv": { columns: encounterColumns, delimiter: ",", eol: "lf", bom: false, encoding: "utf8" },
  "Insurance.csv": { columns: insuranceColumns, delimiter: ",", eol: "crlf", bom: true, encoding: "utf8" },
  "Prescriptions.csv": { columns: prescriptionColumns, delimiter: ",", eol: "lf", bom: false, encoding: "utf8" },
  "Claims.csv": { columns: claimColumns, delimiter: ",", eol: "crlf", bom: false, encoding: "utf8" },
  "Referrals.csv": { columns: referralColumns, delimiter: ",", eol: "crlf", bom: false, encoding: "windows-1252" },
} as const;

/** The table name a file's dirt is filed under (the profile's names). */
export const clinicTableOf: Readonly<Record<keyof typeof clinicFiles, string>> = {
  "Clinics.csv": "clinics",
  "Staff.csv": "staff",
  "Clients.csv": "clients",
  "Client Clinics.csv": "client_clinics",
  "Bookings.csv": "bookings",
  "Notes.csv": "notes",
  "Invoices.tsv": "invoices",
  "Attachments.csv": "attachments",
  "Encounters.csv": "encounters",
  "Insurance.csv": "insurance",
  "Prescriptions.csv": "prescriptions",
  "Claims.csv": "claims",
  "Referrals.csv": "referrals",
};

const usage = (option: string, reason: string) => new HandoverError("HO-CLI-002", { option, reason });

/**
 * Writes a synthetic "generic clinic software" export into `outDir`: spreadsheet-like files in
 * four shapes (comma CSV with a BOM, `;`-separated CSV, TSV, and one Windows-1252 CSV), attachments
 * in a folder per client under `files/`, and manifest.json listing the planted dirt. Besides
 * clinics, staff, clients, bookings, notes, invoices and attachments it holds the brief's other
 * objects: encounters (ICD-10), insurance, prescriptions, claims and referrals. Streams one client
 * at a time; each file draws from its own seeded generator.
 *
 * @example await generateClinicExport({ patients: 2000, seed: 1, outDir: "export-clinic" })
 */
export async function generateClinicExport(options: GenerateClinicOptions): Promise<GeneratedExportSummary> {
  const { patients, outDir } = options;
  if (!Number.isSafeInteger(patients) || patients < 1) throw usage("--patients", "expected a whole number of at least 1");
  if (!Number.isSafeInteger(options.seed)) throw usage("--seed", "expected a whole number");
  const largeFileBytes = options.largeFileBytes ?? defaultLargeFileBytes;
  if (!Number.isSafeInteger(largeFileBytes) || largeFileBytes < 1024) throw usage("largeFileBytes", "expected a whole number of at least 1024");
  const seed = options.seed >>> 0;
  const rng = (label: string) => Rng.derive(seed, `clinic/${label}`);
  await mkdir(join(outDir, attachmentFolder), { recursive: true });
  const dirt: Dirt[] = [];

  const clinics = await writeClinics(rng("clinics"), join(outDir, "Clinics.csv"), Math.max(3, Math.round(patients / 3000)));
  const staff = await writeStaff(rng("staff"), join(outDir, "Staff.csv"), Math.max(8, Math.round(patients / 200)), clinics.ids);
  const clients = writeClients(rng("clients"), { clients: join(outDir, "Clients.csv"), links: join(outDir, "Client Clinics.csv") }, patients, clinics.ids, staff.staff, dirt);
  const bookings = writeBookings(rng("bookings"), join(outDir, "Bookings.csv"), patients, staff.staff, dirt);
  const notes = writeNotes(rng("notes"), join(outDir, "Notes.csv"), patients, dirt);
  const invoices = writeInvoices(rng("invoices"), join(outDir, "Invoices.tsv"), patients, dirt);
  const attachmentOptions = { largeFiles: options.largeFiles ?? false, largeFileBytes, largeRng: rng("large-attachments") };
  const attachments = (options.documents ?? true) ? writeAttachments(rng("attachments"), outDir, patients, attachmentOptions, dirt) : undefined;
  const encounters = writeEncounters(rng("encounters"), join(outDir, "Encounters.csv"), dirt);
  const insurance = writeInsurance(rng("insurance"), join(outDir, "Insurance.csv"), patients, dirt);
  const prescriptions = writePrescriptions(rng("prescriptions"), join(outDir, "Prescriptions.csv"), patients, staff.staff, dirt);
  const claims = writeClaims(rng("claims"), join(outDir, "Claims.csv"), dirt);
  const referrals = writeReferrals(rng("referrals"), join(outDir, "Referrals.csv"), patients, dirt);

  for (let index = 0; index < patients; index += 1) {
    const client = await clients.write();
    const own = await bookings.write(client);
    await notes.write(client, own);
    const billed = await invoices.write(client, own);
    await attachments?.write(client);
    const codes = await encounters.write(client, own);
    if (await insurance.write(client)) await claims.write(client, billed, codes);
    await prescriptions.write(client);
    await referrals.write(client);
  }

  const written = await clients.close();
  const attachmentFile = await attachments?.close();
  const counts: Record<string, { rows: number; bytes: number }> = {
    "Clinics.csv": clinics,
    "Staff.csv": staff,
    "Clients.csv": written.clients,
    "Client Clinics.csv": written.links,
    "Bookings.csv": await bookings.close(),
    "Notes.csv": await notes.close(),
    "Invoices.tsv": await invoices.close(),
    ...(attachmentFile ? { "Attachments.csv": attachmentFile } : {}),
    "Encounters.csv": await encounters.close(),
    "Insurance.csv": await insurance.close(),
    "Prescriptions.csv": await prescriptions.close(),
    "Claims.csv": await claims.close(),
    "Referrals.csv": await referrals.close(),
  };
  const files: Record<string, FileSummary> = {};
  for (const [file, { rows, bytes }] of Object.entries(counts)) {
    const shape = clinicFiles[file as keyof typeof clinicFiles];
    files[file] = { rows, bytes, delimiter: shape.delimiter, encoding: shape.encoding, lineEnding: shape.eol, bom: shape.bom };
  }
  dirt.push(...conventions());

  const documentFiles = attachmentFile ? { documentFiles: attachmentFile.files } : {};
  const manifest: Manifest<Dirt> = { generator: "clinic", formatVersion: 1, seed, patients, files, ...documentFiles, dirt };
  await writeFile(join(outDir, "manifest.json"), `${JSON.stringify(manifest, null, 1)}\n`, "utf8");
  return { outDir, seed, patients, files, ...documentFiles, dirtCounts: countDirt(dirt) };
}

function conventions(): Dirt[] {
  const out: Dirt[] = [];
  for (const column of customClientColumns) out.push({ kind: "custom-column", table: "clients", column });
  out.push({ kind: "multi-select", table: "clients", column: "Tags", separator: ";" });
  out.push({ kind: "multi-select", table: "staff", column: "Specialities", separator: ";" });
  for (const [table, column] of [["encounters", "Diagnosis Codes"], ["claims", "Item Numbers"], ["claims", "ICD-10 Codes"]] as const) {
    out.push({ kind: "multi-select", table, column, separator: ";" });
  }
  for (const [table, column] of [
    ["clinics", "Last Updated"], ["staff", "Last Updated"], ["clients", "Created"], ["clients", "Last Updated"], ["bookings", "Created"],
    ["bookings", "Last Updated"], ["notes", "Date"], ["attachments", "Uploaded"], ["encounters", "Date"], ["encounters", "Last Updated"],
    ["insurance", "Last Updated"], ["prescriptions", "Last Updated"], ["claims", "Last Updated"], ["referrals", "Last Updated"],
  ] as const) {
    out.push({ kind: "zoneless-timestamp", table, column });
  }
  for (const column of ["Amount", "GST"]) out.push({ kind: "formatted-amount", table: "invoices", column });
  for (const column of ["Billed", "Paid", "Adjustment"]) out.push({ kind: "formatted-amount", table: "claims", column });
  out.push({ kind: "formatted-amount", table: "referrals", column: "Value" });
  return out;
}
