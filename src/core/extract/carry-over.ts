/**
 * A delta that read only what changed since its cursor still accounts for every source record:
 * the records it did not read are the source's as they were, so they join the run as they are
 * staged — skipped by rule "unchanged-since-last-run" when they reached the target last time,
 * left for the load otherwise (a record rejected last time is tried again, as after a whole read).
 * The row-level outcomes of the cursor's run (malformed rows, duplicate keys) are carried too,
 * with their issues, so the run's reconciliation covers what a whole read would.
 * One transaction per table, marked done in its extraction state: a resumed delta never doubles it.
 */
import { sql, type Kysely } from "kysely";
import type { Database } from "../../store/schema.js";
import { loadExtract, saveState } from "./extract-state.js";
import { reachedTarget } from "./landed.js";

export interface CarryResult {
  /** Records not read, skipped as unchanged. */
  readonly unchanged: number;
  /** Records not read that did not reach the target last time: loaded again from staging. */
  readonly retried: number;
}

export async function carryOver(db: Kysely<Database>, table: string, runId: string): Promise<CarryResult> {
  const saved = await loadExtract(db, runId, table);
  if (!saved?.state.since || !saved.state.done || saved.state.carried) return { unchanged: 0, retried: 0 };
  const state = saved.state;
  return db.transaction().execute(async (trx) => {
    const skipped = await trx.insertInto("record_outcomes").columns(["run_id", "source_table", "source_key", "file", "row", "status", "reason", "target_table", "target_key"])
      .expression(trx.selectFrom("staged_records as s").where("s.source_table", "=", table)
        .where("s.extract_run", "not in", [runId, ""]).where("s.extract_run", "not like", "deleted:%")
        .where(({ exists, selectFrom }) => exists(selectFrom("record_outcomes as o").select(sql.lit(1).as("one"))
          .whereRef("o.run_id", "=", "s.extract_run").whereRef("o.source_table", "=", "s.source_table").whereRef("o.source_key", "=", "s.source_key").where(reachedTarget)))
        .select([sql.val(runId).as("run_id"), "s.source_table", "s.source_key", "s.file", "s.row", sql.lit("skipped").as("status"),
          sql.lit("unchanged-since-last-run").as("reason"), sql`NULL`.as("target_table"), sql`NULL`.as("target_key")]))
      .onConflict((oc) => oc.doNothing()).executeTakeFirst();
    const joined = await trx.updateTable("staged_records").set({ extract_run: runId }).where("source_table", "=", table)
      .where("extract_run", "not in", [runId, ""]).where("extract_run", "not like", "deleted:%").executeTakeFirst();
    if (state.carryFrom) {
      // Only the whole read's row-level outcomes: those a changed-since read filed itself (`…@run`)
      // were found again in, or left behind by, that read's window; carrying them on would count a
      // keyless item once more with every delta.
      const rowLevel = sql<boolean>`((source_key LIKE '#row%' OR reason = 'duplicate-source-key') AND source_key NOT LIKE '%@delta-%')`;
      await trx.insertInto("record_outcomes").columns(["run_id", "source_table", "source_key", "file", "row", "status", "reason", "target_table", "target_key"])
        .expression(trx.selectFrom("record_outcomes").where("run_id", "=", state.carryFrom).where("source_table", "=", table).where(rowLevel)
          .select([sql.val(runId).as("run_id"), "source_table", "source_key", "file", "row", "status", "reason", "target_table", "target_key"]))
        .onConflict((oc) => oc.doNothing()).execute();
      await trx.insertInto("issues").columns(["run_id", "source_table", "source_key", "file", "row", "field", "code", "severity", "message"])
        .expression(trx.selectFrom("issues").where("run_id", "=", state.carryFrom).where("source_table", "=", table)
          .where((eb) => eb.or([eb("source_key", "like", "#row%"), eb("code", "=", "HO-TRN-005")])).where("source_key", "not like", "%@delta-%")
          .select([sql.val(runId).as("run_id"), "source_table", "source_key", "file", "row", "field", "code", "severity", "message"]))
        .execute();
    }
    await saveState(trx, runId, table, { ...state, carried: true });
    const unchanged = Number(skipped.numInsertedOrUpdatedRows ?? 0n);
    return { unchanged, retried: Number(joined.numUpdatedRows) - unchanged };
  });
}
