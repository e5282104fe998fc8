import { issue, type Issue } from "../../contracts/handover-error.js";
import type { SourceConnector } from "../../contracts/source.js";
import type { Insertable } from "kysely";
import type { Store } from "../../store/open-store.js";
import type { StagedRecordsTable } from "../../store/schema.js";
import type { TableMap } from "../transform/compile-map.js";
import { readInstant } from "../transform/parse-dates.js";

export interface ExtractTableResult {
  readonly table: string;
  readonly staged: number;
  readonly duplicates: number;
  readonly badRows: number;
  /** Delta only: records whose values are as an earlier run staged them (skipped by rule). */
  readonly unchanged: number;
}

export interface ExtractOptions {
  readonly onProgress?: (n: number) => void;
  /** Delta: a record whose values equal what an earlier run staged is skipped by rule
   * "unchanged-since-last-run"; only new and changed records are left for the load. */
  readonly compareWithPrevious?: boolean;
}

const chunkSize = 500;

/**
 * Stages one source table's rows for a run: every row ends staged, or as an issue + outcome
 * (malformed row, empty key, duplicate key — first row wins, rule "duplicate-source-key").
 * Re-extracting a table in the same run (a resume) starts that table over, so nothing doubles.
 */
export async function extractTable(store: Store, source: SourceConnector, table: TableMap, runId: string, options: ExtractOptions = {}): Promise<ExtractTableResult> {
  const { onProgress, compareWithPrevious = false } = options;
  const db = store.db;
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("staged_records").set({ extract_run: "" }).where("source_table", "=", table.table).where("extract_run", "=", runId).execute();
    await trx.deleteFrom("issues").where("run_id", "=", runId).where("source_table", "=", table.table).where("code", "like", "HO-SRC-%").execute();
    await trx.deleteFrom("record_outcomes").where("run_id", "=", runId).where("source_table", "=", table.table).execute();
  });
  const modifiedColumn = table.columnFor("modifiedAt");
  let staged = 0;
  let duplicates = 0;
  let badRows = 0;
  let unchanged = 0;
  let pending: { key: string; file: string; row: number; values: Readonly<Record<string, string>> }[] = [];
  const pendingIssues: { issue: Issue; key: string }[] = [];

  const flush = async () => {
    const batch = pending;
    pending = [];
    const keys = [...new Set(batch.map((r) => r.key))];
    const seen = new Map<string, number>();
    const previous = new Map<string, string>();
    if (keys.length > 0) {
      const existing = await db.selectFrom("staged_records").select(["source_key", "row", "values_json", "extract_run"]).where("source_table", "=", table.table)
        .where("source_key", "in", keys).execute();
      const earlier = new Map<string, { run: string; values: string }>();
      for (const e of existing) {
        if (e.extract_run === runId) seen.set(e.source_key, e.row);
        else if (compareWithPrevious && e.extract_run !== "") earlier.set(e.source_key, { run: e.extract_run, values: e.values_json });
      }
      // Only a record that reached the target last time may be skipped as unchanged.
      if (earlier.size > 0) {
        const landed = await db.selectFrom("record_outcomes").select(["run_id", "source_key"]).where("source_table", "=", table.table)
          .where("source_key", "in", [...earlier.keys()]).where("run_id", "in", [...new Set([...earlier.values()].map((e) => e.run))])
          .where((eb) => eb.or([eb("status", "in", ["loaded", "flagged"]), eb("reason", "=", "unchanged-since-last-run")])).execute();
        for (const o of landed) if (earlier.get(o.source_key)?.run === o.run_id) previous.set(o.source_key, earlier.get(o.source_key)!.values);
      }
    }
    const same: { key: string; file: string; row: number }[] = [];
    const rows: Insertable<StagedRecordsTable>[] = [];
    for (const r of batch) {
      const first = seen.get(r.key);
      if (first !== undefined) {
        duplicates += 1;
        pendingIssues.push({ key: `${r.key}#row${r.row}`, issue: issue("HO-TRN-005", { file: r.file, row: r.row, field: table.keyColumns.join("+"), firstRow: first }, "warning") });
        continue;
      }
      seen.set(r.key, r.row);
      const modified = modifiedColumn ? readInstant((r.values[modifiedColumn] ?? "").trim(), "MM/DD/YYYY") : null;
      const values = JSON.stringify(r.values);
      if (previous.get(r.key) === values) same.push({ key: r.key, file: r.file, row: r.row });
      rows.push({ source_table: table.table, source_key: r.key, file: r.file, row: r.row, values_json: values, modified_at: modified, extract_run: runId });
    }
    const issueRows = pendingIssues.splice(0);
    await db.transaction().execute(async (trx) => {
      if (rows.length > 0) {
        await trx.insertInto("staged_records").values(rows)
          .onConflict((oc) => oc.columns(["source_table", "source_key"]).doUpdateSet((eb) => ({
            file: eb.ref("excluded.file"), row: eb.ref("excluded.row"), values_json: eb.ref("excluded.values_json"),
            modified_at: eb.ref("excluded.modified_at"), extract_run: eb.ref("excluded.extract_run"),
          })))
          .execute();
      }
      if (same.length > 0) {
        unchanged += same.length;
        await trx.insertInto("record_outcomes").values(same.map((r) => ({
          run_id: runId, source_table: table.table, source_key: r.key, file: r.file, row: r.row,
          status: "skipped" as const, reason: "unchanged-since-last-run", target_table: null, target_key: null,
        }))).onConflict((oc) => oc.doNothing()).execute();
      }
      if (issueRows.length > 0) {
        await trx.insertInto("issues").values(issueRows.map(({ issue: i, key }) => ({
          run_id: runId, source_table: table.table, source_key: key, file: i.file ?? null, row: i.row ?? null,
          field: i.field ?? null, code: i.code, severity: i.severity, message: i.message,
        }))).execute();
        // A source warning (an attachment not stored, say) comes with its record, which is staged
        // and decided like any other: it is listed, not counted as a row of its own.
        const rowsOfTheirOwn = issueRows.filter(({ issue: i }) => i.severity !== "warning" || i.code === "HO-TRN-005");
        if (rowsOfTheirOwn.length > 0) await trx.insertInto("record_outcomes").values(rowsOfTheirOwn.map(({ issue: i, key }) => ({
          run_id: runId, source_table: table.table, source_key: key, file: i.file ?? null, row: i.row ?? null,
          status: i.code === "HO-TRN-005" ? "skipped" as const : "rejected" as const,
          reason: i.code === "HO-TRN-005" ? "duplicate-source-key" : i.code, target_table: null, target_key: null,
        }))).onConflict((oc) => oc.doNothing()).execute();
      }
    });
    staged += rows.length;
    onProgress?.(staged);
  };

  for await (const item of source.read(table.table)) {
    // Deletions matter to delta, which reads them itself; a full extract stages what exists.
    if (item.kind === "checkpoint" || item.kind === "deleted") continue;
    if (item.kind === "issue") {
      if (item.issue.severity !== "warning") badRows += 1;
      pendingIssues.push({ issue: item.issue, key: `#row${item.issue.row ?? badRows}${item.issue.severity === "warning" ? `:${item.issue.code}` : ""}` });
      continue;
    }
    const key = table.keyColumns.map((c) => (item.values[c] ?? "").trim()).join("|");
    if (key.replace(/\|/g, "") === "") {
      badRows += 1;
      pendingIssues.push({ key: `#row${item.row}`, issue: issue("HO-SRC-005", { file: item.file, row: item.row, field: table.keyColumns.join("+") }) });
      continue;
    }
    pending.push({ key, file: item.file, row: item.row, values: item.values });
    if (pending.length >= chunkSize) await flush();
  }
  await flush();
  return { table: table.table, staged, duplicates, badRows, unchanged };
}
