import { join } from "node:path";
import { HandoverError } from "../../contracts/handover-error.js";
import type { StoredRow } from "../../contracts/target.js";
import { appendAudit } from "../../store/audit-log.js";
import type { Context } from "../context.js";
import type { Plan } from "../plan/plan.js";
import { htmlPage } from "../report/html-page.js";
import { reportDir, writePrivate } from "../report/report-files.js";

export interface RollbackResult {
  readonly runId: string;
  readonly deleted: number;
  readonly restored: number;
  readonly failed: number;
  /** Rows that after rollback still differ from the pre-migration state (should be 0). */
  readonly residue: number;
  readonly reports: readonly string[];
}

interface Compensation {
  readonly table: string;
  readonly sourceKey: string;
  readonly kind: "delete" | "restore";
  readonly beforeImage: StoredRow | null;
}

/**
 * Puts the target back as it was before this migration. From the journal, the earliest intent
 * per (table, key) says whether the row existed before Handover first touched it: rows it
 * created are deleted, rows it changed get their before-image back — in reverse load order.
 * Then every touched key is read back to prove the pre-migration state; failures are recorded.
 */
export async function rollback(ctx: Context, plan: Plan): Promise<RollbackResult> {
  const { store, target } = ctx;
  const entries = await store.db.selectFrom("journal").select(["target_table", "source_key", "existed_before", "before_image", "id"]).where("op", "=", "upsert").orderBy("id").execute();
  if (entries.length === 0) throw new HandoverError("HO-RBK-001");
  const first = new Map<string, Compensation>();
  for (const e of entries) {
    const key = `${e.target_table}|${e.source_key}`;
    if (first.has(key)) continue;
    first.set(key, { table: e.target_table, sourceKey: e.source_key, kind: e.existed_before ? "restore" : "delete", beforeImage: e.before_image ? (JSON.parse(e.before_image) as StoredRow) : null });
  }
  const runId = `rollback-${new Date().toISOString().replace(/[-:]/g, "").replace(/\..*$/, "")}`;
  await store.db.insertInto("runs").values({ id: runId, kind: "rollback", status: "running", started_at: new Date().toISOString(), finished_at: null, map_hash: plan.mapHash, summary: null, progress: "{}" }).execute();
  const order = [...plan.order.waves].reverse().flat();
  const tables = [...new Set([...order, ...[...first.values()].map((c) => c.table)])];
  let deleted = 0;
  let restored = 0;
  let failed = 0;
  const failures: { table: string; sourceKey: string; kind: string; reason: string }[] = [];

  for (const table of tables) {
    const comps = [...first.values()].filter((c) => c.table === table);
    const keys = comps.map((c) => c.sourceKey);
    const present = new Map<string, StoredRow>();
    for (let k = 0; k < keys.length; k += 200) {
      for (const row of await target.readBack(table, keys.slice(k, k + 200), [])) if (row.sourceKey) present.set(row.sourceKey, row);
    }
    const toDelete = comps.filter((c) => c.kind === "delete" && present.has(c.sourceKey));
    for (let k = 0; k < toDelete.length; k += 100) {
      const slice = toDelete.slice(k, k + 100);
      const outcomes = await target.remove(table, slice.map((c) => present.get(c.sourceKey)!.id));
      await recordCompensations(ctx, runId, table, slice, outcomes, "delete", failures);
      deleted += outcomes.filter((o) => o.ok).length;
      failed += outcomes.filter((o) => !o.ok).length;
    }
    const toRestore = comps.filter((c) => c.kind === "restore" && c.beforeImage);
    for (let k = 0; k < toRestore.length; k += 100) {
      const slice = toRestore.slice(k, k + 100);
      const outcomes = await target.restore(table, slice.map((c) => c.beforeImage!));
      await recordCompensations(ctx, runId, table, slice, outcomes, "restore", failures);
      restored += outcomes.filter((o) => o.ok).length;
      failed += outcomes.filter((o) => !o.ok).length;
    }
    await store.db.deleteFrom("crosswalk").where("target_table", "=", table).where("source_key", "in", toDelete.length ? toDelete.map((c) => c.sourceKey) : ["\u0000"]).execute();
  }

  const residue = await proveRestored(ctx, [...first.values()]);
  await store.db.updateTable("runs").set({ status: residue.length === 0 && failed === 0 ? "completed" : "failed", finished_at: new Date().toISOString(), summary: JSON.stringify({ deleted, restored, failed, residue: residue.length }) }).where("id", "=", runId).execute();
  const dir = reportDir(ctx.ws.reportsDir, runId);
  const summary = { runId, deleted, restored, failed, residue: residue.length, proof: residue.length === 0 ? "every touched row is back to its pre-migration state" : "some rows differ; see residue" };
  const json = writePrivate(join(dir, "rollback.json"), JSON.stringify({ ...summary, failures, residue }, null, 1));
  const html = writePrivate(join(dir, "rollback.html"), htmlPage(`Rollback — ${runId}`, null,
    [["Rows deleted (created by the migration)", deleted], ["Rows restored (changed by the migration)", restored], ["Compensations failed", failed], ["Rows still differing after rollback", residue.length], ["Result", summary.proof]],
    [{ title: "Failed compensations", columns: ["table", "source key", "action", "reason"], rows: failures.map((f) => [f.table, f.sourceKey, f.kind, f.reason]) },
     { title: "Residue", columns: ["table", "source key", "problem"], rows: residue.map((r) => [r.table, r.sourceKey, r.problem]) }]));
  return { runId, deleted, restored, failed, residue: residue.length, reports: [html, json] };
}

