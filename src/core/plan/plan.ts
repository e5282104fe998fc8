import type { RequestCost, SchemaPlan } from "../../contracts/target.js";
import type { CustomTableNeed } from "./edition-limits.js";
import type { LoadOrder } from "./load-order.js";
import type { NotePlan } from "./note-check.js";
import type { OwnerReconciliation } from "./owners.js";
import type { SourceConventions } from "../transform/source-conventions.js";

/** A row Handover adds to the target itself (default account, connection roles). */
export interface HandoverRow {
  readonly table: string;
  readonly sourceKey: string;
  readonly fields: Readonly<Record<string, string | number | boolean | null>>;
  readonly reason: string;
}

/**
 * The plan: data, computed without writing anything. `sample` and `run` load exactly this;
 * it is stored with the map hash it was made from, so a changed map needs a new plan.
 */
export interface Plan {
  readonly version: 1;
  readonly mapHash: string;
  readonly createdAt: string;
  readonly schema: SchemaPlan;
  readonly owners: OwnerReconciliation;
  readonly order: LoadOrder;
  readonly counts: readonly { readonly table: string; readonly rows: number; readonly object: string; readonly target: string | null }[];
  /** Max lengths of the string columns we write, by table then column. */
  readonly columnLimits: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly handoverRows: readonly HandoverRow[];
  /** Custom tables after the migration against the edition's cap (checked: within it). */
  readonly customTables: CustomTableNeed;
  /** API requests the run will take against the daily allowance, when the target can tell. */
  readonly requests: RequestCost | null;
  /** With field security configured: PHI columns the target can't secure (shown, not hidden). */
  readonly unsecuredPhi: readonly { readonly table: string; readonly column: string }[];
  /** Declared date formats of source columns, keyed `table.column` (from the vendor profile). */
  readonly dateFormats: Readonly<Record<string, string>>;
  /** The zone local times are read in, the phone region, other accepted date formats and encoded
   * columns, and where each came from (absent in plans made before they were recorded). */
  readonly conventions?: SourceConventions;
  /** Source tables that land as notes: texts that will be split, files over the upload limit,
   * files the rows name but the source lacks — known before anything is written. */
  readonly notes: readonly NotePlan[];
  /** Confirmed map rows landing in columns this org won't let us set on create (e.g. Salesforce
   * CreatedDate without "Set Audit Fields upon Record Creation"): their values will not arrive. */
  readonly unwritableColumns: readonly { readonly table: string; readonly column: string; readonly source: string }[];
}
