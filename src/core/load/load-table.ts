import { sql } from "kysely";
import { issue } from "../../contracts/handover-error.js";
import type { TableMap } from "../transform/compile-map.js";
import { deriveLinks } from "../transform/derive-links.js";
import { primaryLinksFor } from "./primary-links.js";
import { transformRecord, type RecordResult, type StagedRecord, type TransformContext } from "../transform/transform-record.js";
import { checkRefs } from "./check-refs.js";
import { saveOutcomes, type OutcomeEntry } from "./outcomes.js";
import { writeBatch, type BatchItem } from "./write-batch.js";
import { writeNoteBatch, type NoteDeps } from "./write-notes.js";

export interface TableLoadDeps extends NoteDeps {
  /** Staged rows per page handed to the target at once. */
  readonly pageSize: number;
  /** The transform context minus the per-batch derivation. */
  readonly context: Omit<TransformContext, "derive">;
  /** When set, only these source keys of this table are loaded (a sample). */
  readonly only?: ReadonlySet<string>;
  readonly onProgress?: (table: string, done: number) => void;
}

export interface TableLoadCounts {
  loaded: number;
  rejected: number;
  folded: number;
  created: number;
  updated: number;
}

/**
 * Loads one source table into its target table: pages of staged rows not yet decided in this
 * run (so a resume skips finished work), transformed, lookup-checked, written in batches.
 * Rows waiting on a parent of the same table are retried in later passes until no pass helps.
 */
export async function loadTable(deps: TableLoadDeps, map: TableMap): Promise<TableLoadCounts> {
  const counts: TableLoadCounts = { loaded: 0, rejected: 0, folded: 0, created: 0, updated: 0 };
  const targetTable = map.targetTable!;
  for (let pass = 0; ; pass += 1) {
    let deferred = 0;
    let progressed = 0;
    let lastId = 0;
    for (;;) {
      const page = await deps.store.db.selectFrom("staged_records as s").selectAll("s")
        .where("s.source_table", "=", map.table).where("s.extract_run", "=", deps.runId).where("s.id", ">", lastId)
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom("record_outcomes as o").select(sql.lit(1).as("one"))
          .where("o.run_id", "=", deps.runId).where("o.source_table", "=", map.table).whereRef("o.source_key", "=", "s.source_key"))))
        .orderBy("s.id").limit(deps.pageSize).execute();
      if (page.length === 0) break;
      lastId = page[page.length - 1]!.id;
      const records: StagedRecord[] = page
        .filter((r) => !deps.only || deps.only.has(r.source_key))
        .map((r) => ({ table: r.source_table, key: r.source_key, file: r.file, row: r.row, values: JSON.parse(r.values_json) as Record<string, string> }));
      if (records.length === 0) continue;
      const derive = deriveLinks({ map: deps.context.map, prefix: deps.context.prefix, primaryPractice: deps.context.primaryPractice, ...(await primaryLinksFor(deps.store, map.object.name, records.map((r) => r.key))) });
      const results = records.map((r) => transformRecord(r, { ...deps.context, derive }));
      const before = counts.loaded + counts.rejected + counts.folded;
      deferred += await settle(deps, map, targetTable, results, counts);
      progressed += counts.loaded + counts.rejected + counts.folded - before;
      deps.onProgress?.(map.table, counts.loaded + counts.rejected + counts.folded);
    }
    if (deferred === 0 || progressed === 0) break;
  }
  return counts;
}

/** Decides every result of a page: written, rejected, folded, or deferred (returns how many). */
async function settle(deps: TableLoadDeps, map: TableMap, targetTable: string, results: readonly RecordResult[], counts: TableLoadCounts): Promise<number> {
  const decided: OutcomeEntry[] = [];
  const candidates: { planned: BatchItem["planned"]; record: RecordResult }[] = [];
  const folded = results.filter((r): r is Extract<RecordResult, { status: "folded" }> => r.status === "folded");
  const carriers = new Set<string>();
  for (let k = 0; k < folded.length; k += 500) {
    const keys = folded.slice(k, k + 500).map((r) => r.into.sourceKey);
    const rows = await deps.store.db.selectFrom("crosswalk").select(["target_table", "source_key"]).where("source_key", "in", keys).execute();
    for (const c of rows) carriers.add(`${c.target_table}|${c.source_key}`);
  }
  for (const r of results) {
    if (r.status === "ok") candidates.push({ planned: r.planned, record: r });
    else if (r.status === "rejected" || r.status === "skipped") {
      decided.push({ record: r, status: r.status, reason: r.reason, targetTable: null, targetKey: null, issues: r.issues });
      if (r.status === "rejected") counts.rejected += 1;
    } else if (carriers.has(`${r.into.table}|${r.into.sourceKey}`)) {
      decided.push({ record: r, status: "loaded", reason: "primary-practice", targetTable: r.into.table, targetKey: r.into.sourceKey, issues: r.issues });
      counts.folded += 1;
    } else {
      const problem = issue("HO-LOD-001", { file: r.file, row: r.row, table: r.into.table, dependency: r.into.table, ref: r.into.sourceKey });
      decided.push({ record: r, status: "rejected", reason: "HO-LOD-001", targetTable: null, targetKey: null, issues: [...r.issues, problem] });
      counts.rejected += 1;
    }
  }
  const checks = await checkRefs(deps.store, deps.runId, targetTable, candidates);
  const toWrite: BatchItem[] = [];
  let deferred = 0;
  candidates.forEach((c, k) => {
    const check = checks[k]!;
    if (check.kind === "ok") toWrite.push({ planned: c.planned, record: c.record, sourceTable: map.table });
    else if (check.kind === "defer") deferred += 1;
    else {
      decided.push({ record: c.record, status: "rejected", reason: check.issue.code, targetTable: null, targetKey: null, issues: [...c.record.issues, check.issue] });
      counts.rejected += 1;
    }
  });
  await saveOutcomes(deps.store.db, deps.runId, decided);
  const result = map.notes
    ? await writeNoteBatch(deps, targetTable, map.notes, toWrite, { text: sourceOf(map, map.notes.text), file: sourceOf(map, map.notes.file), parent: sourceOf(map, map.notes.parent) })
    : await writeBatch(deps, targetTable, toWrite);
  counts.loaded += result.created + result.updated;
  counts.rejected += result.failed;
  counts.created += result.created;
  counts.updated += result.updated;
  return deferred;
}

/** The source column routed to a target column, if any. */
function sourceOf(map: TableMap, column: string): string | undefined {
  return map.routes.find((r) => (r.landing.kind === "column" || r.landing.kind === "lookup") && r.landing.column === column)?.column;
}
