import chardet from "chardet";
import iconv from "iconv-lite";

/**
 * A file's text encoding, as detected from its first bytes. `bomBytes` is how many bytes of byte
 * order mark precede the text (never part of the first header name).
 */
export interface DetectedEncoding {
  readonly encoding: string;
  readonly bomBytes: number;
}

/** How much of a file detection looks at. */
export const sniffBytes = 64 * 1024;

/** Multi-byte encodings chardet may name that a practice export could really be in. */
const trustedGuesses = new Set(["UTF-16LE", "UTF-16BE", "Shift_JIS", "EUC-JP", "EUC-KR", "GB18030", "Big5"]);

/**
 * Detects the encoding from the first bytes (`complete`: they are the whole file). A BOM decides
 * (UTF-8, UTF-16 LE/BE). Without one: text that is valid UTF-8 is UTF-8; mostly-valid UTF-8 with a
 * few damaged bytes stays UTF-8 (the damaged bytes become U+FFFD rather than mis-decoding every
 * accented letter); NUL bytes in every other position mean UTF-16; chardet may name a multi-byte
 * Asian encoding; anything else is Windows-1252 — what Windows software calls "ANSI" in Western
 * Europe and the Americas, and a superset of Latin-1's printable characters.
 *
 * @example detectEncoding(Buffer.from([0xff, 0xfe, 0x41, 0]), true) // { encoding: "utf-16le", bomBytes: 2 }
 */
export function detectEncoding(head: Buffer, complete: boolean): DetectedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: "utf-8", bomBytes: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: "utf-16le", bomBytes: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: "utf-16be", bomBytes: 2 };
  const utf8 = utf8Quality(head, complete);
  if (utf8.invalid === 0) return { encoding: "utf-8", bomBytes: 0 };
  const wide = utf16Guess(head);
  if (wide) return { encoding: wide, bomBytes: 0 };
  if (utf8.multibyte >= 4 * utf8.invalid) return { encoding: "utf-8", bomBytes: 0 };
  const guess = chardet.detect(head);
  if (guess && trustedGuesses.has(guess) && iconv.encodingExists(guess)) return { encoding: guess.toLowerCase(), bomBytes: 0 };
  return { encoding: "windows-1252", bomBytes: 0 };
}

/** Counts well-formed multi-byte sequences and bytes that fit no UTF-8 sequence. */
function utf8Quality(bytes: Buffer, complete: boolean): { multibyte: number; invalid: number } {
  let multibyte = 0;
  let invalid = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) {
      invalid += 1;
      i += 1;
      continue;
    }
    if (i + need >= bytes.length && !complete) break; // a sequence cut by the end of the sample
    let ok = true;
    for (let k = 1; k <= need; k += 1) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) ok = false;
    if (ok) {
      multibyte += 1;
      i += need + 1;
    } else {
      invalid += 1;
      i += 1;
    }
  }
  return { multibyte, invalid };
}

/** UTF-16 without a BOM: ASCII text in it has a NUL in every other byte. */
function utf16Guess(bytes: Buffer): "utf-16le" | "utf-16be" | undefined {
  const sample = Math.min(bytes.length, 4096) & ~1;
  if (sample < 8) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenNul += 1;
    if (bytes[i + 1] === 0) oddNul += 1;
  }
  const pairs = sample / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return "utf-16le";
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return "utf-16be";
  return undefined;
}

/**
 * Turns a file's bytes into UTF-8 without its BOM, chunk by chunk (a character split across
 * chunks is carried over). UTF-8 passes through untouched, so byte offsets in the output are the
 * file's own offsets minus the BOM; other encodings go through iconv-lite.
 */
export async function* decodeToUtf8(chunks: AsyncIterable<Buffer>, detected: DetectedEncoding): AsyncGenerator<Buffer> {
  if (detected.encoding === "utf-8") {
    let skip = detected.bomBytes;
    for await (const chunk of chunks) {
      if (skip > 0) {
        const cut = Math.min(skip, chunk.length);
        skip -= cut;
        if (cut === chunk.length) continue;
        yield chunk.subarray(cut);
        continue;
      }
      yield chunk;
    }
    return;
  }
  const decoder = iconv.getDecoder(detected.encoding, { stripBOM: true });
  for await (const chunk of chunks) {
    const text = decoder.write(chunk);
    if (text.length > 0) yield Buffer.from(text, "utf8");
  }
  const rest = decoder.end();
  if (rest) yield Buffer.from(rest, "utf8");
}

/** True when byte offsets into the decoded text are offsets into the file (after the BOM). */
export function keepsOffsets(detected: DetectedEncoding): boolean {
  return detected.encoding === "utf-8";
}
