import { createInterface } from "node:readline/promises";
import { undecided, type FieldRow } from "../../config/mapping-file.js";
import { loadMapping, saveMapping } from "../../config/workspace.js";
import { appendAudit } from "../../store/audit-log.js";
import type { Context } from "../../core/context.js";
import { loadCatalog } from "../../core/discover/catalog-file.js";
import { recordConfirmation } from "../../core/map/confirmation.js";
import { learnFromReview } from "../../core/map/learn/learn-from-review.js";
import { rowLanding } from "../../core/map/row-landing.js";
import { issue } from "../../contracts/handover-error.js";
import { decide, reviewQueue } from "../../core/map/review-decisions.js";
import { pruneValueRows, refreshValueRows } from "../../core/map/value-rows.js";
import type { Output } from "../output.js";
import { auditRowChanges, reviewColumnRules, reviewValues } from "./review-rows.js";

export interface ReviewOptions {
  readonly acceptAbove?: number;
  readonly rejectBelow?: number;
  readonly confirmRules?: boolean;
  readonly showPhi?: boolean;
}

/**
 * `handover map review`: bulk decisions from options, else an interactive walk through the
 * proposals, lowest confidence first: [a]ccept, [r]eject, [c]hange the model field, [s]kip,
 * [A]ccept all at or above the threshold, [q]uit. Every decision is audited; when nothing is
 * left undecided the map's hash is recorded as confirmed.
 */
export async function reviewCommand(ctx: Context, out: Output, o: ReviewOptions): Promise<void> {
  let mapping = loadMapping(ctx.ws);
  const start = mapping;
  const before = new Map(mapping.fields.map((f) => [f.source, f.status]));
  const rulesBefore = new Map(mapping.rules.map((r) => [r.id, r.status]));
  if (o.acceptAbove !== undefined || o.rejectBelow !== undefined || o.confirmRules) {
    mapping = decide(mapping, { ...(o.acceptAbove !== undefined ? { acceptAbove: o.acceptAbove } : {}), ...(o.rejectBelow !== undefined ? { rejectBelow: o.rejectBelow } : {}), confirmRules: !!o.confirmRules });
  } else {
    mapping = await interactive(ctx, out, mapping, !!o.showPhi);
  }
  saveMapping(ctx.ws, mapping);
  const changed = mapping.fields.filter((f) => before.get(f.source) !== f.status);
  const rulesChanged = mapping.rules.filter((r) => rulesBefore.get(r.id) !== r.status);
  const others = auditRowChanges(start, mapping, ctx.actor);
  await appendAudit(ctx.store.db, [
    ...changed.map((f) => ({ actor: ctx.actor, operation: "map.review", sourceKey: f.source, targetTable: f.target, outcome: f.status })),
    ...rulesChanged.map((r) => ({ actor: ctx.actor, operation: "map.review.rule", sourceKey: r.id, outcome: r.status })),
    ...others,
  ]);
  const confirmed = await recordConfirmation(ctx, mapping);
  // Remembered in dictionary.yaml, so the next migration from this vendor proposes them.
  const learned = await learnFromReview(ctx, start, mapping);
  const left = undecided(mapping);
  const valuesDecided = others.filter((e) => e.operation === "map.review.value").length;
  const columnRulesDecided = others.length - valuesDecided;
  out.line(`${changed.length} field row(s), ${rulesChanged.length} rule(s), ${columnRulesDecided} column rule(s) and ${valuesDecided} value row(s) decided now; ${left} undecided.${confirmed ? " The map is confirmed." : ""}`);
  if (learned.remembered > 0) out.line(`${learned.remembered} decision(s) remembered in dictionary.yaml for the next migration from ${mapping.source}.`);
  if (learned.warning) out.note(`warning ${learned.warning.code}: ${learned.warning.message} The decisions were not remembered.`);
  out.result({ decided: changed.length, rulesDecided: rulesChanged.length, columnRulesDecided, valuesDecided, undecided: left, confirmed, learned: learned.remembered });
}

