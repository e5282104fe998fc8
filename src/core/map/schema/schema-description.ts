/**
 * One neutral shape for any schema `handover match` compares: a columns table (CSV/JSON), SQL DDL,
 * a FHIR StructureDefinition, or a live source or target. Every reader returns this; the matcher
 * never sees the format.
 */
export interface SchemaDescription {
  /** What it was read from, for messages: a file path, "source:ws", "target:ws". */
  readonly origin: string;
  readonly format: SchemaFormat;
  readonly tables: readonly SchemaTable[];
}

export type SchemaFormat = "columns-csv" | "columns-json" | "sql-ddl" | "fhir-structure-definition" | "live-source" | "live-target";

export interface SchemaTable {
  readonly name: string;
  readonly description?: string;
  /** Column(s) that identify a row, when the schema says (primary key). */
  readonly key?: readonly string[];
  readonly columns: readonly SchemaColumn[];
}

export interface SchemaColumn {
  readonly name: string;
  /** The type as the schema declares it ("varchar(40)", "date", "HumanName", "lookup"). */
  readonly type?: string;
  /** A display name people read ("Medical Record Number"), when the schema has one. */
  readonly label?: string;
  readonly description?: string;
  /** A few example values. May be PHI: never printed, only profiled. */
  readonly samples: readonly string[];
  /** Counts from a live source's discovery; absent for a written description. */
  readonly stats?: { readonly nonEmptyCount: number; readonly distinctCount: number; readonly maxLength: number; readonly dateFormat?: string };
  /** The column another table's key it references (foreign key), "table" or "table.column". */
  readonly references?: string;
  /** Whether the schema marks it as a site's own addition (a target's custom column). */
  readonly custom?: boolean;
}
