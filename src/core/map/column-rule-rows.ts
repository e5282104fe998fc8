import type { ColumnRuleRow, FieldRow, MappingFile } from "../../config/mapping-file.js";
import type { ObjectDef } from "../../model/index.js";
import type { RuleProposal } from "./match/types.js";
import { targetFor } from "./target-for.js";
import type { TargetTemplate } from "./templates/template.js";

const round = (n: number) => Math.round(n * 1000) / 1000;

/** A proposed split/combine rule as a `columnRules:` row. */
export function columnRuleRow(table: string, rule: RuleProposal, object: ObjectDef, template: TargetTemplate): ColumnRuleRow {
  const model = rule.fields.map((f) => `${object.name}.${f}`);
  return {
    id: `${table}:${rule.id}`,
    kind: rule.kind,
    sources: rule.columns.map((c) => `${table}.${c}`),
    model,
    targets: model.map((key) => targetFor(key, object, template)),
    confidence: round(rule.confidence),
    reasons: [...rule.reasons],
    status: "proposed",
    phi: rule.fields.some((f) => object.fields.find((x) => x.name === f)?.phi === true),
  };
}

/**
 * Each output of each rule as a field row (source: the rule's first column), for the steps that
 * read field rows to plan columns and secure PHI: a rule's outputs need the same.
 */
export function ruleFieldRows(mapping: MappingFile): FieldRow[] {
  return (mapping.columnRules ?? []).flatMap((rule) =>
    rule.model.map((model, i): FieldRow => ({
      source: rule.sources[0]!,
      model,
      target: rule.targets[i] ?? null,
      confidence: rule.confidence,
      reasons: [`output of rule ${rule.id}`],
      status: rule.status,
      phi: rule.phi,
    })),
  );
}
