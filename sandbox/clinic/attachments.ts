import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Rng } from "../visual-practice/prng.js";
import { spread } from "../visual-practice/spread.js";
import { FilePool } from "../visual-practice/file-pool.js";
import { documentBytes, extensionOf, headOf, makeFiller, tailOf, type DocumentMimeType } from "../visual-practice/document-bytes.js";
import { TableWriter } from "../core-practice/table-writer.js";
import { officeMinute } from "../core-practice/formats.js";
import { hugeFileBytes } from "../core-practice/documents.js";
import type { Dirt, DocumentFilesSummary } from "./manifest.js";
import { auTimestamp, sizeText } from "./formats.js";
import { clientId, type WrittenClient } from "./clients.js";
import { attachmentKinds } from "./word-lists.js";

export const attachmentColumns = ["Attachment ID", "Client ID", "File Name", "Path", "Type", "Size", "Uploaded", "Uploaded By"] as const;

/** Files go in a folder per client under this one: `files/C000123/A0000042 Referral letter.pdf`. */
export const attachmentFolder = "files";

const table = "attachments";
const column = "Path";

export interface AttachmentOptions {
  readonly largeFiles: boolean;
  readonly largeFileBytes: number;
  /** The large attachments' own draws and XL… ids: switching them on changes nothing else. */
  readonly largeRng: Rng;
}

type Variant = "normal" | "missing" | "large" | "huge";

/**
 * Attachments.csv (UTF-8, LF) and the files it names, one folder per client, file names with
 * spaces and parentheses. Size is text ("4.7 KB"). Dirt: missing-file about once per 1,000
 * clients (at least one from 50 on), ~1% orphan-row, and with `largeFiles` a large-file of
 * `largeFileBytes` per 1,000 clients (at least one) and one of 129 MiB, written sparse.
 */
export function writeAttachments(rng: Rng, root: string, clientCount: number, options: AttachmentOptions, dirt: Dirt[]) {
  const writer = new TableWriter(join(root, "Attachments.csv"), attachmentColumns, { delimiter: ",", eol: "\n" });
  const missingAt = spread(rng, clientCount, 1000);
  const largeAt = spread(options.largeRng, clientCount, 1000, 1);
  const hugeAt = options.largeRng.int(0, clientCount - 1);
  const filler = makeFiller(rng);
  const pool = new FilePool();
  const pending: Variant[] = [];
  const files = { count: 0, bytes: 0 };
  let clients = 0;
  let next = 0;
  let nextLarge = 0;
  let lastWritten: WrittenClient | undefined;

  async function writeAttachment(client: WrittenClient, variant: Variant): Promise<void> {
    const big = variant === "large" || variant === "huge";
    const draw = big ? options.largeRng : rng;
    const key = big ? `XL${String(++nextLarge).padStart(4, "0")}` : `A${String(++next).padStart(7, "0")}`;
    const kind = draw.pick(big ? attachmentKinds.slice(3) : attachmentKinds);
    const mimeType: DocumentMimeType = draw.pick(kind.mimeTypes);
    const fileName = `${draw.pick(kind.stems)}.${extensionOf[mimeType]}`;
    const size = variant === "huge" ? hugeFileBytes : variant === "large" ? options.largeFileBytes : draw.int(300, 6 * 1024);
    const orphan = variant === "normal" && draw.chance(0.01);
    const owner = orphan ? clientId(clientCount + draw.int(0, 999)) : client.key;
    const path = `${attachmentFolder}/${owner}/${key} ${fileName}`;
    const row = await writer.write([
      key, owner, fileName, path, extensionOf[mimeType].toUpperCase(), sizeText(size), auTimestamp(officeMinute(draw, client.created)),
      client.practitionerId,
    ]);
    if (orphan) dirt.push({ kind: "orphan-row", table, key, row, column: "Client ID", value: owner });
    const target = join(root, path);
    if (variant === "missing") {
      await rm(target, { force: true });
      dirt.push({ kind: "missing-file", table, key, row, column, path });
      return;
    }
    await mkdir(join(root, attachmentFolder, owner), { recursive: true });
    if (big) {
      await pool.writeSparse(target, size, headOf(mimeType), tailOf(mimeType));
      dirt.push({ kind: "large-file", table, key, row, column, path, bytes: size });
    } else {
      await pool.write(target, documentBytes(filler, draw.int(0, 8191), mimeType, size));
    }
    files.count += 1;
    files.bytes += size;
  }

  async function writePending(client: WrittenClient): Promise<void> {
    for (let variant = pending.shift(); variant; variant = pending.shift()) await writeAttachment(client, variant);
  }

  return {
    async write(client: WrittenClient): Promise<void> {
      const index = clients++;
      if (missingAt.has(index)) pending.push("missing");
      if (options.largeFiles && largeAt.has(index)) pending.push("large");
      if (options.largeFiles && hugeAt === index) pending.push("huge");
      if (client.malformed) return;
      lastWritten = client;
      const roll = rng.next();
      for (let k = roll < 0.2 ? 1 : roll < 0.25 ? 2 : 0; k > 0; k -= 1) await writeAttachment(client, "normal");
      await writePending(client);
    },
    async close(): Promise<{ rows: number; bytes: number; files: DocumentFilesSummary }> {
      if (lastWritten) await writePending(lastWritten);
      await pool.close();
      return { rows: writer.rows, bytes: await writer.close(), files };
    },
  };
}
