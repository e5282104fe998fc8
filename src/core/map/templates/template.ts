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
  /** The object lands as notes (with a file) under its parent's row, written through the
   * target's note path: long text split into flagged parts, files sent whole or refused. */
  readonly notes?: NoteColumns;
  /** Set when the table takes no custom columns (Salesforce ContentNote): custom properties and
   * model fields with no landing are not written there, for this reason, shown in the map. */
  readonly noCustomColumns?: string;
}

/** Which columns of the note table carry each part of a note (the field landings name them too). */
export interface NoteColumns {
  /** The lookup to the row the note sits on. */
  readonly parent: string;
  readonly subject: string;
  readonly text: string;
  readonly fileName: string;
  readonly mimeType: string;
  /** Holds the file; the model value is the file's path in the source. */
  readonly file: string;
  /** The original creation time, sent on create only. */
  readonly createdOn: string;
  /** Where the file's content reads back, for verify (Dataverse: documentbody, Base64). */
  readonly fileReadAs: string;
  /** Targets whose notes must have a subject (Salesforce Title): this one for a text note, the
   * file's name for a file, when the source has none. */
  readonly subjectWhenEmpty?: string;
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
  /** Custom column prefix on this target ("hc" → hc_mrn on Dataverse). */
  readonly prefix: string;
  /** The column holding our key on every table we write (hc_sourcekey, Handover_Source_Key__c). */
  readonly sourceKeyColumn: string;
  /** How this target names what we add: custom columns and tables, and how it tells them apart. */
  readonly naming: TargetNaming;
  /** Where a patient's primary practice lands (contact.parentcustomerid, Contact.AccountId): the
   * patient's table, the lookup column, and the practices' table (which also takes the default
   * account for patients with no practice). */
  readonly primaryPractice: { readonly patientTable: string; readonly column: string; readonly practiceTable: string; readonly nameColumn: string };
  /** Link roles become rows of this table, one per role (Dataverse connection roles); absent on
   * targets where the role is a value on the link row. */
  readonly linkRoleTable?: string;
}

export interface TargetNaming {
  /** A new column for a source column or model field ("Custom_Parking" → hc_customparking). */
  column(name: string): string;
  /** Whether a table or column name is one we would create (hc_…, …__c). */
  isCustom(name: string): boolean;
  /** The primary name column of a custom table we create. */
  primaryName(table: string): string;
}

/** Dataverse-style names: `<prefix>_<lowercased letters and digits>`. */
export function prefixNaming(prefix: string): TargetNaming {
  return {
    column: (name) => `${prefix}_${name.toLowerCase().replace(/[^a-z0-9]+/g, "").slice(0, 40) || "field"}`,
    isCustom: (name) => name.startsWith(`${prefix}_`),
    primaryName: () => `${prefix}_name`,
  };
}

