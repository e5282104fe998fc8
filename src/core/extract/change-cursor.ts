/**
 * Change cursors (ReadOptions.changedSince): ordered by instant, then key, the order the
 * contract's `>=` + key tie-break assumes.
 */
import type { ChangeCursor } from "../../contracts/source.js";

/**
 * How far before its read's start a cursor may stand at most. A full read goes in key order, so a
 * record changed during the read on a page already read is missed by it, while a record changed
 * after it, on a later page, is read and would move the cursor past the first change. Holding the
 * cursor at the read's start (less a margin for clock skew between us and the source) makes the
 * next delta read those changes again; records it reads that did not change are compared with
 * what was staged and skipped, so a cursor too early costs a few reads, never a lost change.
 */
export const cursorMarginMs = 5 * 60_000;

export function compareCursors(a: ChangeCursor, b: ChangeCursor): number {
  const at = Date.parse(a.at) - Date.parse(b.at);
  if (at !== 0) return at;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** The later of two cursors (either may be absent). */
export function laterCursor(a: ChangeCursor | null, b: ChangeCursor | null): ChangeCursor | null {
  if (!a) return b;
  if (!b) return a;
  return compareCursors(a, b) >= 0 ? a : b;
}

/**
 * The cursor a completed read leaves for the next delta: the newest change it read, but no later
 * than its start less the margin (key "" there: nothing at that instant was surely read), and never
 * earlier than the cursor it started from.
 */
export function nextCursor(newest: ChangeCursor | null, startedAt: string, since: ChangeCursor | null): ChangeCursor | null {
  if (!newest) return since;
  const cap: ChangeCursor = { at: new Date(Date.parse(startedAt) - cursorMarginMs).toISOString(), key: "" };
  return laterCursor(since, compareCursors(newest, cap) > 0 ? cap : newest);
}
