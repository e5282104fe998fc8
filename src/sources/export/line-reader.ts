/** One line of a line-per-record file, or a line too long to hold. Lines are 1-based; `nextOffset`
 * is the byte offset (in the input) where the next line starts: a resumed read begins there. */
export type TextLine =
  | { readonly line: number; readonly text: string; readonly nextOffset: number }
  | { readonly line: number; readonly tooLong: true; readonly nextOffset: number };

export interface LineStart {
  /** Offset of the input's first byte (a resumed read); 0 by default. */
  readonly offset?: number;
  /** Line number of the input's first line; 1 by default. */
  readonly line?: number;
}

/**
 * Splits UTF-8 text into lines (LF or CRLF; the break is not part of the text), holding at most
 * `maxBytes` of one line: a longer line is reported as `tooLong` and skipped to its end, so a
 * file with no line breaks at all still streams in bounded memory (`Infinity`: any line is held).
 */
export async function* readLines(chunks: AsyncIterable<Buffer>, maxBytes: number, start: LineStart = {}): AsyncGenerator<TextLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let consumed = 0; // bytes of the current line read so far, break included once found
  let tooLong = false;
  let line = start.line ?? 1;
  let offset = start.offset ?? 0;
  const finish = (): TextLine => {
    offset += consumed;
    const text = tooLong ? "" : Buffer.concat(parts).toString("utf8");
    const result: TextLine = tooLong ? { line, tooLong: true, nextOffset: offset } : { line, text: text.endsWith("\r") ? text.slice(0, -1) : text, nextOffset: offset };
    parts = [];
    size = 0;
    consumed = 0;
    tooLong = false;
    line += 1;
    return result;
  };
  for await (const chunk of chunks) {
    let begin = 0;
    for (;;) {
      const lf = chunk.indexOf(0x0a, begin);
      const piece = chunk.subarray(begin, lf < 0 ? chunk.length : lf);
      consumed += piece.length;
      if (!tooLong) {
        if (size + piece.length > maxBytes) {
          tooLong = true;
          parts = [];
        } else {
          parts.push(piece);
          size += piece.length;
        }
      }
      if (lf < 0) break;
      consumed += 1;
      yield finish();
      begin = lf + 1;
    }
  }
  if (consumed > 0 || tooLong) yield finish();
}