async function interactive(ctx: Context, out: Output, start: import("../../config/mapping-file.js").MappingFile, showPhi: boolean) {
  let mapping = start;
  const catalog = await loadCatalog(ctx);
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: process.stdin.isTTY === true });
  // The line iterator buffers input, so answers piped in ahead of the prompts are not lost; end of
  // input (Ctrl-D, or a script's last line) ends the review like [q]uit, keeping what was decided.
  const lines = rl[Symbol.asyncIterator]();
  const ask = async (prompt: string) => {
    process.stderr.write(prompt);
    const next = await lines.next();
    return next.done ? "q" : String(next.value);
  };
  const threshold = ctx.config.options.confirmThreshold;
  let quit = false;
  try {
    for (const rule of mapping.rules.filter((r) => r.status === "proposed")) {
      const answer = (await ask(`Rule ${rule.id}: ${rule.description}\n  value: ${rule.value ?? "(none)"}  [a]ccept / [r]eject / [s]kip: `)).trim();
      if (answer === "q") return mapping;
      if (answer === "a" || answer === "r") mapping = { ...mapping, rules: mapping.rules.map((r) => (r.id === rule.id ? { ...r, status: answer === "a" ? "confirmed" : "rejected" } : r)) };
    }
    ({ mapping, quit } = await reviewColumnRules(ask, out, mapping, threshold));
    for (const row of quit ? [] : reviewQueue(mapping)) {
      if (mapping.fields.find((f) => f.source === row.source)?.status !== "proposed") continue;
      out.note(describe(row, catalog, showPhi));
      const answer = (await ask(`  [a]ccept / [r]eject / [c]hange / [s]kip / [A]ccept all ≥ ${threshold} / [q]uit: `)).trim();
      if (answer === "q" || answer === "") {
        quit = true;
        break;
      }
      if (answer === "A") {
        // Every proposed row at or above the threshold: fields, column rules and values.
        mapping = decide(mapping, { acceptAbove: threshold });
        continue;
      }
      if (answer === "c") {
        const model = (await ask("  model field (object.field): ")).trim();
        // A column now routed to another code field gets value rows for that field's codes.
        if (model) mapping = refreshValueRows(change(ctx, out, mapping, row, model), catalog, ctx.template);
        continue;
      }
      // Accepting a proposal with no model field (a column people left out before) leaves it out.
      if (answer === "a" || answer === "r") mapping = pruneValueRows(update(mapping, row.source, { status: answer === "a" && row.model ? "confirmed" : "rejected" }));
    }
    if (!quit) ({ mapping } = await reviewValues(ask, out, mapping, threshold, showPhi, ctx.actor, ctx.template));
  } finally {
    rl.close();
  }
  return mapping;
}

/** [c]hange: the target and PHI flag follow the new model field; a name the model doesn't know leaves the row undecided. */
function change(ctx: Context, out: Output, mapping: import("../../config/mapping-file.js").MappingFile, row: FieldRow, model: string) {
  const column = row.source.slice(row.source.indexOf(".") + 1);
  const object = mapping.objects.find((o) => row.source.startsWith(`${o.source}.`))?.model ?? "";
  const landing = rowLanding(model, column, ctx.template);
  if (landing && landing.model.startsWith(`${object}.`)) return update(mapping, row.source, { ...landing, status: "confirmed", reasons: [...row.reasons, `changed by ${ctx.actor}`] });
  const problem = issue("HO-MAP-014", { model, object, example: `${object}.sourceId or ${object}.customProperties`, source: row.source });
  out.note(`  ${problem.code}: ${problem.message}`);
  return mapping;
}

function update(mapping: import("../../config/mapping-file.js").MappingFile, source: string, patch: Partial<FieldRow>) {
  return { ...mapping, fields: mapping.fields.map((f) => (f.source === source ? { ...f, ...patch } : f)) };
}

function describe(row: FieldRow, catalog: import("../../contracts/source.js").SourceCatalog, showPhi: boolean): string {
  const [table, column] = [row.source.slice(0, row.source.indexOf(".")), row.source.slice(row.source.indexOf(".") + 1)];
  const samples = catalog.tables.find((t) => t.name === table)?.columns.find((c) => c.name === column)?.samples.slice(0, 3) ?? [];
  const shown = row.phi && !showPhi ? samples.map((s) => "•".repeat(Math.min(8, s.length))) : samples;
  return `\n${row.source} → ${row.model ?? "(nothing)"} → ${row.target ?? "(nothing)"}   confidence ${row.confidence.toFixed(2)}${row.phi ? "  [PHI]" : ""}\n  ${row.reasons.join("; ")}\n  samples: ${shown.join(" | ") || "(none)"}`;
}
