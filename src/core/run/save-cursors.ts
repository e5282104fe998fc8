/**
 * When a run or delta completes, each table it extracted leaves its change cursor for the next
 * delta: the newest change read, held back to the read's start (see extract/change-cursor.ts),
 * never behind the cursor the read started from. Written with the run's completion, so a run that
 * did not complete never moves a cursor.
 */
import type { Transaction } from "kysely";
import type { Database } from "../../store/schema.js";
import { nextCursor } from "../extract/change-cursor.js";
import type { ExtractState } from "../extract/extract-state.js";

export async function saveCursors(trx: Transaction<Database>, runId: string): Promise<void> {
  const now = new Date().toISOString();
  for (const row of await trx.selectFrom("extract_state").select(["source_table", "state_json"]).where("run_id", "=", runId).execute()) {
    const state = JSON.parse(row.state_json) as ExtractState;
    const cursor = nextCursor(state.newest, state.startedAt, state.since);
    const values = { at: cursor?.at ?? null, key: cursor?.key ?? null, run_id: runId, updated_at: now };
    await trx.insertInto("change_cursors").values({ source_table: row.source_table, ...values })
      .onConflict((oc) => oc.column("source_table").doUpdateSet(values)).execute();
  }
}
