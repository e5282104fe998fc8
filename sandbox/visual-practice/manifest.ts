/**
 * What the generator wrote and which dirt it planted where, so tests can assert the pipeline
 * caught each one. Rows are 1-based line numbers where the record starts (header = line 1),
 * the same numbering the export reader reports.
 */
export type Dirt =
  | { readonly kind: "duplicate-key"; readonly table: string; readonly key: string; readonly rows: readonly number[] }
  | { readonly kind: "near-duplicate"; readonly table: string; readonly keys: readonly string[] }
  | { readonly kind: "bad-email" | "bad-phone" | "bad-postcode" | "bad-date" | "alt-date-format" | "multiline-field"; readonly table: string; readonly key: string; readonly row: number; readonly column: string }
  /** Money (`value`) no amount reading accepts: a letter O for a zero, a decimal comma, words. */
  | { readonly kind: "bad-amount"; readonly table: string; readonly key: string; readonly row: number; readonly column: string; readonly value: string }
  /** A procedure code (`value`) of no CDT (D + 4 digits) or CPT (5 digits) shape. */
  | { readonly kind: "bad-code"; readonly table: string; readonly key: string; readonly row: number; readonly column: string; readonly value: string }
  /** A message body stored base64-encoded (UTF-8 inside), flagged by `flagColumn` = Base64. */
  | { readonly kind: "base64-note"; readonly table: string; readonly key: string; readonly row: number; readonly column: string; readonly flagColumn: string }
  /** A field with a character outside ASCII in a Windows-1252 file; `text` is the field as it should read. */
  | { readonly kind: "windows-1252-text"; readonly table: string; readonly key: string; readonly row: number; readonly column: string; readonly text: string }
  /** A carrier named another way (`value`) than its row in insurance_carriers.csv (`canonical`). */
  | { readonly kind: "name-variant"; readonly table: string; readonly key: string; readonly row: number; readonly column: string; readonly value: string; readonly canonical: string }
  /** A live row (an open case, a new order) naming a provider whose Active is N. */
  | { readonly kind: "inactive-provider"; readonly table: string; readonly key: string; readonly row: number; readonly column: string; readonly value: string }
  | { readonly kind: "malformed-row"; readonly table: string; readonly key: string; readonly row: number }
  /** An appointment whose ApptEnd (the column) is earlier than its ApptStart. */
  | { readonly kind: "end-before-start"; readonly table: string; readonly key: string; readonly row: number; readonly column: string }
  /** An appointment with the provider column left blank. */
  | { readonly kind: "no-provider"; readonly table: string; readonly key: string; readonly row: number; readonly column: string }
  | { readonly kind: "no-practice"; readonly key: string }
  | { readonly kind: "several-practices"; readonly key: string; readonly count: number; readonly mostRecentPracticeId: string }
  | { readonly kind: "dangling-reference"; readonly table: string; readonly key: string; readonly row: number; readonly column: string; readonly value: string }
  | { readonly kind: "no-npi"; readonly table: string; readonly key: string }
  /** A clinical note whose text (the column) has `length` characters, over Dataverse's 100,000 for annotation.notetext. */
  | { readonly kind: "long-note"; readonly table: string; readonly key: string; readonly row: number; readonly column: string; readonly length: number }
  /** A clinical note with both NoteTitle and NoteText blank. */
  | { readonly kind: "empty-note"; readonly table: string; readonly key: string; readonly row: number }
  /** A document whose file (at `path`, relative to the export) is exactly `bytes` long: over a target's upload limit. */
  | { readonly kind: "large-file"; readonly table: string; readonly key: string; readonly row: number; readonly column: string; readonly path: string; readonly bytes: number }
  /** A document row whose file (at `path`, named in the column) was never written. */
  | { readonly kind: "missing-file"; readonly table: string; readonly key: string; readonly row: number; readonly column: string; readonly path: string }
  | { readonly kind: "unmatched-provider-email" | "inactive-crm-user" | "email-case-variant"; readonly key: string }
  /** Column-wide conventions a migration has to handle: the practice's own columns, local times without a zone. */
  | { readonly kind: "custom-column" | "zoneless-timestamp"; readonly table: string; readonly column: string }
  | { readonly kind: "multi-select"; readonly table: string; readonly column: string; readonly separator: string };

export type DirtKind = Dirt["kind"];

export interface FileSummary {
  /** Data rows written (header excluded; a multi-line record counts once). */
  readonly rows: number;
  readonly bytes: number;
  readonly encoding: "utf8" | "windows-1252";
  readonly lineEnding: "lf" | "crlf";
  readonly bom: boolean;
}

/** The documents' files under `files/`: how many were written and their bytes (missing ones excluded). */
export interface DocumentFilesSummary {
  readonly count: number;
  readonly bytes: number;
}

export interface Manifest {
  readonly generator: "visual-practice";
  readonly formatVersion: 1;
  readonly seed: number;
  /** Distinct patients (PatientIDs); patients.csv has more rows because of planted duplicates. */
  readonly patients: number;
  readonly files: Readonly<Record<string, FileSummary>>;
  /** CRM users in crm-users.json. */
  readonly crmUsers: number;
  /** Absent when the export was generated without documents. */
  readonly documentFiles?: DocumentFilesSummary;
  readonly dirt: readonly Dirt[];
}

export interface GeneratedExportSummary {
  readonly outDir: string;
  readonly seed: number;
  readonly patients: number;
  readonly files: Readonly<Record<string, FileSummary>>;
  readonly crmUsers: number;
  readonly documentFiles?: DocumentFilesSummary;
  readonly dirtCounts: Readonly<Partial<Record<DirtKind, number>>>;
  /** The same counts split by table, for kinds planted in a named table (bad-date is in patients and appointments). */
  readonly dirtCountsByTable: Readonly<Partial<Record<DirtKind, Readonly<Record<string, number>>>>>;
}
