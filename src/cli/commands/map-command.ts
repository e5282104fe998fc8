import { undecided } from "../../config/mapping-file.js";
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
  const { mapping, learned, assisted, warnings } = await proposeMapping(ctx, o);
  saveMapping(ctx.ws, mapping);
  for (const w of warnings) out.note(`warning ${w.code}: ${w.message}`);
  const [columnRules, values] = [mapping.columnRules?.length ?? 0, mapping.values?.length ?? 0];
  out.line(`Proposed ${mapping.fields.length} field rows, ${columnRules} split/combine rule(s) and ${values} value row(s) for ${mapping.objects.length} tables → ${ctx.ws.mappingFile}`);
  if (learned.length > 0) out.line(`${learned.length} row(s) proposed from decisions people made before (dictionary.yaml); ${learned.filter((l) => !l.agreed).length} differ from what the matcher alone would propose.`);
  if (assisted.length > 0) out.line(`${assisted.filter((a) => !a.agreed).length} row(s) proposed by the assistant, ${assisted.filter((a) => a.agreed).length} seconded; they still need a person's decision.`);
  out.line(`Nothing moves until every row is confirmed or rejected: run 'handover map review'.`);
  out.result({
    mapping: ctx.ws.mappingFile,
    rows: mapping.fields.length,
    columnRules,
    values,
    learned: learned.length,
    assisted: assisted.filter((a) => !a.agreed).length,
    warnings: warnings.map((w) => ({ code: w.code, message: w.message })),
  });
}
