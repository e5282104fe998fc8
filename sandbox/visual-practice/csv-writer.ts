import { createWriteStream, type WriteStream } from "node:fs";

/** Quotes a field when it holds a delimiter, quote or line break (RFC 4180), doubling inner quotes. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export interface CsvWriterOptions {
  readonly eol: "\n" | "\r\n";
  readonly bom?: boolean;
}

/**
 * Streams CSV rows to a file, buffering ~64 KiB between writes and honouring backpressure, so
 * a 100,000-patient export never sits in memory. Tracks line numbers for the manifest.
 */
export class CsvWriter {
  private readonly stream: WriteStream;
  private readonly eol: string;
  private buffer = "";
  private line = 1;
  /** Data rows written (the header excluded). */
  rows = 0;

  constructor(path: string, header: readonly string[], options: CsvWriterOptions) {
    this.stream = createWriteStream(path, { encoding: "utf8" });
    this.eol = options.eol;
    this.buffer = (options.bom ? "\uFEFF" : "") + header.map(csvField).join(",") + this.eol;
    this.line = 2;
  }

  /**
   * Writes one data row and returns the line it starts on. `unquoted` names field indexes written
   * as-is: how the generator plants a row whose comma splits a field (a wrong field count).
   */
  async write(fields: readonly string[], unquoted: ReadonlySet<number> = new Set()): Promise<number> {
    const start = this.line;
    const text = fields.map((field, index) => (unquoted.has(index) ? field : csvField(field))).join(",") + this.eol;
    this.line += countNewlines(text);
    this.rows += 1;
    this.buffer += text;
    if (this.buffer.length >= 64 * 1024) await this.flush();
    return start;
  }

  async close(): Promise<number> {
    await this.flush();
    await new Promise<void>((resolve, reject) => {
      this.stream.once("error", reject);
      this.stream.end(() => resolve());
    });
    return this.stream.bytesWritten;
  }

  private async flush(): Promise<void> {
    if (this.buffer === "") return;
    const chunk = this.buffer;
    this.buffer = "";
    if (!this.stream.write(chunk)) await new Promise<void>((resolve) => this.stream.once("drain", resolve));
  }
}

function countNewlines(text: string): number {
  let count = 0;
  for (let index = text.indexOf("\n"); index >= 0; index = text.indexOf("\n", index + 1)) count += 1;
  return count;
}
