import type { Kysely } from "kysely";

/**
 * What a resumed extraction and a change-cursor delta need:
 * - extract_state: per run and source table, the reader's latest checkpoint (saved in the same
 *   transaction as the staged rows before it) and the extraction's running counts;
 * - change_cursors: per source table, where the last completed run or delta left off (the newest
 *   change it read, with its key), for a delta that asks the source only for what changed since.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("extract_state")
    .addColumn("run_id", "text", (c) => c.notNull())
    .addColumn("source_table", "text", (c) => c.notNull())
    .addColumn("checkpoint_json", "text")
    .addColumn("state_json", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("extract_state_pk", ["run_id", "source_table"])
    .execute();

  await db.schema
    .createTable("change_cursors")
    .addColumn("source_table", "text", (c) => c.primaryKey())
    .addColumn("at", "text")
    .addColumn("key", "text")
    .addColumn("run_id", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
}
