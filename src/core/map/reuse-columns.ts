import type { FieldRow } from "../../config/mapping-file.js";
import type { SourceColumn } from "../../contracts/source.js";
import type { TargetCatalog, TargetColumn, TargetColumnType } from "../../contracts/target.js";
import { model } from "../../model/index.js";
import { proposeFields } from "./match/index.js";
import type { TargetTemplate } from "./templates/template.js";

/**
 * The second hop of `handover map`: practice model → the org's existing fields. A model field the
 * template has no standard column for would get a new custom column (hc_mrn, MRN__c); when the
 * org already has a custom column for it (new_medicalrecordnumber labelled "Medical Record
 * Number", MRN__c), the row proposes that column instead, so nothing is duplicated. The same
 * engine decides: the org's custom columns, by label (else name) and declared type, are proposed
 * against the model object's fields like a source table's columns; only sure proposals count.
 * The row stays "proposed": a person confirms it like any other.
 */

/** A reuse is proposed only this sure (the demo's auto-confirm level). */
export const REUSE_CONFIDENCE = 0.8;

/** Target column types in the words the engine's declared-type signal reads. */
const declaredWords: Partial<Record<TargetColumnType, string>> = {
  memo: "textarea", integer: "integer", decimal: "number", money: "currency", boolean: "boolean",
  date: "date", datetime: "datetime", choice: "picklist", lookup: "reference",
};

/**
 * Columns of the org's that could take a model field: its own custom, writable ones, not those the
 * template already fills nor our key. Columns carrying our prefix (hc_…) are ours already: the
 * naming finds them without help. (Salesforce names every custom field …__c, ours included.)
 */
function candidates(columns: readonly TargetColumn[], template: TargetTemplate, landed: ReadonlySet<string>): TargetColumn[] {
  const ours = `${template.prefix}_`.toLowerCase();
  return columns.filter((c) => c.custom && c.validForCreate && c.validForUpdate && c.type !== "id"
    && !c.name.toLowerCase().startsWith(ours) && c.name !== template.sourceKeyColumn && !landed.has(c.name));
}

function asSourceColumn(column: TargetColumn): SourceColumn & { readonly declaredType?: string } {
  const declared = declaredWords[column.type];
  return { name: column.label ?? column.name, samples: [], nonEmptyCount: 0, distinctCount: 0, maxLength: 0, ...(declared ? { declaredType: declared } : {}) };
}

export function reuseExistingColumns(rows: readonly FieldRow[], template: TargetTemplate, existing: TargetCatalog): FieldRow[] {
  const out = [...rows];
  for (const [objectName, landing] of Object.entries(template.objects)) {
    const object = model[objectName];
    const table = landing.table ? existing.tables.find((t) => t.name === landing.table) : undefined;
    if (!object || !table || landing.notes) continue;
    // Rows of this object that would get a new column: a model field with no template landing.
    const needing = new Map<string, number>();
    out.forEach((row, i) => {
      const [rowObject, field, ...rest] = (row.model ?? "").split(".");
      if (rowObject === objectName && field && rest.length === 0 && !template.fields[`${objectName}.${field}`]) needing.set(field, i);
    });
    if (needing.size === 0) continue;
    const landed = new Set(Object.entries(template.fields).flatMap(([key, l]) => (key.startsWith(`${objectName}.`) && "column" in l ? [l.column] : [])));
    const columns = candidates(table.columns, template, landed);
    if (columns.length === 0) continue;
    const proposals = proposeFields({ name: table.name, file: `target:${table.name}`, rowCount: 0, columns: columns.map(asSourceColumn) }, object, { threshold: REUSE_CONFIDENCE });
    proposals.forEach((p, i) => {
      const column = columns[i];
      const index = p.field ? needing.get(p.field) : undefined;
      const row = index === undefined ? undefined : out[index];
      if (!column || !row || index === undefined) return;
      const named = column.label && column.label !== column.name ? `${column.name} ('${column.label}')` : column.name;
      out[index] = {
        ...row,
        target: `${table.name}.${column.name}`,
        confidence: Math.min(row.confidence, Math.round(p.confidence * 1000) / 1000),
        reasons: [...row.reasons, `the org already has ${named} for ${p.field}: reuses it instead of adding ${row.target ?? "a new column"} (${p.reasons.join("; ")})`],
      };
    });
  }
  return out;
}
