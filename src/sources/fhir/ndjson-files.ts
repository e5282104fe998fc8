import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { HandoverError } from "../../contracts/handover-error.js";

/** One resource type's NDJSON files, in part order. */
export interface ResourceFiles {
  /** The resource type, which is also the table name (e.g. "Patient"). */
  readonly type: string;
  /** File names relative to the folder: `Patient.ndjson`, or parts `Patient.000.ndjson`, `Patient.001.ndjson`… */
  readonly files: readonly string[];
}

/** `Patient.ndjson`, `Patient.3.ndjson`, `Patient-003.ndjson`, `Patient_3.ndjson` (what bulk servers write). */
const namePattern = /^([A-Z][A-Za-z]+)(?:[._-](\d+))?\.ndjson$/;

/**
 * Lists a folder's NDJSON files by resource type. Parts of one type are ordered by their number
 * (numerically, so part 10 follows part 9), and a type's file without a number comes first.
 * Throws HO-SRC-001 when the folder is missing or holds no NDJSON file.
 */
export async function listResourceFiles(root: string): Promise<ResourceFiles[]> {
  let entries: string[];
  try {
    if (!(await stat(root)).isDirectory()) throw new Error("not a directory");
    entries = await readdir(root);
  } catch (error) {
    throw new HandoverError("HO-SRC-001", { path: root }, { cause: error });
  }
  const byType = new Map<string, { file: string; part: number }[]>();
  for (const file of entries) {
    const match = namePattern.exec(file);
    if (!match) continue;
    const type = match[1] as string;
    const parts = byType.get(type) ?? [];
    parts.push({ file, part: match[2] === undefined ? -1 : Number(match[2]) });
    byType.set(type, parts);
  }
  if (byType.size === 0) throw new HandoverError("HO-SRC-001", { path: root });
  return [...byType.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([type, parts]) => ({
      type,
      files: parts.sort((a, b) => a.part - b.part || (a.file < b.file ? -1 : 1)).map((p) => p.file),
    }));
}

/** The files of one table, or HO-SRC-006 naming the folder. */
export async function findResourceFiles(root: string, table: string): Promise<ResourceFiles> {
  const found = (await listResourceFiles(root)).find((entry) => entry.type === table);
  if (!found) throw new HandoverError("HO-SRC-006", { path: root, table });
  return found;
}

export const filePath = (root: string, file: string): string => join(root, file);
