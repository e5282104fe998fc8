/**
 * Records an earlier run staged that the source no longer has — named by its tombstones
 * (a changed-since read marks them as it goes) or missing from a whole read (found here by key
 * set). They stay in the target (a migration does not delete CRM records on its own); each table's
 * are audited once and listed for a person to decide, and a later delta does not list them again.
 */
import { appendAudit } from "../../store/audit-log.js";
import type { Context } from "../context.js";
import type { CompiledMap } from "../transform/compile-map.js";

export interface DeletedAtSource {
  readonly table: string;
  readonly count: number;
  /** The first 1,000 keys (all are in the audit log's count and in staging). */
  readonly keys: readonly string[];
}

const operation = "delta.deleted-at-source";

/** Call after every table is extracted (and, for changed-since tables, carried over). */
export async function deletedAtSource(ctx: Context, map: CompiledMap, runId: string): Promise<DeletedAtSource[]> {
  const db = ctx.store.db;
  const out: DeletedAtSource[] = [];
  // Marks a run left behind when it stopped before listing them (a delta killed after reading
  // tombstones, then replaced by another run) are listed by this one.
  const abandoned = (await db.selectFrom("runs").select("id").where("status", "!=", "completed").where("id", "!=", runId).execute()).map((r) => `deleted:${r.id}`);
  for (let k = 0; k < abandoned.length; k += 500) {
    await db.updateTable("staged_records").set({ extract_run: `deleted:${runId}` }).where("extract_run", "in", abandoned.slice(k, k + 500)).execute();
  }
  for (const table of map.tables.values()) {
    // Marked in the database, never loaded: a record the read met but refused (an attachment whose
    // bytes can't be had) has an outcome in this run and is still there.
    await db.updateTable("staged_records").set({ extract_run: `deleted:${runId}` }).where("source_table", "=", table.table)
      .where("extract_run", "not in", [runId, ""]).where("extract_run", "not like", "deleted:%")
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom("record_outcomes as o").select("o.source_key")
        .where("o.run_id", "=", runId).where("o.source_table", "=", table.table).whereRef("o.source_key", "=", "staged_records.source_key")))).execute();
    const gone = db.selectFrom("staged_records").where("source_table", "=", table.table).where("extract_run", "=", `deleted:${runId}`);
    const count = Number((await gone.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
    if (count === 0) continue;
    const keys = (await gone.select("source_key").orderBy("source_key").limit(1000).execute()).map((g) => g.source_key);
    const audited = await db.selectFrom("audit").select("id").where("operation", "=", operation).where("run_id", "=", runId).where("target_table", "=", table.table).executeTakeFirst();
    if (!audited) await appendAudit(db, [{ actor: ctx.actor, operation, runId, targetTable: table.table, outcome: `${count} record(s) no longer in the source; left in the target` }]);
    out.push({ table: table.table, count, keys });
  }
  return out;
}
