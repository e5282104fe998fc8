import type { Command } from "commander";
import { loadMapping, saveConfig, workspaceAt } from "../../config/workspace.js";
import { handoverConfigSchema } from "../../config/handover-config.js";
import { HandoverError } from "../../contracts/handover-error.js";
import { openContext, type Context } from "../../core/context.js";
import { discoverSource, loadCatalog } from "../../core/discover/catalog-file.js";
import { assertConfirmed, loadPlan, savePlan } from "../../core/map/confirmation.js";
import { makePlan } from "../../core/plan/make-plan.js";
import { defaultConventions, describeConventions } from "../../core/transform/source-conventions.js";
import { writePlanReport } from "../../core/report/plan-report.js";
import { rollback } from "../../core/rollback/rollback.js";
import { executeRun, type RunProgress } from "../../core/run/execute-run.js";
import { verifyRun } from "../../core/verify/verify-run.js";
import { getProfile, profiles } from "../../sources/export/index.js";
import { createOutput, type Output } from "../output.js";
import { existsSync } from "node:fs";

export interface GlobalOptions {
  readonly workspace: string;
  readonly json?: boolean;
}

/** Runs `fn` with a context for the workspace named by --workspace, closing it afterwards. */
export async function withContext<T>(cmd: Command, fn: (ctx: Context, out: Output) => Promise<T>): Promise<T> {
  const opts = cmd.optsWithGlobals<GlobalOptions>();
  const out = createOutput(!!opts.json);
  const ctx = await openContext(workspaceAt(opts.workspace));
  try {
    return await fn(ctx, out);
  } finally {
    await ctx.close();
  }
}

export function progressPrinter(out: Output): (p: RunProgress) => void {
  return (p) => out.note(`~  ${p.stage}${p.table ? ` ${p.table}` : ""}${p.done !== undefined ? `: ${p.done}` : ""}`);
}

/** handover.yaml's source section from init's options. */
function sourceConfig(o: { source: string; sourceUrl?: string; clientId?: string; export: string }): Record<string, unknown> {
  if (o.source === "fhir") return { kind: "fhir", path: o.export };
  if (o.source === "practicehub" || o.source === "fhir-bulk") {
    if (!o.sourceUrl) throw new HandoverError("HO-CLI-002", { option: "--source-url", reason: `${o.source} needs the API's base URL` });
    if (o.source === "practicehub") return { kind: "practicehub", url: o.sourceUrl };
    if (!o.clientId) throw new HandoverError("HO-CLI-002", { option: "--client-id", reason: "fhir-bulk needs the SMART client id" });
    return { kind: "fhir-bulk", url: o.sourceUrl, clientId: o.clientId };
  }
  const profile = getProfile(o.source);
  if (!profile) throw new HandoverError("HO-CFG-005", { kind: "source", name: o.source, known: `${Object.keys(profiles).join(", ")}, fhir, fhir-bulk, practicehub` });
  return { kind: "export", profile: o.source, path: o.export, ...(profile.keyPrefix ? { keyPrefix: profile.keyPrefix } : {}) };
}

