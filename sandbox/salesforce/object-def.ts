/** sObject definitions and the system fields every object carries. */
import { field, lookup, readOnly } from "./field-def.js";
import type { FieldDef } from "./field-def.js";

export interface ObjectDef {
  readonly name: string;
  readonly label: string;
  readonly labelPlural: string;
  readonly keyPrefix: string;
  readonly custom: boolean;
  readonly createable: boolean;
  readonly updateable: boolean;
  readonly deletable: boolean;
  /** Id of the tooling CustomObject record (custom objects only). */
  readonly toolingId?: string;
  /** Mutable on purpose: tooling CustomField appends here (the store persists custom fields). */
  readonly fields: FieldDef[];
}

/** Audit fields: writable on insert only with the audit permission, never on update. */
export function auditFields(): FieldDef[] {
  const audit = { createable: false, updateable: false, audit: true, nillable: false, defaultedOnCreate: true } as const;
  return [
    field("CreatedDate", "datetime", audit),
    lookup("CreatedById", ["User"], { ...audit, relationshipName: "CreatedBy" }),
    field("LastModifiedDate", "datetime", audit),
    lookup("LastModifiedById", ["User"], { ...audit, relationshipName: "LastModifiedBy" }),
  ];
}

export interface SystemFieldOptions {
  /** OwnerId lookup to User (defaulted to the caller). */
  readonly owner?: boolean;
}

/** Id, IsDeleted, audit fields, SystemModstamp (+ OwnerId). */
export function systemFields(opts: SystemFieldOptions = {}): FieldDef[] {
  return [
    readOnly("Id", "id", { nillable: false, defaultedOnCreate: true, idLookup: true, caseSensitive: false, label: "Record ID" }),
    readOnly("IsDeleted", "boolean", { nillable: false, defaultedOnCreate: true, label: "Deleted" }),
    ...auditFields(),
    readOnly("SystemModstamp", "datetime", { nillable: false, defaultedOnCreate: true, label: "System Modstamp" }),
    ...(opts.owner ? [lookup("OwnerId", ["User"], { nillable: false, defaultedOnCreate: true, relationshipName: "Owner", label: "Owner ID" })] : []),
  ];
}

export interface ObjectOptions {
  readonly label?: string;
  readonly labelPlural?: string;
  readonly owner?: boolean;
  readonly custom?: boolean;
  readonly createable?: boolean;
  readonly updateable?: boolean;
  readonly deletable?: boolean;
}

/**
 * An object with its system fields first, then `fields`.
 * @example defineObject("Account", "001", [required("Name", "string")], { owner: true })
 */
export function defineObject(name: string, keyPrefix: string, fields: readonly FieldDef[], opts: ObjectOptions = {}): ObjectDef {
  const label = opts.label ?? name.replace(/__c$/, "").replace(/([a-z])([A-Z])/g, "$1 $2").replace(/_/g, " ");
  return {
    name, keyPrefix, label, labelPlural: opts.labelPlural ?? `${label}s`, custom: opts.custom ?? name.endsWith("__c"),
    createable: opts.createable ?? true, updateable: opts.updateable ?? true, deletable: opts.deletable ?? true,
    fields: [...systemFields({ owner: opts.owner }), ...fields],
  };
}

/** Case-insensitive field lookup (Salesforce field names are case-insensitive). */
export function findField(obj: ObjectDef, name: string): FieldDef | undefined {
  const lower = name.toLowerCase();
  return obj.fields.find((f) => f.name.toLowerCase() === lower);
}

/** The reference field whose relationshipName is `rel` (`Account` → AccountId). */
export function findRelationship(obj: ObjectDef, rel: string): FieldDef | undefined {
  const lower = rel.toLowerCase();
  return obj.fields.find((f) => f.relationshipName?.toLowerCase() === lower);
}

/** The field shown as the record's name (Name, Subject, Title…). */
export function nameFieldOf(obj: ObjectDef): FieldDef | undefined {
  return obj.fields.find((f) => f.nameField);
}
