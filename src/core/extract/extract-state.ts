/**
 * How far one source table's extraction got in a run, kept in `extract_state` so a crashed run
 * resumes the read where it stopped. The reader's checkpoint is written in the same transaction
 * as the staged rows, issues and outcomes that precede it, never ahead of them: a resumed read
 * starts right after what is staged, so nothing is read twice into the run and nothing is lost.
 */
import type { Kysely, Transaction } from "kysely";
import type { ChangeCursor, Checkpoint } from "../../contracts/source.js";
import type { Database } from "../../store/schema.js";

export interface ExtractCounts {
  staged: number;
  duplicates: number;
  badRows: number;
  unchanged: number;
  /** Records a tombstone of this read marked as deleted at the source. */
  deleted: number;
}

export interface ExtractState extends ExtractCounts {
  /** The read's ReadOptions.changedSince (a delta reading only changes); null = a full read. */
  readonly since: ChangeCursor | null;
  /** The run whose row-level outcomes a changed-since delta carries over (the cursor's run). */
  readonly carryFrom: string | null;
  /** The newest change read so far (starting at `since`): the next cursor, once the run completes. */
  newest: ChangeCursor | null;
  /** When the read first started (ISO, this machine's clock): caps the next cursor (see change-cursor.ts). */
  readonly startedAt: string;
  /** Every row of the table is staged. */
  done: boolean;
  /** Delta: the records not read this time have been carried over (see carry-over.ts). */
  carried: boolean;
}

export interface SavedExtract {
  readonly state: ExtractState;
  /** The latest checkpoint whose preceding rows are all staged; undefined = start over. */
  readonly after?: Checkpoint;
}

type Db = Kysely<Database> | Transaction<Database>;

export async function loadExtract(db: Db, runId: string, table: string): Promise<SavedExtract | undefined> {
  const row = await db.selectFrom("extract_state").selectAll().where("run_id", "=", runId).where("source_table", "=", table).executeTakeFirst();
  if (!row) return undefined;
  const state = JSON.parse(row.state_json) as ExtractState;
  return row.checkpoint_json ? { state, after: JSON.parse(row.checkpoint_json) as Checkpoint } : { state };
}

export function freshState(since: ChangeCursor | null, carryFrom: string | null, startedAt: string): ExtractState {
  return { staged: 0, duplicates: 0, badRows: 0, unchanged: 0, deleted: 0, since, carryFrom, newest: since, startedAt, done: false, carried: false };
}

/**
 * Starts (or starts over) a table's extraction in a run: what this run staged, reported and
 * decided for the table so far is undone, and a fresh state saved, in one transaction.
 */
export async function restartExtract(db: Kysely<Database>, runId: string, table: string, state: ExtractState): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("staged_records").set({ extract_run: "" }).where("source_table", "=", table).where("extract_run", "=", runId).execute();
    // Only extraction has written issues for the table yet: the source's own and duplicate keys.
    await trx.deleteFrom("issues").where("run_id", "=", runId).where("source_table", "=", table)
      .where((eb) => eb.or([eb("code", "like", "HO-SRC-%"), eb("code", "=", "HO-TRN-005")])).execute();
    await trx.deleteFrom("record_outcomes").where("run_id", "=", runId).where("source_table", "=", table).execute();
    await saveExtract(trx, runId, table, state, null);
  });
}

/** Within the transaction that staged the rows before it: the state and the checkpoint (null =
 * rows beyond any checkpoint were staged, so a resume must start the table over). */
export async function saveExtract(trx: Db, runId: string, table: string, state: ExtractState, checkpoint: Checkpoint | null): Promise<void> {
  const values = { state_json: JSON.stringify(state), checkpoint_json: checkpoint ? JSON.stringify(checkpoint) : null };
  await trx.insertInto("extract_state").values({ run_id: runId, source_table: table, ...values })
    .onConflict((oc) => oc.columns(["run_id", "source_table"]).doUpdateSet(values)).execute();
}

/** Saves the state alone, keeping the checkpoint as it is. */
export async function saveState(trx: Db, runId: string, table: string, state: ExtractState): Promise<void> {
  await trx.updateTable("extract_state").set({ state_json: JSON.stringify(state) }).where("run_id", "=", runId).where("source_table", "=", table).execute();
}
