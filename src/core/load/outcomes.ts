import { sql, type Kysely } from "kysely";
import type { Issue } from "../../contracts/handover-error.js";
import type { Database, JournalStatus, OutcomeStatus } from "../../store/schema.js";
import type { RecordResult } from "../transform/transform-record.js";

/** A source record's final outcome in a run, with the issues that explain it. */
export interface OutcomeEntry {
  readonly record: Pick<RecordResult, "sourceTable" | "sourceKey" | "file" | "row">;
  readonly status: OutcomeStatus;
  readonly reason: string | null;
  readonly targetTable: string | null;
  readonly targetKey: string | null;
  readonly issues: readonly Issue[];
}

const chunk = 100;

/**
 * Writes outcomes (replacing any earlier one for the same record in the run) and their issues,
 * a few statements per hundred records rather than two per record.
 */
export async function saveOutcomes(db: Kysely<Database>, runId: string, entries: readonly OutcomeEntry[]): Promise<void> {
  for (let k = 0; k < entries.length; k += chunk) {
    const slice = entries.slice(k, k + chunk);
    await db.insertInto("record_outcomes").values(slice.map((e) => ({
      run_id: runId, source_table: e.record.sourceTable, source_key: idOf(e.record.sourceKey), file: e.record.file, row: e.record.row,
      status: e.status, reason: e.reason, target_table: e.targetTable, target_key: e.targetKey,
    }))).onConflict((oc) => oc.columns(["run_id", "source_table", "source_key"]).doUpdateSet((eb) => ({
      status: eb.ref("excluded.status"), reason: eb.ref("excluded.reason"), target_table: eb.ref("excluded.target_table"), target_key: eb.ref("excluded.target_key"),
    }))).execute();
    const issues = slice.flatMap((e) => e.issues.map((i) => ({
      run_id: runId, source_table: e.record.sourceTable, source_key: idOf(e.record.sourceKey), file: i.file ?? e.record.file, row: i.row ?? e.record.row,
      field: i.field ?? null, code: i.code, severity: i.severity, message: i.message,
    })));
    for (let j = 0; j < issues.length; j += chunk) await db.insertInto("issues").values(issues.slice(j, j + chunk)).execute();
  }
}

export interface JournalCompletion {
  readonly id: number;
  readonly status: JournalStatus;
  readonly targetId: string | null;
  readonly vendorCode: string | null;
}

/** Marks journal intents done (ok or failed) in one statement per hundred. */
export async function completeJournal(db: Kysely<Database>, done: readonly JournalCompletion[], at: string): Promise<void> {
  for (let k = 0; k < done.length; k += chunk) {
    const rows = done.slice(k, k + chunk).map((d) => sql`(${d.id}, ${d.status}, ${d.targetId}, ${d.vendorCode})`);
    await sql`UPDATE journal SET status = v.column2, target_id = coalesce(v.column3, journal.target_id), vendor_code = v.column4, completed_at = ${at}
      FROM (VALUES ${sql.join(rows)}) AS v WHERE journal.id = v.column1`.execute(db);
  }
}

/** "vp:patients:12" → "12": outcomes are keyed by the source's own id within its table. */
function idOf(sourceKey: string): string {
  return sourceKey.split(":").slice(2).join(":");
}
