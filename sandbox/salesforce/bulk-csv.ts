/** CSV in (csv-parse, with the job's delimiter and line ending) and out (every cell quoted, like the real results). */
import { parse } from "csv-parse/sync";

export const DELIMITERS: Readonly<Record<string, string>> = {
  COMMA: ",", TAB: "\t", PIPE: "|", SEMICOLON: ";", CARET: "^", BACKQUOTE: "`",
};

/**
 * Rows of cells (header first); throws on malformed CSV (unclosed quote, ragged rows).
 * A blank line is a record only in a one-column file (jsforce writes an all-empty row that way).
 */
export function parseCsv(text: string, delimiter: string): string[][] {
  const rows = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
  const width = rows[0]?.length ?? 0;
  const kept = rows.filter((r, i) => i === 0 || width === 1 || !(r.length === 1 && r[0] === ""));
  const ragged = kept.findIndex((r) => r.length !== width);
  if (ragged >= 0) throw new Error(`Row ${ragged} has ${kept[ragged]?.length ?? 0} columns but the header has ${width}`);
  return kept;
}

const quote = (cell: string): string => `"${cell.replace(/"/g, '""')}"`;

export function writeCsv(rows: readonly (readonly string[])[], lineEnding = "\n"): string {
  return rows.map((r) => r.map(quote).join(",")).join(lineEnding) + (rows.length ? lineEnding : "");
}
