/**
 * A streaming splitter for a JSON export: a top-level array of records, or an object whose
 * array members are tables (`{"patients": [...], "visits": [...]}`). It tracks only nesting and
 * strings, so any file size streams; it hands out each wanted record's text (one at a time, at
 * most `maxRecordBytes` long) with the line it starts on, for `flattenJsonRecord` to parse, and
 * the byte offset and line where the scan goes on after it: a resumed read starts there. A record
 * over the limit is reported and skipped by structure. Damage to the structure itself (outside
 * any record) ends the scan with one `bad` event: what follows can't be placed.
 *
 * It reads UTF-8 bytes, not text: every byte JSON structure is made of is ASCII and never part
 * of a multi-byte character, so offsets are exact whatever the file holds (even invalid UTF-8),
 * and a record's bytes are decoded once, whole.
 */
export type JsonEvent =
  | { readonly kind: "shape"; readonly shape: "array" | "object" }
  | { readonly kind: "member"; readonly name: string; readonly array: boolean }
  | { readonly kind: "record"; readonly member: string | undefined; readonly line: number; readonly text: string; readonly next: JsonPosition }
  /** `next` absent: the scan ends here (the structure is broken, or the file ends). */
  | { readonly kind: "bad"; readonly member: string | undefined; readonly line: number; readonly reason: string; readonly next?: JsonPosition };

/** Where the scan goes on after a record: the byte offset in the UTF-8 text, and its line. */
export interface JsonPosition {
  readonly offset: number;
  readonly line: number;
}

export interface JsonScanOptions {
  /** Whether to hand out the records of this array (undefined: the top-level array). */
  readonly want: (member: string | undefined) => boolean;
  readonly maxRecordBytes: number;
  /** Resume inside the records of `member`'s array (undefined: the top-level one) at a `next`
   * position; the chunks then start at that offset. */
  readonly from?: JsonPosition & { readonly member: string | undefined };
}

const enum Mode { Top, Between, Key, AfterKey, Value, Items, Record, SkipNested, SkipString, SkipScalar, Done }

const enum Byte { Tab = 0x09, Newline = 0x0a, Return = 0x0d, Space = 0x20, Quote = 0x22, Comma = 0x2c, Colon = 0x3a, OpenSquare = 0x5b, Backslash = 0x5c, CloseSquare = 0x5d, OpenCurly = 0x7b, CloseCurly = 0x7d }

const isSpace = (byte: number) => byte === Byte.Space || byte === Byte.Newline || byte === Byte.Return || byte === Byte.Tab;

