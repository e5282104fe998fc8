import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { HandoverError } from "../../contracts/handover-error.js";
import { chunkBytes, type ExportContainer, type ExportEntry } from "./container.js";
import { createFileAccess } from "./file-access.js";

/** Nested folders are walked this deep: an export is shallow, and a symlink loop must not hang discovery. */
const maxDepth = 8;

/**
 * An export folder. Nested folders are listed too (their files keep their relative path); folders
 * reached through a symlink are not entered.
 */
export function createFolderContainer(root: string): ExportContainer {
  async function walk(folder: string, prefix: string, depth: number, out: ExportEntry[]): Promise<void> {
    const entries = await readdir(folder, { withFileTypes: true });
    for (const entry of entries) {
      const path = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isDirectory()) {
        if (depth < maxDepth) await walk(join(folder, entry.name), path, depth + 1, out);
        continue;
      }
      if (!entry.isFile() && !entry.isSymbolicLink()) continue;
      const info = await stat(join(folder, entry.name)).catch(() => undefined);
      if (!info?.isFile()) continue;
      out.push({ path, size: info.size, stamp: `${info.size}:${info.mtimeMs}` });
    }
  }

  return {
    root,
    seekable: true,
    async list() {
      const out: ExportEntry[] = [];
      try {
        if (!(await stat(root)).isDirectory()) throw new Error("not a directory");
        await walk(root, "", 0, out);
      } catch (error) {
        throw new HandoverError("HO-SRC-001", { path: root }, { cause: error });
      }
      return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
    open(path, start = 0) {
      return createReadStream(join(root, ...path.split("/")), { start, highWaterMark: chunkBytes }) as AsyncIterable<Buffer>;
    },
    files: createFileAccess(root),
  };
}
