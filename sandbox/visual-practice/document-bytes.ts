import type { Rng } from "./prng.js";
import { noteSentences } from "./word-lists.js";

export type DocumentMimeType = "application/pdf" | "image/jpeg" | "image/png" | "text/plain";

export const extensionOf: Readonly<Record<DocumentMimeType, string>> = {
  "application/pdf": "pdf",
  "image/jpeg": "jpg",
  "image/png": "png",
  "text/plain": "txt",
};

const ascii = (text: string) => Buffer.from(text, "latin1");

/**
 * How each type's files start and end: the magic bytes a sniffer (or `file`) recognises, and a
 * plausible end (`%%EOF`, JPEG's EOI, PNG's IEND). What lies between is filler, not a real image.
 */
const shapes: Readonly<Record<DocumentMimeType, { readonly head: Buffer; readonly tail: Buffer; readonly text: boolean }>> = {
  "application/pdf": {
    head: ascii("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n3 0 obj\n<< /Filter /FlateDecode >>\nstream\n"),
    tail: ascii("\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"),
    text: false,
  },
  "image/jpeg": {
    head: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x48, 0x00, 0x48, 0x00, 0x00]),
    tail: Buffer.from([0xff, 0xd9]),
    text: false,
  },
  "image/png": {
    head: Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, // signature
      0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x02, 0x80, 0x00, 0x00, 0x01, 0xe0, 0x08, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // IHDR 640x480
    ]),
    tail: Buffer.from([0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]),
    text: false,
  },
  "text/plain": { head: ascii("SYNTHETIC SANDBOX DOCUMENT - NOT A REAL RECORD\n\n"), tail: ascii("\n"), text: true },
};

export function headOf(mimeType: DocumentMimeType): Buffer {
  return shapes[mimeType].head;
}

export function tailOf(mimeType: DocumentMimeType): Buffer {
  return shapes[mimeType].tail;
}

/** Filler drawn once per export: 8 KiB of random bytes and 8 KiB of stock sentences. */
export interface Filler {
  readonly binary: Buffer;
  readonly text: Buffer;
}

export function makeFiller(rng: Rng): Filler {
  const binary = Buffer.alloc(8192);
  for (let i = 0; i < binary.length; i += 1) binary[i] = rng.int(0, 255);
  let text = "";
  while (text.length < 8192) text += `${rng.pick(noteSentences)}${rng.chance(0.1) ? "\n" : " "}`;
  return { binary, text: ascii(text.slice(0, 8192)) };
}

/**
 * A file of exactly `size` bytes: the type's head, filler from `offset` (repeated as needed) and
 * the type's tail. Deterministic: the same filler, offset and size give the same bytes.
 *
 * @example documentBytes(filler, 17, "application/pdf", 1200).subarray(0, 8).toString() // "%PDF-1.4"
 */
export function documentBytes(filler: Filler, offset: number, mimeType: DocumentMimeType, size: number): Buffer {
  const { head, tail, text } = shapes[mimeType];
  if (size <= head.length + tail.length) return Buffer.concat([head, tail]).subarray(0, size);
  const out = Buffer.allocUnsafe(size);
  head.copy(out, 0);
  const source = text ? filler.text : filler.binary;
  out.fill(source.subarray(offset % source.length), head.length, size - tail.length);
  tail.copy(out, size - tail.length);
  return out;
}
