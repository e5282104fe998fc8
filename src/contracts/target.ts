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
  write(rows: readonly TargetRow[], options?: WriteOptions): Promise<readonly WriteOutcome[]>;
  /** Reads rows of one table by sourceKey: only those that exist come back. */
  readBack(table: string, sourceKeys: readonly string[], columns: readonly string[]): Promise<readonly StoredRow[]>;
  /** Deletes rows by target id; one outcome per id (a missing row is ok: already gone). */
  remove(table: string, ids: readonly string[]): Promise<readonly RemoveOutcome[]>;
  /** Puts rows back to before-images taken earlier by readBack; one outcome per image. */
  restore(table: string, images: readonly StoredRow[]): Promise<readonly RemoveOutcome[]>;
  /** CRM users by email (case-insensitive); emails that match nobody are simply absent. */
  findUsers(emails: readonly string[]): Promise<readonly TargetUser[]>;
  /** Optional: notes (with an optional file) upserted by sourceKey under a parent row. One
   * outcome per input row, in input order; a note is never dropped or cut silently. */
  writeNotes?(rows: readonly NoteRow[], options?: NoteWriteOptions): Promise<readonly NoteOutcome[]>;
  /** Optional, with writeNotes: how much one note holds, so the plan can flag what won't fit. */
  noteLimits?(): Promise<NoteLimits>;
  /** Optional: secures the plan's columns and sets up its security profiles; one outcome per item. */
  applyFieldSecurity?(plan: SchemaPlan): Promise<readonly SecurityOutcome[]>;
  /** Optional: how many custom tables the target already has (edition limits). */
  countCustomTables?(): Promise<number>;
  /** Optional: the target's table definitions as its own API returns them, for offline rehearsal
   * (the Dataverse sandbox loads this file with --metadata). */
  exportMetadata?(tables?: readonly string[]): Promise<unknown>;
  /** Optional, pure: the schema plan as a package an admin imports (Dataverse: a solution zip). */
  exportSchema?(plan: SchemaPlan, format: string, version: string): { readonly fileName: string; readonly bytes: Uint8Array };
  /** Optional, pure: the API requests a load of these rows will take against the daily allowance. */
  estimateRequests?(tables: readonly { readonly table: string; readonly rows: number }[], pageSize: number): RequestCost;
}

export interface RequestCost {
  /** Requests counted against the daily allowance. */
  readonly requests: number;
  /** HTTP requests sent (a $batch is one). */
  readonly httpRequests: number;
  readonly entitlement: number;
  /** requests ÷ entitlement (1 = a whole day's allowance). */
  readonly share: number;
  readonly breakdown: Readonly<Record<string, number>>;
}

export interface WriteOptions {
  /** sourceKey → target id of every row of this call that already exists, when the caller has
   * just read them (the loader does, for before-images): the connector then skips its own
   * "which keys exist" read. Keys absent from the map are taken as new rows. */
  readonly existing?: ReadonlyMap<string, string>;
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
  /** Field-level security: whether the column can be secured (absent: the target doesn't say). */
  readonly securable?: boolean;
  /** Whether it is secured now. */
  readonly secured?: boolean;
  /** The display name the org gave it ("Medical Record Number"), when the target says. */
  readonly label?: string;
  /** The org's description of it, when the target has one. */
  readonly description?: string;
}

export interface SchemaPlan {
  readonly columns: readonly PlannedColumn[];
  readonly keys: readonly PlannedKey[];
  /** Custom tables the plan needs (their columns and keys are listed in columns/keys). */
  readonly tables?: readonly PlannedTable[];
  /** Field-level security: who may read/create/update the secured columns. */
  readonly securityProfiles?: readonly PlannedSecurityProfile[];
}

export interface PlannedTable {
  /** Logical name, prefixed ("hc_treatmentplan"). */
  readonly name: string;
  readonly label: string;
  readonly pluralLabel: string;
  /** The primary name column (logical name, prefixed) and its length. */
  readonly primaryName: string;
  readonly primaryNameMaxLength?: number;
  readonly primaryNameLabel?: string;
  readonly ownership?: "user" | "organization";
  /** Whether notes (annotations) may be attached to its rows. */
  readonly hasNotes?: boolean;
  readonly reason: string;
}

