import { HandoverError } from "../../contracts/handover-error.js";
import type { ExportContainer, ExportEntry } from "./container.js";
import { jsonLayout } from "./json-format.js";
import type { ProfileTable, VendorProfile } from "./profile.js";
import { xlsxSheets } from "./xlsx-format.js";

export type TableFormat = "delimited" | "tsv" | "xlsx" | "json" | "ndjson";

/** One table of the export: a whole file, or one sheet of a workbook / one array member of a JSON object (`part`). */
export interface TableSpec {
  readonly name: string;
  readonly file: string;
  readonly entry: ExportEntry;
  readonly format: TableFormat;
  readonly part?: string;
  readonly profile?: ProfileTable;
  /** Why the file can't be read (a damaged workbook): reading or discovering the table throws it. */
  readonly broken?: HandoverError;
}

/** Sheets and JSON members by file, kept while the file's stamp holds: finding them reads the whole file. */
export type PartsCache = Map<string, { readonly stamp: string; readonly parts: Parts }>;

type Parts = { readonly format: TableFormat; readonly names?: readonly string[]; readonly broken?: HandoverError };

const extensions: Readonly<Record<string, TableFormat>> = {
  csv: "delimited", txt: "delimited", tsv: "tsv", tab: "tsv", xlsx: "xlsx", json: "json", ndjson: "ndjson", jsonl: "ndjson",
};

/** Formats that are one family: a profile listing `.json` files accepts NDJSON too. */
const family = (format: TableFormat) => (format === "tsv" ? "delimited" : format === "ndjson" ? "json" : format);

/** The format a file's name says, or undefined for files that are not tables (and for editor and archiver litter). */
export function formatOf(path: string): TableFormat | undefined {
  const base = baseName(path);
  if (base.startsWith("~$") || base.startsWith(".") || path.startsWith("__MACOSX/")) return undefined;
  const match = /\.([a-z0-9]+)$/i.exec(base);
  return match ? extensions[match[1]!.toLowerCase()] : undefined;
}

const baseName = (path: string) => path.slice(path.lastIndexOf("/") + 1);
const stem = (path: string) => baseName(path).replace(/\.[^.]*$/, "").toLowerCase();

/**
 * The export's tables. Names: a file's name without extension, lowercased; a sheet or JSON member
 * by its own name, lowercased, or `<file>/<name>` when another table has that name; the profile's
 * table name wherever the profile lists the file. With a profile, only files in the formats it
 * lists are read. Two files giving one name are refused (HO-SRC-009).
 */
export async function listTables(container: ExportContainer, profile: VendorProfile | undefined, cache: PartsCache): Promise<TableSpec[]> {
  // With a profile, the extensions its files have (a profile of .csv tables doesn't read the .txt
  // documents in files/ as tables); JSON lists accept NDJSON too.
  const allowed = profile ? new Set(Object.entries(profile.tables).flatMap(([name, table]) => profileExtensions(table.file ?? `${name}.csv`))) : undefined;
  const candidates: Omit<TableSpec, "name">[] = [];
  for (const entry of await container.list()) {
    const format = formatOf(entry.path);
    if (!format || (allowed && !allowed.has(extensionOf(entry.path)))) continue;
    const parts = format === "xlsx" || format === "json" ? await partsOf(container, entry, format, cache) : { format };
    if (parts.broken || !parts.names) {
      candidates.push({ file: entry.path, entry, format: parts.format, ...(parts.broken ? { broken: parts.broken } : {}) });
      continue;
    }
    for (const part of parts.names) candidates.push({ file: entry.path, entry, format: parts.format, part });
  }

  const profiled = candidates.map((candidate) => profileMatch(candidate, candidates, profile));
  const naturals = new Map<string, number>();
  for (const [index, candidate] of candidates.entries()) {
    const natural = profiled[index]?.[0] ?? naturalName(candidate);
    naturals.set(natural, (naturals.get(natural) ?? 0) + 1);
  }
  const byName = new Map<string, TableSpec>();
  for (const [index, candidate] of candidates.entries()) {
    const match = profiled[index];
    const natural = naturalName(candidate);
    const name = match ? match[0] : candidate.part !== undefined && (naturals.get(natural) ?? 0) > 1 ? `${stem(candidate.file)}/${natural}` : natural;
    const earlier = byName.get(name);
    if (earlier) throw new HandoverError("HO-SRC-009", { file: earlier.file, other: candidate.file, path: container.root, table: name });
    byName.set(name, { ...candidate, name, ...(match ? { profile: match[1] } : {}) });
  }
  if (byName.size === 0) throw new HandoverError("HO-SRC-001", { path: container.root });
  return [...byName.values()];
}

function naturalName(candidate: Omit<TableSpec, "name">): string {
  return candidate.part !== undefined ? candidate.part.toLowerCase() : stem(candidate.file);
}

const extensionOf = (path: string) => /\.([a-z0-9]+)$/i.exec(baseName(path))?.[1]?.toLowerCase() ?? "";

/** The extensions a profile's file entry admits: its own, and for JSON the NDJSON ones too. */
function profileExtensions(file: string): string[] {
  const ext = /\.([a-z0-9]+)(?:\/|$)/i.exec(file)?.[1]?.toLowerCase() ?? "csv";
  const format = extensions[ext];
  return format && family(format) === "json" ? Object.keys(extensions).filter((e) => family(extensions[e]!) === "json") : [ext];
}

/**
 * The profile table a candidate is: its `file` names the file (with or without folder, any case),
 * or `<file>/<sheet>`, or the workbook alone when it has one sheet; a table without `file` matches
 * `<name>.csv`, or a non-CSV table whose own name is the profile's table name.
 */
function profileMatch(candidate: Omit<TableSpec, "name">, all: readonly Omit<TableSpec, "name">[], profile: VendorProfile | undefined): [string, ProfileTable] | undefined {
  if (!profile) return undefined;
  const path = candidate.file.toLowerCase();
  const base = baseName(path);
  const targets = new Set<string>();
  if (candidate.part === undefined) targets.add(path).add(base);
  else {
    const part = candidate.part.toLowerCase();
    targets.add(`${path}/${part}`).add(`${base}/${part}`);
    if (all.filter((other) => other.file === candidate.file).length === 1) targets.add(path).add(base);
  }
  for (const [name, table] of Object.entries(profile.tables)) {
    if (targets.has((table.file ?? `${name}.csv`).toLowerCase())) return [name, table];
    if (table.file === undefined && candidate.format !== "delimited" && naturalName(candidate) === name.toLowerCase()) return [name, table];
  }
  return undefined;
}

async function partsOf(container: ExportContainer, entry: ExportEntry, format: "xlsx" | "json", cache: PartsCache): Promise<Parts> {
  const cached = cache.get(entry.path);
  if (cached?.stamp === entry.stamp) return cached.parts;
  let parts: Parts;
  try {
    if (format === "xlsx") parts = { format, names: await xlsxSheets(container, entry.path) };
    else {
      const layout = await jsonLayout(container, entry.path);
      parts = layout.kind === "object" ? { format, names: layout.members } : { format: layout.kind === "lines" ? "ndjson" : "json" };
    }
  } catch (error) {
    if (!(error instanceof HandoverError) || error.code !== "HO-SRC-013") throw error;
    parts = { format, broken: error };
  }
  cache.set(entry.path, { stamp: entry.stamp, parts });
  return parts;
}
