/**
 * A TargetRow as a Salesforce record. Lookups by our key go as relationship-by-external-id
 * (`"Account": {"Handover_Source_Key__c": "…"}`, REST API Developer Guide "Insert or Update
 * (Upsert) a Record Using an External ID", dome_upsert.htm); polymorphic lookups (WhoId,
 * WhatId) would need the target type in `attributes`, so those are resolved to ids by a query
 * beforehand (`resolved`). Audit fields are split off: Salesforce accepts them on insert only,
 * never through upsert (help article 000386065, "Enable Set Audit Fields upon Record Creation").
 */
import type { LookupRef, TargetFailure, TargetRow, TargetValue } from "../../contracts/target.js";
import { LOCAL_CODE } from "./errors.js";
import { fieldOf, isPolymorphic, type FieldMeta, type ObjectMeta } from "./metadata.js";

export const AUDIT_FIELDS: ReadonlySet<string> = new Set(["createddate", "createdbyid", "lastmodifieddate", "lastmodifiedbyid"]);

export type SfRecord = Record<string, TargetValue | Readonly<Record<string, string>>>;

export type Payload =
  | { readonly ok: true; readonly record: SfRecord; readonly audit: Readonly<Record<string, TargetValue>>; readonly parentKey: string }
  | { readonly ok: false; readonly error: TargetFailure };

/** Key of a resolved reference in the `resolved` map. */
export const refKey = (table: string, sourceKey: string): string => `${table.toLowerCase()}\u0000${sourceKey.toLowerCase()}`;

/** Lookups by key that can't travel as a relationship: polymorphic, or no relationship name. */
export function needsResolving(field: FieldMeta): boolean {
  return isPolymorphic(field) || !field.relationshipName;
}

export interface PayloadContext {
  readonly meta: ObjectMeta;
  readonly keyField: string;
  /** refKey → id of polymorphic lookups' targets, found by query. */
  readonly resolved: ReadonlyMap<string, string>;
}

const local = (reason: string, field?: string): Payload => ({ ok: false, error: { vendorCode: LOCAL_CODE, reason, transient: false, ...(field ? { field } : {}) } });

/**
 * The upsert record of a row (our key included), its audit fields, and the key of its first
 * parent (to group children of one parent together).
 * @example restRecord({ table: "Contact", sourceKey: "p1", fields: { LastName: "A" }, lookups: { AccountId: { table: "Account", sourceKey: "a1" } } }, ctx).record
 * → { Handover_Source_Key__c: "p1", LastName: "A", Account: { Handover_Source_Key__c: "a1" } }
 */
export function restRecord(row: TargetRow, ctx: PayloadContext): Payload {
  const { meta, keyField } = ctx;
  const record: SfRecord = { [keyField]: row.sourceKey };
  const audit: Record<string, TargetValue> = {};
  for (const [name, value] of Object.entries(row.fields)) {
    const lower = name.toLowerCase();
    if (lower === "id" || lower === keyField.toLowerCase()) continue;
    if (AUDIT_FIELDS.has(lower)) audit[fieldOf(meta, name)?.name ?? name] = value;
    else record[name] = value;
  }
  let parentKey = "";
  for (const [name, ref] of Object.entries(row.lookups)) {
    const field = fieldOf(meta, name);
    if (!field || field.type !== "reference") return local("unknown lookup column", name);
    if (ref === null) {
      record[field.name] = null;
      continue;
    }
    parentKey ||= refText(ref);
    if ("id" in ref) {
      record[field.name] = ref.id;
    } else if (needsResolving(field)) {
      const id = ctx.resolved.get(refKey(ref.table, ref.sourceKey));
      if (!id) return local("a referenced row does not exist", field.name);
      record[field.name] = id;
    } else {
      record[field.relationshipName as string] = { [keyField]: ref.sourceKey };
    }
  }
  return { ok: true, record, audit, parentKey };
}

const refText = (ref: LookupRef): string => ("id" in ref ? `${ref.table}:${ref.id}` : `${ref.table}:${ref.sourceKey}`);

/**
 * The same record as a Bulk API 2.0 CSV row: relationship columns as `Account.Handover_Source_Key__c`
 * (Bulk API 2.0 guide, "Relationship Fields in a Header Row"); null stays null (jsforce writes `#N/A`, which clears).
 */
export function csvRecord(record: SfRecord): Record<string, TargetValue> {
  const out: Record<string, TargetValue> = {};
  for (const [name, value] of Object.entries(record)) {
    if (value !== null && typeof value === "object") {
      for (const [key, v] of Object.entries(value)) out[`${name}.${key}`] = v;
    } else {
      out[name] = value;
    }
  }
  return out;
}
