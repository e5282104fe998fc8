import { readFile } from "node:fs/promises";
import { join } from "node:path";
import iconv from "iconv-lite";
import { parse } from "csv-parse/sync";

/** One record of a generated file as the tests see it: the line it starts on, its fields by column. */
export interface WrittenRow {
  readonly line: number;
  readonly fields: readonly string[];
  readonly values: Readonly<Record<string, string>>;
}

export interface WrittenTable {
  readonly header: readonly string[];
  readonly rows: readonly WrittenRow[];
  /** The record starting on `line`, as the manifest names rows. */
  at(line: number): WrittenRow | undefined;
}

/**
 * Reads a file the generator wrote, independently of the export reader (the tests' own view of
 * what is in it): decoded from its known encoding, split on its known delimiter, each record
 * tagged with the line it starts on (CRLF, LF and lone CR each count once).
 *
 * @example (await writtenTable(dir, "patients.csv", { encoding: "windows-1252" })).at(2)?.values["pat_id"]
 */
export async function writtenTable(
  dir: string,
  file: string,
  options: { readonly encoding?: "utf8" | "windows-1252"; readonly delimiter?: string } = {},
): Promise<WrittenTable> {
  const bytes = await readFile(join(dir, file));
  const text = options.encoding === "windows-1252" ? iconv.decode(bytes, "win1252") : bytes.toString("utf8").replace(/^\uFEFF/, "");
  const records = parse(text, { delimiter: options.delimiter ?? ",", relax_column_count: true, raw: true }) as unknown as { record: string[]; raw: string }[];
  const header = records[0]?.record ?? [];
  let line = 1 + breaks(records[0]?.raw ?? "");
  const rows: WrittenRow[] = [];
  for (const { record, raw } of records.slice(1)) {
    rows.push({ line, fields: record, values: Object.fromEntries(header.map((name, index) => [name, record[index] ?? ""])) });
    line += breaks(raw);
  }
  const byLine = new Map(rows.map((row) => [row.line, row]));
  return { header, rows, at: (row) => byLine.get(row) };
}

function breaks(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}
