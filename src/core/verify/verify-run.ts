import { join } from "node:path";
import type { MappingFile } from "../../config/mapping-file.js";
import type { StoredRow } from "../../contracts/target.js";
import { appendAudit } from "../../store/audit-log.js";
import type { Context } from "../context.js";
import type { Plan } from "../plan/plan.js";
import { csvCell, openPrivateStream, phiBanner, reportDir, writePrivate } from "../report/report-files.js";
import { htmlPage } from "../report/html-page.js";
import { transformContext } from "../run/transform-context.js";
import { compileMap } from "../transform/compile-map.js";
import { loadCatalog } from "../discover/catalog-file.js";
import { deriveLinks } from "../transform/derive-links.js";
import { primaryLinksFor } from "../load/primary-links.js";
import { transformRecord, type StagedRecord } from "../transform/transform-record.js";
import { compareField, type FieldDiff } from "./compare.js";
import { reconcile, type Reconciliation } from "./reconcile.js";
import { noteViews } from "./note-views.js";

export interface VerifyResult {
  readonly runId: string;
  readonly rowsChecked: number;
  readonly fieldsChecked: number;
  readonly mismatches: number;
  readonly missingRows: number;
  readonly reconciliation: Reconciliation;
  readonly reports: readonly string[];
}

const csvColumns = ["source_key", "file", "row", "table", "source_column", "model_field", "target_column", "phi", "source_value", "transform", "expected", "actual", "match"] as const;

/**
 * Reads back every row a run loaded and diffs it field by field against what the map says it
 * should hold; writes the diff (CSV: every field; JSON + HTML: summary, per-column figures and
 * every mismatch) and the reconciliation under .handover/reports/<run>/.
 */
export async function verifyRun(ctx: Context, mapping: MappingFile, plan: Plan, runId: string): Promise<VerifyResult> {
  const map = compileMap(mapping, ctx.template);
  const base = transformContext(ctx, map, plan, mapping);
  const dir = reportDir(ctx.ws.reportsDir, runId);
  const csvPath = join(dir, "diff.csv");
  const csv = openPrivateStream(csvPath);
  csv.write(csvColumns.join(",") + "\n");
  const mismatches: FieldDiff[] = [];
  const perColumn = new Map<string, { checked: number; matched: number }>();
  let rowsChecked = 0;
  let fieldsChecked = 0;
  let missingRows = 0;
  let mismatchCount = 0;

  for (const table of map.tables.values()) {
    if (!table.targetTable) continue;
    let last = "";
    for (;;) {
      const outcomes = await ctx.store.db.selectFrom("record_outcomes as o").innerJoin("staged_records as s", (j) => j.onRef("s.source_table", "=", "o.source_table").onRef("s.source_key", "=", "o.source_key"))
        .select(["o.source_key", "s.file", "s.row", "s.values_json"]).where("o.run_id", "=", runId).where("o.source_table", "=", table.table)
        .where("o.status", "in", ["loaded", "flagged"]).where("o.target_table", "=", table.targetTable).where("o.source_key", ">", last)
        .orderBy("o.source_key").limit(200).execute();
      if (outcomes.length === 0) break;
      last = outcomes[outcomes.length - 1]!.source_key;
      const records: StagedRecord[] = outcomes.map((o) => ({ table: table.table, key: o.source_key, file: o.file, row: o.row, values: JSON.parse(o.values_json) as Record<string, string> }));
      const derive = deriveLinks({ map, prefix: base.prefix, primaryPractice: base.primaryPractice, ...(await primaryLinksFor(ctx.store, table.object.name, records.map((r) => r.key))) });
      const results = records.map((r) => transformRecord(r, { ...base, derive }));
      const keys = results.map((r) => r.sourceKey);
      const expectations = results.flatMap((r) => r.expectations);
      const columns = [...new Set(expectations.map((e) => e.column))];
      let stored = new Map<string, StoredRow>();
      for (const row of await ctx.target.readBack(table.targetTable, keys, columns)) if (row.sourceKey) stored.set(row.sourceKey, row);
      let expectedOf = (r: (typeof results)[number]) => r.expectations;
      if (table.notes) {
        const views = await noteViews(ctx, table.targetTable, table.notes, results, stored);
        stored = views.rows;
        expectedOf = (r) => views.expectations.get(r.sourceKey) ?? r.expectations;
      }
      const ids = await resolver(ctx, expectations);
      const preExisting = await existedBefore(ctx, table.targetTable, keys);
      for (const r of results) {
        rowsChecked += 1;
        const row = stored.get(r.sourceKey);
        if (!row) missingRows += 1;
        for (const exp of expectedOf(r)) {
          if (exp.createOnly && preExisting.has(r.sourceKey)) continue;
          const cmp = compareField(exp, row, (t, k) => ids.get(`${t}|${k}`));
          const diff: FieldDiff = {
            sourceKey: r.sourceKey, file: r.file, row: r.row, table: table.targetTable, sourceColumn: exp.sourceColumn, modelKey: exp.modelKey,
            column: exp.column, phi: exp.phi, sourceValue: exp.sourceValue, transform: exp.transform, ...cmp,
          };
          fieldsChecked += 1;
          const stat = perColumn.get(`${table.targetTable}.${exp.column}`) ?? { checked: 0, matched: 0 };
          stat.checked += 1;
          if (diff.match) stat.matched += 1;
          else {
            mismatchCount += 1;
            if (mismatches.length < 5000) mismatches.push(diff);
          }
          perColumn.set(`${table.targetTable}.${exp.column}`, stat);
          csv.write([diff.sourceKey, diff.file, diff.row, diff.table, diff.sourceColumn, diff.modelKey, diff.column, diff.phi ? "yes" : "no", diff.sourceValue, diff.transform, diff.expected, diff.actual, diff.match ? "yes" : "no"].map(csvCell).join(",") + "\n");
        }
      }
    }
  }
  await new Promise<void>((resolve, reject) => csv.end((err?: Error | null) => (err ? reject(err) : resolve())));
  const catalog = await loadCatalog(ctx);
  const unmapped = catalog.tables.filter((t) => !map.tables.has(t.name)).map((t) => ({ table: t.name, rows: t.rowCount }));
  const reconciliation = await reconcile(ctx, runId, unmapped);
  const summary = { runId, rowsChecked, fieldsChecked, mismatches: mismatchCount, missingRows };
  const columns = [...perColumn.entries()].map(([column, s]) => ({ column, ...s }));
  const jsonPath = writePrivate(join(dir, "diff.json"), JSON.stringify({ phi: phiBanner, summary, columns, mismatches, reconciliation }, null, 1));
  const htmlPath = writePrivate(join(dir, "diff.html"), htmlPage(`Field-level diff — ${runId}`, phiBanner,
    [["Rows read back", rowsChecked], ["Fields compared", fieldsChecked], ["Mismatches", mismatchCount], ["Rows missing in target", missingRows], ["Full diff (every field)", "diff.csv"]],
    [
      { title: "Per target column", columns: ["column", "compared", "matching"], rows: columns.map((c) => [c.column, c.checked, c.matched]) },
      { title: "Mismatches", columns: ["source key", "file", "row", "source column", "target column", "source value", "transform", "expected", "actual", "match"], flagColumn: 9,
        rows: mismatches.slice(0, 2000).map((d) => [d.sourceKey, d.file, d.row, d.sourceColumn, d.column, d.sourceValue, d.transform, d.expected, d.actual, d.match ? "yes" : "no"]),
        note: mismatchCount === 0 ? "Every compared field matches." : `${mismatchCount} mismatching field(s); the first 2,000 are listed.` },
      ...reconciliationTables(reconciliation),
    ]));
  const recoPath = writePrivate(join(dir, "reconciliation.json"), JSON.stringify(reconciliation, null, 1));
  await appendAudit(ctx.store.db, [{ actor: ctx.actor, operation: "verify", runId, outcome: mismatchCount === 0 && missingRows === 0 ? "ok" : "mismatches", errorCode: mismatchCount || missingRows ? "HO-VER-001" : null }]);
  return { ...summary, reconciliation, reports: [htmlPath, csvPath, jsonPath, recoPath] };
}

