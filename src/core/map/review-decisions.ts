import type { ColumnRuleRow, FieldRow, MappingFile, RowStatus, ValueRow } from "../../config/mapping-file.js";
import { pruneValueRows } from "./value-rows.js";

export interface BulkDecision {
  /** Confirm proposed rows at or above this confidence. */
  readonly acceptAbove?: number;
  /** Reject proposed rows below this confidence. */
  readonly rejectBelow?: number;
  /** Confirm the rules (fallback owner, default account, ...) as they stand. */
  readonly confirmRules?: boolean;
}

/** One proposed row's bulk decision. */
function bulk<R extends { readonly status: RowStatus; readonly confidence: number }>(row: R, d: BulkDecision): R {
  if (row.status !== "proposed") return row;
  if (d.acceptAbove !== undefined && row.confidence >= d.acceptAbove) return { ...row, status: "confirmed" };
  if (d.rejectBelow !== undefined && row.confidence < d.rejectBelow) return { ...row, status: "rejected" };
  return row;
}

/**
 * Applies bulk decisions to the proposed rows — field rows, column rules and value rows alike;
 * decided rows are never changed. Value rows of a column that ends up rejected go (they would
 * route nothing). Pure.
 */
export function decide(mapping: MappingFile, d: BulkDecision): MappingFile {
  // A proposal with no model field (a column people left out before) is accepted by leaving it out.
  const fields = mapping.fields.map((f): FieldRow => (f.model === null && f.status === "proposed" && d.acceptAbove !== undefined && f.confidence >= d.acceptAbove
    ? { ...f, status: "rejected" }
    : bulk(f, d)));
  const rules = mapping.rules.map((r) => (d.confirmRules && r.status === "proposed" ? { ...r, status: (r.value ? "confirmed" : "rejected") as RowStatus } : r));
  const columnRules = mapping.columnRules?.map((r): ColumnRuleRow => bulk(r, d));
  const values = mapping.values?.map((v): ValueRow => bulk(v, d));
  return pruneValueRows({ ...mapping, fields, rules, ...(columnRules ? { columnRules } : {}), ...(values ? { values } : {}) });
}

/** Proposed rows, lowest confidence first: what a reviewer should look at first. */
export function reviewQueue(mapping: MappingFile): FieldRow[] {
  return mapping.fields.filter((f) => f.status === "proposed").sort((a, b) => a.confidence - b.confidence);
}

/** Proposed split/combine rules, lowest confidence first. */
export function columnRuleQueue(mapping: MappingFile): ColumnRuleRow[] {
  return (mapping.columnRules ?? []).filter((r) => r.status === "proposed").sort((a, b) => a.confidence - b.confidence);
}

/** Proposed value rows, lowest confidence first. */
export function valueQueue(mapping: MappingFile): ValueRow[] {
  return (mapping.values ?? []).filter((v) => v.status === "proposed").sort((a, b) => a.confidence - b.confidence);
}
