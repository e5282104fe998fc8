import { CsvError, Parser } from "csv-parse";
import { ByteWindow } from "./byte-window.js";

/**
 * The lowest layer of the delimited-text reader: streams UTF-8 text (no BOM) as raw field arrays,
 * each tagged with the 1-based line where it starts and the offset just after it. Knows nothing of
 * headers or tables. A record csv-parse can't parse comes out as a `malformed` row and parsing
 * restarts at the line after that record's first line — from bytes kept in memory, never by
 * reading the file again — so every record ends as a row or a malformed row, and a bad quote can
 * never swallow (or hang on) the rest of the file. Memory holds one record plus a chunk.
 */
export type CsvRow =
  | {
      readonly kind: "row";
      /** Line where the record starts (1-based). */
      readonly line: number;
      readonly fields: string[];
      /** Line the next record starts on, and its offset in the text: where a resumed read begins. */
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
  /** Offset in the text of the input's first byte (a resumed read); 0 by default. */
  readonly offset?: number;
  /** Line number of the input's first line. */
  readonly line?: number;
  /** "," by default. */
  readonly delimiter?: string;
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

/** A record and how many bytes the parser had consumed when it ended (its context's `bytes`). */
interface ParsedItem {
  readonly record: string[];
  readonly bytes: number;
}

/**
 * @example for await (const row of readCsvRows(createReadStream("t.csv"), { delimiter: ";" })) ...
 */
export async function* readCsvRows(input: AsyncIterable<Buffer>, options: CsvRowsOptions = {}): AsyncGenerator<CsvRow> {
  const maxRecordBytes = options.maxRecordBytes ?? defaultMaxRecordBytes;
  const queue: ParsedItem[] = [];
  const newParser = () => {
    // csv-parse's stream drops records it already parsed when it errors, so records are taken
    // through `on_record` one chunk at a time instead: memory stays at one chunk's records.
    // Neither `info` nor `raw` is asked for (they double parsing time): `on_record`'s context has
    // the byte count, and line breaks are counted in the bytes the window holds.
    const parser = new Parser({
      delimiter: options.delimiter ?? ",",
      // Every line break ends a record. csv-parse would otherwise take the first one it meets as
      // the only one: a CRLF file with one LF line would glue records together, and an LF file
      // with one CRLF line would leave a CR at the end of a value.
      record_delimiter: ["\r\n", "\n", "\r"],
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: maxRecordBytes,
      on_record: (record, context) => {
        queue.push({ record: record as string[], bytes: context.bytes });
        return null;
      },
    });
    parser.on("error", () => {}); // reported through the write/end callbacks
    return parser;
  };

  let line = options.line ?? 1;
  let base = options.offset ?? 0; // offset of the first byte fed to the current parser
  let emittedEnd = base; // offset just after the last emitted record
  const window = new ByteWindow(base);
  let parser = newParser();
  let carry: Buffer | undefined; // bytes to parse again after a failed record
  const iterator = input[Symbol.asyncIterator]();
  try {
    for (;;) {
      let chunk: Buffer | undefined = carry;
      carry = undefined;
      if (!chunk) {
        const next = await iterator.next();
        chunk = next.done ? undefined : next.value;
      }
      if (chunk) window.push(chunk);
      const current = parser;
      const failure = await new Promise<Error | null | undefined>((resolve) => (chunk ? current.write(chunk, resolve) : current.end(resolve)));
      for (const item of queue.splice(0)) {
        const end = base + item.bytes;
        const breaks = window.breaks(emittedEnd, end);
        const start = line + breaks.leading;
        line += breaks.total;
        emittedEnd = end;
        yield { kind: "row", line: start, fields: item.record, nextLine: line, nextOffset: emittedEnd };
      }
      window.dropBefore(emittedEnd);
      if (!failure) {
        if (!chunk) return;
        continue;
      }
      if (!(failure instanceof CsvError)) throw failure; // an I/O error or a bug is not a bad row

      // The failed record begins after any empty lines csv-parse skipped.
      const skipped = window.breaks(emittedEnd, window.end);
      const recordStart = emittedEnd + skipped.leadingBytes;
      const recordLine = line + skipped.leading;
      // Restart after the end of the record's first line (CRLF, LF or CR), reading on if need be.
      let lineEnd = window.indexOfBreak(recordStart);
      let ended = false;
      while (lineEnd < 0 || (window.byteAt(lineEnd) === 0x0d && lineEnd + 1 >= window.end)) {
        const next = await iterator.next();
        if (next.done) {
          ended = true;
          break;
        }
        if (lineEnd < 0) window.dropBefore(window.end); // no break in what is held: none of it is needed again
        window.push(next.value);
        lineEnd = window.indexOfBreak(recordStart);
      }
      const resume = lineEnd < 0 ? window.end : lineEnd + (window.byteAt(lineEnd) === 0x0d && window.byteAt(lineEnd + 1) === 0x0a ? 2 : 1);
      yield { kind: "malformed", line: recordLine, reason: reasonFor(failure.code), nextLine: recordLine + 1, nextOffset: resume };
      if (lineEnd < 0 || (ended && resume >= window.end)) return;
      const rest = window.takeFrom(resume);
      window.reset(resume);
      parser.destroy();
      parser = newParser();
      base = resume;
      emittedEnd = resume;
      line = recordLine + 1;
      if (rest.length > 0) carry = rest;
    }
  } finally {
    parser.destroy();
    await iterator.return?.();
  }
}
