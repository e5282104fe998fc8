/**
 * Checkpoints of a PracticeHub read: one after every page, carrying the API's `next_cursor`, so
 * a resumed read asks for the next page and never for one it finished. A delta read has two
 * phases (changed records, then tombstones); the phase is part of the position. The query the
 * cursor belongs to (delta instant, projected fields) is kept too: the API refuses a cursor
 * replayed with another query, so we refuse first, with a clearer reason.
 */
import type { Checkpoint } from "../../contracts/source.js";
import { badCheckpoint } from "./source-errors.js";

export type Phase = "records" | "deleted" | "end";

export interface Position {
  readonly phase: Phase;
  /** The API's cursor for the next page of the phase; "" = its first page. */
  readonly cursor: string;
  /** Items (records and rejected ones) the read has passed so far: the last row number given. */
  readonly row: number;
  /** The delta instant (ReadOptions.changedSince.at), "" for a full read. */
  readonly since: string;
  /** The projected fields, comma-joined; "" for all. */
  readonly fields: string;
}

const reader = "practicehub";

export const startPosition = (since: string, fields: string): Position => ({ phase: "records", cursor: "", row: 0, since, fields });

export function toCheckpoint(table: string, position: Position): Checkpoint {
  return { kind: "checkpoint", table, position: { reader, v: 1, ...position } };
}

/** The position an `after` checkpoint stands for; throws HO-SRC-008 when it can't be used here. */
export function fromCheckpoint(after: Checkpoint, table: string, file: string, since: string, fields: string): Position {
  const p = after.position;
  if (after.table !== table) throw badCheckpoint(file, "it belongs to another table");
  if (p.reader !== reader || p.v !== 1) throw badCheckpoint(file, "it was not made by the PracticeHub reader");
  const phase = p.phase;
  if ((phase !== "records" && phase !== "deleted" && phase !== "end") || typeof p.cursor !== "string" || typeof p.row !== "number") {
    throw badCheckpoint(file, "its position is incomplete");
  }
  if (p.since !== since) throw badCheckpoint(file, "it was made by a read with another changedSince");
  if (p.fields !== fields) throw badCheckpoint(file, "it was made by a read of other fields");
  return { phase, cursor: p.cursor, row: p.row, since, fields };
}
