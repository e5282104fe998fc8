import iconv from "iconv-lite";
import { HandoverError } from "../../contracts/handover-error.js";
import { readHead, type ExportContainer } from "./container.js";
import { readCsvRows } from "./csv-rows.js";
import { sniffDelimiter, type Delimiter } from "./delimiter.js";
import { detectEncoding, sniffBytes, type DetectedEncoding } from "./encoding.js";
import type { FormatReader, FormatRow, Resume } from "./format-row.js";
import { utf8From } from "./utf8-from.js";

export interface DelimitedOptions {
  readonly container: ExportContainer;
  /** Entry path in the container (also the name used in messages). */
  readonly path: string;
  /** A `.tsv` is tab-separated whatever it holds; `.csv` and `.txt` are sniffed. */
  readonly tabs: boolean;
  readonly maxRecordBytes?: number;
}

/** What was learnt from a file's first bytes: decided once per read, the same for every read. */
export interface TextShape {
  readonly encoding: DetectedEncoding;
  readonly delimiter: Delimiter;
}

/** Detects encoding and delimiter from the first 64 KiB. */
export async function textShape(container: ExportContainer, path: string, tabs: boolean): Promise<TextShape> {
  const { head, complete } = await readHead(container, path, sniffBytes);
  const encoding = detectEncoding(head, complete);
  if (tabs) return { encoding, delimiter: "\t" };
  const text = iconv.decode(head.subarray(encoding.bomBytes), encoding.encoding === "utf-8" ? "utf8" : encoding.encoding);
  return { encoding, delimiter: sniffDelimiter(text, complete, ",") };
}

/**
 * CSV, TSV and delimited `.txt`: the header is the first record. Seeks on resume: a UTF-8 file
 * in a folder is reopened at the byte offset; anything else (another encoding, an archive entry)
 * is decoded from the start and the text before the offset dropped — no parsing of it.
 */
export function delimitedReader(options: DelimitedOptions): FormatReader {
  const { container, path } = options;

  const text = (shape: TextShape, offset: number) => utf8From(container, path, shape.encoding, offset);

  async function* rows(from?: Resume): AsyncGenerator<FormatRow> {
    const shape = await textShape(container, path, options.tabs);
    const csv = { delimiter: shape.delimiter, ...(options.maxRecordBytes !== undefined ? { maxRecordBytes: options.maxRecordBytes } : {}) };
    const all = readCsvRows(text(shape, 0), csv);
    const first = await all.next();
    if (first.done) return;
    const header = first.value;
    if (header.kind === "malformed") {
      await all.return(undefined);
      throw new HandoverError("HO-SRC-007", { file: path, reason: header.reason });
    }
    yield { kind: "header", line: header.line, names: header.fields };
    let rest: AsyncGenerator<typeof header | typeof first.value> = all;
    if (from) {
      await all.return(undefined);
      const byteOffset = from["byteOffset"];
      const nextLine = from["nextLine"];
      if (typeof byteOffset !== "number" || typeof nextLine !== "number") {
        throw new HandoverError("HO-SRC-008", { file: path, reason: "it was not made by the export reader" });
      }
      rest = readCsvRows(text(shape, byteOffset), { ...csv, offset: byteOffset, line: nextLine });
    }
    for await (const row of rest) {
      const resume = { nextLine: row.nextLine, byteOffset: row.nextOffset };
      yield row.kind === "row"
        ? { kind: "fields", line: row.line, fields: row.fields, resume }
        : { kind: "malformed", line: row.line, code: "HO-SRC-002", reason: row.reason, resume };
    }
  }

  return { format: "delimited text", seeks: true, rows };
}
