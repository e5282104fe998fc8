import { createWriteStream, type WriteStream } from "node:fs";
import iconv from "iconv-lite";

export type TextEncoding = "utf8" | "windows-1252";

export interface TableWriterOptions {
  /** `,` for CSV, `;` for a European spreadsheet's "CSV", `\t` for TSV. */
  readonly delimiter: "," | ";" | "\t";
  readonly eol: "\n" | "\r\n";
  readonly encoding?: TextEncoding;
  /** A UTF-8 byte-order mark first (utf8 only). */
  readonly bom?: boolean;
}

/**
 * Streams a delimited text table to a file: quotes a field holding the delimiter, a quote or a
 * line break (RFC 4180, inner quotes doubled), encodes it (UTF-8 or Windows-1252), buffers
 * ~64 KiB between writes and honours backpressure. Counts lines so the manifest can name the line
 * each record starts on, the numbering the export reader reports.
 *
 * @example new TableWriter("Bookings.csv", ["Booking ID", "Date"], { delimiter: ";", eol: "\r\n" })
 */
export class TableWriter {
  private readonly stream: WriteStream;
  private readonly options: TableWriterOptions;
  private readonly quoteWhen: RegExp;
  private buffer = "";
  private line = 1;
  /** Data rows written (the header excluded; a record spanning lines counts once). */
  rows = 0;

  constructor(path: string, header: readonly string[], options: TableWriterOptions) {
    this.options = options;
    this.stream = createWriteStream(path);
    const delimiter = options.delimiter === "\t" ? "\\t" : options.delimiter;
    this.quoteWhen = new RegExp(`["${delimiter}\\r\\n]`);
    this.buffer = (options.bom && options.encoding !== "windows-1252" ? "\uFEFF" : "") + this.join(header, new Set());
    this.line = 1 + countNewlines(this.buffer);
  }

  /**
   * Writes one record; returns the line it starts on. Fields in `unquoted` are written as they
   * are, whatever they hold: how a generator plants a row whose delimiter splits a field.
   */
  async write(fields: readonly string[], unquoted: ReadonlySet<number> = new Set()): Promise<number> {
    const start = this.line;
    const text = this.join(fields, unquoted);
    this.line += countNewlines(text);
    this.rows += 1;
    this.buffer += text;
    if (this.buffer.length >= 64 * 1024) await this.flush();
    return start;
  }

  /** Flushes and closes the file; resolves to its size in bytes. */
  async close(): Promise<number> {
    await this.flush();
    await new Promise<void>((resolve, reject) => {
      this.stream.once("error", reject);
      this.stream.end(() => resolve());
    });
    return this.stream.bytesWritten;
  }

  private join(fields: readonly string[], unquoted: ReadonlySet<number>): string {
    const quoted = fields.map((field, index) => (unquoted.has(index) || !this.quoteWhen.test(field) ? field : `"${field.replace(/"/g, '""')}"`));
    return quoted.join(this.options.delimiter) + this.options.eol;
  }

  private async flush(): Promise<void> {
    if (this.buffer === "") return;
    const chunk = this.options.encoding === "windows-1252" ? iconv.encode(this.buffer, "win1252") : Buffer.from(this.buffer, "utf8");
    this.buffer = "";
    if (!this.stream.write(chunk)) await new Promise<void>((resolve) => this.stream.once("drain", resolve));
  }
}

function countNewlines(text: string): number {
  let count = 0;
  for (let index = text.indexOf("\n"); index >= 0; index = text.indexOf("\n", index + 1)) count += 1;
  return count;
}