export function registerWorkflow(program: Command): void {
  program.command("init <name>").description("create a workspace folder with handover.yaml")
    .option("--source <kind>", "source: an export profile (visual-practice, core-practice, clinic), fhir (NDJSON files), fhir-bulk or practicehub (APIs)", "visual-practice")
    .option("--source-url <url>", "API base URL for practicehub / fhir-bulk (key and private key come from PRACTICEHUB_API_KEY / FHIR_PRIVATE_KEY)")
    .option("--client-id <id>", "fhir-bulk: the SMART client id")
    .option("--target <kind>", "target CRM", "dataverse")
    .option("--export <dir>", "folder of the source export", "export")
    .option("--url <url>", "target URL (default: the local sandbox, http://127.0.0.1:7071 for Dataverse, :7072 for Salesforce)")
    .option("--fallback-owner <email>", "CRM user who owns records of unmatched staff")
    .option("--force", "overwrite an existing handover.yaml")
    .action(async (name: string, o: { source: string; sourceUrl?: string; clientId?: string; target: string; export: string; url?: string; fallbackOwner?: string; force?: boolean }, cmd: Command) => {
      const out = createOutput(!!cmd.optsWithGlobals<GlobalOptions>().json);
      const source = sourceConfig(o);
      if (o.target !== "dataverse" && o.target !== "salesforce") throw new HandoverError("HO-CFG-005", { kind: "target", name: o.target, known: "dataverse, salesforce" });
      const url = o.url ?? (o.target === "salesforce" ? "http://127.0.0.1:7072" : "http://127.0.0.1:7071");
      const ws = workspaceAt(name);
      if (existsSync(ws.configFile) && !o.force) throw new HandoverError("HO-CFG-003", { path: ws.root });
      const parsed = handoverConfigSchema.safeParse({
        version: 1, name: name.split("/").pop(),
        source,
        target: { kind: o.target, url, auth: { kind: "sandbox" } },
        options: { fallbackOwnerEmail: o.fallbackOwner ?? null },
      });
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        const option = first?.path.at(-1) === "fallbackOwnerEmail" ? "--fallback-owner" : (first?.path.join(".") ?? "(options)");
        throw new HandoverError("HO-CLI-002", { option, reason: first?.message ?? "not valid" });
      }
      saveConfig(ws, parsed.data);
      out.line(`Workspace ready: ${ws.configFile}`);
      out.result({ workspace: ws.root });
    });

  program.command("discover").description("inventory the source (tables, columns, counts, PHI) and check the target")
    .action(async (_o: unknown, cmd: Command) => withContext(cmd, async (ctx, out) => {
      await ctx.target.check();
      const catalog = await discoverSource(ctx);
      for (const t of catalog.tables) out.line(`${t.name.padEnd(20)} ${String(t.rowCount).padStart(8)} rows  ${t.columns.length} columns  (${t.file})`);
      out.result({ tables: catalog.tables.map((t) => ({ name: t.name, file: t.file, rows: t.rowCount, columns: t.columns.map((c) => c.name) })) });
    }));

  const map = program.command("map").description("propose the field map (mapping.yaml) with confidence and reasons")
    .option("--force", "replace an existing mapping.yaml (decisions in it are lost)")
    .option("--no-assistant", "don't ask the language-model assistant configured in handover.yaml this run")
    .option("--assistant-samples", "let the assistant see a few sample values of columns not flagged PHI (needs options.assistant.allowSamples)")
    .option("--assistant-phi-samples", "let it see sample values of PHI-flagged columns too (needs options.assistant.allowSamples)")
    .action(async (o: { force?: boolean; assistant?: boolean; assistantSamples?: boolean; assistantPhiSamples?: boolean }, cmd: Command) => withContext(cmd, async (ctx, out) => {
      const { mapCommand } = await import("./map-command.js");
      await mapCommand(ctx, out, { ...(o.force ? { force: true } : {}), assistant: o.assistant !== false, samples: !!o.assistantSamples, phiSamples: !!o.assistantPhiSamples });
    }));
  map.command("review").description("accept, change or reject proposals (interactive, or in bulk with options)")
    .option("--accept-above <confidence>", "confirm every proposal at or above this confidence", parseFloat)
    .option("--reject-below <confidence>", "reject every proposal below this confidence", parseFloat)
    .option("--confirm-rules", "confirm the rules (fallback owner, default account, primary practice) as written")
    .option("--show-phi", "show sample values of PHI columns (masked by default)")
    .action(async (o: { acceptAbove?: number; rejectBelow?: number; confirmRules?: boolean; showPhi?: boolean }, cmd: Command) => withContext(cmd, async (ctx, out) => {
      const { reviewCommand } = await import("./review.js");
      await reviewCommand(ctx, out, o);
    }));

  program.command("plan").description("schema to create, owners to resolve, load order and counts (writes nothing)")
    .action(async (_o: unknown, cmd: Command) => withContext(cmd, async (ctx, out) => {
      const mapping = loadMapping(ctx.ws);
      await assertConfirmed(ctx, mapping);
      const plan = await makePlan(ctx, mapping, await loadCatalog(ctx));
      await savePlan(ctx, plan);
      const reports = writePlanReport(ctx, plan);
      out.line(`Load order: ${plan.order.waves.map((w) => w.join(" + ")).join(" → ")}`);
      out.line(`Schema to create: ${plan.schema.columns.length} column(s), ${plan.schema.keys.length} key(s)`);
      out.line(`Owners: ${plan.owners.counts.matched} matched, ${plan.owners.counts.unmatched} unmatched, ${plan.owners.counts.inactive} inactive` +
        (plan.owners.fallback ? ` → fallback ${plan.owners.fallback.active ? "" : "(NOT an active CRM user) "}${plan.owners.fallback.email}` : " (no fallback owner confirmed)"));
      out.line(`Source: ${describeConventions(plan.conventions ?? defaultConventions)}`);
      out.line(`Custom tables: ${plan.customTables.total} after this migration (${plan.customTables.existing} in the org + ${plan.customTables.planned} new); ${plan.customTables.edition} allows ${plan.customTables.limit ?? "any number"}`);
      if (plan.requests) out.line(`API requests: about ${plan.requests.requests.toLocaleString("en-US")} (${(plan.requests.share * 100).toFixed(1)}% of the ${plan.requests.entitlement.toLocaleString("en-US")} allowed per 24 h), ${plan.requests.httpRequests.toLocaleString("en-US")} HTTP calls`);
      if (plan.schema.securityProfiles?.length) {
        const secured = plan.schema.securityProfiles.flatMap((p) => p.permissions).length;
        out.line(`Field-level security: ${secured} PHI column(s) secured by profile ${plan.schema.securityProfiles.map((p) => p.name).join(", ")}; ${plan.unsecuredPhi.length} PHI column(s) the target cannot secure (see the plan report)`);
      }
      for (const u of plan.unwritableColumns) {
        out.line(`Warning: ${u.table}.${u.column} (from ${u.source}) can't be set in this org${u.column === "CreatedDate" ? " (grant \"Set Audit Fields upon Record Creation\" to the migration user)" : ""}; verify will show its values as mismatches`);
      }
      for (const n of plan.notes) {
        out.line(`Notes from ${n.table}: ${n.notes} → ${n.target}; ${n.longTextCount} over ${n.limits.maxTextLength.toLocaleString("en-US")} characters (split, flagged); ${n.files} file(s), ` +
          `${n.oversizeCount} over the ${n.limits.maxFileBytes.toLocaleString("en-US")}-byte upload limit (${n.oversizeHandling === "link" ? "linked, flagged" : "refused"}), ${n.missingCount} missing`);
      }
      for (const c of plan.counts) out.line(`  ${c.table.padEnd(20)} ${String(c.rows).padStart(8)} → ${c.object} → ${c.target ?? "(resolved)"}`);
      out.line(`Reports: ${reports.join(", ")}`);
      out.result({ plan: { mapHash: plan.mapHash, order: plan.order, schema: plan.schema, owners: plan.owners.counts, conventions: plan.conventions }, reports });
    }));

  for (const kind of ["sample", "run"] as const) {
    const c = program.command(kind).description(kind === "sample" ? "load a representative slice, read it back and write the field-level diff" : "full load, resumable; then verify");
    if (kind === "sample") c.option("--size <n>", "patients in the sample", (v) => parseInt(v, 10));
    c.action(async (o: { size?: number }, cmd: Command) => withContext(cmd, async (ctx, out) => {
      const mapping = loadMapping(ctx.ws);
      await assertConfirmed(ctx, mapping);
      const plan = await loadPlan(ctx, mapping);
      await assertSchema(ctx, plan);
      const result = await executeRun(ctx, mapping, plan, kind, { ...(o.size ? { sampleSize: o.size } : {}), onProgress: progressPrinter(out) });
      printDeletedAtSource(out, result);
      out.note(`${result.resumed ? "Resumed and finished" : "Finished"} ${kind} ${result.runId}; verifying…`);
      const verified = await verifyRun(ctx, mapping, plan, result.runId);
      printVerify(out, verified);
      out.result({ run: result, verify: verified });
    }));
  }

  program.command("verify").description("read back everything the last run loaded; diff and reconcile")
    .option("--run <id>", "run to verify (default: the latest sample or run)")
    .action(async (o: { run?: string }, cmd: Command) => withContext(cmd, async (ctx, out) => {
      const mapping = loadMapping(ctx.ws);
      const plan = await loadPlan(ctx, mapping);
      const runId = o.run ?? (await ctx.store.db.selectFrom("runs").select("id").where("kind", "in", ["sample", "run", "delta"]).orderBy("started_at", "desc").limit(1).executeTakeFirst())?.id;
      if (!runId) throw new HandoverError("HO-RBK-001");
      const verified = await verifyRun(ctx, mapping, plan, runId);
      printVerify(out, verified);
      out.result(verified);
      if (verified.mismatches > 0 || verified.missingRows > 0) throw new HandoverError("HO-VER-001", { mismatches: verified.mismatches, missing: verified.missingRows });
    }));

  program.command("rollback").description("put the target back as it was before this migration, and prove it")
    .action(async (_o: unknown, cmd: Command) => withContext(cmd, async (ctx, out) => {
      const mapping = loadMapping(ctx.ws);
      const plan = await loadPlan(ctx, mapping);
      const result = await rollback(ctx, plan);
      out.line(`Rollback ${result.runId}: ${result.deleted} deleted, ${result.restored} restored, ${result.failed} failed; ${result.residue === 0 ? "target proven back to its pre-migration state" : `${result.residue} row(s) still differ`}`);
      out.line(`Reports: ${result.reports.join(", ")}`);
      out.result(result);
      if (result.failed > 0 || result.residue > 0) throw new HandoverError("HO-RBK-002", { count: result.failed + result.residue });
    }));

  program.command("delta").description("pick up source changes since the last run: load new and changed records, list ones deleted at the source; then verify")
    .action(async (_o: unknown, cmd: Command) => withContext(cmd, async (ctx, out) => {
      const mapping = loadMapping(ctx.ws);
      await assertConfirmed(ctx, mapping);
      const plan = await loadPlan(ctx, mapping);
      const last = await ctx.store.db.selectFrom("runs").select("id").where("kind", "in", ["run", "delta"]).where("status", "=", "completed").executeTakeFirst();
      if (!last) throw new HandoverError("HO-LOD-006");
      await assertSchema(ctx, plan);
      const result = await executeRun(ctx, mapping, plan, "delta", { onProgress: progressPrinter(out) });
      printDeletedAtSource(out, result);
      out.note(`${result.resumed ? "Resumed and finished" : "Finished"} delta ${result.runId}; verifying…`);
      const verified = await verifyRun(ctx, mapping, plan, result.runId);
      printVerify(out, verified);
      out.result({ run: result, verify: verified });
    }));

  program.command("console").description("(not yet available) the workflow in a local web console")
    .action(() => { throw new HandoverError("HO-CLI-001", { verb: "console" }); });
}

