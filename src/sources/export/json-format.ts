import { StringDecoder } from "node:string_decoder";
import { HandoverError } from "../../contracts/handover-error.js";
import { readHead, type ExportContainer } from "./container.js";
import { defaultMaxRecordBytes } from "./csv-rows.js";
import { decodeToUtf8, detectEncoding, sniffBytes } from "./encoding.js";
import type { FormatReader, FormatRow } from "./format-row.js";
import { flattenJsonRecord } from "./json-value.js";
import { scanJson } from "./json-scanner.js";
import { readLines } from "./line-reader.js";

export interface JsonOptions {
  readonly container: ExportContainer;
  readonly path: string;
  readonly maxRecordBytes?: number;
}

/** How a `.json` file holds its records: one array, arrays under an object's members, or one object per line. */
export type JsonLayout = { readonly kind: "array" } | { readonly kind: "object"; readonly members: readonly string[] } | { readonly kind: "lines" };

/** The file's bytes as UTF-8 text chunks, whatever its encoding. */
async function* textOf(container: ExportContainer, path: string): AsyncGenerator<string> {
  const { head, complete } = await readHead(container, path, sniffBytes);
  const decoder = new StringDecoder("utf8");
  for await (const chunk of decodeToUtf8(container.open(path), detectEncoding(head, complete))) yield decoder.write(chunk);
  yield decoder.end();
}

async function* bytesOf(container: ExportContainer, path: string): AsyncGenerator<Buffer> {
  const { head, complete } = await readHead(container, path, sniffBytes);
  yield* decodeToUtf8(container.open(path), detectEncoding(head, complete));
}

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
  for await (const event of scanJson(textOf(container, path), { want: () => false, maxRecordBytes: 0 })) {
    if (event.kind === "member" && event.array && !members.includes(event.name)) members.push(event.name);
  }
  return { kind: "object", members };
}

/** Records of a top-level array (`member` undefined) or of one array member of a top-level object. */
export function jsonReader(options: JsonOptions & { readonly member?: string }): FormatReader {
  const { container, path, member } = options;
  const maxRecordBytes = options.maxRecordBytes ?? defaultMaxRecordBytes;
  async function* rows(): AsyncGenerator<FormatRow> {
    let shaped = false;
    for await (const event of scanJson(textOf(container, path), { want: (name) => name === member, maxRecordBytes })) {
      if (event.kind === "shape") shaped = true;
      else if (event.kind === "bad") {
        if (!shaped) throw unreadable(path, "it is not a JSON array or object");
        if (event.member === member || event.member === undefined) yield { kind: "malformed", line: event.line, code: "HO-SRC-012", reason: event.reason };
      } else if (event.kind === "record") yield toRow(event.line, event.text);
    }
  }
  return { format: "JSON", seeks: false, rows };
}

/** NDJSON: one object per line; blank lines are skipped, a line over the size limit is one rejected row. */
export function ndjsonReader(options: JsonOptions): FormatReader {
  const maxRecordBytes = options.maxRecordBytes ?? defaultMaxRecordBytes;
  async function* rows(): AsyncGenerator<FormatRow> {
    for await (const line of readLines(bytesOf(options.container, options.path), maxRecordBytes)) {
      if ("tooLong" in line) yield { kind: "malformed", line: line.line, code: "HO-SRC-012", reason: "record over the size limit" };
      else if (line.text.trim() !== "") yield toRow(line.line, line.text);
    }
  }
  return { format: "NDJSON", seeks: false, rows };
}

function toRow(line: number, text: string): FormatRow {
  const parsed = flattenJsonRecord(text);
  return parsed.ok ? { kind: "values", line, values: parsed.values } : { kind: "malformed", line, code: "HO-SRC-012", reason: parsed.reason };
}

function unreadable(path: string, reason: string): HandoverError {
  return new HandoverError("HO-SRC-013", { file: path, format: "JSON", reason });
}
