import { rm } from "node:fs/promises";
import { join } from "node:path";
import type { Rng } from "./prng.js";
import { CsvWriter } from "./csv-writer.js";
import type { Dirt, DocumentFilesSummary } from "./manifest.js";
import { isoDate } from "./formats.js";
import { appointmentsNow } from "./appointments.js";
import type { WrittenPatient } from "./patients.js";
import { DAY, minuteText, officeMinute } from "./minutes.js";
import { spread } from "./spread.js";
import { documentBytes, extensionOf, headOf, makeFiller, tailOf, type DocumentMimeType } from "./document-bytes.js";
import { FilePool } from "./file-pool.js";
import { documentKinds } from "./word-lists.js";

export const documentColumns = [
  "DocID", "PatientID", "FileName", "MimeType", "SizeBytes", "FilePath", "Category", "UploadedDate", "LastModified",
] as const;

/** Where the files go, relative to the export folder (FilePath values start with it). */
export const documentFolder = "files";

/** Dataverse's default maximum attachment size is 5 MB; the default large file is over it. */
export const defaultLargeFileBytes = 6 * 1024 * 1024;

const minSize = 300;
const maxSize = 6 * 1024;

export function documentId(index: number): string {
  return `D${String(index + 1).padStart(8, "0")}`;
}

function pickKind(rng: Rng): (typeof documentKinds)[number] {
  const total = documentKinds.reduce((sum, kind) => sum + kind.weight, 0);
  let roll = rng.next() * total;
  for (const kind of documentKinds) {
    roll -= kind.weight;
    if (roll < 0) return kind;
  }
  return documentKinds[0];
}

type Variant = "normal" | "large" | "missing";

/**
 * documents.csv (LF, no BOM) and the files it names under `files/` in `root`: ~0.25 documents per
 * patient, written as each patient is. Each file is `files/<DocID>.<ext>`, 300 B-6 KiB, starting
 * with its type's magic bytes; SizeBytes is its real size. FileName is what staff called it
 * (e.g. `consent-2024-03-01.pdf`). UploadedDate ≤ LastModified ≤ appointmentsNow. Patients whose
 * own row is a planted malformed row get no documents.
 *
 * Dirt, each an extra document for about one patient in 1,000 (at least one from 50 patients on):
 * `large-file`, a file of exactly `largeFileBytes` (sparse: head and tail written, the middle a
 * hole), and `missing-file`, a row whose file is not there (removed if a previous run left one).
 */
export function writeDocuments(rng: Rng, root: string, patientCount: number, largeFileBytes: number, dirt: Dirt[]) {
  const writer = new CsvWriter(join(root, "documents.csv"), documentColumns, { eol: "\n" });
  const largeAt = spread(rng, patientCount, 1000);
  const missingAt = spread(rng, patientCount, 1000);
  const filler = makeFiller(rng);
  const pool = new FilePool();
  const table = "documents";
  const column = "FilePath";
  let index = 0;
  let next = 0;
  let files = 0;
  let bytes = 0;
  // Dirt planned for a malformed patient waits for the next patient who gets documents.
  const pending: Variant[] = [];
  let lastWritten: WrittenPatient | undefined;

  async function writeDocument(patient: WrittenPatient, variant: Variant): Promise<void> {
    const key = documentId(next++);
    const kind = pickKind(rng);
    const mimeType: DocumentMimeType = rng.pick(kind.mimeTypes);
    const extension = extensionOf[mimeType];
    const uploaded = officeMinute(rng, patient.created);
    const modified = rng.chance(0.8) ? uploaded : Math.min(appointmentsNow, uploaded + rng.int(1, 30 * DAY));
    const stem = rng.pick(kind.stems);
    const fileName = kind.dated ? `${stem}-${isoDate(Math.floor(uploaded / DAY))}.${extension}` : `${stem}.${extension}`;
    const size = variant === "large" ? largeFileBytes : rng.int(minSize, maxSize);
    const offset = rng.int(0, 8191);
    const path = `${documentFolder}/${key}.${extension}`;
    const row = await writer.write([
      key, patient.key, fileName, mimeType, String(size), path, kind.category, minuteText(uploaded), minuteText(modified),
    ]);
    const target = join(root, documentFolder, `${key}.${extension}`);
    if (variant === "missing") {
      await rm(target, { force: true });
      dirt.push({ kind: "missing-file", table, key, row, column, path });
      return;
    }
    const head = headOf(mimeType);
    const tail = tailOf(mimeType);
    if (variant === "large" && size > head.length + tail.length) await pool.writeSparse(target, size, head, tail);
    else await pool.write(target, documentBytes(filler, offset, mimeType, size));
    files += 1;
    bytes += size;
    if (variant === "large") dirt.push({ kind: "large-file", table, key, row, column, path, bytes: size });
  }

  async function writePending(patient: WrittenPatient): Promise<void> {
    for (let variant = pending.shift(); variant; variant = pending.shift()) await writeDocument(patient, variant);
  }

  return {
    async write(patient: WrittenPatient): Promise<void> {
      if (largeAt.has(index)) pending.push("large");
      if (missingAt.has(index)) pending.push("missing");
      index += 1;
      if (patient.malformed) return;
      lastWritten = patient;
      const roll = rng.next();
      const count = roll < 0.19 ? 1 : roll < 0.22 ? 2 : 0;
      for (let k = 0; k < count; k += 1) await writeDocument(patient, "normal");
      await writePending(patient);
    },
    async close(): Promise<{ rows: number; bytes: number; files: DocumentFilesSummary }> {
      if (lastWritten) await writePending(lastWritten);
      await pool.close();
      const csvBytes = await writer.close();
      return { rows: writer.rows, bytes: csvBytes, files: { count: files, bytes } };
    },
  };
}
