import { issue, type Issue } from "../../contracts/handover-error.js";
import type { SourceConnector } from "../../contracts/source.js";
import type { Insertable } from "kysely";
import type { Store } from "../../store/open-store.js";
import type { StagedRecordsTable } from "../../store/schema.js";
import type { TableMap } from "../transform/compile-map.js";
import { parseDateTime } from "../transform/parse-value.js";

export interface ExtractTableResult {
  readonly table: string;
  readonly staged: number;
  readonly duplicates: number;
  readonly badRows: number;
}

const chunkSize = 500;

/**
 * Stages one source table's rows for a run: every row ends staged, or as an issue + outcome
 * (malformed row, empty key, duplicate key — first row wins, rule "duplicate-source-key").
 * Re-extracting a table in the same run (a resume) starts that table over, so nothing doubles.
 */
export async function extractTable(store: Store, source: SourceConnector, table: TableMap, runId: string, onProgress?: (n: number) => void): Promise<ExtractTableResult> {
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
  let pending: { key: string; file: string; row: number; values: Readonly<Record<string, string>> }[] = [];
  const pendingIssues: { issue: Issue; key: string }[] = [];

  const flush = async () => {
    const batch = pending;
    pending = [];
    const keys = [...new Set(batch.map((r) => r.key))];
    const seen = new Map<string, number>();
    if (keys.length > 0) {
      const existing = await db.selectFrom("staged_records").select(["source_key", "row"]).where("source_table", "=", table.table)
        .where("extract_run", "=", runId).where("source_key", "in", keys).execute();
      for (const e of existing) seen.set(e.source_key, e.row);
    }
    const rows: Insertable<StagedRecordsTable>[] = [];
    for (const r of batch) {
      const first = seen.get(r.key);
      if (first !== undefined) {
        duplicates += 1;
        pendingIssues.push({ key: `${r.key}#row${r.row}`, issue: issue("HO-TRN-005", { file: r.file, row: r.row, field: table.keyColumns.join("+"), firstRow: first }, "warning") });
        continue;
      }
      seen.set(r.key, r.row);
      const modified = modifiedColumn ? parseDateTime((r.values[modifiedColumn] ?? "").trim(), "MM/DD/YYYY")?.value ?? null : null;
      rows.push({ source_table: table.table, source_key: r.key, file: r.file, row: r.row, values_json: JSON.stringify(r.values), modified_at: modified, extract_run: runId });
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
      if (issueRows.length > 0) {
        await trx.insertInto("issues").values(issueRows.map(({ issue: i, key }) => ({
          run_id: runId, source_table: table.table, source_key: key, file: i.file ?? null, row: i.row ?? null,
          field: i.field ?? null, code: i.code, severity: i.severity, message: i.message,
        }))).execute();
        await trx.insertInto("record_outcomes").values(issueRows.map(({ issue: i, key }) => ({
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
      badRows += 1;
      pendingIssues.push({ issue: item.issue, key: `#row${item.issue.row ?? badRows}` });
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
  return { table: table.table, staged, duplicates, badRows };
}
