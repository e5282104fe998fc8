import type { Command } from "commander";
import { workspaceAt } from "../../config/workspace.js";
import { HandoverError } from "../../contracts/handover-error.js";
import { openContext } from "../../core/context.js";
import { loadCatalog } from "../../core/discover/catalog-file.js";
import { describeLandingTables } from "../../core/map/describe-landing-tables.js";
import { matchSchemas, type SchemaMatch } from "../../core/map/match/match-schemas.js";
import { dialects, type Dialect } from "../../core/map/schema/ddl-schema.js";
import { fromSourceCatalog, fromTargetCatalog } from "../../core/map/schema/live-schema.js";
import { readSchemaFile } from "../../core/map/schema/read-schema-file.js";
import type { SchemaDescription } from "../../core/map/schema/schema-description.js";
import { createOutput, type Output } from "../output.js";
import type { GlobalOptions } from "./workflow.js";

/**
 * `handover match --from A --to B`: the matcher between any two schemas. Each side is a file
 * (columns table .csv/.json, SQL DDL .sql, FHIR StructureDefinition .json) or a workspace's live
 * source or target: `source:<workspace folder>`, `target:<workspace folder>`. Prints proposals with
 * confidence and reasons, never sample values. Writes nothing to any target; reading `source:<ws>`
 * before that workspace ran `discover` discovers it, and saves its catalog as `discover` would.
 */
export function registerMatch(program: Command): void {
  program.command("match").description("propose which columns of one schema fill which columns of another (files or a workspace's live source/target)")
    .requiredOption("--from <schema>", "schema to map from: a .csv/.json columns table, .sql DDL, a FHIR StructureDefinition .json, source:<workspace> or target:<workspace>")
    .requiredOption("--to <schema>", "schema to map to (same forms as --from)")
    .option("--threshold <confidence>", "lowest confidence proposed (0..1, default 0.5)", parseFloat)
    .option("--dialect <name>", `SQL dialect of DDL files (${dialects.join(", ")}; default: guessed)`)
    .action(async (o: { from: string; to: string; threshold?: number; dialect?: string }, cmd: Command) => {
      const out = createOutput(!!cmd.optsWithGlobals<GlobalOptions>().json);
      if (o.threshold !== undefined && !(o.threshold >= 0 && o.threshold <= 1)) {
        throw new HandoverError("HO-CLI-002", { option: "--threshold", reason: "give a confidence between 0 and 1" });
      }
      if (o.dialect !== undefined && !dialects.includes(o.dialect as Dialect)) {
        throw new HandoverError("HO-CLI-002", { option: "--dialect", reason: `use one of ${dialects.join(", ")}` });
      }
      const dialect = o.dialect as Dialect | undefined;
      const from = await readSide("--from", o.from, dialect);
      const to = await readSide("--to", o.to, dialect);
      const result = matchSchemas(from, to, o.threshold !== undefined ? { threshold: o.threshold } : {});
      printMatch(out, result);
      out.result(result);
    });
}

/** A file path, or source:<workspace> / target:<workspace> read through the workspace's connector. */
async function readSide(option: string, spec: string, dialect: Dialect | undefined): Promise<SchemaDescription> {
  const live = /^(source|target):(.*)$/.exec(spec);
  if (!live) return readSchemaFile(spec, dialect ? { dialect } : {});
  const [, side, folder] = live as unknown as [string, "source" | "target", string];
  if (folder.trim() === "") throw new HandoverError("HO-CLI-004", { option, given: spec, reason: `name the workspace folder after '${side}:'` });
  const ctx = await openContext(workspaceAt(folder));
  try {
    if (side === "source") return fromSourceCatalog(spec, await loadCatalog(ctx));
    await ctx.target.check();
    return fromTargetCatalog(spec, await describeLandingTables(ctx));
  } finally {
    await ctx.close();
  }
}

const pct = (n: number) => `${Math.round(n * 100)}%`.padStart(4);

function printMatch(out: Output, result: SchemaMatch): void {
  out.line(`Matching ${result.from} → ${result.to} (proposals only: nothing is written)`);
  for (const table of result.tables) {
    out.line("");
    out.line(table.target
      ? `${table.table} → ${table.target}  ${pct(table.confidence)}  (${table.reasons.join("; ")})`
      : `${table.table} → (no table fits)  (${table.reasons.join("; ")})`);
    const width = Math.max(8, ...table.columns.map((c) => c.column.length));
    for (const c of table.columns) {
      out.line(`  ${c.column.padEnd(width)} → ${c.field ?? "(none)"}  ${pct(c.confidence)}`);
      for (const reason of c.reasons) out.line(`  ${"".padEnd(width)}     · ${reason}`);
      if (c.alternatives.length > 0) out.line(`  ${"".padEnd(width)}     alternatives: ${c.alternatives.map((a) => `${a.field} ${pct(a.confidence).trim()}`).join(", ")}`);
    }
  }
}
