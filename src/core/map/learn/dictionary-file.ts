import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parse, stringify } from "yaml";
import type { Workspace } from "../../../config/workspace.js";
import { HandoverError } from "../../../contracts/handover-error.js";
import { getField, getObject } from "../../../model/index.js";
import { dictionarySchema, emptyDictionary, keyOf, MAX_DECISIONS, normalizeColumn, type Decision, type Dictionary, type DictionaryEntry } from "./dictionary.js";

/** The workspace's own dictionary: at its root, beside mapping.yaml, part of what is handed over. */
export function dictionaryPath(ws: Workspace): string {
  return join(ws.root, "dictionary.yaml");
}

/** The workspace's dictionary, or an empty one when none was written yet. */
export function loadWorkspaceDictionary(ws: Workspace): Dictionary {
  const path = dictionaryPath(ws);
  return existsSync(path) ? readDictionary(path) : emptyDictionary;
}

/**
 * Reads and checks a dictionary file: YAML, version 1, every entry's object and every decision's
 * field known to the model. A problem is a catalogued error naming the file and the entry.
 * Column names are normalized and entries with the same key merged, so a hand-edited file works.
 */
export function readDictionary(path: string): Dictionary {
  const file = basename(path);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (cause) {
    throw new HandoverError("HO-MAP-011", { file, problem: (cause as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : "not readable" }, { cause });
  }
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (cause) {
    throw new HandoverError("HO-MAP-011", { file, problem: "not valid YAML" }, { cause });
  }
  const result = dictionarySchema.safeParse(raw);
  if (!result.success) {
    const first = result.error.issues[0]!;
    const [head, index, ...rest] = first.path;
    if (head !== "entries" || typeof index !== "number") {
      throw new HandoverError("HO-MAP-011", { file, problem: `${first.path.join(".") || "(top level)"}: ${first.message}` });
    }
    const entry = (raw as { entries: unknown[] }).entries[index];
    throw new HandoverError("HO-MAP-010", { file, entry: entryLabel(index, entry), problem: `${rest.join(".") || "(entry)"}: ${first.message}` });
  }
  result.data.entries.forEach((entry, index) => checkEntry(file, index, entry));
  return tidy(result.data.entries.map((e) => ({ ...e, column: normalizeColumn(e.column) })));
}

function checkEntry(file: string, index: number, entry: DictionaryEntry): void {
  const fail = (problem: string) => { throw new HandoverError("HO-MAP-010", { file, entry: entryLabel(index, entry), problem }); };
  if (!getObject(entry.object)) fail(`object '${entry.object}' is not in the practice model`);
  if (normalizeColumn(entry.column) === "") fail("column has no letters or digits");
  entry.decisions.forEach((d, i) => {
    for (const [name, value] of [["outcome", d.outcome], ["proposed", d.proposed]] as const) {
      if (value === "custom" || value === "rejected") continue;
      if (!value.startsWith(`${entry.object}.`) || !getField(value)) fail(`decisions.${i}.${name}: '${value}' is not a field of ${entry.object}`);
    }
  });
}

/** "3 (visual-practice patient 'chart no')": the 1-based position, and the key when it has one. */
function entryLabel(index: number, entry: unknown): string {
  const e = (entry ?? {}) as Partial<Record<"vendor" | "object" | "column", unknown>>;
  const parts = [e.vendor, e.object].filter((p): p is string => typeof p === "string");
  const column = typeof e.column === "string" ? `'${e.column}'` : "";
  const key = [...parts, column].filter(Boolean).join(" ");
  return key ? `${index + 1} (${key})` : String(index + 1);
}

/** One entry per key, sorted; decisions oldest first, duplicates dropped, the newest MAX_DECISIONS kept. */
export function tidy(entries: readonly DictionaryEntry[]): Dictionary {
  const byKey = new Map<string, DictionaryEntry>();
  for (const entry of entries) {
    const key = keyOf(entry);
    const held = byKey.get(key);
    byKey.set(key, held ? { ...held, decisions: [...held.decisions, ...entry.decisions] } : entry);
  }
  const tidied = [...byKey.values()].map((entry) => ({ ...entry, decisions: uniqueChronological(entry.decisions).slice(-MAX_DECISIONS) }));
  tidied.sort((a, b) => a.vendor.localeCompare(b.vendor) || a.object.localeCompare(b.object) || a.column.localeCompare(b.column));
  return { version: 1, entries: tidied };
}

export function decisionId(d: Decision): string {
  return JSON.stringify([d.outcome, d.proposed, d.source, d.by, d.at, d.migration]);
}

function uniqueChronological(decisions: readonly Decision[]): Decision[] {
  const seen = new Set<string>();
  const unique = decisions.filter((d) => { const id = decisionId(d); if (seen.has(id)) return false; seen.add(id); return true; });
  return unique.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

const header = [
  "# Handover matching dictionary: decisions people made about source columns, by vendor,",
  "# model object and column name. The next migration from the same vendor proposes them.",
  "# Column names and decisions only, never values. Share it with 'handover map dictionary export'.",
].join("\n");

export function writeDictionary(path: string, dictionary: Dictionary): void {
  writeFileSync(path, `${header}\n${stringify(tidy(dictionary.entries), { lineWidth: 0 })}`);
}
