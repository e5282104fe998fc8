import type { FieldRow, MappingFile, ValueRow } from "../../config/mapping-file.js";
import type { SourceCatalog, SourceColumn } from "../../contracts/source.js";
import { getField, getObject, type FieldDef } from "../../model/index.js";
import { parseValue } from "../transform/parse-value.js";
import { matchValues } from "./match/match-values.js";
import type { TargetTemplate } from "./templates/template.js";

/**
 * The `values:` section of mapping.yaml: for every column routed (proposed or confirmed) to a
 * code field with a vocabulary, each distinct value matched to a code. Discovery keeps every
 * value, counted, of columns with at most VALUE_LIST_CAP distinct values (that repeat); a column
 * without such a list gets no value rows: its values go through the built-in parse (flagged when
 * they fit no code), and no value of a column that may not be coded at all is copied here.
 */

/** `table.column` → [table, column]; table names may hold spaces, never dots. */
export function splitSource(source: string): [string, string] {
  const dot = source.indexOf(".");
  return [source.slice(0, dot), source.slice(dot + 1)];
}

/** The code field a field row routes to, when it has a vocabulary to map values onto. */
export function codeFieldOf(row: Pick<FieldRow, "model">): FieldDef | undefined {
  if (!row.model || row.model.split(".").length !== 2) return undefined;
  const field = getField(row.model);
  return field && field.type === "code" && field.codes && field.codes.length > 0 ? field : undefined;
}

/** The column's distinct values (trimmed, merged) with counts; none when discovery kept no list. */
function distinctValues(column: SourceColumn): { readonly value: string; readonly count: number }[] {
  const merged = new Map<string, number>();
  for (const { value, count } of column.values ?? []) {
    const v = value.trim();
    if (v) merged.set(v, (merged.get(v) ?? 0) + count);
  }
  return [...merged].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** A value the matcher finds no code for, read by the transform's built-in vocabulary instead
 * ("X-Ray FMX" → imaging): proposing "no code" for it would drop what the parse would keep. */
function builtIn(field: FieldDef, value: string): { code: string; confidence: number; reasons: string[] } | undefined {
  const read = parseValue(field, value);
  return read.ok && typeof read.value === "string" && field.codes?.includes(read.value)
    ? { code: read.value, confidence: 0.9, reasons: [`the transform's built-in vocabulary reads it as '${read.value}'`] }
    : undefined;
}

/** Where a code lands, in the words the review shows ("contact.gendercode = 2"). */
export function valueTarget(model: string, code: string | null, template: TargetTemplate): string | null {
  if (code === null) return null;
  const objectName = model.split(".")[0] ?? "";
  const table = template.objects[objectName]?.table;
  const landing = template.fields[model];
  if (landing?.kind === "none") return `(not written) ${landing.reason}`;
  if (!table) return "(not written) the object is not written";
  if (!landing) return `${table}.${template.naming.column(model.split(".")[1] ?? model)} = '${code}'`;
  switch (landing.kind) {
    case "column": {
      if (!landing.valueMap) return `${table}.${landing.column} = '${code}'`;
      const option = landing.valueMap[code];
      return option === undefined ? `(not written) ${table}.${landing.column} has no option for '${code}'` : `${table}.${landing.column} = ${option}`;
    }
    case "state": {
      const state = landing.map[code];
      return state ? `${table}.statecode ${state.statecode} + statuscode ${state.statuscode}` : `(not written) no state for '${code}'`;
    }
    case "lookup":
      return `${table}.${landing.column} → ${landing.handoverTable ?? landing.refObject} '${code}'`;
    default:
      return `${table}.${landing.column}`;
  }
}

/**
 * Value rows for the given field rows. Rows in `keep` that a person already decided stay as they
 * are (same column, field and value); everything else is proposed afresh.
 */
export function valueRowsFor(fields: readonly FieldRow[], catalog: SourceCatalog, template: TargetTemplate, keep: readonly ValueRow[] = []): ValueRow[] {
  const decided = new Map(keep.filter((v) => v.status !== "proposed").map((v) => [`${v.source}\u0000${v.model}\u0000${v.value}`, v]));
  const rows: ValueRow[] = [];
  for (const row of fields) {
    const field = codeFieldOf(row);
    if (!field || row.status === "rejected" || !row.model) continue;
    const [tableName, columnName] = splitSource(row.source);
    const column = catalog.tables.find((t) => t.name === tableName)?.columns.find((c) => c.name === columnName);
    if (!column || !getObject(row.model.split(".")[0] ?? "")) continue;
    const values = distinctValues(column);
    const matches = matchValues(values.map((v) => v.value), field, row.model);
    for (const { value, count } of values) {
      const earlier = decided.get(`${row.source}\u0000${row.model}\u0000${value}`);
      if (earlier) {
        rows.push(earlier);
        continue;
      }
      const matched = matches.get(value)!;
      const match = matched.code === null ? builtIn(field, value) ?? matched : matched;
      rows.push({
        source: row.source,
        value,
        model: row.model,
        code: match.code,
        target: valueTarget(row.model, match.code, template),
        count,
        confidence: match.confidence,
        reasons: [...match.reasons],
        status: "proposed",
        phi: field.phi,
      });
    }
  }
  return rows;
}

/**
 * Brings the value rows in line with the field rows after a review: rows of a rejected column, or
 * of a column now routed to another field, go; a column newly routed to a code field gets rows;
 * decided rows otherwise stay.
 */
export function refreshValueRows(mapping: MappingFile, catalog: SourceCatalog, template: TargetTemplate): MappingFile {
  const values = valueRowsFor(mapping.fields, catalog, template, mapping.values ?? []);
  const { values: _old, ...rest } = mapping;
  return values.length > 0 || mapping.values ? { ...rest, values } : rest;
}

/** Value rows whose column is still routed, unrejected, to their field (no catalog needed). */
export function pruneValueRows(mapping: MappingFile): MappingFile {
  if (!mapping.values) return mapping;
  const routed = new Set(mapping.fields.filter((f) => f.status !== "rejected" && f.model).map((f) => `${f.source}\u0000${f.model}`));
  return { ...mapping, values: mapping.values.filter((v) => routed.has(`${v.source}\u0000${v.model}`)) };
}
