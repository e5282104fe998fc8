import type { ErrorCode } from "../../contracts/errors/index.js";

/**
 * What every format reader (delimited text, XLSX, JSON, NDJSON) yields, before the table reader
 * turns it into source items: a header (formats with one), then data rows as positional fields
 * or as named values, or as malformed rows with a fixed reason. Lines are 1-based.
 */
export type FormatRow =
  | { readonly kind: "header"; readonly line: number; readonly names: readonly string[] }
  | { readonly kind: "fields"; readonly line: number; readonly fields: readonly string[]; readonly resume?: Resume }
  | { readonly kind: "values"; readonly line: number; readonly values: Readonly<Record<string, string>>; readonly resume?: Resume }
  | { readonly kind: "malformed"; readonly line: number; readonly code: MalformedCode; readonly reason: string; readonly resume?: Resume };

/** The codes a malformed row may carry; the reason is a fixed phrase, never the row's text. */
export type MalformedCode = Extract<ErrorCode, "HO-SRC-002" | "HO-SRC-012">;

/** Where a reader that can seek picks up after a row (e.g. the byte offset of the next record). */
export type Resume = Readonly<Record<string, number>>;

/**
 * One table's rows in one format. `rows(from)` starts at the start, or — for a reader that
 * `seeks` — right after the row whose `resume` it is given. A reader that doesn't seek is resumed
 * by reading from the start and skipping rows already read.
 */
export interface FormatReader {
  readonly format: string;
  readonly seeks: boolean;
  rows(from?: Resume): AsyncIterable<FormatRow>;
}
