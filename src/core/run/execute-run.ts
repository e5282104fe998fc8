import { HandoverError } from "../../contracts/handover-error.js";
import type { MappingFile } from "../../config/mapping-file.js";
import { appendAudit } from "../../store/audit-log.js";
import type { RunKind } from "../../store/schema.js";
import type { Context } from "../context.js";
import type { ChangeCursor } from "../../contracts/source.js";
import { carryOver } from "../extract/carry-over.js";
import { extractTable } from "../extract/extract.js";
import { computePrimaryLinks } from "../load/primary-links.js";
import { loadTable, type TableLoadDeps } from "../load/load-table.js";
import { writeBatch } from "../load/write-batch.js";
import { saveOutcomes, type OutcomeEntry } from "../load/outcomes.js";
import type { Plan } from "../plan/plan.js";
import { compileMap, type CompiledMap } from "../transform/compile-map.js";
import { instantReader } from "../transform/parse-dates.js";
import { sourceKey } from "../transform/source-key.js";
import { deletedAtSource as listDeletedAtSource } from "./deleted-at-source.js";
import { saveCursors } from "./save-cursors.js";
import { selectSample } from "./select-sample.js";
import { transformContext } from "./transform-context.js";

export interface RunProgress {
  readonly stage: string;
  readonly table?: string;
  readonly done?: number;
}

export interface RunResult {
  readonly runId: string;
  readonly kind: RunKind;
  readonly resumed: boolean;
  /** Delta: records an earlier run staged that the source no longer has. They stay in the target
   * (a migration does not delete CRM records on its own); they are listed for a person to decide. */
  readonly deletedAtSource?: readonly { readonly table: string; readonly count: number; readonly keys: readonly string[] }[];
}

/**
 * `sample`, `run` and `delta`: extract → primary links → waves of tables in plan order. Resumable:
 * a run left "running" by a crashed process is picked up where it stopped — a table's read from
 * its last saved checkpoint, the load where its outcomes stop. A delta reads only what changed
 * since the last completed run where the source can tell (change filter and tombstones), else the
 * whole source, compared with what was staged.
 */
export async function executeRun(ctx: Context, mapping: MappingFile, plan: Plan, kind: "sample" | "run" | "delta", options: { sampleSize?: number; onProgress?: (p: RunProgress) => void } = {}): Promise<RunResult> {
  const { store } = ctx;
  const open = await store.db.selectFrom("runs").selectAll().where("status", "=", "running").orderBy("started_at", "desc").executeTakeFirst();
  if (open) {
    const progress = JSON.parse(open.progress) as { pid?: number };
    if (progress.pid && progress.pid !== process.pid && alive(progress.pid)) throw new HandoverError("HO-LOD-002", { runId: open.id });
    if (open.kind !== kind) {
      await store.db.updateTable("runs").set({ status: "failed", finished_at: new Date().toISOString() }).where("id", "=", open.id).execute();
    }
  }
  const resumed = open?.kind === kind;
  const runId = resumed ? open.id : newRunId(kind);
  if (resumed) {
    await store.db.updateTable("runs").set({ progress: JSON.stringify({ ...JSON.parse(open.progress), pid: process.pid }) }).where("id", "=", runId).execute();
  } else {
    await store.db.insertInto("runs").values({ id: runId, kind, status: "running", started_at: new Date().toISOString(), finished_at: null, map_hash: plan.mapHash, summary: null, progress: JSON.stringify({ pid: process.pid, extracted: [] }) }).execute();
  }
  await appendAudit(store.db, [{ actor: ctx.actor, operation: resumed ? `${kind}.resume` : `${kind}.start`, runId, outcome: "ok" }]);

  const map = compileMap(mapping, ctx.template);
  // Change times are read as the transform reads them: the column's format, the source's zone.
  const readInstant = instantReader(plan.dateFormats, plan.conventions ? { alsoAccepted: plan.conventions.alsoAcceptedDateFormats, zone: plan.conventions.timezone } : {});
  const say = options.onProgress ?? (() => undefined);
  const changeCursors = kind === "delta" ? await readChangeCursors(ctx) : new Map<string, { cursor: ChangeCursor; carryFrom: string }>();
  for (const table of map.tables.values()) {
    const progress = JSON.parse((await store.db.selectFrom("runs").select("progress").where("id", "=", runId).executeTakeFirstOrThrow()).progress) as { extracted: string[] };
    if (progress.extracted.includes(table.table)) continue;
    say({ stage: "extract", table: table.table });
    const changedSince = changeCursors.get(table.table);
    await extractTable(store, ctx.source, table, runId, {
      onProgress: (n) => say({ stage: "extract", table: table.table, done: n }), compareWithPrevious: kind === "delta", ...(changedSince ? { changedSince } : {}), readInstant,
    });
    progress.extracted.push(table.table);
    await store.db.updateTable("runs").set({ progress: JSON.stringify({ ...progress, pid: process.pid }) }).where("id", "=", runId).execute();
  }
  if (kind === "delta") for (const table of map.tables.values()) await carryOver(store.db, table.table, runId);
  // Every read here is whole (a sample reads everything, then picks its slice), except a delta's
  // changed-since tables, whose unread records were just carried over: a record staged before and
  // not seen now is gone from the source. Marking it on every run, not only on deltas, keeps a
  // later changed-since delta from carrying it as present.
  const deletedAtSource = await listDeletedAtSource(ctx, map, runId);
  say({ stage: "links" });
  const primaryBefore = kind === "delta" ? await primaryPractices(ctx) : undefined;
  await computePrimaryLinks(store, map, runId);
  if (primaryBefore) await reloadMovedPatients(ctx, map, runId, primaryBefore);
  const only = kind === "sample" ? await selectSample(store, map, runId, options.sampleSize ?? ctx.config.options.sampleSize) : undefined;

  const deps: TableLoadDeps = {
    store, target: ctx.target, runId, actor: ctx.actor, pageSize: ctx.config.options.pageSize,
    context: transformContext(ctx, map, plan, mapping),
    ...(ctx.source.readFile ? { readFile: (path: string) => ctx.source.readFile!(path) } : {}),
    ...(ctx.source.statFile ? { statFile: (path: string) => ctx.source.statFile!(path) } : {}),
    ...(plan.notes?.[0] ? { noteLimits: plan.notes[0].limits } : {}),
    noteOptions: { oversizeFiles: ctx.config.options.oversizeFiles },
    onProgress: (table, done) => say({ stage: "load", table, done }),
  };
  await markResolvedTables(ctx, map, runId, plan, only);
  for (const wave of plan.order.waves) {
    for (const targetTable of wave) {
      const own = plan.handoverRows.filter((r) => r.table === targetTable);
      await writeBatch(deps, targetTable, own.map((r) => ({ planned: { row: { table: r.table, sourceKey: r.sourceKey, fields: r.fields, lookups: {} }, createOnly: [], lookupSources: {} }, sourceTable: "(handover)" })));
      for (const table of map.tables.values()) {
        if (table.targetTable !== targetTable) continue;
        await loadTable({ ...deps, ...(only?.get(table.table) ? { only: only.get(table.table) } : {}) }, table);
      }
    }
  }
  await store.db.transaction().execute(async (trx) => {
    if (kind !== "sample") await saveCursors(trx, runId);
    await trx.updateTable("runs").set({ status: "completed", finished_at: new Date().toISOString() }).where("id", "=", runId).execute();
  });
  await appendAudit(store.db, [{ actor: ctx.actor, operation: `${kind}.finish`, runId, outcome: "ok" }]);
  return { runId, kind, resumed, deletedAtSource };
}