async function recordCompensations(
  ctx: Context, runId: string, table: string, comps: readonly Compensation[],
  outcomes: readonly { ok: boolean; id: string; error?: { vendorCode: string; reason: string } }[], kind: "delete" | "restore",
  failures: { table: string; sourceKey: string; kind: string; reason: string }[],
): Promise<void> {
  const now = new Date().toISOString();
  await ctx.store.db.transaction().execute(async (trx) => {
    for (let k = 0; k < comps.length; k += 1) {
      const c = comps[k]!;
      const o = outcomes[k];
      await trx.insertInto("journal").values({
        run_id: runId, op: kind, target_table: table, source_key: c.sourceKey, target_id: o?.id ?? null, existed_before: kind === "restore" ? 1 : 0,
        before_image: null, intent: "{}", status: o?.ok ? "ok" : "failed", vendor_code: o && !o.ok ? o.error?.vendorCode ?? null : null, created_at: now, completed_at: now,
      }).execute();
      if (!o?.ok) failures.push({ table, sourceKey: c.sourceKey, kind, reason: o?.error?.reason ?? "no outcome" });
    }
    await appendAudit(trx, comps.map((c, k) => ({ actor: ctx.actor, operation: `rollback.${kind}`, runId, sourceKey: c.sourceKey, targetTable: table, targetId: outcomes[k]?.id ?? null, outcome: outcomes[k]?.ok ? "ok" : "failed", errorCode: outcomes[k]?.ok ? null : "HO-RBK-002" })));
  });
}

/** Reads every touched key back: created rows must be gone, changed rows equal their before-image. */
async function proveRestored(ctx: Context, comps: readonly Compensation[]): Promise<{ table: string; sourceKey: string; problem: string }[]> {
  const residue: { table: string; sourceKey: string; problem: string }[] = [];
  const byTable = new Map<string, Compensation[]>();
  for (const c of comps) byTable.set(c.table, [...(byTable.get(c.table) ?? []), c]);
  for (const [table, list] of byTable) {
    const columns = [...new Set(list.flatMap((c) => (c.beforeImage ? [...Object.keys(c.beforeImage.fields), ...Object.keys(c.beforeImage.lookups)] : [])))];
    const found = new Map<string, StoredRow>();
    for (let k = 0; k < list.length; k += 200) {
      for (const row of await ctx.target.readBack(table, list.slice(k, k + 200).map((c) => c.sourceKey), columns)) if (row.sourceKey) found.set(row.sourceKey, row);
    }
    for (const c of list) {
      const now = found.get(c.sourceKey);
      if (c.kind === "delete" && now) residue.push({ table, sourceKey: c.sourceKey, problem: "still present" });
      if (c.kind === "restore" && c.beforeImage) {
        if (!now) residue.push({ table, sourceKey: c.sourceKey, problem: "missing" });
        else {
          const differs = Object.entries(c.beforeImage.fields).filter(([k, v]) => JSON.stringify(now.fields[k] ?? null) !== JSON.stringify(v ?? null)).map(([k]) => k);
          const lookupDiffers = Object.entries(c.beforeImage.lookups).filter(([k, v]) => (now.lookups[k]?.id ?? null) !== (v?.id ?? null)).map(([k]) => k);
          if (differs.length + lookupDiffers.length > 0) residue.push({ table, sourceKey: c.sourceKey, problem: `columns differ: ${[...differs, ...lookupDiffers].join(", ")}` });
        }
      }
    }
  }
  return residue;
}
