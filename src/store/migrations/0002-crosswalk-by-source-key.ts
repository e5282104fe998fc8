import type { Kysely } from "kysely";

/** Lookup checks and verify resolve references by source key alone; index it (was a full scan per batch). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex("crosswalk_source_key").on("crosswalk").column("source_key").execute();
}
