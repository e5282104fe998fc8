import type { Kysely } from "kysely";

/**
 * Indexes for the load's hot paths (both were full scans, making a run quadratic in size):
 * - crosswalk by source key alone: lookup checks and verify resolve references that way;
 * - staged records by table then id: the loader pages through a table with an id cursor.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex("crosswalk_source_key").on("crosswalk").column("source_key").execute();
  await db.schema.createIndex("staged_records_table_id").on("staged_records").columns(["source_table", "id"]).execute();
}
