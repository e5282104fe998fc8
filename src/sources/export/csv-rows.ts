import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { CsvError, Parser } from "csv-parse";

/**
 * The lowest layer of the export reader: streams one CSV file as raw field arrays, each tagged
 * with the 1-based line where it starts and the byte offset just after it. Knows nothing of
 * headers or tables. A record csv-parse can't parse comes out as a `malformed` row and parsing
 * restarts at the line after that record's first line, so every record ends as a row or a
 * malformed row and a bad quote can never swallow (or hang on) the rest of the file.
 */
export type CsvRow =
  | {
      readonly kind: "row";
      /** Line where the record starts (1-based). */
      readonly line: number;
      readonly fields: string[];
      /** Line the next record starts on, and its byte offset: where a resumed read begins. */
      readonly nextLine: number;
      readonly nextOffset: number;
    }
  | {
      readonly kind: "malformed";
      readonly line: number;
      /** A fixed phrase from `reasons` below; never the record's text (it may hold PHI). */
      readonly reason: string;
      readonly nextLine: number;
      readonly nextOffset: number;
    };

export interface CsvRowsOptions {
  /** Byte offset to start at; by default the start of the file (after a UTF-8 BOM). */
  readonly offset?: number;
  /** Line number of the line starting at `offset`. */
  readonly line?: number;
  /**
   * A record larger than this is rejected. It bounds memory when a quote is never closed:
   * without it, one stray quote would buffer the rest of the file as one field.
   */
  readonly maxRecordBytes?: number;
}

export const defaultMaxRecordBytes = 8 * 1024 * 1024;

/** csv-parse error codes → fixed phrases. csv-parse's own messages quote field values: never use them. */
const reasons: Readonly<Record<string, string>> = {
  CSV_INVALID_CLOSING_QUOTE: "text after a closing quote",
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: "text after a closing quote",
  INVALID_OPENING_QUOTE: "a quote inside an unquoted field",
  CSV_QUOTE_NOT_CLOSED: "a quote is never closed",
  CSV_MAX_RECORD_SIZE: "record over the size limit, most likely a quote that is never closed",
};

export function reasonFor(code: string | undefined): string {
  return (code && reasons[code]) ?? `parse error ${code ?? "unknown"}`;
}

const utf8Bom = Buffer.from([0xef, 0xbb, 0xbf]);

/** Byte offset of the first record: 3 when the file starts with a UTF-8 BOM, else 0. */
export async function contentStart(path: string): Promise<number> {
  const handle = await open(path, "r");
  try {
    const head = Buffer.alloc(3);
    const { bytesRead } = await handle.read(head, 0, 3, 0);
    return bytesRead === 3 && head.equals(utf8Bom) ? 3 : 0;
  } finally {
    await handle.close();
  }
}

const lineBreaks = /\r\n|\r|\n/g;
const leadingBreaks = /^(?:\r\n|\r|\n)+/;

/**
 * Counts line breaks in csv-parse's `raw` text. CRLF, lone LF and lone CR each count once: csv-parse's
 * own `info.lines` counts a CRLF inside a quoted field twice, so lines are counted here instead.
 */
function countBreaks(text: string): number {
  return text.match(lineBreaks)?.length ?? 0;
}

export async function* readCsvRows(path: string, options: CsvRowsOptions = {}): AsyncGenerator<CsvRow> {
  let offset = options.offset ?? (await contentStart(path));
  let line = options.line ?? 1;
  const maxRecordBytes = options.maxRecordBytes ?? defaultMaxRecordBytes;

  // One pass per segment: a parse error ends the segment and the next starts on the following line.
  for (;;) {
    const segment = parseSegment(path, offset, maxRecordBytes);
    let consumed = 0; // bytes of this segment covered by emitted rows
    let failure: CsvError | undefined;
    for await (const item of segment) {
      if (item instanceof CsvError) {
        failure = item;
        break;
      }
      const start = line + (item.raw.match(leadingBreaks)?.[0].match(lineBreaks)?.length ?? 0);
      line += countBreaks(item.raw);
      consumed = item.info.bytes;
      yield { kind: "row", line: start, fields: item.record, nextLine: line, nextOffset: offset + consumed };
    }
    if (!failure) return;

    // The failed record begins after any empty lines csv-parse skipped (they lead its raw text).
    const skipped = (typeof failure.raw === "string" ? failure.raw : "").match(leadingBreaks)?.[0] ?? "";
    const recordStart = offset + consumed + Buffer.byteLength(skipped);
    const recordLine = line + countBreaks(skipped);
    const resume = await offsetAfterNextNewline(path, recordStart);
    yield {
      kind: "malformed",
      line: recordLine,
      reason: reasonFor(failure.code),
      nextLine: recordLine + 1,
      nextOffset: resume.offset,
    };
    if (!resume.found) return;
    offset = resume.offset;
    line = recordLine + 1;
  }
}

interface ParsedItem {
  readonly record: string[];
  readonly raw: string;
  readonly info: { readonly bytes: number };
}

/**
 * Parses from `offset` to the end of the file or the first parse error, which comes last as a
 * CsvError value. csv-parse's stream drops records it already parsed when it errors, so records are
 * taken through `on_record` one chunk at a time instead: memory stays at one chunk's records.
 */
async function* parseSegment(path: string, offset: number, maxRecordBytes: number): AsyncGenerator<ParsedItem | CsvError> {
  const queue: ParsedItem[] = [];
  const parser = new Parser({
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    raw: true,
    max_record_size: maxRecordBytes,
    on_record: (item) => {
      queue.push(item as unknown as ParsedItem);
      return null;
    },
  });
  parser.on("error", () => {}); // reported through the write/end callbacks below
  const input = createReadStream(path, { start: offset, highWaterMark: 64 * 1024 });
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      const failure = await new Promise<Error | null | undefined>((resolve) => parser.write(chunk, resolve));
      yield* queue.splice(0);
      if (failure) {
        yield asCsvError(failure);
        return;
      }
    }
    const failure = await new Promise<Error | null | undefined>((resolve) => parser.end(resolve));
    yield* queue.splice(0);
    if (failure) yield asCsvError(failure);
  } finally {
    input.destroy();
    parser.destroy();
  }
}

/** Anything but a CsvError (an I/O error, a bug) is not a bad row: let it propagate. */
function asCsvError(error: Error): CsvError {
  if (error instanceof CsvError) return error;
  throw error;
}

/** Offset just past the first LF at or after `from`, scanning in chunks; else the end of the file. */
async function offsetAfterNextNewline(path: string, from: number): Promise<{ offset: number; found: boolean }> {
  const stream = createReadStream(path, { start: from, highWaterMark: 64 * 1024 });
  let position = from;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const index = chunk.indexOf(0x0a);
      if (index >= 0) return { offset: position + index + 1, found: true };
      position += chunk.length;
    }
    return { offset: position, found: false };
  } finally {
    stream.destroy();
  }
}
