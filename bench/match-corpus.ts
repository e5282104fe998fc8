/**
 * The labelled matcher corpus (test/corpus/match/*.json) as source tables with their true labels.
 * A label is "object.field", or "custom" when no model field fits (the column becomes a custom
 * property); every table names the model object it holds.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { SourceColumn, SourceTable } from "../src/contracts/source.js";

export interface CorpusColumn {
  readonly name: string;
  readonly label: string;
  readonly declaredType?: string;
  readonly dateFormat?: string;
  readonly distinctCount: number;
  readonly samples: readonly string[];
}

export interface CorpusTable {
  readonly name: string;
  readonly object: string | null;
  readonly key?: readonly string[];
  readonly modelHint?: string;
  readonly rowCount: number;
  readonly columns: readonly CorpusColumn[];
}

export interface CorpusSchema {
  readonly name: string;
  readonly style: string;
  readonly notes?: string;
  readonly profile?: string;
  readonly tables: readonly CorpusTable[];
}

/** The repository root: the nearest folder above this file with a package.json. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error("no package.json above the bench");
    dir = up;
  }
  return dir;
}

export const corpusDir = (): string => join(repoRoot(), "test", "corpus", "match");

export function loadCorpus(dir = corpusDir()): CorpusSchema[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => JSON.parse(readFileSync(join(dir, file), "utf8")) as CorpusSchema);
}

/**
 * A corpus table as the matcher sees it. `declaredType` rides along on the column for sources
 * that declare types (the contract has no field for it yet; the matcher reads it when present).
 */
export function toSourceTable(table: CorpusTable, withHint: boolean): SourceTable {
  const columns = table.columns.map((c): SourceColumn & { declaredType?: string } => ({
    name: c.name,
    samples: c.samples,
    nonEmptyCount: table.rowCount,
    distinctCount: c.distinctCount,
    maxLength: c.samples.reduce((max, s) => Math.max(max, s.length), 0),
    ...(c.dateFormat ? { dateFormat: c.dateFormat } : {}),
    ...(c.declaredType ? { declaredType: c.declaredType } : {}),
  }));
  return {
    name: table.name,
    file: `${table.name}.csv`,
    rowCount: table.rowCount,
    columns,
    ...(table.key ? { key: table.key } : {}),
    ...(withHint && table.modelHint ? { modelHint: table.modelHint } : {}),
  };
}