export function reconciliationTables(r: Reconciliation) {
  return [
    { title: "Reconciliation: every source record accounted for", columns: ["source table", "source rows", "loaded", "flagged", "rejected", "skipped", "unexplained"],
      rows: r.tables.map((t) => [t.table, t.sourceRows, t.loaded, t.flagged, t.rejected, t.skipped, t.unexplained]) },
    { title: "Rejected and skipped records (no values shown)", columns: ["source table", "key", "file", "row", "outcome", "code / rule", "field", "message"],
      rows: r.exceptions.map((e) => [e.table, e.sourceKey, e.file, e.row, e.status, e.reason, e.field, e.message]) },
    { title: "Values left out of loaded records (no values shown)", columns: ["source table", "key", "file", "row", "code", "field", "message"],
      rows: r.flags.map((f) => [f.table, f.sourceKey, f.file, f.row, f.code, f.field, f.message]) },
  ];
}

/** Target ids of every row the expectations point at by source key, from the crosswalk. */
async function resolver(ctx: Context, expectations: readonly { expected: unknown }[]): Promise<Map<string, string>> {
  const keys = new Set<string>();
  for (const e of expectations) {
    const ref = e.expected as { sourceKey?: string } | null;
    if (ref && typeof ref === "object" && ref.sourceKey) keys.add(ref.sourceKey);
  }
  const ids = new Map<string, string>();
  const list = [...keys];
  for (let k = 0; k < list.length; k += 500) {
    for (const r of await ctx.store.db.selectFrom("crosswalk").select(["target_table", "source_key", "target_id"]).where("source_key", "in", list.slice(k, k + 500)).execute()) {
      ids.set(`${r.target_table}|${r.source_key}`, r.target_id);
    }
  }
  return ids;
}

/** Keys whose row was in the target before Handover first wrote it (create-only fields untouched). */
async function existedBefore(ctx: Context, table: string, keys: readonly string[]): Promise<Set<string>> {
  const rows = await ctx.store.db.selectFrom("journal").select(["source_key", "existed_before", "id"]).where("target_table", "=", table).where("source_key", "in", [...keys]).orderBy("id").execute();
  const first = new Map<string, number>();
  for (const r of rows) if (!first.has(r.source_key)) first.set(r.source_key, r.existed_before);
  return new Set([...first.entries()].filter(([, e]) => e === 1).map(([k]) => k));
}

