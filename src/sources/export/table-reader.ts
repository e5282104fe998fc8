import { stat } from "node:fs/promises";
import type { Checkpoint, SourceItem } from "../../contracts/source.js";
import { HandoverError, issue } from "../../contracts/handover-error.js";
import { contentStart, readCsvRows, type CsvRow } from "./csv-rows.js";

/** How often `read` yields a checkpoint, in data rows (records and rejected rows alike). */
export const defaultCheckpointEvery = 1000;

export interface TableReadOptions {
  readonly table: string;
  /** Absolute path of the CSV file. */
  readonly path: string;
  /** Name used in issues and errors: the file name relative to the export root. */
  readonly file: string;
  /** Key columns from the profile; ignored when the header doesn't have them. */
  readonly key?: readonly string[];
  readonly after?: Checkpoint;
  readonly checkpointEvery?: number;
  readonly maxRecordBytes?: number;
}

/**
 * Where a checkpoint stands. `row` is the line of the last row covered; `nextLine`/`byteOffset`
 * let a resumed read seek straight there; `size` detects a file changed since.
 */
interface Position {
  readonly row: number;
  readonly rows: number;
  readonly nextLine: number;
  readonly byteOffset: number;
  readonly size: number;
}

/** Reads the header only; undefined for an empty file. Throws HO-SRC-004/007 like `readTable`. */
export async function readHeader(options: Pick<TableReadOptions, "path" | "file" | "maxRecordBytes">): Promise<string[] | undefined> {
  for await (const row of readCsvRows(options.path, withMax({}, options.maxRecordBytes))) {
    return checkHeader(row, options.file);
  }
  return undefined;
}

/**
 * One table as source items: records in file order, an issue for each rejected row, and a
 * checkpoint every `checkpointEvery` rows. Throws only when the table as a whole can't be read.
 */
export async function* readTable(options: TableReadOptions): AsyncGenerator<SourceItem> {
  const { table, file } = options;
  const every = options.checkpointEvery ?? defaultCheckpointEvery;
  const { size } = await stat(options.path);
  let header: string[] | undefined;
  let rows: AsyncGenerator<CsvRow>;
  let count = 0;
  if (options.after) {
    // Seek straight to the checkpoint's byte offset; the header is read on its own first.
    const position = toPosition(options.after, table, file, size);
    header = await readHeader(options);
    rows = readCsvRows(options.path, withMax({ offset: position.byteOffset, line: position.nextLine }, options.maxRecordBytes));
    count = position.rows;
  } else {
    rows = readCsvRows(options.path, withMax({ offset: await contentStart(options.path) }, options.maxRecordBytes));
  }
  let keyIndexes = header ? keyIndexesOf(header, options.key) : [];

  for await (const row of rows) {
    if (!header) {
      header = checkHeader(row, file);
      keyIndexes = keyIndexesOf(header, options.key);
      continue;
    }
    yield toItem(row, header, keyIndexes, table, file);
    count += 1;
    if (count % every === 0) {
      const position: Position = { row: row.line, rows: count, nextLine: row.nextLine, byteOffset: row.nextOffset, size };
      yield { kind: "checkpoint", table, position: { ...position } };
    }
  }
}

function keyIndexesOf(header: readonly string[], key: readonly string[] = []): { column: string; index: number }[] {
  return key.map((column) => ({ column, index: header.indexOf(column) })).filter(({ index }) => index >= 0);
}

function toItem(
  row: CsvRow,
  header: readonly string[],
  keyIndexes: readonly { column: string; index: number }[],
  table: string,
  file: string,
): SourceItem {
  if (row.kind === "malformed") {
    return { kind: "issue", table, issue: issue("HO-SRC-002", { file, row: row.line, reason: row.reason }) };
  }
  if (row.fields.length !== header.length) {
    return {
      kind: "issue",
      table,
      issue: issue("HO-SRC-003", { file, row: row.line, found: row.fields.length, expected: header.length }),
    };
  }
  for (const { column, index } of keyIndexes) {
    if ((row.fields[index] ?? "").trim() === "") {
      return { kind: "issue", table, issue: issue("HO-SRC-005", { file, row: row.line, field: column }) };
    }
  }
  const values = Object.fromEntries(header.map((column, index) => [column, row.fields[index] ?? ""]));
  return { kind: "record", table, file, row: row.line, values };
}

/** Header names are trimmed; a name given twice makes every row ambiguous, so the table is refused. */
function checkHeader(row: CsvRow, file: string): string[] {
  if (row.kind === "malformed") throw new HandoverError("HO-SRC-007", { file, reason: row.reason });
  const names = row.fields.map((name) => name.trim());
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new HandoverError("HO-SRC-004", { file, field: name });
    seen.add(name);
  }
  return names;
}

function toPosition(checkpoint: Checkpoint, table: string, file: string, size: number): Position {
  const p = checkpoint.position;
  if (checkpoint.table !== table) throw new HandoverError("HO-SRC-008", { file, reason: "it belongs to another table" });
  const fields = ["row", "rows", "nextLine", "byteOffset", "size"] as const;
  if (!fields.every((name) => typeof p[name] === "number")) {
    throw new HandoverError("HO-SRC-008", { file, reason: "it was not made by the export reader" });
  }
  if (p.size !== size) throw new HandoverError("HO-SRC-008", { file, reason: "the file changed since" });
  return p as unknown as Position;
}

function withMax<T extends object>(options: T, maxRecordBytes: number | undefined): T & { maxRecordBytes?: number } {
  return maxRecordBytes === undefined ? options : { ...options, maxRecordBytes };
}
