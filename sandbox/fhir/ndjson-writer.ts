import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";

/** Writes resources one per line, waiting on the stream when it is full, so a big export never sits in memory. */
export class NdjsonWriter {
  private readonly out: WriteStream;
  rows = 0;
  bytes = 0;

  constructor(path: string) {
    this.out = createWriteStream(path);
  }

  async write(resource: unknown): Promise<void> {
    const line = `${JSON.stringify(resource)}\n`;
    this.rows += 1;
    this.bytes += Buffer.byteLength(line);
    if (!this.out.write(line)) await once(this.out, "drain");
  }

  async close(): Promise<{ rows: number; bytes: number }> {
    this.out.end();
    await once(this.out, "finish");
    return { rows: this.rows, bytes: this.bytes };
  }
}
