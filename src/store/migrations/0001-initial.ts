import { sql, type Kysely } from "kysely";

/** The first store schema: runs, staging, outcomes, crosswalk, journal, audit, confirmations, plans. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("runs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    .addColumn("map_hash", "text", (c) => c.notNull())
    .addColumn("summary", "text")
    .addColumn("progress", "text", (c) => c.notNull().defaultTo("{}"))
    .execute();

  await db.schema
    .createTable("staged_records")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("source_table", "text", (c) => c.notNull())
    .addColumn("source_key", "text", (c) => c.notNull())
    .addColumn("file", "text", (c) => c.notNull())
    .addColumn("row", "integer", (c) => c.notNull())
    .addColumn("values_json", "text", (c) => c.notNull())
    .addColumn("modified_at", "text")
    .addColumn("extract_run", "text", (c) => c.notNull())
    .addUniqueConstraint("staged_records_key", ["source_table", "source_key"])
    .execute();

  await db.schema
    .createTable("issues")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("run_id", "text", (c) => c.notNull())
    .addColumn("source_table", "text", (c) => c.notNull())
    .addColumn("source_key", "text")
    .addColumn("file", "text")
    .addColumn("row", "integer")
    .addColumn("field", "text")
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("severity", "text", (c) => c.notNull())
    .addColumn("message", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("issues_run").on("issues").columns(["run_id", "source_table"]).execute();

  await db.schema
    .createTable("record_outcomes")
    .addColumn("run_id", "text", (c) => c.notNull())
    .addColumn("source_table", "text", (c) => c.notNull())
    .addColumn("source_key", "text", (c) => c.notNull())
    .addColumn("file", "text")
    .addColumn("row", "integer")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("target_table", "text")
    .addColumn("target_key", "text")
    .addPrimaryKeyConstraint("record_outcomes_pk", ["run_id", "source_table", "source_key"])
    .execute();

  await db.schema
    .createTable("crosswalk")
    .addColumn("target_table", "text", (c) => c.notNull())
    .addColumn("source_key", "text", (c) => c.notNull())
    .addColumn("target_id", "text", (c) => c.notNull())
    .addColumn("source_table", "text", (c) => c.notNull())
    .addColumn("first_run", "text", (c) => c.notNull())
    .addColumn("last_run", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("crosswalk_pk", ["target_table", "source_key"])
    .execute();

  await db.schema
    .createTable("journal")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("run_id", "text", (c) => c.notNull())
    .addColumn("op", "text", (c) => c.notNull())
    .addColumn("target_table", "text", (c) => c.notNull())
    .addColumn("source_key", "text", (c) => c.notNull())
    .addColumn("target_id", "text")
    .addColumn("existed_before", "integer", (c) => c.notNull())
    .addColumn("before_image", "text")
    .addColumn("intent", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("vendor_code", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("completed_at", "text")
    .execute();
  await db.schema.createIndex("journal_key").on("journal").columns(["target_table", "source_key", "id"]).execute();

  await db.schema
    .createTable("audit")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("operation", "text", (c) => c.notNull())
    .addColumn("run_id", "text")
    .addColumn("source_key", "text")
    .addColumn("target_table", "text")
    .addColumn("target_id", "text")
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("error_code", "text")
    .addColumn("prev_hash", "text", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .execute();
  // Append-only: the store itself refuses to change or remove an audit row.
  await sql`CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END`.execute(db);
  await sql`CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END`.execute(db);

  await db.schema
    .createTable("confirmations")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("map_hash", "text", (c) => c.notNull())
    .addColumn("confirmed_by", "text", (c) => c.notNull())
    .addColumn("confirmed_at", "text", (c) => c.notNull())
    .addColumn("confirmed_rows", "integer", (c) => c.notNull())
    .addColumn("rejected_rows", "integer", (c) => c.notNull())
    .execute();

  // Per patient, the link chosen as primary practice (recomputed by each run from the staged links).
  await db.schema
    .createTable("primary_links")
    .addColumn("patient_id", "text", (c) => c.primaryKey())
    .addColumn("link_id", "text", (c) => c.notNull())
    .addColumn("practice_id", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("primary_links_link").on("primary_links").column("link_id").execute();

  await db.schema
    .createTable("plans")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("map_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("plan_json", "text", (c) => c.notNull())
    .execute();
}
