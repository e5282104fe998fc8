/**
 * Writes the labelled matcher corpus (test/corpus/match/*.json) from the compact specs, with
 * deterministic samples: `npm run build && node dist/bench/match-corpus-build.js`. The JSON files
 * are committed; rerun only after changing a spec (the same spec always gives the same file).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { model } from "../src/model/index.js";
import { corpusDir, type CorpusColumn, type CorpusSchema, type CorpusTable } from "./match-corpus.js";
import type { SchemaSpec, TableSpec } from "./match-corpus-spec.js";
import { englishSpecs } from "./match-corpus-specs-en.js";
import { holdoutSpecs } from "./match-corpus-specs-holdout.js";
import { intlSpecs } from "./match-corpus-specs-intl.js";
import { vendorSpecs } from "./match-corpus-specs-vendor.js";
import { samplesFor } from "./match-corpus-values.js";

const SAMPLES = 15;
const ROWS = 600;
/** Draws used to tell a column of few repeated values from a mostly-unique one. */
const PROBE = 200;
/** Generators standing for many-valued data (names, streets, notes) whose word lists are short. */
const manyValued = new Set(["first", "last", "fullname", "lastfirst", "street", "street:de", "street:es", "emerg", "note", "filename", "email", "workemail", "path", "policy", "alerts"]);

function label(raw: string, object: string | null, where: string): string {
  if (raw === "custom") return raw;
  const key = raw.includes(".") ? raw : `${object}.${raw}`;
  const [objectName, fieldName] = key.split(".");
  if (!model[objectName ?? ""]?.fields.some((f) => f.name === fieldName)) throw new Error(`${where}: no model field '${key}'`);
  return key;
}

function column(line: string, schema: string, table: TableSpec, rows: number): CorpusColumn {
  const [name, rawLabel, gen, ...options] = line.split("|").map((part) => part.trim());
  const where = `${schema}.${table.name}.${name}`;
  if (!name || !rawLabel || !gen) throw new Error(`${where}: expected 'name | label | generator'`);
  const seed = `${schema}/${table.name}/${name}`;
  const probe = new Set(samplesFor(gen, seed, PROBE)).size;
  const extra = Object.fromEntries(options.map((o) => o.split("=") as [string, string]));
  return {
    name,
    label: label(rawLabel, table.object, where),
    ...(extra.type ? { declaredType: extra.type } : {}),
    ...(extra.fmt ? { dateFormat: extra.fmt } : {}),
    distinctCount: manyValued.has(gen) ? Math.round(rows * 0.8) : probe < PROBE * 0.75 ? probe : rows,
    samples: samplesFor(gen, seed, SAMPLES),
  };
}

function table(spec: TableSpec, schema: string): CorpusTable {
  const rows = spec.rows ?? ROWS;
  const lines = spec.columns.split("\n").map((l) => l.trim()).filter((l) => l.length > 0);
  return {
    name: spec.name,
    object: spec.object,
    ...(spec.key ? { key: [spec.key] } : {}),
    ...(spec.hint ? { modelHint: spec.hint } : {}),
    rowCount: rows,
    columns: lines.map((line) => column(line, schema, spec, rows)),
  };
}

export function buildSchema(spec: SchemaSpec): CorpusSchema {
  return {
    name: spec.name,
    style: spec.style,
    ...(spec.notes ? { notes: spec.notes } : {}),
    ...(spec.profile ? { profile: spec.profile } : {}),
    tables: spec.tables.map((t) => table(t, spec.name)),
  };
}

const dir = corpusDir();
mkdirSync(dir, { recursive: true });
for (const spec of [...englishSpecs, ...vendorSpecs, ...intlSpecs, ...holdoutSpecs]) {
  const schema = buildSchema(spec);
  // One column per line keeps diffs of a changed spec readable.
  const text = JSON.stringify(schema, null, 2).replace(/\[\n\s+("[^\]]*?)\n\s+\]/g, (_m, body: string) => `[${body.replace(/\n\s+/g, " ")}]`);
  writeFileSync(join(dir, `${spec.name}.json`), `${text}\n`);
  console.log(`${spec.name}: ${schema.tables.length} tables, ${schema.tables.reduce((n, t) => n + t.columns.length, 0)} columns`);
}
