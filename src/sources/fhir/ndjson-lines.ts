import { createReadStream } from "node:fs";
import { readLines } from "../export/line-reader.js";

/** One line of an NDJSON file, with where it starts and where the next one does. */
export interface NdjsonLine {
  readonly text: string;
  /** 1-based line number in the file. */
  readonly line: number;
  /** Byte offset of the line after this one: a checkpoint resumes there. */
  readonly nextOffset: number;
}

export interface LineReadOptions {
  /** Byte offset to start at (a checkpoint's); 0 by default. */
  readonly offset?: number;
  /** Line number of the line at `offset`; 1 by default. */
  readonly line?: number;
}

/**
 * Streams a file's lines with their byte offsets (the export reader's line splitter, with no
 * length limit: a resource with inline attachments is one long line), reopening the file at a
 * checkpoint's byte. Holds one line in memory at a time (plus one read chunk); blank lines are
 * skipped but counted; a BOM at the start of the file is dropped.
 *
 * @example for await (const l of readNdjsonLines("Patient.ndjson")) JSON.parse(l.text)
 */
export async function* readNdjsonLines(path: string, options: LineReadOptions = {}): AsyncGenerator<NdjsonLine> {
  const offset = options.offset ?? 0;
  const stream = createReadStream(path, { start: offset }) as AsyncIterable<Buffer>;
  for await (const read of readLines(stream, Infinity, { offset, line: options.line ?? 1 })) {
    if ("tooLong" in read) continue; // no limit: never
    const text = offset === 0 && read.line === 1 && read.text.charCodeAt(0) === 0xfeff ? read.text.slice(1) : read.text;
    if (text.trim() !== "") yield { text, line: read.line, nextOffset: read.nextOffset };
  }
}
