/**
 * Which staged records reached the target in the run that last staged them: loaded or flagged
 * there, or skipped there as unchanged (so they had reached it before). Only such a record may be
 * skipped by a delta as "unchanged-since-last-run"; any other (rejected last time, say) is tried again.
 */
import { sql, type Kysely, type SqlBool, type Transaction } from "kysely";
import type { Database } from "../../store/schema.js";

/** The condition on a record_outcomes row, unqualified (only that table has these columns), for
 * queries that join it with staging. */
export const reachedTarget = sql<SqlBool>`(status IN ('loaded', 'flagged') OR reason = 'unchanged-since-last-run')`;

export async function landedIn(db: Kysely<Database> | Transaction<Database>, table: string, records: readonly { readonly key: string; readonly run: string }[]): Promise<Set<string>> {
  const landed = new Set<string>();
  for (let k = 0; k < records.length; k += 500) {
    const slice = records.slice(k, k + 500);
    const runOf = new Map(slice.map((r) => [r.key, r.run]));
    const rows = await db.selectFrom("record_outcomes").select(["run_id", "source_key"]).where("source_table", "=", table)
      .where("source_key", "in", [...runOf.keys()]).where("run_id", "in", [...new Set(runOf.values())])
      .where(reachedTarget).execute();
    for (const o of rows) if (runOf.get(o.source_key) === o.run_id) landed.add(o.source_key);
  }
  return landed;
}