/**
 * Delta: per source table, where the last completed run or delta left off — only for a source that
 * filters by change itself and gives tombstones (else the table is read whole and compared).
 */
async function readChangeCursors(ctx: Context): Promise<Map<string, { cursor: ChangeCursor; carryFrom: string }>> {
  const caps = ctx.source.capabilities;
  if (!caps?.changedSince || !caps.tombstones) return new Map();
  const rows = await ctx.store.db.selectFrom("change_cursors").selectAll().execute();
  return new Map(rows.flatMap((r) => (r.at === null ? [] : [[r.source_table, { cursor: { at: r.at, key: r.key ?? "" }, carryFrom: r.run_id }] as const])));
}

/** Patient id → primary practice id, as computed for the latest run. */
async function primaryPractices(ctx: Context): Promise<Map<string, string>> {
  return new Map((await ctx.store.db.selectFrom("primary_links").select(["patient_id", "practice_id"]).execute()).map((r) => [r.patient_id, r.practice_id]));
}

/** Delta: a patient whose primary practice changed (a link was added, changed or removed) is
 * loaded again even when its own row is unchanged, so its account lookup follows. */
async function reloadMovedPatients(ctx: Context, map: CompiledMap, runId: string, before: ReadonlyMap<string, string>): Promise<void> {
  const patients = map.tableForObject("patient");
  if (!patients) return;
  const after = await primaryPractices(ctx);
  const moved = [...new Set([...before.keys(), ...after.keys()])].filter((p) => before.get(p) !== after.get(p));
  for (let k = 0; k < moved.length; k += 500) {
    await ctx.store.db.deleteFrom("record_outcomes").where("run_id", "=", runId).where("source_table", "=", patients)
      .where("source_key", "in", moved.slice(k, k + 500)).where("reason", "=", "unchanged-since-last-run").execute();
  }
}

/** Source tables resolved rather than written (staff): each record's outcome names the rule. */
async function markResolvedTables(ctx: Context, map: CompiledMap, runId: string, plan: Plan, only?: Map<string, Set<string>>): Promise<void> {
  const status = new Map(plan.owners.rows.map((o) => [o.staffId, o.status]));
  for (const table of map.tables.values()) {
    if (table.targetTable) continue;
    const rows = await ctx.store.db.selectFrom("staged_records").select(["source_key", "file", "row"]).where("source_table", "=", table.table).where("extract_run", "=", runId).execute();
    const entries: OutcomeEntry[] = rows.filter((r) => !only || only.get(table.table)?.has(r.source_key)).map((r) => ({
      record: { sourceTable: table.table, sourceKey: sourceKey(ctx.config.source.keyPrefix, table.table, r.source_key), file: r.file, row: r.row },
      status: "skipped", reason: `staff-resolved-to-user:${status.get(r.source_key) ?? "unmatched"}`, targetTable: null, targetKey: null, issues: [],
    }));
    await saveOutcomes(ctx.store.db, runId, entries);
  }
}

function newRunId(kind: string): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*$/, "");
  return `${kind}-${stamp}-${Math.random().toString(36).slice(2, 6)}`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
