/**
 * Records a source says it deleted (tombstones, or missing from a whole read) are marked
 * `deleted:<run>` in staging: not loaded, not reported again by a later delta, and listed and
 * audited by the run that found them (see core/run/deleted-at-source.ts).
 */
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../store/schema.js";

/** Marks the keys a tombstone named, among records staged by an earlier run (a record this run
 * read, or one never staged, is left alone). Returns how many were marked. */
export async function markDeleted(db: Kysely<Database> | Transaction<Database>, table: string, runId: string, keys: readonly string[]): Promise<number> {
  let marked = 0;
  for (let k = 0; k < keys.length; k += 500) {
    const result = await db.updateTable("staged_records").set({ extract_run: `deleted:${runId}` }).where("source_table", "=", table)
      .where("source_key", "in", keys.slice(k, k + 500)).where("extract_run", "not in", [runId, ""]).where("extract_run", "not like", "deleted:%").executeTakeFirst();
    marked += Number(result.numUpdatedRows);
  }
  return marked;
}
