import type { FieldRow, MappingFile, RowStatus } from "../../config/mapping-file.js";

export interface BulkDecision {
  /** Confirm proposed rows at or above this confidence. */
  readonly acceptAbove?: number;
  /** Reject proposed rows below this confidence. */
  readonly rejectBelow?: number;
  /** Confirm the rules (fallback owner, default account, ...) as they stand. */
  readonly confirmRules?: boolean;
}

/** Applies bulk decisions to the proposed rows; decided rows are never changed. Pure. */
export function decide(mapping: MappingFile, d: BulkDecision): MappingFile {
  const fields = mapping.fields.map((f): FieldRow => {
    if (f.status !== "proposed") return f;
    // A proposal with no model field (a column people left out before) is accepted by leaving it out.
    if (d.acceptAbove !== undefined && f.confidence >= d.acceptAbove) return { ...f, status: f.model ? "confirmed" : "rejected" };
    if (d.rejectBelow !== undefined && f.confidence < d.rejectBelow) return { ...f, status: "rejected" };
    return f;
  });
  const rules = mapping.rules.map((r) => (d.confirmRules && r.status === "proposed" ? { ...r, status: (r.value ? "confirmed" : "rejected") as RowStatus } : r));
  return { ...mapping, fields, rules };
}

/** Proposed rows, lowest confidence first: what a reviewer should look at first. */
export function reviewQueue(mapping: MappingFile): FieldRow[] {
  return mapping.fields.filter((f) => f.status === "proposed").sort((a, b) => a.confidence - b.confidence);
}
