import type { FileAccess } from "./file-access.js";

/**
 * Where an export's files live — a folder or a zip archive — behind one small interface, so the
 * format readers never know which. Paths are relative to the export root and `/`-separated.
 */
export interface ExportContainer {
  /** The folder or archive path, for messages. */
  readonly root: string;
  /** True when `open(path, start)` skips to `start` without reading what lies before it. */
  readonly seekable: boolean;
  /** Every file in the export, nested folders included, in path order. */
  list(): Promise<readonly ExportEntry[]>;
  /**
   * The entry's bytes from `start` (0 by default), in chunks of at most 64 KiB. Breaking out of
   * the loop releases the file. An archive inflates from the entry's start and drops the skipped part.
   */
  open(path: string, start?: number): AsyncIterable<Buffer>;
  /** Files the rows point at (documents), confined to the export. */
  readonly files: FileAccess;
}

export interface ExportEntry {
  readonly path: string;
  /** Bytes (uncompressed, for an archive entry). */
  readonly size: number;
  /** Changes when the content does (size and mtime, or the archive entry's CRC): checkpoints made on another version are refused. */
  readonly stamp: string;
}

export const chunkBytes = 64 * 1024;

/** Reads up to `bytes` from the start of an entry; `complete` says the entry ended within them. */
export async function readHead(container: ExportContainer, path: string, bytes: number): Promise<{ head: Buffer; complete: boolean }> {
  const parts: Buffer[] = [];
  let length = 0;
  for await (const chunk of container.open(path)) {
    parts.push(chunk);
    length += chunk.length;
    if (length >= bytes) return { head: Buffer.concat(parts).subarray(0, bytes), complete: false };
  }
  return { head: Buffer.concat(parts), complete: true };
}

/** Drops the first `count` bytes of a chunk stream: how a stream that can't seek is resumed. */
export async function* skipBytes(chunks: AsyncIterable<Buffer>, count: number): AsyncGenerator<Buffer> {
  let left = count;
  for await (const chunk of chunks) {
    if (left >= chunk.length) {
      left -= chunk.length;
      continue;
    }
    yield left > 0 ? chunk.subarray(left) : chunk;
    left = 0;
  }
}
