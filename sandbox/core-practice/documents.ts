import { rm } from "node:fs/promises";
import { join } from "node:path";
import type { Rng } from "../visual-practice/prng.js";
import { spread } from "../visual-practice/spread.js";
import { FilePool } from "../visual-practice/file-pool.js";
import { documentBytes, extensionOf, headOf, makeFiller, tailOf, type DocumentMimeType } from "../visual-practice/document-bytes.js";
import type { Dirt, DocumentFilesSummary } from "./manifest.js";
import { TableWriter } from "./table-writer.js";
import { cpDate, cpTimestamp, DAY, exportNow, officeMinute } from "./formats.js";
import { patientId, type WrittenPatient } from "./patients.js";
import { documentTypes } from "./word-lists.js";

export const documentColumns = ["doc_id", "pat_id", "doc_type", "file_nm", "file_path", "mime_type", "file_sz_kb", "scanned_ts", "modified_ts"] as const;

/** Where the files go, relative to the export folder; file_path uses Windows separators (`files\…`). */
export const documentFolder = "files";
/** Over Dynamics 365's 25 MB default attachment limit. */
export const defaultLargeFileBytes = 26 * 1024 * 1024;
/** Over 128 MB, the most a Dataverse file column or annotation can be raised to. */
export const hugeFileBytes = 129 * 1024 * 1024;

const table = "documents";
const column = "file_path";

export interface DocumentOptions {
  /** Plant the large files (sparse: only head and tail are real bytes). */
  readonly largeFiles: boolean;
  readonly largeFileBytes: number;
  /**
   * Draws for the large documents' rows: their own stream (and their own XL… ids), so switching
   * large files on adds those rows and files and leaves every other byte of the export as it was.
   */
  readonly largeRng: Rng;
}

type Variant = "normal" | "missing" | "large" | "huge";

/**
 * documents.csv (UTF-8, LF) and its files under `files/`: ~0.3 documents per patient (x-rays,
 * photos, consents), each file 300 B-6 KiB with its type's magic bytes; file_sz_kb is its size in
 * KiB rounded up. Dirt: a missing-file for about one patient in 1,000 (at least one from 50 on),
 * ~1% orphan-row, and with `largeFiles` a large-file of `largeFileBytes` per 1,000 patients (at
 * least one) plus exactly one of 129 MiB.
 */
export function writeDocuments(rng: Rng, root: string, patientCount: number, options: DocumentOptions, dirt: Dirt[]) {
  const writer = new TableWriter(join(root, "documents.csv"), documentColumns, { delimiter: ",", eol: "\n" });
  const missingAt = spread(rng, patientCount, 1000);
  const largeAt = spread(options.largeRng, patientCount, 1000, 1);
  const hugeAt = options.largeRng.int(0, patientCount - 1);
  const filler = makeFiller(rng);
  const pool = new FilePool();
  const pending: Variant[] = [];
  let patients = 0;
  let next = 0;
  let nextLarge = 0;
  const files = { count: 0, bytes: 0 };
  // Dirt planned for a patient whose row is malformed waits for the next one who gets documents.
  let lastWritten: WrittenPatient | undefined;

  async function writeDocument(patient: WrittenPatient, variant: Variant): Promise<void> {
    const big = variant === "large" || variant === "huge";
    const draw = big ? options.largeRng : rng;
    const key = big ? `XL${String(++nextLarge).padStart(4, "0")}` : String(3_000_001 + next++);
    const kind = draw.pick(big ? documentTypes.slice(1, 3) : documentTypes);
    const mimeType: DocumentMimeType = draw.pick(kind.mimeTypes);
    const extension = extensionOf[mimeType];
    const scanned = officeMinute(draw, patient.created);
    const size = variant === "huge" ? hugeFileBytes : variant === "large" ? options.largeFileBytes : draw.int(300, 6 * 1024);
    const orphan = !big && variant === "normal" && draw.chance(0.01);
    const owner = orphan ? patientId(patientCount + draw.int(0, 999)) : patient.key;
    const path = `${documentFolder}\\${key}.${extension}`;
    const row = await writer.write([
      key, owner, kind.type, `${draw.pick(kind.stems)}_${cpDate(Math.floor(scanned / DAY))}.${extension}`, path, mimeType,
      String(Math.ceil(size / 1024)), cpTimestamp(scanned, draw.int(0, 59)),
      cpTimestamp(draw.chance(0.8) ? scanned : Math.min(exportNow, scanned + draw.int(1, 30 * DAY))),
    ]);
    const slashed = path.replace("\\", "/");
    const target = join(root, documentFolder, `${key}.${extension}`);
    if (orphan) dirt.push({ kind: "orphan-row", table, key, row, column: "pat_id", value: owner });
    if (variant === "missing") {
      await rm(target, { force: true });
      dirt.push({ kind: "missing-file", table, key, row, column, path: slashed });
      return;
    }
    if (big) {
      await pool.writeSparse(target, size, headOf(mimeType), tailOf(mimeType));
      dirt.push({ kind: "large-file", table, key, row, column, path: slashed, bytes: size });
    } else {
      await pool.write(target, documentBytes(filler, draw.int(0, 8191), mimeType, size));
    }
    files.count += 1;
    files.bytes += size;
  }

  return {
    async write(patient: WrittenPatient): Promise<void> {
      const index = patients++;
      if (missingAt.has(index)) pending.push("missing");
      if (options.largeFiles && largeAt.has(index)) pending.push("large");
      if (options.largeFiles && hugeAt === index) pending.push("huge");
      if (patient.malformed) return;
      lastWritten = patient;
      const roll = rng.next();
      const count = roll < 0.2 ? 1 : roll < 0.27 ? 2 : 0;
      for (let k = 0; k < count; k += 1) await writeDocument(patient, "normal");
      for (let variant = pending.shift(); variant; variant = pending.shift()) await writeDocument(patient, variant);
    },
    async close(): Promise<{ rows: number; bytes: number; files: DocumentFilesSummary }> {
      if (lastWritten) for (let variant = pending.shift(); variant; variant = pending.shift()) await writeDocument(lastWritten, variant);
      await pool.close();
      return { rows: writer.rows, bytes: await writer.close(), files };
    },
  };
}
