/**
 * Relative paths inside an export, as rows and archives give them. Backslashes count as
 * separators (exports made on Windows write `files\D1.pdf`); `.` and empty segments drop out.
 * A path that is absolute, has a drive letter or climbs above the root with `..` is `outside`:
 * the reader never follows it (a "zip-slip" entry, or a row pointing at /etc/passwd).
 *
 * @example normalizeEntryPath("files\\..\\files\\D1.pdf") // { ok: true, path: "files/D1.pdf" }
 */
export function normalizeEntryPath(raw: string): { readonly ok: true; readonly path: string } | { readonly ok: false; readonly problem: "outside" | "empty" } {
  if (raw.includes("\0")) return { ok: false, problem: "empty" };
  const slashed = raw.replace(/\\/g, "/");
  if (slashed.startsWith("/") || /^[A-Za-z]:/.test(slashed)) return { ok: false, problem: "outside" };
  const parts: string[] = [];
  for (const segment of slashed.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (parts.length === 0) return { ok: false, problem: "outside" };
      parts.pop();
      continue;
    }
    parts.push(segment);
  }
  return parts.length === 0 ? { ok: false, problem: "empty" } : { ok: true, path: parts.join("/") };
}
