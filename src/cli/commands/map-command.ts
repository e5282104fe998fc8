import { undecided } from "../../config/mapping-file.js";
import { HandoverError } from "../../contracts/handover-error.js";
import type { TargetCatalog } from "../../contracts/target.js";
import { describeLandingTables } from "../../core/map/describe-landing-tables.js";
import { hasMapping, loadMapping, saveMapping } from "../../config/workspace.js";
import type { Context } from "../../core/context.js";
import { proposeMapping, type ProposeOptions } from "../../core/map/propose-mapping.js";
import type { Output } from "../output.js";

export interface MapOptions extends ProposeOptions {
  readonly force?: boolean;
}

/**
 * `handover map`: proposes mapping.yaml (matcher, then the workspace's dictionary, then the
 * assistant when configured). Warnings about the assistant go to stderr; the map is written
 * whether or not it answered.
 */
export async function mapCommand(ctx: Context, out: Output, o: MapOptions): Promise<void> {
  if (hasMapping(ctx.ws) && !o.force) {
    const existing = loadMapping(ctx.ws);
    out.line(`mapping.yaml exists (${undecided(existing)} row(s) undecided). Use --force to propose it again.`);
    out.result({ mapping: ctx.ws.mappingFile, undecided: undecided(existing) });
    return;
  }
  const existing = await existingColumns(ctx, out);
  const { mapping, learned, assisted, warnings, reused } = await proposeMapping(ctx, { ...o, ...(existing ? { existing } : {}) });
  saveMapping(ctx.ws, mapping);
  for (const w of warnings) out.note(`warning ${w.code}: ${w.message}`);
  const [columnRules, values] = [mapping.columnRules?.length ?? 0, mapping.values?.length ?? 0];
  out.line(`Proposed ${mapping.fields.length} field rows, ${columnRules} split/combine rule(s) and ${values} value row(s) for ${mapping.objects.length} tables → ${ctx.ws.mappingFile}`);
  if (learned.length > 0) out.line(`${learned.length} row(s) proposed from decisions people made before (dictionary.yaml); ${learned.filter((l) => !l.agreed).length} differ from what the matcher alone would propose.`);
  if (assisted.length > 0) out.line(`${assisted.filter((a) => !a.agreed).length} row(s) proposed by the assistant, ${assisted.filter((a) => a.agreed).length} seconded; they still need a person's decision.`);
  if (reused.length > 0) out.line(`Reusing ${reused.length} of the org's existing column(s) instead of adding new ones: ${reused.map((f) => f.target).join(", ")}`);
  out.line(`Nothing moves until every row is confirmed or rejected: run 'handover map review'.`);
  out.result({
    mapping: ctx.ws.mappingFile,
    rows: mapping.fields.length,
    columnRules,
    values,
    learned: learned.length,
    assisted: assisted.filter((a) => !a.agreed).length,
    warnings: warnings.map((w) => ({ code: w.code, message: w.message })),
    reusedColumns: reused.map((f) => f.target),
    existingColumnsChecked: existing !== undefined,
  });
}

/** The org's columns on the tables the map lands in, for the second hop. A target that can't be
 * read (unreachable, refused credentials…) is a note: the map works offline and proposes new
 * columns without checking the org's; `plan` reads the target anyway. A bug still stops. */
async function existingColumns(ctx: Context, out: Output): Promise<TargetCatalog | undefined> {
  try {
    await ctx.target.check();
    return await describeLandingTables(ctx);
  } catch (error) {
    if (!(error instanceof HandoverError) || !error.code.startsWith("HO-TGT-")) throw error;
    out.note(`Target not read (${error.code}): the map proposes new columns without checking the org's existing ones.`);
    return undefined;
  }
}
