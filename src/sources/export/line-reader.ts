/** One line of a line-per-record file, or a line too long to hold. Lines are 1-based. */
export type TextLine = { readonly line: number; readonly text: string } | { readonly line: number; readonly tooLong: true };

/**
 * Splits UTF-8 text into lines (LF or CRLF; the break is not part of the text), holding at most
 * `maxBytes` of one line: a longer line is reported as `tooLong` and skipped to its end, so a
 * file with no line breaks at all still streams in bounded memory.
 */
export async function* readLines(chunks: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<TextLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let line = 1;
  const finish = (): TextLine => {
    const text = Buffer.concat(parts).toString("utf8");
    const result: TextLine = tooLong ? { line, tooLong: true } : { line, text: text.endsWith("\r") ? text.slice(0, -1) : text };
    parts = [];
    size = 0;
    tooLong = false;
    line += 1;
    return result;
  };
  for await (const chunk of chunks) {
    let start = 0;
    for (;;) {
      const lf = chunk.indexOf(0x0a, start);
      const piece = chunk.subarray(start, lf < 0 ? chunk.length : lf);
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
      yield finish();
      start = lf + 1;
    }
  }
  if (size > 0 || tooLong) yield finish();
}
