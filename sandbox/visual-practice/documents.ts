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
import { defaultLargeFileBytes as over25MBytes, hugeFileBytes } from "../core-practice/documents.js";

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

type Variant = "normal" | "large" | "missing" | "over25MB" | "over128MB";

export interface DocumentOptions {
  /** Size of each planted `large-file` document (over Dataverse's default 5 MB). */
  readonly largeFileBytes: number;
  /** Also plant files over 25 MB (one per 1,000 patients, at least one) and one over 128 MB. */
  readonly largeFiles: boolean;
  /** Their own draws and DXL… ids, so switching them on leaves every other byte as it was. */
  readonly largeRng: Rng;
}

/** A document written for a patient, for the rows that link to one (lab results). */
export interface WrittenDocument {
  readonly key: string;
  readonly category: string;
}

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
 * With `largeFiles`, also a `large-file` of 26 MiB per 1,000 patients (at least one) and one of
 * 129 MiB, sparse too, keyed DXL0001…
 */
export function writeDocuments(rng: Rng, root: string, patientCount: number, options: DocumentOptions, dirt: Dirt[]) {
  const { largeFileBytes } = options;
  const writer = new CsvWriter(join(root, "documents.csv"), documentColumns, { eol: "\n" });
  const largeAt = spread(rng, patientCount, 1000);
  const missingAt = spread(rng, patientCount, 1000);
  const over25At = options.largeFiles ? spread(options.largeRng, patientCount, 1000, 1) : new Set<number>();
  const over128At = options.largeFiles ? options.largeRng.int(0, patientCount - 1) : -1;
  let nextHuge = 0;
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

  async function writeDocument(patient: WrittenPatient, variant: Variant): Promise<WrittenDocument> {
    const huge = variant === "over25MB" || variant === "over128MB";
    const draw = huge ? options.largeRng : rng;
    const key = huge ? `DXL${String(++nextHuge).padStart(4, "0")}` : documentId(next++);
    const kind = pickKind(draw);
    const mimeType: DocumentMimeType = draw.pick(kind.mimeTypes);
    const extension = extensionOf[mimeType];
    const uploaded = officeMinute(draw, patient.created);
    const modified = draw.chance(0.8) ? uploaded : Math.min(appointmentsNow, uploaded + draw.int(1, 30 * DAY));
    const stem = draw.pick(kind.stems);
    const fileName = kind.dated ? `${stem}-${isoDate(Math.floor(uploaded / DAY))}.${extension}` : `${stem}.${extension}`;
    const size = variant === "large" ? largeFileBytes : variant === "over25MB" ? over25MBytes : variant === "over128MB" ? hugeFileBytes : draw.int(minSize, maxSize);
    const offset = huge ? 0 : rng.int(0, 8191);
    const path = `${documentFolder}/${key}.${extension}`;
    const row = await writer.write([
      key, patient.key, fileName, mimeType, String(size), path, kind.category, minuteText(uploaded), minuteText(modified),
    ]);
    const target = join(root, documentFolder, `${key}.${extension}`);
    const written = { key, category: kind.category };
    if (variant === "missing") {
      await rm(target, { force: true });
      dirt.push({ kind: "missing-file", table, key, row, column, path });
      return written;
    }
    const head = headOf(mimeType);
    const tail = tailOf(mimeType);
    const large = variant !== "normal";
    if (large && size > head.length + tail.length) await pool.writeSparse(target, size, head, tail);
    else await pool.write(target, documentBytes(filler, offset, mimeType, size));
    files += 1;
    bytes += size;
    if (large) dirt.push({ kind: "large-file", table, key, row, column, path, bytes: size });
    return written;
  }

  async function writePending(patient: WrittenPatient, out: WrittenDocument[]): Promise<void> {
    for (let variant = pending.shift(); variant; variant = pending.shift()) {
      const written = await writeDocument(patient, variant);
      // The over-25/128 MB rows exist only when asked for: nothing else may link to them.
      if (variant !== "over25MB" && variant !== "over128MB") out.push(written);
    }
  }

  return {
    /** Writes the patient's documents (and any planted ones due); returns them. */
    async write(patient: WrittenPatient): Promise<readonly WrittenDocument[]> {
      if (largeAt.has(index)) pending.push("large");
      if (missingAt.has(index)) pending.push("missing");
      if (over25At.has(index)) pending.push("over25MB");
      if (over128At === index) pending.push("over128MB");
      index += 1;
      if (patient.malformed) return [];
      lastWritten = patient;
      const roll = rng.next();
      const count = roll < 0.19 ? 1 : roll < 0.22 ? 2 : 0;
      const out: WrittenDocument[] = [];
      for (let k = 0; k < count; k += 1) out.push(await writeDocument(patient, "normal"));
      await writePending(patient, out);
      return out;
    },
    async close(): Promise<{ rows: number; bytes: number; files: DocumentFilesSummary }> {
      if (lastWritten) await writePending(lastWritten, []);
      await pool.close();
      const csvBytes = await writer.close();
      return { rows: writer.rows, bytes: csvBytes, files: { count: files, bytes } };
    },
  };
}