export async function* scanJson(chunks: AsyncIterable<Buffer>, options: JsonScanOptions): AsyncGenerator<JsonEvent> {
  const start = options.from;
  let mode = start ? Mode.Items : Mode.Top;
  let line = start?.line ?? 1;
  let base = start?.offset ?? 0; // offset of the current chunk's first byte
  let member: string | undefined = start?.member; // the array being walked (undefined: the top-level array)
  let key: number[] = [];
  let depth = 0;
  let inString = false;
  let escaped = false;
  // the record being collected
  let keep = start ? options.want(member) : false;
  let recordLine = 0;
  let parts: Buffer[] = [];
  let size = 0;
  let oversized = false;
  let trailingReported = false;
  let out: JsonEvent[] = [];
  /** Structure broken outside any record: one event, and nothing after it is read. */
  const broken = (): Mode => {
    out.push({ kind: "bad", member: undefined, line, reason: "the JSON structure is broken here; the rest of the file can't be read" });
    trailingReported = true;
    return Mode.Done;
  };

  for await (const chunk of chunks) {
    let from = -1; // start, in this chunk, of the record bytes not yet in `parts`
    if (mode === Mode.Record && keep && !oversized) from = 0;
    out = [];
    for (let i = 0; i < chunk.length; i += 1) {
      const byte = chunk[i]!;
      if (byte === Byte.Newline) line += 1;
      switch (mode) {
        case Mode.Top:
          if (isSpace(byte)) break;
          if (byte === Byte.OpenSquare) {
            out.push({ kind: "shape", shape: "array" });
            mode = Mode.Items;
            keep = options.want(undefined);
          } else if (byte === Byte.OpenCurly) {
            out.push({ kind: "shape", shape: "object" });
            mode = Mode.Between;
          } else {
            out.push({ kind: "bad", member: undefined, line, reason: "the file is not a JSON array or object" });
            mode = Mode.Done;
            trailingReported = true;
          }
          break;
        case Mode.Between:
          if (isSpace(byte) || byte === Byte.Comma) break;
          if (byte === Byte.CloseCurly) mode = Mode.Done;
          else if (byte === Byte.Quote) {
            mode = Mode.Key;
            key = [];
          } else mode = broken();
          break;
        case Mode.Key:
          if (escaped) escaped = false;
          else if (byte === Byte.Backslash) escaped = true;
          else if (byte === Byte.Quote) {
            mode = Mode.AfterKey;
            break;
          }
          key.push(byte);
          if (key.length > 4096) mode = broken();
          break;
        case Mode.AfterKey:
          if (isSpace(byte)) break;
          mode = byte === Byte.Colon ? Mode.Value : broken();
          break;
        case Mode.Value:
          if (isSpace(byte)) break;
          member = decodeKey(Buffer.from(key).toString("utf8"));
          if (byte === Byte.OpenSquare) {
            out.push({ kind: "member", name: member, array: true });
            keep = options.want(member);
            mode = Mode.Items;
          } else if (byte === Byte.OpenCurly) {
            out.push({ kind: "member", name: member, array: false });
            mode = Mode.SkipNested;
            depth = 1;
          } else if (byte === Byte.Quote) mode = Mode.SkipString;
          else mode = Mode.SkipScalar;
          break;
        case Mode.Items:
          if (isSpace(byte) || byte === Byte.Comma) break;
          if (byte === Byte.CloseSquare) {
            mode = member === undefined ? Mode.Done : Mode.Between;
            break;
          }
          mode = Mode.Record;
          recordLine = line;
          depth = 0;
          inString = false;
          escaped = false;
          parts = [];
          size = 0;
          oversized = false;
          from = keep ? i : -1;
          i -= 1; // the record's first byte is read again, as part of it
          if (byte === Byte.Newline) line -= 1;
          break;
        case Mode.Record: {
          let ends = false;
          if (inString) {
            if (escaped) escaped = false;
            else if (byte === Byte.Backslash) escaped = true;
            else if (byte === Byte.Quote) inString = false;
          } else if (byte === Byte.Quote) inString = true;
          else if (byte === Byte.OpenCurly || byte === Byte.OpenSquare) depth += 1;
          else if (byte === Byte.CloseSquare && depth === 0) ends = true;
          else if (byte === Byte.CloseCurly || byte === Byte.CloseSquare) depth = Math.max(0, depth - 1);
          else if (byte === Byte.Comma && depth === 0) ends = true;
          if (keep && !oversized && i - from + 1 + size > options.maxRecordBytes) {
            oversized = true;
            parts = [];
            from = -1;
          }
          if (!ends) break;
          // After a comma the scan goes on past it; a closing bracket is read again, in Items.
          const next = { offset: base + (byte === Byte.Comma ? i + 1 : i), line };
          if (keep && oversized) out.push({ kind: "bad", member, line: recordLine, reason: "record over the size limit", next });
          else if (keep) {
            parts.push(chunk.subarray(from, i));
            out.push({ kind: "record", member, line: recordLine, text: Buffer.concat(parts).toString("utf8"), next });
          }
          parts = [];
          from = -1;
          mode = Mode.Items;
          if (byte === Byte.CloseSquare) i -= 1;
          break;
        }
        case Mode.SkipNested:
          if (inString) {
            if (escaped) escaped = false;
            else if (byte === Byte.Backslash) escaped = true;
            else if (byte === Byte.Quote) inString = false;
          } else if (byte === Byte.Quote) inString = true;
          else if (byte === Byte.OpenCurly || byte === Byte.OpenSquare) depth += 1;
          else if (byte === Byte.CloseCurly || byte === Byte.CloseSquare) {
            depth -= 1;
            if (depth === 0) mode = Mode.Between;
          }
          break;
        case Mode.SkipString:
          if (escaped) escaped = false;
          else if (byte === Byte.Backslash) escaped = true;
          else if (byte === Byte.Quote) mode = Mode.Between;
          break;
        case Mode.SkipScalar:
          if (byte === Byte.Comma || byte === Byte.CloseCurly || isSpace(byte)) {
            mode = Mode.Between;
            if (byte === Byte.CloseCurly) mode = Mode.Done;
          }
          break;
        case Mode.Done:
          if (!isSpace(byte) && !trailingReported) {
            trailingReported = true;
            out.push({ kind: "bad", member: undefined, line, reason: "text after the end of the JSON" });
          }
          break;
      }
    }
    if (mode === Mode.Record && keep && !oversized && from >= 0) {
      parts.push(chunk.subarray(from));
      size += chunk.length - from;
    }
    base += chunk.length;
    yield* out;
  }
  if (mode === Mode.Record && keep) {
    if (oversized) yield { kind: "bad", member, line: recordLine, reason: "record over the size limit" };
    else if (Buffer.concat(parts).toString("utf8").trim() !== "") yield { kind: "bad", member, line: recordLine, reason: "the file ends inside a record" };
  }
}

function decodeKey(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}
