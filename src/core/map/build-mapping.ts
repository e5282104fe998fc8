import type { HandoverConfig } from "../../config/handover-config.js";
import type { ColumnRuleRow, FieldRow, MappingFile, ObjectRow, RuleRow } from "../../config/mapping-file.js";
import type { SourceCatalog } from "../../contracts/source.js";
import { model as practiceModel, type ObjectDef } from "../../model/index.js";
import { sourceConventions } from "../transform/source-conventions.js";
import { columnRuleRow } from "./column-rule-rows.js";
import { customTarget, targetFor } from "./target-for.js";
import { proposeObjects, proposeTable } from "./match/index.js";
import type { TargetTemplate } from "./templates/template.js";
import { valueRowsFor } from "./value-rows.js";

/**
 * The `map` stage's pure part: proposals for both hops, as mapping.yaml content. Every source
 * column gets a row (unmatched ones become custom properties), every row starts "proposed".
 * The second hop against the org's own columns comes later (propose-mapping.ts), after people's
 * earlier decisions and the assistant have had their say.
 */
export function buildMapping(catalog: SourceCatalog, template: TargetTemplate, config: HandoverConfig): MappingFile {
  const objects: ObjectRow[] = [];
  const fields: FieldRow[] = [];
  const columnRules: ColumnRuleRow[] = [];
  const proposals = proposeObjects(catalog, practiceModel);
  const encoded = Object.entries(sourceConventions(config.source).encodedColumns);
  for (const proposal of proposals) {
    const table = catalog.tables.find((t) => t.name === proposal.table);
    // A table the profile says holds an object the model doesn't have yet (insurance, treatment
    // cases…) is that object, not the nearest one the model has: nothing is proposed for it.
    if (table?.modelHint && !practiceModel[table.modelHint]) continue;
    const object = proposal.object ? practiceModel[proposal.object] : undefined;
    if (!table || !object) continue;
    // One source table per model object (the load reads an object from one table): the table the
    // profile names for it wins, else the surest guess; the others stay unmapped and are
    // reconciled as such ("table-not-mapped").
    const rivals = proposals.filter((p) => p.object === object.name);
    const holder = rivals.find((p) => catalog.tables.find((t) => t.name === p.table)?.modelHint === object.name)
      ?? [...rivals].sort((a, b) => b.confidence - a.confidence)[0];
    if (holder && holder.table !== table.name) continue;
    const landing = template.objects[object.name];
    objects.push({
      source: table.name,
      model: object.name,
      target: landing?.table ?? "(resolved) systemuser by email",
      key: [...(table.key ?? [table.columns[0]?.name ?? "id"])],
    });
    // A column that goes through a split/combine rule is decided in the rule's row, not its own.
    const proposed = proposeTable(table, object);
    columnRules.push(...proposed.rules.map((rule) => columnRuleRow(table.name, rule, object, template)));
    // A column that only says how another is stored (is_b64, NoteEncoding) is read by the
    // transform to decode that column; it is proposed to be left out.
    const flags = new Map(encoded.filter(([key]) => key.startsWith(`${table.name}.`)).map(([key, e]) => [e.flagColumn, { column: key.slice(table.name.length + 1), encoding: e.encoding }]));
    for (const p of proposed.fields.filter((f) => !f.rule)) {
      const flag = flags.get(p.column);
      if (flag) {
        fields.push({ source: `${table.name}.${p.column}`, model: null, target: null, confidence: 0.95, status: "proposed", phi: false,
          reasons: [`says how ${flag.column} is stored (${flag.encoding}): the transform decodes ${flag.column} by it, so it is left out`] });
        continue;
      }
      fields.push(p.field ? mappedRow(table.name, p.column, object, p.field, p.confidence, p.reasons, template) : customRow(table.name, p.column, object, p, template));
    }
  }
  const values = valueRowsFor(fields, catalog, template);
  return {
    version: 1, source: catalog.profile ?? catalog.sourceId, target: template.target, objects, fields, rules: rules(config),
    ...(columnRules.length > 0 ? { columnRules } : {}),
    ...(values.length > 0 ? { values } : {}),
  };
}

function mappedRow(table: string, column: string, object: ObjectDef, fieldName: string, confidence: number, reasons: readonly string[], template: TargetTemplate): FieldRow {
  const key = `${object.name}.${fieldName}`;
  const field = object.fields.find((f) => f.name === fieldName);
  return {
    source: `${table}.${column}`,
    model: key,
    target: targetFor(key, object, template),
    confidence: round(confidence),
    reasons: [...reasons],
    status: "proposed",
    phi: field?.phi ?? false,
  };
}

function customRow(
  table: string,
  column: string,
  object: ObjectDef,
  p: { readonly reasons: readonly string[]; readonly alternatives: readonly { readonly confidence: number }[] },
  template: TargetTemplate,
): FieldRow {
  const target = customTarget(object, column, template);
  const best = p.alternatives[0]?.confidence ?? 0;
  return {
    source: `${table}.${column}`,
    model: `${object.name}.customProperties.${column}`,
    target,
    // How sure we are that no model field fits: the weaker the best alternative, the surer.
    confidence: round(Math.min(0.95, Math.max(0.5, 1 - best))),
    reasons: [...p.reasons, `kept as a custom property${target ? `: ${target.startsWith("(") ? target : `new column ${target}`}` : ""}`],
    status: "proposed",
    // Unknown columns may hold anything: treat them as PHI until a person says otherwise.
    phi: true,
  };
}

function rules(config: HandoverConfig): RuleRow[] {
  return [
    {
      id: "fallback-owner",
      description: "Records whose provider has no active CRM user are owned by this CRM user (email). Empty: such records are rejected.",
      value: config.options.fallbackOwnerEmail,
      status: "proposed",
    },
    {
      id: "unaffiliated-account",
      description: "Patients with no practice link get this account as their primary account.",
      value: config.options.unaffiliatedAccountName,
      status: "proposed",
    },
    {
      id: "primary-practice",
      description: "A patient's primary account is the practice of the most recently modified link; other links become connections with their role.",
      value: "most-recent-link",
      status: "proposed",
    },
    {
      id: "duplicate-source-key",
      description: "A row whose key was already seen in the same file is skipped (the first one is loaded) and listed in the reconciliation.",
      value: "keep-first",
      status: "proposed",
    },
  ];
}

const round = (n: number) => Math.round(n * 1000) / 1000;
