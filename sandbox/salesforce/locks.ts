/**
 * Record locks held for the length of one write request (or bulk job chunk). A second
 * request touching a locked parent gets UNABLE_TO_LOCK_ROW at once — a real org waits ~10 s
 * first; `lockDelayMs` stretches how long the holder keeps them so tests can provoke it.
 */
import { unableToLock } from "./errors.js";

export interface LockScope {
  /** Locks `id` for this scope's owner; throws RecordError UNABLE_TO_LOCK_ROW when another owner holds it. */
  acquire(id: string): void;
}

export class LockTable {
  private readonly holders = new Map<string, number>();
  private nextOwner = 1;
  /** Lock conflicts seen so far (for /_sandbox/stats). */
  conflicts = 0;

  /** A fresh owner; call `release()` when its request is done. */
  open(): LockScope & { release(): void; readonly size: number } {
    const owner = this.nextOwner++;
    const held = new Set<string>();
    return {
      acquire: (id) => {
        const holder = this.holders.get(id);
        if (holder !== undefined && holder !== owner) {
          this.conflicts++;
          throw unableToLock(id);
        }
        this.holders.set(id, owner);
        held.add(id);
      },
      release: () => {
        for (const id of held) if (this.holders.get(id) === owner) this.holders.delete(id);
        held.clear();
      },
      get size() {
        return held.size;
      },
    };
  }
}

/** A scope that never conflicts (reads, control endpoints). */
export const NO_LOCKS: LockScope = { acquire: () => undefined };
