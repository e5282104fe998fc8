import { open, writeFile } from "node:fs/promises";

/**
 * Writes many small files with a bounded number in flight: one at a time, the 25,000 documents of
 * a 100,000-patient export would wait on the disk one by one. The first failure is kept and
 * thrown by the next `write` or by `close`, so no rejection goes unhandled.
 */
export class FilePool {
  private readonly inFlight = new Set<Promise<void>>();
  private failure: { readonly error: unknown } | undefined;

  constructor(private readonly limit = 32) {}

  /** Queues `bytes` for `path`; waits only when `limit` writes are already in flight. */
  async write(path: string, bytes: Uint8Array): Promise<void> {
    await this.add(writeFile(path, bytes));
  }

  /**
   * A file of exactly `size` bytes holding `head` at the start and `tail` at the end, the rest a
   * hole (zeros) the file system need not store: how a multi-megabyte file stays cheap to plant.
   */
  async writeSparse(path: string, size: number, head: Uint8Array, tail: Uint8Array): Promise<void> {
    await this.add(
      (async () => {
        const handle = await open(path, "w");
        try {
          await handle.write(head, 0, head.length, 0);
          await handle.truncate(size);
          await handle.write(tail, 0, tail.length, size - tail.length);
        } finally {
          await handle.close();
        }
      })(),
    );
  }

  /** Waits for every queued write; throws the first failure. */
  async close(): Promise<void> {
    await Promise.all(this.inFlight);
    this.throwIfFailed();
  }

  private async add(task: Promise<void>): Promise<void> {
    const tracked: Promise<void> = task.then(
      () => void this.inFlight.delete(tracked),
      (error: unknown) => {
        this.failure ??= { error };
        this.inFlight.delete(tracked);
      },
    );
    this.inFlight.add(tracked);
    this.throwIfFailed();
    if (this.inFlight.size >= this.limit) await Promise.race(this.inFlight);
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }
}
