import { parse } from "csv-parse/sync";
import { HandoverError } from "../../../contracts/handover-error.js";
import type { SchemaColumn, SchemaDescription, SchemaTable } from "./schema-description.js";

/**
 * A schema written as a columns table, one row per column: table, column, type, description,
 * samples (several separated by "|"), and optionally label and key ("yes" on key columns).
 * The same rows come as CSV or as a JSON array; JSON may also nest them as
 * `{ tables: [{ name, description, columns: [{ name, type, ... }] }] }`.
 */

/** Header spellings people use, by the field they mean. */
const aliases: Readonly<Record<string, readonly string[]>> = {
  table: ["table", "table name", "table_name", "entity", "object", "sheet"],
  column: ["column", "column name", "column_name", "field", "field name", "name", "attribute"],
  type: ["type", "data type", "data_type", "datatype"],
  description: ["description", "desc", "comment", "definition", "notes"],
  samples: ["samples", "sample", "sample values", "sample_values", "examples", "example values"],
  label: ["label", "display name", "display_name", "displayname"],
  key: ["key", "primary key", "pk", "is key"],
};

type Row = Readonly<Record<string, unknown>>;

function pick(row: Row, field: string): string | undefined {
  for (const [key, value] of Object.entries(row)) {
    if (aliases[field]?.includes(key.trim().toLowerCase()) && value !== undefined && value !== null && String(value).trim() !== "") {
      return Array.isArray(value) ? value.map(String).join("|") : String(value).trim();
    }
  }
  return undefined;
}

/** Rows (with the line each starts on) → tables, in first-seen order. */
function fromRows(file: string, rows: readonly { readonly row: Row; readonly line: number }[], format: SchemaDescription["format"]): SchemaDescription {
  const tables = new Map<string, { columns: SchemaColumn[]; key: string[] }>();
  for (const { row, line } of rows) {
    const table = pick(row, "table");
    const column = pick(row, "column");
    if (!table) throw new HandoverError("HO-MAP-005", { file, line, reason: "the row names no table" });
    if (!column) throw new HandoverError("HO-MAP-005", { file, line, reason: `the row in table '${table}' names no column` });
    const entry = tables.get(table) ?? { columns: [], key: [] };
    tables.set(table, entry);
    if (entry.columns.some((c) => c.name === column)) throw new HandoverError("HO-MAP-005", { file, line, reason: `column '${column}' of table '${table}' is listed twice` });
    const [type, description, label] = [pick(row, "type"), pick(row, "description"), pick(row, "label")];
    const samples = (pick(row, "samples") ?? "").split("|").map((s) => s.trim()).filter((s) => s.length > 0);
    entry.columns.push({ name: column, samples, ...(type ? { type } : {}), ...(description ? { description } : {}), ...(label ? { label } : {}) });
    if (/^(y|yes|true|1|pk|key)$/i.test(pick(row, "key") ?? "")) entry.key.push(column);
  }
  return {
    origin: file,
    format,
    tables: [...tables].map(([name, { columns, key }]): SchemaTable => ({ name, columns, ...(key.length > 0 ? { key } : {}) })),
  };
}

export function readColumnsCsv(file: string, text: string): SchemaDescription {
  let records: { record: Row; info: { lines: number } }[];
  try {
    records = parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: true, info: true, relax_column_count: false });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    throw new HandoverError("HO-MAP-005", { file, line, reason: `malformed CSV (${(error as { code?: string }).code ?? "parse error"})` });
  }
  return fromRows(file, records.map((r) => ({ row: r.record, line: r.info.lines })), "columns-csv");
}

/** A JSON columns table: an array of rows, or `{ tables: [...] }` with nested columns. */
export function readColumnsJson(file: string, value: unknown): SchemaDescription {
  if (Array.isArray(value)) {
    return fromRows(file, value.map((row, i) => ({ row: isRow(row) ? row : {}, line: i + 1 })), "columns-json");
  }
  const tables = isRow(value) ? value.tables : undefined;
  if (!Array.isArray(tables)) throw new HandoverError("HO-MAP-004", { file, reason: "JSON is neither a list of column rows, { tables: [...] } nor a FHIR StructureDefinition" });
  const rows: { row: Row; line: number }[] = [];
  tables.forEach((table, t) => {
    const name = isRow(table) ? table.name ?? table.table : undefined;
    const columns = isRow(table) ? table.columns : undefined;
    if (typeof name !== "string" || !Array.isArray(columns)) {
      throw new HandoverError("HO-MAP-005", { file, line: `tables[${t}]`, reason: "a table needs a name and a columns list" });
    }
    columns.forEach((column) => rows.push({ row: { table: name, ...(isRow(column) ? column : {}) }, line: t + 1 }));
  });
  return fromRows(file, rows, "columns-json");
}

function isRow(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
