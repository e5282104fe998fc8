import { createHash } from "node:crypto";
import type { ColumnRuleRow, MappingFile, ValueRow } from "../../config/mapping-file.js";
import type { AuditEntry } from "../../store/audit-log.js";
import { getField } from "../../model/index.js";
import { columnRuleQueue, decide, valueQueue } from "../../core/map/review-decisions.js";
import type { TargetTemplate } from "../../core/map/templates/template.js";
import { valueTarget } from "../../core/map/value-rows.js";
import type { Output } from "../output.js";

/**
 * The review of split/combine rules and value rows, beside the field rows' review in review.ts:
 * lowest confidence first, [a]ccept / [r]eject / [c]hange (a value's code) / [s]kip /
 * [A]ccept all at or above the threshold / [q]uit. A PHI field's values are masked unless
 * --show-phi.
 */
export type Ask = (prompt: string) => Promise<string>;
export interface Walk {
  readonly mapping: MappingFile;
  readonly quit: boolean;
}

const mask = (value: string) => "•".repeat(Math.min(8, Math.max(1, value.length)));
const key = (v: Pick<ValueRow, "source" | "model" | "value">) => `${v.source}\u0000${v.model}\u0000${v.value}`;

export function describeColumnRule(rule: ColumnRuleRow): string {
  const parts = rule.model.map((m, i) => `${m} → ${rule.targets[i] ?? "(nothing)"}`).join(", ");
  return `\n${rule.kind} rule: ${rule.sources.join(" + ")} → ${parts}   confidence ${rule.confidence.toFixed(2)}${rule.phi ? "  [PHI]" : ""}\n  ${rule.reasons.join("; ")}`;
}

export function describeValue(row: ValueRow, showPhi: boolean): string {
  const shown = row.phi && !showPhi ? mask(row.value) : `'${row.value}'`;
  const rows = row.count === null ? "sampled" : `${row.count} row(s)`;
  return `\n${row.source} value ${shown} (${rows}) → ${row.model} ${row.code ? `'${row.code}'` : "(no code: flagged)"} → ${row.target ?? "(nothing)"}   confidence ${row.confidence.toFixed(2)}${row.phi ? "  [PHI]" : ""}\n  ${row.reasons.join("; ")}`;
}

export async function reviewColumnRules(ask: Ask, out: Output, start: MappingFile, threshold: number): Promise<Walk> {
  let mapping = start;
  for (const rule of columnRuleQueue(mapping)) {
    if (mapping.columnRules?.find((r) => r.id === rule.id)?.status !== "proposed") continue;
    out.note(describeColumnRule(rule));
    const answer = (await ask(`  [a]ccept / [r]eject / [s]kip / [A]ccept all ≥ ${threshold} / [q]uit: `)).trim();
    if (answer === "q" || answer === "") return { mapping, quit: true };
    if (answer === "A") mapping = decide(mapping, { acceptAbove: threshold });
    else if (answer === "a" || answer === "r") {
      const status = answer === "a" ? "confirmed" : "rejected";
      mapping = { ...mapping, columnRules: mapping.columnRules?.map((r) => (r.id === rule.id ? { ...r, status } : r)) };
    }
  }
  return { mapping, quit: false };
}

export async function reviewValues(ask: Ask, out: Output, start: MappingFile, threshold: number, showPhi: boolean, actor: string, template: TargetTemplate): Promise<Walk> {
  let mapping = start;
  const update = (row: ValueRow, patch: Partial<ValueRow>) => ({ ...mapping, values: mapping.values?.map((v) => (key(v) === key(row) ? { ...v, ...patch } : v)) });
  for (const row of valueQueue(mapping)) {
    if (mapping.values?.find((v) => key(v) === key(row))?.status !== "proposed") continue;
    out.note(describeValue(row, showPhi));
    const answer = (await ask(`  [a]ccept / [r]eject / [c]hange code / [s]kip / [A]ccept all ≥ ${threshold} / [q]uit: `)).trim();
    if (answer === "q" || answer === "") return { mapping, quit: true };
    if (answer === "A") mapping = decide(mapping, { acceptAbove: threshold });
    else if (answer === "a" || answer === "r") mapping = update(row, { status: answer === "a" ? "confirmed" : "rejected" });
    else if (answer === "c") {
      const codes = getField(row.model)?.codes ?? [];
      const code = (await ask(`  code (${codes.join("/")}, or - for none): `)).trim();
      if (code === "-") mapping = update(row, { code: null, target: null, status: "confirmed", reasons: [...row.reasons, `changed by ${actor}`] });
      else if (codes.includes(code)) mapping = update(row, { code, target: valueTarget(row.model, code, template), status: "confirmed", reasons: [...row.reasons, `changed by ${actor}`] });
      else out.note(`  '${code}' is not one of ${row.model}'s codes; left undecided.`);
    }
  }
  return { mapping, quit: false };
}

/** A value row's name in the audit log: the audit holds no record value, so the value is hashed. */
export const valueRef = (v: Pick<ValueRow, "source" | "value">) => `${v.source} value #${createHash("sha256").update(v.value).digest("hex").slice(0, 12)}`;

/** Audit entries for column rules and value rows whose status changed. */
export function auditRowChanges(before: MappingFile, after: MappingFile, actor: string): AuditEntry[] {
  const rulesBefore = new Map((before.columnRules ?? []).map((r) => [r.id, r.status]));
  const valuesBefore = new Map((before.values ?? []).map((v) => [key(v), v.status]));
  return [
    ...(after.columnRules ?? []).filter((r) => rulesBefore.get(r.id) !== r.status)
      .map((r) => ({ actor, operation: "map.review.column-rule", sourceKey: r.id, outcome: r.status })),
    ...(after.values ?? []).filter((v) => valuesBefore.get(key(v)) !== v.status)
      .map((v) => ({ actor, operation: "map.review.value", sourceKey: valueRef(v), outcome: `${v.status}: ${v.model} ${v.code ?? "(no code)"}` })),
  ];
}
