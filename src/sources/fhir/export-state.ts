import { randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * One bulk export as persisted in the work folder, written after every step (kick-off, manifest,
 * each file), so a process killed at any point resumes where it was instead of kicking off again.
 * Version 1; field names are the wire format of `state.json`.
 */
export interface ExportState {
  readonly version: 1;
  readonly id: string;
  /** What was asked (`_type` and `_since`), as a string: exports are reused only for the same ask. */
  readonly ask: string;
  readonly createdAt: number;
  phase: "kick-off" | "polling" | "downloading" | "complete";
  statusUrl?: string;
  transactionTime?: string;
  requiresAccessToken?: boolean;
  /** The manifest's files, with the local name each is saved as. */
  outputs?: { type: string; url: string; file: string }[];
  errors?: { type: string; url: string; file: string }[];
  /** Local names of the files already saved. */
  downloaded: string[];
  completedAt?: number;
}

export const exportsDir = (workDir: string) => join(workDir, "exports");
export const filesDirOf = (workDir: string, id: string) => join(exportsDir(workDir), id, "files");

export async function saveState(workDir: string, state: ExportState): Promise<void> {
  const dir = join(exportsDir(workDir), state.id);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `state.json.${randomUUID()}`);
  await writeFile(temp, `${JSON.stringify(state, null, 2)}\n`);
  await rename(temp, join(dir, "state.json"));
}

export async function loadState(workDir: string, id: string): Promise<ExportState | undefined> {
  try {
    const state = JSON.parse(await readFile(join(exportsDir(workDir), id, "state.json"), "utf8")) as ExportState;
    return state.version === 1 && state.id === id ? state : undefined;
  } catch {
    return undefined;
  }
}

/** The newest export made for this ask, finished or not. */
export async function latestFor(workDir: string, ask: string): Promise<ExportState | undefined> {
  const ids = await readdir(exportsDir(workDir)).catch(() => [] as string[]);
  let latest: ExportState | undefined;
  for (const id of ids) {
    const state = await loadState(workDir, id);
    if (state?.ask === ask && (!latest || state.createdAt > latest.createdAt)) latest = state;
  }
  return latest;
}

export function newState(ask: string, now: number): ExportState {
  return { version: 1, id: `${now}-${randomUUID().slice(0, 8)}`, ask, createdAt: now, phase: "kick-off", downloaded: [] };
}