/** The plan's columns must exist before rows move: `schema apply` (or an admin's import) first. */
async function assertSchema(ctx: Context, plan: import("../../core/plan/plan.js").Plan): Promise<void> {
  if (plan.schema.columns.length === 0 && plan.schema.keys.length === 0) return;
  const described = await ctx.target.describe([...new Set(plan.schema.columns.map((c) => c.table))]);
  const missing = plan.schema.columns.filter((c) => !described.tables.find((t) => t.name === c.table)?.columns.some((x) => x.name === c.name));
  if (missing.length > 0) throw new HandoverError("HO-PLN-004", { missing: missing.slice(0, 5).map((m) => `${m.table}.${m.name}`).join(", ") });
}

function printDeletedAtSource(out: Output, result: Awaited<ReturnType<typeof executeRun>>): void {
  for (const d of result.deletedAtSource ?? []) out.line(`${d.table}: ${d.count} record(s) no longer in the source; left in the target (keys in the --json output and the audit log)`);
}

export function printVerify(out: Output, v: Awaited<ReturnType<typeof verifyRun>>): void {
  out.line(`Verified ${v.runId}: ${v.rowsChecked} rows, ${v.fieldsChecked} fields compared, ${v.mismatches} mismatch(es), ${v.missingRows} missing row(s)`);
  for (const t of v.reconciliation.tables) {
    out.line(`  ${t.table.padEnd(20)} source ${t.sourceRows}: loaded ${t.loaded}, flagged ${t.flagged}, rejected ${t.rejected}, skipped ${t.skipped}, unexplained ${t.unexplained}`);
  }
  out.line(`Reports (contain PHI, owner-only): ${v.reports.join(", ")}`);
}
