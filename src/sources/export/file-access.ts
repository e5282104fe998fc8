import { constants } from "node:fs";
import { open, realpath, type FileHandle } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep, win32 } from "node:path";
import type { FileContent, FileProbe, FileProblem } from "../../contracts/source.js";

export interface FileAccess {
  stat(path: string): Promise<FileProbe>;
  read(path: string): Promise<FileContent>;
}

type Opened = { readonly ok: true; readonly handle: FileHandle; readonly size: number } | { readonly ok: false; readonly problem: FileProblem };

const problem = (kind: FileProblem) => ({ ok: false, problem: kind }) as const;

/** Read-only, never follows a last-moment symlink, never waits on a FIFO. (Windows lacks the last two flags.) */
const openFlags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

function problemOf(error: unknown): FileProblem {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "ENOENT" || code === "ENOTDIR" ? "missing" : "unreadable";
}

function within(base: string, path: string): boolean {
  const rel = relative(base, path);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * Files that rows of an export point at (a document's content), by the path the row gives,
 * relative to `root`. Backslashes count as separators (exports made on Windows write
 * `files\D1.pdf`). Answers, never throws: an absolute path or one that leads out of the root —
 * by `..` or through a symlink — is "outside-source"; an absent one "missing"; a folder, a
 * device or one without read permission "unreadable". Answers carry no part of the path, so
 * nothing from a row reaches a message.
 *
 * @example await createFileAccess("/exports/vp").stat("files\\D00000001.pdf") // { ok: true, size: 1556 }
 */
export function createFileAccess(root: string): FileAccess {
  let realRoot: Promise<string | undefined> | undefined;

  async function openWithin(path: string): Promise<Opened> {
    if (typeof path !== "string" || path === "" || path.includes("\0")) return problem("missing");
    const slashed = path.replace(/\\/g, "/");
    if (isAbsolute(slashed) || win32.isAbsolute(path) || /^[A-Za-z]:/.test(slashed)) return problem("outside-source");
    const base = await (realRoot ??= realpath(root).catch(() => undefined));
    // A root that isn't there yet (files are stored as a read goes) is looked up again next time.
    if (base === undefined) {
      realRoot = undefined;
      return problem("missing");
    }
    const lexical = resolve(base, slashed);
    if (!within(base, lexical)) return problem("outside-source");
    let handle: FileHandle | undefined;
    try {
      const real = await realpath(lexical);
      if (!within(base, real)) return problem("outside-source");
      handle = await open(real, openFlags);
      const info = await handle.stat();
      if (!info.isFile()) {
        await handle.close();
        return problem("unreadable");
      }
      return { ok: true, handle, size: info.size };
    } catch (error) {
      await handle?.close().catch(() => undefined);
      return problem(problemOf(error));
    }
  }

  return {
    async stat(path) {
      const opened = await openWithin(path);
      if (!opened.ok) return opened;
      await opened.handle.close().catch(() => undefined);
      return { ok: true, size: opened.size };
    },
    async read(path) {
      const opened = await openWithin(path);
      if (!opened.ok) return opened;
      try {
        return { ok: true, bytes: await opened.handle.readFile() };
      } catch (error) {
        return problem(problemOf(error));
      } finally {
        await opened.handle.close().catch(() => undefined);
      }
    },
  };
}
