import type { ObjectDef } from "../../../model/index.js";
import type { SchemaDescription } from "../schema/schema-description.js";
import { proposeFields } from "./propose-fields.js";
import { proposeObjects } from "./propose-objects.js";
import { schemaObject, schemaSourceTable } from "./schema-object.js";
import type { FieldProposal, ProposeFieldsOptions } from "./types.js";

/**
 * `handover match`: the practice-model engine run between any two schemas. Each "from" table is
 * paired with the "to" table its name and columns fit best (the engine's object proposal, with
 * the "to" tables standing in for model objects), then its columns get proposals against that
 * table's columns (names, abbreviations, foreign words, n-grams, table context, declared types,
 * sample values, calibrated confidence, one-to-one assignment).
 */
export interface TableMatch {
  readonly table: string;
  /** The paired "to" table, or null when none fits. */
  readonly target: string | null;
  readonly confidence: number;
  readonly reasons: readonly string[];
  /** Per column: the proposed "to" column (`field`), confidence, reasons and alternatives. */
  readonly columns: readonly FieldProposal[];
}

export interface SchemaMatch {
  readonly from: string;
  readonly to: string;
  readonly tables: readonly TableMatch[];
}

/** @example matchSchemas(readSchemaFile("legacy.sql"), readSchemaFile("patient.json")).tables[0].columns */
export function matchSchemas(from: SchemaDescription, to: SchemaDescription, options: ProposeFieldsOptions = {}): SchemaMatch {
  const objects: Record<string, ObjectDef> = {};
  for (const table of to.tables) if (table.columns.length > 0 && !objects[table.name]) objects[table.name] = schemaObject(table);
  const sources = from.tables.filter((t) => t.columns.length > 0).map((t) => schemaSourceTable(t, from.origin));
  const pairs = proposeObjects({ sourceId: from.origin, tables: sources }, objects);
  const tables = sources.map((table, i): TableMatch => {
    const pair = pairs[i];
    const object = pair?.object ? objects[pair.object] : undefined;
    return {
      table: table.name,
      target: object?.name ?? null,
      confidence: pair?.confidence ?? 0,
      reasons: object ? pair?.reasons ?? [] : [`no table of ${to.origin} fits its name or columns`],
      columns: object ? proposeFields(table, object, options).map((p) => ({ ...p, reasons: p.reasons.map((r) => inWords(r, object.name)) })) : [],
    };
  });
  return { from: from.origin, to: to.origin, tables };
}

/** The engine's words are about the practice model; here the other side is just a table. */
function inWords(reason: string, table: string): string {
  return reason.replace(/^no field scored above ([\d.]+): will become a custom property$/, `no column of ${table} scored above $1`);
}
