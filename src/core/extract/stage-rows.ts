/**
 * Writes one batch of read rows into staging, inside the caller's transaction: a key this run
 * staged already makes the row a duplicate (first row wins, rule "duplicate-source-key"); on a
 * delta, a record whose values equal what an earlier run staged, and which reached the target
 * then, is skipped by rule "unchanged-since-last-run".
 */
import type { Insertable, Transaction } from "kysely";
import { issue, type Issue } from "../../contracts/handover-error.js";
import type { Database, StagedRecordsTable } from "../../store/schema.js";
import type { TableMap } from "../transform/compile-map.js";
import type { InstantReader } from "../transform/parse-dates.js";
import { landedIn } from "./landed.js";

export interface PendingRow {
  readonly key: string;
  readonly file: string;
  readonly row: number;
  readonly values: Readonly<Record<string, string>>;
}

/** An issue with the outcome key it is filed under (`#row12`, `P1#row40`…). */
export interface PendingIssue {
  readonly key: string;
  readonly issue: Issue;
}

export interface StageContext {
  readonly table: TableMap;
  readonly runId: string;
  readonly compareWithPrevious: boolean;
  /** Turns `#row12` / `P1#row40` into the key a row-level outcome is filed under. */
  readonly rowKey: (base: string) => string;
  /** Reads the modified column as the transform does (declared format, the source's zone). */
  readonly readInstant: InstantReader;
}

const chunkSize = 500;

/** Stages `rows`; returns the duplicate-key issues found and how many rows were staged / unchanged. */
export async function stageRows(trx: Transaction<Database>, ctx: StageContext, rows: readonly PendingRow[]): Promise<{ staged: number; unchanged: number; duplicates: PendingIssue[] }> {
  const out = { staged: 0, unchanged: 0, duplicates: [] as PendingIssue[] };
  for (let k = 0; k < rows.length; k += chunkSize) {
    const part = await stageChunk(trx, ctx, rows.slice(k, k + chunkSize));
    out.staged += part.staged;
    out.unchanged += part.unchanged;
    out.duplicates.push(...part.duplicates);
  }
  return out;
}

async function stageChunk(trx: Transaction<Database>, ctx: StageContext, batch: readonly PendingRow[]): Promise<{ staged: number; unchanged: number; duplicates: PendingIssue[] }> {
  const { table, runId } = ctx;
  const keys = [...new Set(batch.map((r) => r.key))];
  const seen = new Map<string, number>();
  const previous = new Map<string, string>();
  if (keys.length > 0) {
    const existing = await trx.selectFrom("staged_records").select(["source_key", "row", "values_json", "extract_run"]).where("source_table", "=", table.table)
      .where("source_key", "in", keys).execute();
    const earlier = new Map<string, { run: string; values: string }>();
    for (const e of existing) {
      if (e.extract_run === runId) seen.set(e.source_key, e.row);
      else if (ctx.compareWithPrevious && e.extract_run !== "" && !e.extract_run.startsWith("deleted:")) earlier.set(e.source_key, { run: e.extract_run, values: e.values_json });
    }
    // Only a record that reached the target last time may be skipped as unchanged.
    for (const key of await landedIn(trx, table.table, [...earlier].map(([key, e]) => ({ key, run: e.run })))) previous.set(key, earlier.get(key)!.values);
  }
  const modifiedColumn = table.columnFor("modifiedAt");
  const duplicates: PendingIssue[] = [];
  const same: PendingRow[] = [];
  const rows: Insertable<StagedRecordsTable>[] = [];
  for (const r of batch) {
    const first = seen.get(r.key);
    if (first !== undefined) {
      duplicates.push({ key: ctx.rowKey(`${r.key}#row${r.row}`), issue: issue("HO-TRN-005", { file: r.file, row: r.row, field: table.keyColumns.join("+"), firstRow: first }, "warning") });
      continue;
    }
    seen.set(r.key, r.row);
    const modified = modifiedColumn ? ctx.readInstant(table.table, modifiedColumn, r.values[modifiedColumn] ?? "") : null;
    const values = JSON.stringify(r.values);
    if (previous.get(r.key) === values) same.push(r);
    rows.push({ source_table: table.table, source_key: r.key, file: r.file, row: r.row, values_json: values, modified_at: modified, extract_run: runId });
  }
  if (rows.length > 0) {
    await trx.insertInto("staged_records").values(rows)
      .onConflict((oc) => oc.columns(["source_table", "source_key"]).doUpdateSet((eb) => ({
        file: eb.ref("excluded.file"), row: eb.ref("excluded.row"), values_json: eb.ref("excluded.values_json"),
        modified_at: eb.ref("excluded.modified_at"), extract_run: eb.ref("excluded.extract_run"),
      })))
      .execute();
  }
  if (same.length > 0) {
    await trx.insertInto("record_outcomes").values(same.map((r) => ({
      run_id: runId, source_table: table.table, source_key: r.key, file: r.file, row: r.row,
      status: "skipped" as const, reason: "unchanged-since-last-run", target_table: null, target_key: null,
    }))).onConflict((oc) => oc.doNothing()).execute();
  }
  return { staged: rows.length, unchanged: same.length, duplicates };
}

/** Files issues, and an outcome for each that stands for a row of its own, in the transaction. */
export async function fileIssues(trx: Transaction<Database>, runId: string, table: string, issues: readonly PendingIssue[]): Promise<void> {
  for (let k = 0; k < issues.length; k += 100) {
    const slice = issues.slice(k, k + 100);
    await trx.insertInto("issues").values(slice.map(({ issue: i, key }) => ({
      run_id: runId, source_table: table, source_key: key, file: i.file ?? null, row: i.row ?? null,
      field: i.field ?? null, code: i.code, severity: i.severity, message: i.message,
    }))).execute();
    // A source warning (an attachment not stored, say) comes with its record, which is staged
    // and decided like any other: it is listed, not counted as a row of its own.
    const rowsOfTheirOwn = slice.filter(({ issue: i }) => i.severity !== "warning" || i.code === "HO-TRN-005");
    if (rowsOfTheirOwn.length > 0) await trx.insertInto("record_outcomes").values(rowsOfTheirOwn.map(({ issue: i, key }) => ({
      run_id: runId, source_table: table, source_key: key, file: i.file ?? null, row: i.row ?? null,
      status: i.code === "HO-TRN-005" ? "skipped" as const : "rejected" as const,
      reason: i.code === "HO-TRN-005" ? "duplicate-source-key" : i.code, target_table: null, target_key: null,
    }))).onConflict((oc) => oc.doNothing()).execute();
  }
}
