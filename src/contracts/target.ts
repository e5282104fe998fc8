/**
 * The target side: a CRM we write rows into. No vendor SDK type crosses this interface.
 * Every row we write carries our own key (`sourceKey`), stored in the target's alternate key /
 * external id column, so writes are upserts and a re-run never duplicates.
 */
export interface TargetConnector {
  readonly id: string;
  readonly capabilities: TargetCapabilities;
  /** Reachability + credentials; throws HandoverError (HO-TGT-*) on failure. */
  check(): Promise<void>;
  /** Tables with their columns and keys, as the live target declares them. */
  describe(tables: readonly string[]): Promise<TargetCatalog>;
  /** Creates what the plan lists that is missing; idempotent; one outcome per item. */
  applySchema(plan: SchemaPlan): Promise<readonly SchemaOutcome[]>;
  /** Upserts rows by sourceKey. One outcome per input row, in input order; never throws for a
   * data problem (a rejected row is an outcome), throws only when the target is unreachable. */
  write(rows: readonly TargetRow[]): Promise<readonly WriteOutcome[]>;
  /** Reads rows of one table by sourceKey: only those that exist come back. */
  readBack(table: string, sourceKeys: readonly string[], columns: readonly string[]): Promise<readonly StoredRow[]>;
  /** Deletes rows by target id; one outcome per id (a missing row is ok: already gone). */
  remove(table: string, ids: readonly string[]): Promise<readonly RemoveOutcome[]>;
  /** Puts rows back to before-images taken earlier by readBack; one outcome per image. */
  restore(table: string, images: readonly StoredRow[]): Promise<readonly RemoveOutcome[]>;
  /** CRM users by email (case-insensitive); emails that match nobody are simply absent. */
  findUsers(emails: readonly string[]): Promise<readonly TargetUser[]>;
}

export interface TargetCapabilities {
  /** The column that holds our key on every table we write ("hc_sourcekey"). */
  readonly sourceKeyColumn: string;
  /** Rows per write call that the connector handles well. */
  readonly maxBatchSize: number;
  /** The table that owns records (users), e.g. "systemuser". */
  readonly userTable: string;
}

export type TargetValue = string | number | boolean | null;

/** A reference to another target row: by its target id, or by our key on that table. */
export type LookupRef =
  | { readonly table: string; readonly id: string }
  | { readonly table: string; readonly sourceKey: string };

export interface TargetRow {
  readonly table: string;
  readonly sourceKey: string;
  /** Plain columns by logical name. Dates as ISO strings ("2024-05-01", "2024-05-01T13:45:00Z"). */
  readonly fields: Readonly<Record<string, TargetValue>>;
  /** Lookup columns by logical name (e.g. parentcustomerid, ownerid); null clears the lookup. */
  readonly lookups: Readonly<Record<string, LookupRef | null>>;
}

export interface StoredRow {
  readonly table: string;
  readonly id: string;
  readonly sourceKey: string | null;
  readonly fields: Readonly<Record<string, TargetValue>>;
  /** Lookups as read back: the referenced table and id (null when empty). */
  readonly lookups: Readonly<Record<string, { readonly table: string; readonly id: string } | null>>;
}

export type WriteOutcome =
  | { readonly ok: true; readonly table: string; readonly sourceKey: string; readonly id: string; readonly created: boolean }
  | { readonly ok: false; readonly table: string; readonly sourceKey: string; readonly error: TargetFailure };

export type RemoveOutcome =
  | { readonly ok: true; readonly id: string }
  | { readonly ok: false; readonly id: string; readonly error: TargetFailure };

export interface TargetFailure {
  /** The platform's own code (e.g. "0x80044331"). */
  readonly vendorCode: string;
  /** Our words for it, with no submitted value in them. */
  readonly reason: string;
  readonly transient: boolean;
  /** The column the platform blamed, when it says. */
  readonly field?: string;
}

export interface TargetUser {
  readonly id: string;
  readonly email: string;
  readonly fullName: string;
  readonly active: boolean;
}

export interface TargetCatalog {
  readonly tables: readonly TargetTable[];
}

export interface TargetTable {
  readonly name: string;
  readonly primaryId: string;
  readonly primaryName: string;
  readonly columns: readonly TargetColumn[];
  /** Alternate keys: name, columns and whether the index is usable yet. */
  readonly keys: readonly { readonly name: string; readonly columns: readonly string[]; readonly active: boolean }[];
}

export type TargetColumnType =
  | "string" | "memo" | "integer" | "decimal" | "money" | "boolean"
  | "date" | "datetime" | "choice" | "lookup" | "id" | "other";

export interface TargetColumn {
  readonly name: string;
  readonly type: TargetColumnType;
  readonly maxLength?: number;
  readonly required: boolean;
  readonly custom: boolean;
  /** For lookups: tables it may point at. */
  readonly targets?: readonly string[];
  readonly validForCreate: boolean;
  readonly validForUpdate: boolean;
}

export interface SchemaPlan {
  readonly columns: readonly PlannedColumn[];
  readonly keys: readonly PlannedKey[];
}

export interface PlannedColumn {
  readonly table: string;
  /** Logical name, prefixed (e.g. "hc_sourcekey", "hc_mrn"). */
  readonly name: string;
  readonly type: "string" | "memo" | "date" | "datetime" | "integer" | "decimal" | "boolean";
  readonly maxLength?: number;
  readonly label: string;
  /** Why the plan needs it ("alternate key", "custom property 'Custom_Parking'") — for reports. */
  readonly reason: string;
}

export interface PlannedKey {
  readonly table: string;
  readonly name: string;
  readonly columns: readonly string[];
}

export type SchemaOutcome =
  | { readonly ok: true; readonly kind: "column" | "key"; readonly table: string; readonly name: string; readonly created: boolean }
  | { readonly ok: false; readonly kind: "column" | "key"; readonly table: string; readonly name: string; readonly error: TargetFailure };
