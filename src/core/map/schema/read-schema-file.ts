import { readFileSync, statSync } from "node:fs";
import { extname } from "node:path";
import { parseDocument } from "yaml";
import { HandoverError } from "../../../contracts/handover-error.js";
import { readColumnsCsv, readColumnsJson } from "./columns-table.js";
import { readDdl, type Dialect } from "./ddl-schema.js";
import { isStructureDefinition, readStructureDefinitions } from "./fhir-schema.js";
import type { SchemaDescription } from "./schema-description.js";

export interface ReadSchemaOptions {
  /** SQL dialect of a DDL file; guessed from the text when absent. */
  readonly dialect?: Dialect;
}

/**
 * Reads a schema description file, choosing the reader by extension (.csv, .json, .sql/.ddl) or,
 * for any other name, by its first characters. JSON is a FHIR StructureDefinition (or a Bundle of
 * them) when it says so, else a columns table.
 */
export function readSchemaFile(file: string, options: ReadSchemaOptions = {}): SchemaDescription {
  let text: string;
  try {
    if (!statSync(file).isFile()) throw new Error("not a file");
    text = readFileSync(file, "utf8");
  } catch {
    throw new HandoverError("HO-MAP-004", { file, reason: "no such file" });
  }
  const ext = extname(file).toLowerCase();
  const head = text.trimStart().slice(0, 1);
  const kind = ext === ".csv" ? "csv" : ext === ".json" ? "json" : ext === ".sql" || ext === ".ddl" ? "sql"
    : head === "{" || head === "[" ? "json" : /\bCREATE\s+TABLE\b/i.test(text) ? "sql" : "csv";
  const description = kind === "csv" ? readColumnsCsv(file, text) : kind === "sql" ? readDdl(file, text, options.dialect) : readJson(file, text);
  if (!description.tables.some((t) => t.columns.length > 0)) throw new HandoverError("HO-MAP-008", { file });
  return description;
}

function readJson(file: string, text: string): SchemaDescription {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    // JSON.parse's message quotes the text; the YAML parser (JSON is YAML) tells the line instead.
    const line = parseDocument(text).errors[0]?.linePos?.[0]?.line ?? "?";
    throw new HandoverError("HO-MAP-005", { file, line, reason: "not valid JSON" });
  }
  return isStructureDefinition(value) ? readStructureDefinitions(file, value) : readColumnsJson(file, value);
}
