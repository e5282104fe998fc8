/**
 * The bytes a parser has been fed but that no emitted record covers yet, addressed by absolute
 * offset. The CSV reader keeps them so that, when a record fails, it can restart just after the
 * failed record's first line without reading the file again. It holds at most one record's bytes
 * plus a chunk: everything before the last emitted record is dropped as soon as it is emitted.
 */
export class ByteWindow {
  private chunks: Buffer[] = [];
  /** Absolute offset of the first byte held. */
  private start: number;
  private length = 0;

  constructor(start: number) {
    this.start = start;
  }

  get end(): number {
    return this.start + this.length;
  }

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  /** Forgets the bytes before `offset`. */
  dropBefore(offset: number): void {
    let drop = Math.min(offset - this.start, this.length);
    while (drop > 0 && this.chunks.length > 0) {
      const first = this.chunks[0]!;
      if (first.length <= drop) {
        this.chunks.shift();
        this.start += first.length;
        this.length -= first.length;
        drop -= first.length;
      } else {
        this.chunks[0] = first.subarray(drop);
        this.start += drop;
        this.length -= drop;
        drop = 0;
      }
    }
  }

  /** Absolute offset of the first line break byte (CR or LF) at or after `from`, or -1. */
  indexOfBreak(from: number): number {
    let base = this.start;
    for (const chunk of this.chunks) {
      for (let local = Math.max(0, from - base); local < chunk.length; local += 1) {
        const byte = chunk[local];
        if (byte === 0x0a || byte === 0x0d) return base + local;
      }
      base += chunk.length;
    }
    return -1;
  }

  /**
   * Line breaks in [from, to): all of them, and those before the first other byte (empty lines
   * ahead of a record) with the bytes they take. CRLF, LF and a lone CR each count once.
   */
  breaks(from: number, to: number): { readonly total: number; readonly leading: number; readonly leadingBytes: number } {
    let total = 0;
    let leading = 0;
    let leadingBytes = 0;
    let inLead = true;
    let afterCr = false;
    let base = this.start;
    for (const chunk of this.chunks) {
      const end = Math.min(chunk.length, to - base);
      for (let local = Math.max(0, from - base); local < end; local += 1) {
        const byte = chunk[local];
        const isBreak = byte === 0x0d || (byte === 0x0a && !afterCr);
        if (isBreak) total += 1;
        if (inLead) {
          if (byte === 0x0d || byte === 0x0a) {
            leadingBytes += 1;
            if (isBreak) leading += 1;
          } else inLead = false;
        }
        afterCr = byte === 0x0d;
      }
      base += chunk.length;
      if (base >= to) break;
    }
    return { total, leading, leadingBytes };
  }

  /** The byte at an absolute offset, or undefined when it isn't held. */
  byteAt(offset: number): number | undefined {
    let base = this.start;
    for (const chunk of this.chunks) {
      if (offset < base + chunk.length) return offset >= base ? chunk[offset - base] : undefined;
      base += chunk.length;
    }
    return undefined;
  }

  /** The bytes from `offset` to the end, then forgets everything. */
  takeFrom(offset: number): Buffer {
    this.dropBefore(offset);
    const rest = Buffer.concat(this.chunks);
    this.chunks = [];
    this.start = this.end;
    this.length = 0;
    return rest;
  }

  /** Forgets everything and starts over at `offset`. */
  reset(offset: number): void {
    this.chunks = [];
    this.start = offset;
    this.length = 0;
  }
}
