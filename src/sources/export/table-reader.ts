import type { Checkpoint, SourceItem } from "../../contracts/source.js";
import { HandoverError, issue } from "../../contracts/handover-error.js";
import { modifiedColumn, toInstant } from "./changed-at.js";
import type { FormatReader, FormatRow, Resume } from "./format-row.js";
import type { DateFormat } from "./profile.js";

/** How often `read` yields a checkpoint, in data rows (records and rejected rows alike). */
export const defaultCheckpointEvery = 1000;

export interface TableReadOptions {
  readonly table: string;
  /** Name used in issues and errors: the file's path relative to the export root. */
  readonly file: string;
  /** The file's version (size and mtime, or CRC): a checkpoint made on another version is refused. */
  readonly stamp: string;
  readonly reader: FormatReader;
  /** Key columns from the profile; ignored when the table doesn't have them. */
  readonly key?: readonly string[];
  /** The profile's modified column, if it declares one. */
  readonly modifiedColumn?: string;
  readonly dateFormats?: Readonly<Record<string, DateFormat>>;
  readonly after?: Checkpoint;
  readonly checkpointEvery?: number;
  /** Told the header's column names, when the format has a header (before any record). */
  readonly onHeader?: (names: readonly string[]) => void;
}

/**
 * One table as source items, whatever its format: records in file order, an issue for each
 * rejected row (malformed, a NUL byte, a wrong field count, an empty key), and a checkpoint every
 * `checkpointEvery` rows. Throws only when the table as a whole can't be read.
 */
export async function* readTable(options: TableReadOptions): AsyncGenerator<SourceItem> {
  const { table, file } = options;
  const every = options.checkpointEvery ?? defaultCheckpointEvery;
  const from = options.after ? positionOf(options.after, options) : undefined;
  let header: string[] | undefined;
  let changedColumn: string | undefined;
  let count = 0;
  let skip = from && !options.reader.seeks ? from.rows : 0;
  if (from && options.reader.seeks) count = from.rows;

  for await (const row of options.reader.rows(from && options.reader.seeks ? from.resume : undefined)) {
    if (row.kind === "header") {
      header = checkHeader(row.names, file);
      changedColumn = modifiedColumn(header, options.modifiedColumn);
      options.onHeader?.(header);
      continue;
    }
    if (skip > 0) {
      skip -= 1;
      continue;
    }
    if (row.kind === "values" && !header) changedColumn = modifiedColumn(Object.keys(row.values), options.modifiedColumn);
    yield toItem(row, header, changedColumn, options);
    count += 1;
    if (count % every === 0) {
      const position = { row: row.line, rows: count, stamp: options.stamp, ...(row.resume ?? {}) };
      yield { kind: "checkpoint", table, position };
    }
  }
}

function toItem(row: Exclude<FormatRow, { kind: "header" }>, header: readonly string[] | undefined, changedColumn: string | undefined, options: TableReadOptions): SourceItem {
  const { table, file } = options;
  const reject = (code: Parameters<typeof issue>[0], params: Record<string, string | number> = {}): SourceItem => ({
    kind: "issue",
    table,
    issue: issue(code, { file, row: row.line, ...params }),
  });
  if (row.kind === "malformed") return reject(row.code, { reason: row.reason });
  let values: Record<string, string>;
  if (row.kind === "fields") {
    const { fields } = row;
    for (const field of fields) if (field.includes("\0")) return reject("HO-SRC-010");
    const columns = header ?? [];
    if (fields.length !== columns.length) return reject("HO-SRC-003", { found: fields.length, expected: columns.length });
    if (columns.includes("__proto__")) {
      // fromEntries, not assignment: a column named `__proto__` must stay a column.
      values = Object.fromEntries(columns.map((column, index) => [column, fields[index] ?? ""]));
    } else {
      values = {};
      for (let index = 0; index < columns.length; index += 1) values[columns[index]!] = fields[index] ?? "";
    }
  } else {
    if (Object.values(row.values).some((value) => value.includes("\0"))) return reject("HO-SRC-010");
    values = { ...row.values };
  }
  const keyColumns = (options.key ?? []).filter((column) => (header ? header.includes(column) : true));
  for (const column of keyColumns) {
    if ((values[column] ?? "").trim() === "") return reject("HO-SRC-005", { field: column });
  }
  const changedAt = changedColumn && values[changedColumn] ? toInstant(values[changedColumn]!, options.dateFormats?.[changedColumn]) : undefined;
  return {
    kind: "record",
    table,
    file,
    row: row.line,
    values,
    ...(keyColumns.length > 0 ? { key: keyColumns.map((column) => (values[column] ?? "").trim()).join("|") } : {}),
    ...(changedAt ? { changedAt } : {}),
  };
}

/** Header names are trimmed; a name given twice makes every row ambiguous, so the table is refused. */
function checkHeader(raw: readonly string[], file: string): string[] {
  const names = raw.map((name) => name.trim());
  if (names.some((name) => name.includes("\0"))) throw new HandoverError("HO-SRC-007", { file, reason: "it holds a NUL byte" });
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new HandoverError("HO-SRC-004", { file, field: name });
    seen.add(name);
  }
  return names;
}

/** The checkpoint's counts and the format's own resume fields; refused when made elsewhere. */
function positionOf(checkpoint: Checkpoint, options: TableReadOptions): { rows: number; resume: Resume } {
  const { file } = options;
  const p = checkpoint.position;
  if (checkpoint.table !== options.table) throw new HandoverError("HO-SRC-008", { file, reason: "it belongs to another table" });
  if (typeof p["row"] !== "number" || typeof p["rows"] !== "number" || typeof p["stamp"] !== "string") {
    throw new HandoverError("HO-SRC-008", { file, reason: "it was not made by the export reader" });
  }
  if (p["stamp"] !== options.stamp) throw new HandoverError("HO-SRC-008", { file, reason: "the file changed since" });
  const resume: Record<string, number> = {};
  for (const [name, value] of Object.entries(p)) if (typeof value === "number") resume[name] = value;
  return { rows: p["rows"], resume };
}
