import { createReadStream } from "node:fs";

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
 * Streams a file's lines with their byte offsets. Not `readline`: it hides how many bytes each line
 * took (LF or CRLF, a BOM), and a checkpoint must name the exact byte a resumed read seeks to.
 * Holds one line in memory at a time (plus one read chunk); blank lines are skipped but counted.
 *
 * @example for await (const l of readNdjsonLines("Patient.ndjson")) JSON.parse(l.text)
 */
export async function* readNdjsonLines(path: string, options: LineReadOptions = {}): AsyncGenerator<NdjsonLine> {
  let offset = options.offset ?? 0;
  let line = options.line ?? 1;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const stream = createReadStream(path, { start: offset });
  const finish = (bytes: Buffer, consumed: number): NdjsonLine | undefined => {
    const startsFile = offset === 0;
    offset += consumed;
    let text = bytes.toString("utf8");
    if (startsFile && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.endsWith("\r")) text = text.slice(0, -1);
    const current = line;
    line += 1;
    return text.trim() === "" ? undefined : { text, line: current, nextOffset: offset };
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let start = 0;
    for (let newline = chunk.indexOf(10, start); newline >= 0; newline = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, newline);
      const bytes = pendingBytes > 0 ? Buffer.concat([...pending, piece]) : piece;
      const out = finish(bytes, bytes.length + 1);
      pending = [];
      pendingBytes = 0;
      start = newline + 1;
      if (out) yield out;
    }
    if (start < chunk.length) {
      pending.push(chunk.subarray(start));
      pendingBytes += chunk.length - start;
    }
  }
  if (pendingBytes > 0) {
    const bytes = Buffer.concat(pending);
    const out = finish(bytes, bytes.length);
    if (out) yield out;
  }
}