export interface PlannedSecurityProfile {
  readonly name: string;
  readonly description?: string;
  /** Teams by name and users by email that get the profile. */
  readonly teams: readonly string[];
  readonly users: readonly string[];
  readonly permissions: readonly PlannedFieldPermission[];
}

export interface PlannedFieldPermission {
  readonly table: string;
  readonly column: string;
  readonly read: boolean;
  readonly create: boolean;
  readonly update: boolean;
}

export type SecurityItemKind = "secure-column" | "profile" | "permission" | "team" | "user";

export type SecurityOutcome =
  | { readonly ok: true; readonly kind: SecurityItemKind; readonly name: string; readonly created: boolean }
  | { readonly ok: false; readonly kind: SecurityItemKind; readonly name: string; readonly error: TargetFailure };

export interface PlannedColumn {
  readonly table: string;
  /** Logical name, prefixed (e.g. "hc_sourcekey", "hc_mrn"). */
  readonly name: string;
  readonly type: "string" | "memo" | "date" | "datetime" | "integer" | "decimal" | "boolean" | "lookup";
  /** For lookups: the table it points at (the relationship is created with the column). */
  readonly lookupTarget?: string;
  readonly maxLength?: number;
  readonly label: string;
  /** Why the plan needs it ("alternate key", "custom property 'Custom_Parking'") — for reports. */
  readonly reason: string;
  /** Field-level security: only profiles that grant it may read or set the value (PHI). */
  readonly secured?: boolean;
}

export interface PlannedKey {
  readonly table: string;
  readonly name: string;
  readonly columns: readonly string[];
}

export type SchemaOutcome =
  | { readonly ok: true; readonly kind: "column" | "key" | "table"; readonly table: string; readonly name: string; readonly created: boolean }
  | { readonly ok: false; readonly kind: "column" | "key" | "table"; readonly table: string; readonly name: string; readonly error: TargetFailure };

/** What one note holds on this target (Dataverse: annotation.notetext length and the org's
 * maximum upload size). Longer text is split into parts; a larger file can't be attached. */
export interface NoteLimits {
  readonly table: string;
  readonly maxTextLength: number;
  readonly maxFileBytes: number;
}

/** A note (with at most one file) under a parent row, upserted by our key. */
export interface NoteRow {
  /** The note table the template lands this object in (Dataverse: annotation; Salesforce:
   * ContentNote for text notes, ContentVersion for files); readBack uses the same name. */
  readonly table?: string;
  readonly sourceKey: string;
  readonly parent: LookupRef;
  readonly subject: string | null;
  readonly text: string | null;
  readonly file?: FileRow;
  /** The note's original creation time (ISO); set on create only, never on update. */
  readonly createdOn?: string;
  /** The row's other columns (custom properties on targets whose note table takes them), written
   * with the note's first part. */
  readonly columns?: Readonly<Record<string, TargetValue>>;
}

export interface FileRow {
  readonly fileName: string;
  readonly mimeType: string;
  readonly bytes: Uint8Array;
}

export interface NoteWriteOptions {
  /** Files over the target's upload limit: reject the note (default) or link a document
   * folder to the parent row instead (the upload to that folder is done elsewhere). */
  readonly oversizeFiles?: "reject" | "link";
  /** Send files larger than one request should carry in blocks (default true). */
  readonly chunkLargeFiles?: boolean;
}

/** split: text went into numbered continuation notes; subject-shortened: a part's subject was
 * shortened to fit its "(part n of m)" suffix; file-chunked: sent in blocks; file-linked: the
 * file did not fit and a document location was linked instead. */
export type NoteFlag = "split" | "subject-shortened" | "file-chunked" | "file-linked";

export type NoteOutcome =
  | {
      readonly ok: true; readonly sourceKey: string; readonly id: string; readonly created: boolean;
      /** Target ids of continuation notes (parts 2..n), in order. */
      readonly partIds: readonly string[];
      readonly flags: readonly NoteFlag[];
    }
  | { readonly ok: false; readonly sourceKey: string; readonly error: TargetFailure; readonly flags: readonly NoteFlag[] };
