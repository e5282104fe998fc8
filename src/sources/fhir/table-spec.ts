import type { Json, Row } from "./flatten-values.js";

/** A column of this table that holds another resource's id (FHIR reference, type prefix stripped). */
export interface SpecReference {
  readonly column: string;
  /** Resource types it may point at, most likely first (a polymorphic one has a `<column>_type` column too). */
  readonly tables: readonly string[];
}

/**
 * How one resource type becomes a table: its columns (always all of them, "" when absent, so
 * every record has the same shape), the model object it most likely feeds, and its references.
 * The key is always `id`.
 */
export interface ResourceTableSpec {
  readonly type: string;
  readonly modelHint?: string;
  readonly columns: readonly string[];
  readonly references: readonly SpecReference[];
  /** Columns holding a path served by the source's statFile/readFile. */
  readonly fileColumns?: readonly string[];
  flatten(resource: Readonly<Record<string, Json>>): Row;
}

/** Orders a flattened row by the spec's columns and fills the missing ones with "". */
export function shapeRow(spec: ResourceTableSpec, row: Row): Row {
  const out: Row = {};
  for (const column of spec.columns) out[column] = row[column] ?? "";
  return out;
}
