import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { HandoverError } from "../../contracts/handover-error.js";
import type { ExportContainer } from "./container.js";
import type { FormatReader, FormatRow } from "./format-row.js";

type SheetReader = AsyncIterable<ExcelJS.Row> & { readonly name?: string; readonly id?: number | string };

/**
 * Opens a workbook for streaming (exceljs's WorkbookReader, fed by the container's stream) and
 * walks its sheets in workbook order. Shared strings are cached — the XLSX format keeps them in
 * one table the sheets point into, so they can't be streamed — and styles too, to tell dates.
 */
async function* sheetsOf(container: ExportContainer, path: string): AsyncGenerator<{ name: string; sheet: SheetReader }> {
  const input = Readable.from(container.open(path));
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, { worksheets: "emit", sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", entries: "ignore" });
  try {
    for await (const sheet of workbook as AsyncIterable<SheetReader>) yield { name: sheet.name ?? `Sheet${String(sheet.id ?? "")}`, sheet };
  } catch (error) {
    if (error instanceof HandoverError) throw error;
    throw new HandoverError("HO-SRC-013", { file: path, format: "XLSX", reason: "the workbook is damaged or not an XLSX file" }, { cause: error });
  } finally {
    input.destroy();
  }
}

/** The workbook's sheet names, in order. */
export async function xlsxSheets(container: ExportContainer, path: string): Promise<string[]> {
  const names: string[] = [];
  for await (const { name } of sheetsOf(container, path)) names.push(name);
  return names;
}

/**
 * One sheet as rows: its first non-empty row is the header (a blank header cell is named by its
 * column letter), rows after it are data; empty rows are skipped, as in CSV. Cells missing at a
 * row's end are empty values — XLSX doesn't store them — so only a value beyond the header's
 * last column makes a row ragged. Lines are the sheet's row numbers.
 *
 * It can't seek: a sheet is a zip entry of deflated XML, and exceljs's streaming reader parses
 * it from the start (shared strings first) with no way to enter it at a byte. A resumed read is
 * the table reader's skip-based one: the rows before the checkpoint are parsed again, not
 * returned (`seeks: false`). The text formats (CSV, JSON, NDJSON) seek.
 */
export function xlsxReader(options: { readonly container: ExportContainer; readonly path: string; readonly sheet: string }): FormatReader {
  async function* rows(): AsyncGenerator<FormatRow> {
    try {
      yield* sheetRows();
    } catch (error) {
      if (error instanceof HandoverError) throw error;
      throw new HandoverError("HO-SRC-013", { file: options.path, format: "XLSX", reason: "the sheet is damaged" }, { cause: error });
    }
  }
  async function* sheetRows(): AsyncGenerator<FormatRow> {
    for await (const { name, sheet } of sheetsOf(options.container, options.path)) {
      if (name !== options.sheet) continue;
      let width = -1;
      for await (const row of sheet) {
        const cells = cellsOf(row);
        if (cells.every((cell) => cell === "")) continue;
        if (width < 0) {
          while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
          width = cells.length;
          yield { kind: "header", line: row.number, names: cells.map((cell, index) => cell.trim() === "" ? columnLetter(index) : cell) };
          continue;
        }
        let last = cells.length;
        while (last > width && cells[last - 1] === "") last -= 1;
        const fields = cells.slice(0, Math.max(last, width));
        while (fields.length < width) fields.push("");
        yield { kind: "fields", line: row.number, fields };
      }
      return;
    }
  }
  return { format: "XLSX", seeks: false, rows };
}

/** A row's cells as text, column A first (exceljs's `values` is 1-based and sparse). */
function cellsOf(row: ExcelJS.Row): string[] {
  const values = row.values as unknown[];
  const cells: string[] = [];
  for (let column = 1; column < values.length; column += 1) cells.push(cellText(values[column]));
  return cells;
}

/**
 * A cell's value as the text a CSV export of it would hold: numbers as stored, dates as ISO
 * (date only at midnight; Excel keeps no time zone, so none is added), booleans TRUE/FALSE, a
 * formula's last result, rich text and hyperlinks by their text, errors by their code (#N/A).
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return isoDate(value);
  if (typeof value === "object") {
    const v = value as { richText?: { text?: string }[]; result?: unknown; formula?: string; error?: string; text?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((part) => part.text ?? "").join("");
    if ("formula" in v || "sharedFormula" in v) return cellText(v.result);
    if (typeof v.error === "string") return v.error;
    if ("text" in v) return cellText(v.text);
  }
  return "";
}

function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return "";
  const iso = date.toISOString();
  if (iso.endsWith("T00:00:00.000Z")) return iso.slice(0, 10);
  return iso.endsWith(".000Z") ? iso.slice(0, 19) : iso.slice(0, 23);
}

function columnLetter(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
