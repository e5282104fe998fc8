import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Command } from "commander";
import { loadMapping } from "../../config/workspace.js";
import { HandoverError } from "../../contracts/handover-error.js";
import { assertConfirmed, loadPlan } from "../../core/map/confirmation.js";
import { appendAudit } from "../../store/audit-log.js";
import { withContext } from "./workflow.js";

/** Verbs about the target's schema: apply it, export it as a package, capture the org's metadata. */
export function registerTargetCommands(program: Command): void {
  const schema = program.command("schema").description("the target schema the plan needs");
  schema.command("apply").description("create the custom columns, keys (and field security) the plan needs")
    .action(async (_o: unknown, cmd: Command) => withContext(cmd, async (ctx, out) => {
      const mapping = loadMapping(ctx.ws);
      await assertConfirmed(ctx, mapping);
      const plan = await loadPlan(ctx, mapping);
      const outcomes = await ctx.target.applySchema(plan.schema);
      const failed: { table: string; name: string }[] = outcomes.filter((o) => !o.ok);
      for (const o of outcomes) out.line(`${o.ok ? (o.created ? "created" : "exists ") : "FAILED "} ${o.kind} ${o.table}.${o.name}`);
      const audit = outcomes.map((o) => ({ actor: ctx.actor, operation: `schema.${o.kind}`, targetTable: o.table, targetId: o.name, outcome: o.ok ? (o.created ? "created" : "exists") : "failed", errorCode: o.ok ? null : "HO-TGT-003" }));
      if (plan.schema.securityProfiles?.length) {
        if (!ctx.target.applyFieldSecurity) throw new HandoverError("HO-CLI-001", { verb: "field-level security on this target" });
        for (const o of await ctx.target.applyFieldSecurity(plan.schema)) {
          out.line(`${o.ok ? (o.created ? "created" : "exists ") : "FAILED "} security ${o.kind} ${o.name}`);
          audit.push({ actor: ctx.actor, operation: `schema.security.${o.kind}`, targetTable: "(security)", targetId: o.name, outcome: o.ok ? (o.created ? "created" : "exists") : "failed", errorCode: o.ok ? null : "HO-TGT-003" });
          if (!o.ok) failed.push({ table: o.kind, name: o.name });
        }
      }
      await appendAudit(ctx.store.db, audit);
      out.result({ outcomes });
      if (failed.length > 0) throw new HandoverError("HO-PLN-004", { missing: failed.map((f) => `${f.table}.${f.name}`).join(", ") });
    }));
  schema.command("export").description("write the schema the plan needs as a package an admin imports (Dataverse: a solution zip; Salesforce: a metadata package)")
    .option("--format <format>", "package format: solution (Dataverse) or metadata (Salesforce); default: the target's own")
    .option("--version <v>", "package version", "1.0.0.0")
    .option("--out <dir>", "folder to write it to (default: .handover/reports/schema)")
    .action(async (o: { format?: string; version: string; out?: string }, cmd: Command) => withContext(cmd, async (ctx, out) => {
      const format = o.format ?? (ctx.config.target.kind === "salesforce" ? "metadata" : "solution");
      if (!ctx.target.exportSchema) throw new HandoverError("HO-CLI-001", { verb: "schema export on this target" });
      if (!/^\d+(\.\d+){1,3}$/.test(o.version)) throw new HandoverError("HO-CLI-002", { option: "--version", reason: "expected digits like 1.0.0.0" });
      const mapping = loadMapping(ctx.ws);
      await assertConfirmed(ctx, mapping);
      const plan = await loadPlan(ctx, mapping);
      const pkg = ctx.target.exportSchema(plan.schema, format, o.version);
      const dir = o.out ? resolve(o.out) : join(ctx.ws.reportsDir, "schema");
      mkdirSync(dir, { recursive: true });
      const file = join(dir, pkg.fileName);
      writeFileSync(file, pkg.bytes);
      await appendAudit(ctx.store.db, [{ actor: ctx.actor, operation: "schema.export", targetId: pkg.fileName, outcome: "ok" }]);
      out.line(`Wrote ${file} (${plan.schema.columns.length} column(s), ${plan.schema.keys.length} key(s), ${plan.schema.tables?.length ?? 0} table(s)).`);
      out.result({ file });
    }));

  program.command("target").description("the target CRM").command("export-metadata")
    .description("capture the org's table definitions to a file the local sandbox can load (--metadata)")
    .requiredOption("--out <file>", "where to write the JSON")
    .option("--tables <names>", "comma-separated logical names (default: the Sales tables and every custom table)")
    .action(async (o: { out: string; tables?: string }, cmd: Command) => withContext(cmd, async (ctx, out) => {
      if (!ctx.target.exportMetadata) throw new HandoverError("HO-CLI-001", { verb: "target export-metadata on this target" });
      const tables = o.tables?.split(",").map((t) => t.trim()).filter(Boolean);
      const metadata = (await ctx.target.exportMetadata(tables)) as { value?: unknown[] };
      const file = resolve(o.out);
      mkdirSync(dirname(file), { recursive: true });
      // Table definitions hold no record values, but they are the client's: keep them private.
      writeFileSync(file, JSON.stringify(metadata, null, 1), { mode: 0o600 });
      chmodSync(file, 0o600);
      out.line(`Wrote ${metadata.value?.length ?? 0} table definition(s) to ${file}. Load them with: handover sandbox dataverse --metadata ${file}`);
      out.result({ file, tables: metadata.value?.length ?? 0 });
    }));
}
