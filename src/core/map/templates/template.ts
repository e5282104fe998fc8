/**
 * A target template: where each practice-model object and field lands in one kind of target.
 * The plan derives custom columns and the load order from it; the transform follows it.
 */
export type Landing =
  /** A plain column. `createOnly` columns are sent only when the row is new (e.g. overriddencreatedon);
   * `readAs` names the column that shows the value on read-back when it differs. */
  | { readonly kind: "column"; readonly column: string; readonly createOnly?: boolean; readonly readAs?: string; readonly valueMap?: Readonly<Record<string, number>> }
  /** A lookup to the row another source record became, or (with `handoverTable`) to a row
   * Handover adds itself, keyed by the value (e.g. a connection role per link role). */
  | { readonly kind: "lookup"; readonly column: string; readonly refObject: string; readonly handoverTable?: string }
  /** One source code sets a record's state and status together (activities: completed → 1/3). */
  | { readonly kind: "state"; readonly map: Readonly<Record<string, { readonly statecode: number; readonly statuscode: number }>> }
  /** The record's owner: the staff member's CRM user, or the confirmed fallback owner. */
  | { readonly kind: "owner"; readonly column: string }
  /** Not written as a column; the reason is shown in the map and the reports. */
  | { readonly kind: "none"; readonly reason: string };

export interface ObjectLanding {
  /** The target table, or null when the object is resolved against existing target rows (staff → users). */
  readonly table: string | null;
  readonly description: string;
}

export interface TargetTemplate {
  readonly target: string;
  readonly objects: Readonly<Record<string, ObjectLanding>>;
  /** Keyed `object.field`. A model field missing here lands in a planned custom column. */
  readonly fields: Readonly<Record<string, Landing>>;
  /** Lookups the template adds beyond field landings (e.g. contact.parentcustomerid from links). */
  readonly derivedLookups: readonly { readonly table: string; readonly column: string; readonly refTable: string; readonly description: string }[];
  /** Tables of the target that must exist (with our key column) for the rows we write. */
  readonly tablesWritten: readonly string[];
  /** Custom column prefix on this target ("hc" → hc_mrn). Tables written whose name starts with
   * `<prefix>_` are custom tables the plan creates when the target lacks them. */
  readonly prefix: string;
}

/** The target column name for a custom property or an unmapped model field: hc_<lowercased name>. */
export function customColumnName(prefix: string, name: string): string {
  const cleaned = name.toLowerCase().replace(/[^a-z0-9]+/g, "").slice(0, 40);
  return `${prefix}_${cleaned || "field"}`;
}
