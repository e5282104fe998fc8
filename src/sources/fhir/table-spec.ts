import type { Issue } from "../../contracts/handover-error.js";
import type { AttachmentStore } from "./attachment-store.js";
import type { Directory } from "./directory.js";
import type { Json, Row } from "./flatten-values.js";

/** A column of this table that holds another resource's id (FHIR reference, type prefix stripped). */
export interface SpecReference {
  readonly column: string;
  /** Resource types it may point at, most likely first (a polymorphic one has a `<column>_type` column too). */
  readonly tables: readonly string[];
}

/** What flattening may look up beyond the resource: the export's roles (who works where). */
export interface FlattenContext {
  readonly directory: Directory;
}

/** What a table that makes its own rows gets: the attachment store, and the line for its issues. */
export interface ExpandContext extends FlattenContext {
  readonly attachments?: AttachmentStore;
  readonly file: string;
  readonly row: number;
}

/** The rows one resource gives (none, one, several), each with its key, and the issues met — an
 * issue that stands for a row it refused names that row's key. */
export interface Expanded {
  readonly rows: readonly { readonly key: string; readonly values: Row }[];
  readonly issues: readonly (Issue & { readonly recordKey?: string })[];
}

/**
 * How one resource type becomes a table: its columns (always all of them, "" when absent, so
 * every record has the same shape), the model object it most likely feeds, and its references.
 * The key is always `id`. Most tables are one row per resource (`flatten`); a table with
 * `expand` makes its own rows (a row per attachment, none for a resource another table takes).
 */
export interface ResourceTableSpec {
  /** The resource type whose files are read. */
  readonly type: string;
  /** The table's name when it is not the type's: a table derived from another type's resources (ClinicalNote). */
  readonly table?: string;
  /**
   * Derived tables leave a line that is not a good resource (not JSON, another type, no id) to the
   * type's own table, which reports it: one issue per line, never two.
   */
  readonly derived?: boolean;
  /** Reads the export's PractitionerRoles first (resolves roles to practitioners and practices). */
  readonly usesDirectory?: boolean;
  readonly modelHint?: string;
  readonly columns: readonly string[];
  readonly references: readonly SpecReference[];
  /** Columns holding a path served by the source's statFile/readFile. */
  readonly fileColumns?: readonly string[];
  flatten(resource: Readonly<Record<string, Json>>, context: FlattenContext): Row;
  expand?(resource: Readonly<Record<string, Json>>, context: ExpandContext): Promise<Expanded>;
}

/** The table's name: its own, or the resource type's. */
export const tableName = (spec: ResourceTableSpec): string => spec.table ?? spec.type;

/** Orders a flattened row by the spec's columns and fills the missing ones with "" (a generic table, with no columns, keeps the row's). */
export function shapeRow(spec: ResourceTableSpec, row: Row): Row {
  if (spec.columns.length === 0) return row;
  const out: Row = {};
  for (const column of spec.columns) out[column] = row[column] ?? "";
  return out;
}
