/**
 * A streaming splitter for a JSON export: a top-level array of records, or an object whose
 * array members are tables (`{"patients": [...], "visits": [...]}`). It tracks only nesting and
 * strings, so any file size streams; it hands out each wanted record's text (one at a time, at
 * most `maxRecordBytes` long) with the line it starts on, for `flattenJsonRecord` to parse. A
 * record over the limit is reported and skipped by structure. Damage to the structure itself
 * (outside any record) ends the scan with one `bad` event: what follows can't be placed.
 */
export type JsonEvent =
  | { readonly kind: "shape"; readonly shape: "array" | "object" }
  | { readonly kind: "member"; readonly name: string; readonly array: boolean }
  | { readonly kind: "record"; readonly member: string | undefined; readonly line: number; readonly text: string }
  | { readonly kind: "bad"; readonly member: string | undefined; readonly line: number; readonly reason: string };

export interface JsonScanOptions {
  /** Whether to hand out the records of this array (undefined: the top-level array). */
  readonly want: (member: string | undefined) => boolean;
  readonly maxRecordBytes: number;
}

const enum Mode { Top, Between, Key, AfterKey, Value, Items, Record, SkipNested, SkipString, SkipScalar, Done }

const isSpace = (char: string) => char === " " || char === "\n" || char === "\r" || char === "\t" || char === "\uFEFF";

export async function* scanJson(chunks: AsyncIterable<string>, options: JsonScanOptions): AsyncGenerator<JsonEvent> {
  let mode = Mode.Top;
  let line = 1;
  let member: string | undefined; // the array being walked (undefined: the top-level array)
  let key = "";
  let depth = 0;
  let inString = false;
  let escaped = false;
  // the record being collected
  let keep = false;
  let recordLine = 0;
  let parts: string[] = [];
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
    let from = -1; // start, in this chunk, of the record text not yet in `parts`
    if (mode === Mode.Record && keep && !oversized) from = 0;
    out = [];
    for (let i = 0; i < chunk.length; i += 1) {
      const char = chunk[i]!;
      if (char === "\n") line += 1;
      switch (mode) {
        case Mode.Top:
          if (isSpace(char)) break;
          if (char === "[") {
            out.push({ kind: "shape", shape: "array" });
            mode = Mode.Items;
            keep = options.want(undefined);
          } else if (char === "{") {
            out.push({ kind: "shape", shape: "object" });
            mode = Mode.Between;
          } else {
            out.push({ kind: "bad", member: undefined, line, reason: "the file is not a JSON array or object" });
            mode = Mode.Done;
            trailingReported = true;
          }
          break;
        case Mode.Between:
          if (isSpace(char) || char === ",") break;
          if (char === "}") mode = Mode.Done;
          else if (char === '"') {
            mode = Mode.Key;
            key = "";
          } else mode = broken();
          break;
        case Mode.Key:
          if (escaped) escaped = false;
          else if (char === "\\") escaped = true;
          else if (char === '"') {
            mode = Mode.AfterKey;
            break;
          }
          key += char;
          if (key.length > 4096) mode = broken();
          break;
        case Mode.AfterKey:
          if (isSpace(char)) break;
          mode = char === ":" ? Mode.Value : broken();
          break;
        case Mode.Value:
          if (isSpace(char)) break;
          member = decodeKey(key);
          if (char === "[") {
            out.push({ kind: "member", name: member, array: true });
            keep = options.want(member);
            mode = Mode.Items;
          } else if (char === "{") {
            out.push({ kind: "member", name: member, array: false });
            mode = Mode.SkipNested;
            depth = 1;
          } else if (char === '"') mode = Mode.SkipString;
          else mode = Mode.SkipScalar;
          break;
        case Mode.Items:
          if (isSpace(char) || char === ",") break;
          if (char === "]") {
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
          i -= 1; // the record's first character is read again, as part of it
          if (char === "\n") line -= 1;
          break;
        case Mode.Record: {
          let ends = false;
          if (inString) {
            if (escaped) escaped = false;
            else if (char === "\\") escaped = true;
            else if (char === '"') inString = false;
          } else if (char === '"') inString = true;
          else if (char === "{" || char === "[") depth += 1;
          else if (char === "]" && depth === 0) ends = true;
          else if (char === "}" || char === "]") depth = Math.max(0, depth - 1);
          else if (char === "," && depth === 0) ends = true;
          if (keep && !oversized && i - from + 1 + size > options.maxRecordBytes) {
            oversized = true;
            parts = [];
            from = -1;
            out.push({ kind: "bad", member, line: recordLine, reason: "record over the size limit" });
          }
          if (!ends) break;
          if (keep && !oversized) {
            parts.push(chunk.slice(from, i));
            out.push({ kind: "record", member, line: recordLine, text: parts.join("") });
          }
          parts = [];
          from = -1;
          mode = Mode.Items;
          if (char === "]") i -= 1; // closes the array: read again in Items
          break;
        }
        case Mode.SkipNested:
          if (inString) {
            if (escaped) escaped = false;
            else if (char === "\\") escaped = true;
            else if (char === '"') inString = false;
          } else if (char === '"') inString = true;
          else if (char === "{" || char === "[") depth += 1;
          else if (char === "}" || char === "]") {
            depth -= 1;
            if (depth === 0) mode = Mode.Between;
          }
          break;
        case Mode.SkipString:
          if (escaped) escaped = false;
          else if (char === "\\") escaped = true;
          else if (char === '"') mode = Mode.Between;
          break;
        case Mode.SkipScalar:
          if (char === "," || char === "}" || isSpace(char)) {
            mode = Mode.Between;
            if (char === "}") mode = Mode.Done;
          }
          break;
        case Mode.Done:
          if (!isSpace(char) && !trailingReported) {
            trailingReported = true;
            out.push({ kind: "bad", member: undefined, line, reason: "text after the end of the JSON" });
          }
          break;
      }
    }
    if (mode === Mode.Record && keep && !oversized && from >= 0) {
      const rest = chunk.slice(from);
      parts.push(rest);
      size += rest.length;
    }
    yield* out;
  }
  if (mode === Mode.Record && keep && !oversized && parts.join("").trim() !== "") {
    yield { kind: "bad", member, line: recordLine, reason: "the file ends inside a record" };
  }
}

function decodeKey(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}
