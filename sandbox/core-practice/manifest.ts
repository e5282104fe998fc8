/**
 * What the Core Practice generator wrote and the dirt it planted where, so tests can check the
 * pipeline catches each one. Rows are 1-based line numbers where the record starts (header = line
 * 1), the numbering the export reader reports. Tables are the export's file names without `.csv`.
 */
export type Dirt =
  | { readonly kind: "duplicate-key"; readonly table: string; readonly key: string; readonly rows: readonly number[] }
  /** Two keys for what is plainly one person: same name and birth date, other details differ. */
  | { readonly kind: "near-duplicate"; readonly table: string; readonly keys: readonly string[] }
  | { readonly kind: "bad-email" | "bad-phone" | "bad-postcode" | "bad-date"; readonly table: string; readonly key: string; readonly row: number; readonly column: string }
  /** A date in another shape than the column's declared one: several formats in one column. */
  | { readonly kind: "alt-date-format"; readonly table: string; readonly key: string; readonly row: number; readonly column: string; readonly format: string }
  /** A field with a character outside ASCII in a Windows-1252 file; `text` is the field as it should read. */
  | { readonly kind: "windows-1252-text"; readonly table: string; readonly key: string; readonly row: number; readonly column: string; readonly text: string }
  /** A referring practice spelled another way than its other rows (`canonical`): one practice, several names. */
  | { readonly kind: "name-variant"; readonly table: string; readonly key: string; readonly row: number; readonly column: string; readonly value: string; readonly canonical: string }
  | { readonly kind: "malformed-row"; readonly table: string; readonly key: string; readonly row: number }
  /** Money (`value`) no amount reading accepts: a letter O for a zero, a decimal comma, words. */
  | { readonly kind: "bad-amount"; readonly table: string; readonly key: string; readonly row: number; readonly column: string; readonly value: string }
  /** A code (`value`: CDT, ICD-10…) that lost its shape: cut short, lowercased, the dot dropped, junk added. */
  | { readonly kind: "bad-code"; readonly table: string; readonly key: string; readonly row: number; readonly column: string; readonly value: string }
  /** A child row whose parent (`value` in `column`) is not in the export. */
  | { readonly kind: "orphan-row"; readonly table: string; readonly key: string; readonly row: number; readonly column: string; readonly value: string }
  /** A provider id that providers.csv doesn't have. */
  | { readonly kind: "unknown-provider"; readonly table: string; readonly key: string; readonly row: number; readonly column: string; readonly value: string }
  /** An upcoming appointment (or other live row) with a provider whose active_flag is No. */
  | { readonly kind: "inactive-provider"; readonly table: string; readonly key: string; readonly row: number; readonly column: string; readonly value: string }
  /** A note body of `length` characters: over the brief's 32,768-character note limit. */
  | { readonly kind: "long-note"; readonly table: string; readonly key: string; readonly row: number; readonly column: string; readonly length: number }
  /** A note body stored base64-encoded (UTF-8 inside), flagged by `flagColumn` = Yes. */
  | { readonly kind: "base64-note"; readonly table: string; readonly key: string; readonly row: number; readonly column: string; readonly flagColumn: string }
  /** A local time that happened twice (fall back) or never (spring forward) in US time zones. */
  | { readonly kind: "ambiguous-local-time"; readonly table: string; readonly key: string; readonly row: number; readonly column: string; readonly value: string }
  /** A file of exactly `bytes` at `path` (relative to the export): over the 25 MB or 128 MB limit. */
  | { readonly kind: "large-file"; readonly table: string; readonly key: string; readonly row: number; readonly column: string; readonly path: string; readonly bytes: number }
  | { readonly kind: "missing-file"; readonly table: string; readonly key: string; readonly row: number; readonly column: string; readonly path: string }
  /** Column-wide conventions a migration has to handle. */
  | { readonly kind: "custom-column" | "zoneless-timestamp" | "formatted-amount"; readonly table: string; readonly column: string }
  | { readonly kind: "multi-select"; readonly table: string; readonly column: string; readonly separator: string };

export type DirtKind = Dirt["kind"];

export interface FileSummary {
  /** Data rows written (header excluded; a multi-line record counts once). */
  readonly rows: number;
  readonly bytes: number;
  readonly delimiter: "," | ";" | "\t";
  readonly encoding: "utf8" | "windows-1252";
  readonly lineEnding: "lf" | "crlf";
  readonly bom: boolean;
}

/** The documents' files under `files/`: how many were written and their bytes (missing ones excluded). */
export interface DocumentFilesSummary {
  readonly count: number;
  readonly bytes: number;
}

/** `D` is the generator's own dirt union (the clinic generator adds kinds of its own). */
export interface Manifest<D extends { readonly kind: string } = Dirt> {
  readonly generator: string;
  readonly formatVersion: 1;
  readonly seed: number;
  /** Distinct patients; the patient file has more rows because of planted duplicates. */
  readonly patients: number;
  readonly files: Readonly<Record<string, FileSummary>>;
  readonly documentFiles?: DocumentFilesSummary;
  readonly dirt: readonly D[];
}

export interface GeneratedExportSummary {
  readonly outDir: string;
  readonly seed: number;
  readonly patients: number;
  readonly files: Readonly<Record<string, FileSummary>>;
  readonly documentFiles?: DocumentFilesSummary;
  readonly dirtCounts: Readonly<Record<string, number>>;
}

/** Counts the planted dirt by kind, for the summary. */
export function countDirt(dirt: readonly { readonly kind: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of dirt) counts[item.kind] = (counts[item.kind] ?? 0) + 1;
  return counts;
}
