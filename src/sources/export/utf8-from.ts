import { skipBytes, type ExportContainer } from "./container.js";
import { decodeToUtf8, keepsOffsets, type DetectedEncoding } from "./encoding.js";

/**
 * A file's content as UTF-8 bytes from `offset`, an offset in that UTF-8 text (after any BOM):
 * how the text readers resume. A UTF-8 file in a folder is reopened at the byte; anything else
 * (another encoding, an archive entry) is decoded from the start and the bytes before the offset
 * dropped — never parsed.
 */
export function utf8From(container: ExportContainer, path: string, encoding: DetectedEncoding, offset = 0): AsyncIterable<Buffer> {
  if (offset === 0) return decodeToUtf8(container.open(path), encoding);
  if (container.seekable && keepsOffsets(encoding)) return container.open(path, encoding.bomBytes + offset);
  return skipBytes(decodeToUtf8(container.open(path), encoding), offset);
}
