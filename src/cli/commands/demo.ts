import { existsSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { handoverConfigSchema } from "../../config/handover-config.js";
import { loadMapping, saveConfig, saveMapping, workspaceAt } from "../../config/workspace.js";
import { HandoverError } from "../../contracts/handover-error.js";
import { openContext } from "../../core/context.js";
import { discoverSource } from "../../core/discover/catalog-file.js";
import { buildMapping } from "../../core/map/build-mapping.js";
import { assertConfirmed, recordConfirmation, savePlan } from "../../core/map/confirmation.js";
import { decide } from "../../core/map/review-decisions.js";
import { makePlan } from "../../core/plan/make-plan.js";
import { writePlanReport } from "../../core/report/plan-report.js";
import { rollback } from "../../core/rollback/rollback.js";
import { executeRun } from "../../core/run/execute-run.js";
import { verifyRun } from "../../core/verify/verify-run.js";
import { appendAudit } from "../../store/audit-log.js";
import type { SeedUser } from "../../../sandbox/dataverse/index.js";
import { startDemoTarget, type DemoTargetKind } from "./demo-target.js";
import { generateVisualPracticeExport } from "../../../sandbox/visual-practice/index.js";
import { createOutput } from "../output.js";
import { printVerify, progressPrinter, type GlobalOptions } from "./workflow.js";

/**
 * The whole workflow on embedded defaults: a synthetic Visual Practice export, a local Dataverse
 * (or, with --target salesforce, Salesforce) sandbox, and init → discover → map → review (auto-confirm above the threshold, said aloud) →
 * plan → schema apply → sample → run → verify → rollback.
 */
export function registerDemo(program: Command): void {
  program.command("demo").description("run the whole workflow against a local sandbox on synthetic data")
    .option("--dir <dir>", "workspace folder for the demo", "handover-demo")
    .option("--patients <n>", "patients to generate", (v) => parseInt(v, 10), 500)
    .option("--seed <s>", "generator seed", (v) => parseInt(v, 10), 1)
    .option("--threshold <confidence>", "auto-confirm proposals at or above this", parseFloat, 0.8)
    .option("--target <kind>", "dataverse or salesforce", "dataverse")
    .option("--keep", "skip the final rollback (leave the data in the sandbox)")
    .action(async (o: { dir: string; patients: number; seed: number; threshold: number; target: string; keep?: boolean }, cmd: Command) => {
      if (o.target !== "dataverse" && o.target !== "salesforce") throw new HandoverError("HO-CLI-002", { option: "--target", reason: "expected dataverse or salesforce" });
      const out = createOutput(!!cmd.optsWithGlobals<GlobalOptions>().json);
      const root = resolve(o.dir);
      if (existsSync(join(root, "handover.yaml")) && !existsSync(join(root, ".handover", "demo"))) throw new HandoverError("HO-CFG-003", { path: root });
      rmSync(root, { recursive: true, force: true });
      const ws = workspaceAt(root);
      out.line(`1/9 generate: ${o.patients} synthetic Visual Practice patients (seed ${o.seed}) → ${join(root, "export")}`);
      const generated = await generateVisualPracticeExport({ patients: o.patients, seed: o.seed, outDir: join(root, "export") });
      const users = JSON.parse(readFileSync(join(root, "export", "crm-users.json"), "utf8")) as SeedUser[];
      const sandbox = await startDemoTarget(o.target as DemoTargetKind, root, users);
      try {
        out.line(`2/9 sandbox: ${sandbox.label} at ${sandbox.url} with ${generated.crmUsers} CRM users`);
        saveConfig(ws, handoverConfigSchema.parse({
          version: 1, name: "handover-demo", source: { kind: "export", profile: "visual-practice", path: "export" },
          target: sandbox.config, options: { fallbackOwnerEmail: "crm.admin@example.com" },
        }));
        const ctx = await openContext(ws);
        try {
          const catalog = await discoverSource(ctx);
          out.line(`3/9 discover: ${catalog.tables.map((t) => `${t.name} ${t.rowCount}`).join(", ")}`);
          saveMapping(ws, buildMapping(catalog, ctx.template, ctx.config));
          const proposed = loadMapping(ws);
          const decided = decide(proposed, { acceptAbove: o.threshold, rejectBelow: o.threshold, confirmRules: true });
          saveMapping(ws, decided);
          const accepted = decided.fields.filter((f) => f.status === "confirmed").length;
          const rejected = decided.fields.filter((f) => f.status === "rejected");
          await appendAudit(ctx.store.db, [{ actor: "demo", operation: "map.review", outcome: `auto-confirmed ${accepted} at ≥ ${o.threshold}; rejected ${rejected.length}` }]);
          await recordConfirmation(ctx, decided);
          out.line(`4/9 map: ${proposed.fields.length} proposals; the DEMO auto-confirmed ${accepted} at confidence ≥ ${o.threshold} and rejected ${rejected.length} below it` +
            (rejected.length ? ` (${rejected.map((r) => r.source).join(", ")})` : "") + `, and confirmed the rules (fallback owner crm.admin@example.com). A real migration reviews with 'handover map review'.`);
          await assertConfirmed(ctx, decided);
          const plan = await makePlan(ctx, decided, catalog);
          await savePlan(ctx, plan);
          const planReports = writePlanReport(ctx, plan);
          out.line(`5/9 plan: ${plan.order.waves.map((w) => w.join("+")).join(" → ")}; ${plan.schema.columns.length} columns + ${plan.schema.keys.length} keys to create; owners ${plan.owners.counts.matched} matched, ${plan.owners.counts.unmatched} unmatched, ${plan.owners.counts.inactive} inactive → fallback`);
          const schema = await ctx.target.applySchema(plan.schema);
          out.line(`6/9 schema apply: ${schema.filter((s) => s.ok && s.created).length} created, ${schema.filter((s) => !s.ok).length} failed`);
          const sample = await executeRun(ctx, decided, plan, "sample", { sampleSize: Math.min(100, o.patients), onProgress: progressPrinter(out) });
          const sampleVerify = await verifyRun(ctx, decided, plan, sample.runId);
          out.line(`7/9 sample:`);
          printVerify(out, sampleVerify);
          const full = await executeRun(ctx, decided, plan, "run", { onProgress: progressPrinter(out) });
          const verified = await verifyRun(ctx, decided, plan, full.runId);
          out.line(`8/9 run + verify:`);
          printVerify(out, verified);
          let rolled = null;
          if (!o.keep) {
            rolled = await rollback(ctx, plan);
            out.line(`9/9 rollback: ${rolled.deleted} deleted, ${rolled.restored} restored, ${rolled.failed} failed — ${rolled.residue === 0 ? "target proven back to its pre-migration state" : `${rolled.residue} row(s) still differ`}`);
          } else out.line("9/9 rollback: skipped (--keep)");
          out.line(`\nReports: ${[...planReports, ...sampleVerify.reports, ...verified.reports, ...(rolled?.reports ?? [])].join("\n         ")}`);
          out.result({ workspace: root, sample: sampleVerify, run: verified, rollback: rolled });
          if (verified.reconciliation.unexplained !== 0 || (rolled && (rolled.residue > 0 || rolled.failed > 0))) throw new HandoverError("HO-VER-001", { mismatches: verified.mismatches, missing: verified.missingRows });
        } finally {
          await ctx.close();
        }
      } finally {
        await sandbox.close();
      }
    });
}

