/**
 * A vendor profile: what we know about one practice-management system's export. It is a hint,
 * never a filter: columns and tables it doesn't mention still flow through the reader. (One
 * exception: the formats of the files it lists are the formats the export holds, so a
 * `manifest.json` beside a CSV-only vendor's files is not read as a table.)
 */
export type DateFormat =
  | "YYYYMMDD" | "YYYY-MM-DD" | "MM/DD/YYYY" | "M/D/YYYY" | "DD/MM/YYYY" | "DD.MM.YYYY"
  | "YYYY-MM-DD HH:mm:ss" | "YYYY-MM-DDTHH:mm:ss" | "MM/DD/YYYY HH:mm" | "MM/DD/YYYY hh:mm a" | "DD/MM/YYYY HH:mm";

/** A column stored encoded in the rows where another column says so (is_b64 = Yes). */
export interface EncodedColumn {
  readonly flagColumn: string;
  /** Flag values (any case) that mean "encoded". */
  readonly flagValues: readonly string[];
  readonly encoding: "base64";
}

export interface ProfileReference {
  /** Column of this table holding another table's key. */
  readonly column: string;
  readonly table: string;
  readonly tableColumn: string;
}

export interface ProfileTable {
  /**
   * File name in the export, when it isn't `<table>.csv` (matched ignoring case, with or without
   * its folder); `<file>/<sheet>` for an XLSX sheet, `<file>/<member>` for an array in a JSON object.
   */
  readonly file?: string;
  /** Column(s) identifying a row; a row with an empty key column is rejected (HO-SRC-005). */
  readonly key: readonly string[];
  /** Practice-model object this table most likely holds (e.g. "patient", "staff"). */
  readonly modelHint: string;
  readonly references?: readonly ProfileReference[];
  /** The format each date column is declared in; values in other formats are for transform to judge. */
  readonly dateFormats?: Readonly<Record<string, DateFormat>>;
  /**
   * Columns holding the path of a file in the export (relative to its folder; `/` or backslash
   * separated), whose content the source serves through `statFile`/`readFile`.
   */
  readonly fileColumns?: readonly string[];
  /**
   * The column saying when a row last changed, which fills records' `changedAt`. Absent: a column
   * conventionally named for it (LastModified, ModifiedDate, updated_at…) is used when there is one.
   */
  readonly modifiedColumn?: string;
  /** Columns whose value is encoded (base64 UTF-8) when the row's flag column says so. */
  readonly encodedColumns?: Readonly<Record<string, EncodedColumn>>;
}

export interface VendorProfile {
  readonly id: string;
  readonly name: string;
  /** Starts every source key a workspace of this vendor writes (`cp:patients:123`); init sets it (else "vp"). */
  readonly keyPrefix?: string;
  /**
   * Formats besides a column's declared one that this vendor's exports are known to contain and
   * that transform may accept (e.g. ISO dates from an API-fed integration).
   */
  readonly alsoAcceptedDateFormats?: readonly DateFormat[];
  /** IANA zone the vendor's local times are most likely in (handover.yaml source.timezone wins). */
  readonly timezone?: string;
  /** ISO 3166 alpha-2 region of its national phone numbers (handover.yaml source.defaultCountry wins). */
  readonly defaultCountry?: string;
  readonly tables: Readonly<Record<string, ProfileTable>>;
}
