import yauzl, { type Entry, type ZipFile } from "yauzl";
import { HandoverError } from "../../contracts/handover-error.js";
import type { FileContent, FileProbe } from "../../contracts/source.js";
import { skipBytes, type ExportContainer, type ExportEntry } from "./container.js";
import { normalizeEntryPath } from "./entry-path.js";

interface Found {
  readonly zip: ZipFile;
  readonly entries: ReadonlyMap<string, Entry>;
}

/**
 * A zip archive of an export, read in place: the central directory is read on each call (cheap;
 * it holds names and sizes), and an entry's bytes are inflated as a stream only when that table
 * is read — nothing is extracted, to disk or to memory. An entry whose name leads outside the
 * archive (`../x.csv`, `/etc/x`, `C:\x`: "zip slip") makes the whole archive refused (HO-SRC-011):
 * no honest export holds one, so it is taken as a damaged or hostile archive.
 */
export function createZipContainer(root: string): ExportContainer {
  /** Opens the archive and indexes its file entries by normalized path; the caller closes `zip`. */
  async function scan(): Promise<Found> {
    let zip: ZipFile;
    try {
      // decodeStrings: false, because yauzl's own name check would fail the archive with the name in the message.
      zip = await yauzl.openPromise(root, { decodeStrings: false, autoClose: false, strictFileNames: false });
    } catch (error) {
      throw new HandoverError("HO-SRC-001", { path: root }, { cause: error });
    }
    const entries = new Map<string, Entry>();
    try {
      for await (const entry of zip.eachEntry()) {
        const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
        if (name.endsWith("/") || name.endsWith("\\")) continue; // a folder entry
        const path = normalizeEntryPath(name);
        if (!path.ok && path.problem === "outside") {
          throw new HandoverError("HO-SRC-011", { path: root, reason: "an absolute path or '..'" });
        }
        if (path.ok && !entries.has(path.path)) entries.set(path.path, entry);
      }
    } catch (error) {
      zip.close();
      if (error instanceof HandoverError) throw error;
      throw new HandoverError("HO-SRC-001", { path: root }, { cause: error });
    }
    return { zip, entries };
  }

  async function withEntry<T>(path: string, use: (zip: ZipFile, entry: Entry | undefined) => Promise<T>): Promise<T> {
    const { zip, entries } = await scan();
    try {
      return await use(zip, entries.get(path));
    } finally {
      zip.close();
    }
  }

  async function* open(path: string, start = 0): AsyncGenerator<Buffer> {
    const { zip, entries } = await scan();
    try {
      const entry = entries.get(path);
      if (!entry) throw new HandoverError("HO-SRC-013", { file: path, format: "a zip entry", reason: "the entry is gone from the archive" });
      let stream: AsyncIterable<Buffer> & { destroy(): void };
      try {
        stream = (await zip.openReadStreamPromise(entry)) as unknown as AsyncIterable<Buffer> & { destroy(): void };
      } catch (error) {
        throw unreadable(path, error);
      }
      try {
        yield* skipBytes(guard(stream, path), start);
      } finally {
        stream.destroy();
      }
    } finally {
      zip.close();
    }
  }

  return {
    root,
    seekable: false,
    async list() {
      const { zip, entries } = await scan();
      zip.close();
      const out: ExportEntry[] = [...entries].map(([path, entry]) => ({
        path,
        size: entry.uncompressedSize,
        stamp: `${entry.crc32}:${entry.uncompressedSize}:${entry.lastModFileDate}:${entry.lastModFileTime}`,
      }));
      return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
    open,
    files: {
      async stat(path: string): Promise<FileProbe> {
        const normalized = normalizeEntryPath(typeof path === "string" ? path : "");
        if (!normalized.ok) return { ok: false, problem: normalized.problem === "outside" ? "outside-source" : "missing" };
        return withEntry(normalized.path, async (_zip, entry) => (entry ? { ok: true, size: entry.uncompressedSize } : { ok: false, problem: "missing" }));
      },
      async read(path: string): Promise<FileContent> {
        const normalized = normalizeEntryPath(typeof path === "string" ? path : "");
        if (!normalized.ok) return { ok: false, problem: normalized.problem === "outside" ? "outside-source" : "missing" };
        return withEntry(normalized.path, async (zip, entry) => {
          if (!entry) return { ok: false, problem: "missing" };
          try {
            const parts: Buffer[] = [];
            for await (const chunk of (await zip.openReadStreamPromise(entry)) as AsyncIterable<Buffer>) parts.push(chunk);
            return { ok: true, bytes: Buffer.concat(parts) };
          } catch {
            return { ok: false, problem: "unreadable" };
          }
        });
      },
    },
  };
}

/** Inflate errors (a damaged entry, a size mismatch) end the table as unreadable, without yauzl's message. */
async function* guard(stream: AsyncIterable<Buffer>, path: string): AsyncGenerator<Buffer> {
  try {
    yield* stream;
  } catch (error) {
    throw unreadable(path, error);
  }
}

function unreadable(path: string, error: unknown): HandoverError {
  const encrypted = error instanceof Error && /encrypt/i.test(error.message);
  return new HandoverError(
    "HO-SRC-013",
    { file: path, format: "a zip entry", reason: encrypted ? "the entry is encrypted" : "the entry is damaged or uses an unsupported compression" },
    { cause: error },
  );
}
