import { HandoverError } from "../../contracts/handover-error.js";
import { readHead, type ExportContainer } from "./container.js";
import { defaultMaxRecordBytes } from "./csv-rows.js";
import { detectEncoding, sniffBytes } from "./encoding.js";
import type { FormatReader, FormatRow, Resume } from "./format-row.js";
import { flattenJsonRecord } from "./json-value.js";
import { scanJson } from "./json-scanner.js";
import { readLines } from "./line-reader.js";
import { utf8From } from "./utf8-from.js";

export interface JsonOptions {
  readonly container: ExportContainer;
  readonly path: string;
  readonly maxRecordBytes?: number;
}

/** How a `.json` file holds its records: one array, arrays under an object's members, or one object per line. */
export type JsonLayout = { readonly kind: "array" } | { readonly kind: "object"; readonly members: readonly string[] } | { readonly kind: "lines" };

/** The file's content as UTF-8 bytes from `offset` (in that text), whatever its encoding. */
async function* bytesOf(container: ExportContainer, path: string, offset = 0): AsyncGenerator<Buffer> {
  const { head, complete } = await readHead(container, path, sniffBytes);
  yield* utf8From(container, path, detectEncoding(head, complete), offset);
}

/** A resume position the reader gave; undefined when the checkpoint's row ended the scan. */
function resumeAt(from: Resume, path: string): { offset: number; line: number } | "ended" {
  if (from["ended"] === 1) return "ended";
  const offset = from["byteOffset"];
  const line = from["nextLine"];
  if (typeof offset !== "number" || typeof line !== "number" || offset < 0) throw new HandoverError("HO-SRC-008", { file: path, reason: "it was not made by the export reader" });
  return { offset, line };
}

/** A row's resume fields: where the next read begins, or that nothing follows it. */
const resumeOf = (next: { offset: number; line: number } | undefined): Resume => (next ? { byteOffset: next.offset, nextLine: next.line } : { ended: 1 });

/**
 * Finds how a `.json` file is laid out. A file starting with `{` whose first line is a whole
 * object and whose next line starts another is NDJSON saved as `.json`; otherwise an object's
 * array members are its tables (found by one streaming pass; other members are ignored).
 */
export async function jsonLayout(container: ExportContainer, path: string): Promise<JsonLayout> {
  const { head } = await readHead(container, path, sniffBytes);
  const text = head.toString("utf8").replace(/^\uFEFF/, "").trimStart();
  if (text === "" || text.startsWith("[")) return { kind: "array" };
  if (!text.startsWith("{")) throw unreadable(path, "it is not a JSON array or object");
  const [first = "", ...rest] = text.split("\n");
  const second = rest.find((candidate) => candidate.trim() !== "");
  if (flattenJsonRecord(first).ok && second?.trimStart().startsWith("{")) return { kind: "lines" };
  const members: string[] = [];
  for await (const event of scanJson(bytesOf(container, path), { want: () => false, maxRecordBytes: 0 })) {
    if (event.kind === "member" && event.array && !members.includes(event.name)) members.push(event.name);
  }
  return { kind: "object", members };
}

/**
 * Records of a top-level array (`member` undefined) or of one array member of a top-level object.
 * Seeks on resume: the scan starts again inside the array, at the byte after the last row read
 * (its checkpoint's `byteOffset`, on line `nextLine`), reading nothing before it but the
 * encoding sniff.
 */
export function jsonReader(options: JsonOptions & { readonly member?: string }): FormatReader {
  const { container, path, member } = options;
  const maxRecordBytes = options.maxRecordBytes ?? defaultMaxRecordBytes;
  async function* rows(from?: Resume): AsyncGenerator<FormatRow> {
    const at = from ? resumeAt(from, path) : undefined;
    if (at === "ended") return;
    let shaped = at !== undefined;
    const scan = { want: (name: string | undefined) => name === member, maxRecordBytes, ...(at ? { from: { ...at, member } } : {}) };
    for await (const event of scanJson(bytesOf(container, path, at?.offset), scan)) {
      if (event.kind === "shape") shaped = true;
      else if (event.kind === "bad") {
        if (!shaped) throw unreadable(path, "it is not a JSON array or object");
        if (event.member === member || event.member === undefined) yield { kind: "malformed", line: event.line, code: "HO-SRC-012", reason: event.reason, resume: resumeOf(event.next) };
      } else if (event.kind === "record") yield toRow(event.line, event.text, resumeOf(event.next));
    }
  }
  return { format: "JSON", seeks: true, rows };
}

/**
 * NDJSON: one object per line; blank lines are skipped, a line over the size limit is one
 * rejected row. Seeks on resume: reading starts at the byte after the last row read.
 */
export function ndjsonReader(options: JsonOptions): FormatReader {
  const maxRecordBytes = options.maxRecordBytes ?? defaultMaxRecordBytes;
  async function* rows(from?: Resume): AsyncGenerator<FormatRow> {
    const at = from ? resumeAt(from, options.path) : undefined;
    if (at === "ended") return;
    const lines = readLines(bytesOf(options.container, options.path, at?.offset), maxRecordBytes, at ? { offset: at.offset, line: at.line } : {});
    for await (const line of lines) {
      const resume = { byteOffset: line.nextOffset, nextLine: line.line + 1 };
      if ("tooLong" in line) yield { kind: "malformed", line: line.line, code: "HO-SRC-012", reason: "record over the size limit", resume };
      else if (line.text.trim() !== "") yield toRow(line.line, line.text, resume);
    }
  }
  return { format: "NDJSON", seeks: true, rows };
}

function toRow(line: number, text: string, resume: Resume): FormatRow {
  const parsed = flattenJsonRecord(text);
  return parsed.ok ? { kind: "values", line, values: parsed.values, resume } : { kind: "malformed", line, code: "HO-SRC-012", reason: parsed.reason, resume };
}

function unreadable(path: string, reason: string): HandoverError {
  return new HandoverError("HO-SRC-013", { file: path, format: "JSON", reason });
}
