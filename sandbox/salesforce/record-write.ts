/**
 * Validates one record body against its object and builds the row to store — the checks
 * a real org runs, in its order: unknown fields, writability, values, references, required,
 * owner, uniqueness. Throws RecordError; callers turn it into a per-record outcome.
 */
import { RecordError, crossReference, duplicateValue, entityDeleted, noSuchColumn, notWritable, requiredMissing } from "./errors.js";
import type { FieldDef, Row, SfValue } from "./field-def.js";
import { deriveFields, validateRules } from "./derive.js";
import { keyPrefixOf } from "./ids.js";
import type { LockScope } from "./locks.js";
import { findField, findRelationship } from "./object-def.js";
import type { ObjectDef } from "./object-def.js";
import type { OrgStore } from "./store.js";
import { coerceValue } from "./values.js";

export interface WriteContext {
  readonly store: OrgStore;
  /** The caller: default owner, CreatedById, LastModifiedById. */
  readonly userId: string;
  /** Request time, already in wire format. */
  readonly now: string;
  readonly locks: LockScope;
}

export type WriteMode = "insert" | "update";
type Values = Map<FieldDef, SfValue>;

/** `TC-{0000}` with 7 → `TC-0007`. */
export function formatAutoNumber(format: string, n: number): string {
  return format.replace(/\{(0+)\}/, (_m, zeros: string) => String(n).padStart(zeros.length, "0"));
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** `{"Account": {"Ext__c": "A-1"}}` → the Account's id (or a RecordError). */
function resolveRelationship(store: OrgStore, ref: FieldDef, value: Record<string, unknown>): string {
  const attrs = isPlainObject(value.attributes) ? value.attributes : {};
  const typeName = typeof attrs.type === "string" ? attrs.type : ref.referenceTo.length === 1 ? ref.referenceTo[0] : undefined;
  const target = typeName === undefined ? undefined : store.object(typeName);
  if (!target || !ref.referenceTo.some((t) => t.toLowerCase() === target.name.toLowerCase())) {
    throw new RecordError("INVALID_FIELD", `The entity type for ${ref.relationshipName ?? ref.name} must be specified (attributes.type)`, [ref.name]);
  }
  const keys = Object.keys(value).filter((k) => k !== "attributes");
  const keyName = keys[0];
  const keyField = keyName === undefined ? undefined : findField(target, keyName);
  if (keys.length !== 1 || !keyField || !(keyField.externalId || keyField.idLookup)) {
    throw new RecordError("INVALID_FIELD", `Field Name: ${keyName ?? ""} is not an External ID or indexed field for ${target.name}`, [ref.name]);
  }
  const key = String(value[keyName as string]);
  const matches = keyField.name === "Id" ? [store.get(target.name, key)].filter((r): r is Row => !!r && r.IsDeleted !== true) : store.findBy(target, keyField.name, key);
  if (matches.length === 0) {
    throw new RecordError("INVALID_FIELD", `Foreign key external ID: ${key} not found for field ${keyField.name} in entity ${target.name}`, [ref.name]);
  }
  if (matches.length > 1) {
    throw new RecordError("DUPLICATE_EXTERNAL_ID", `Foreign key external ID: ${key} matched more than one record`, [ref.name]);
  }
  return String(matches[0]?.Id);
}

/** Maps body keys to fields (case-insensitive), checking existence and writability, coercing values. */
function readBody(ctx: WriteContext, obj: ObjectDef, body: Readonly<Record<string, unknown>>, mode: WriteMode): Values {
  const values: Values = new Map();
  const locked: string[] = [];
  for (const [key, raw] of Object.entries(body)) {
    if (key === "attributes") continue;
    if (key.toLowerCase() === "id") {
      if (mode === "insert") throw new RecordError("INVALID_FIELD_FOR_INSERT_UPDATE", "cannot specify Id in an insert call", ["Id"]);
      continue;
    }
    const rel = isPlainObject(raw) ? findRelationship(obj, key) : undefined;
    const f = rel ?? findField(obj, key);
    if (!f) throw noSuchColumn(key, obj.name);
    const writable = mode === "insert" ? (f.audit ? ctx.store.settings.auditFieldsGranted : f.createable) : f.updateable;
    if (!writable) {
      locked.push(f.name);
      continue;
    }
    values.set(f, rel ? resolveRelationship(ctx.store, rel, raw as Record<string, unknown>) : coerceValue(f, raw));
  }
  if (locked.length) throw notWritable(locked);
  return values;
}

/** Lookup targets must exist, be live and be of an allowed type; their rows get locked. */
function checkReferences(ctx: WriteContext, obj: ObjectDef, values: Values): void {
  for (const [f, v] of values) {
    if (f.type !== "reference" || typeof v !== "string") continue;
    const allowed = ctx.store.objectsForPrefix(keyPrefixOf(v)).filter((o) => f.referenceTo.includes(o.name));
    if (allowed.length === 0) {
      throw new RecordError("FIELD_INTEGRITY_EXCEPTION", `${f.label}: id value of incorrect type: ${v}`, [f.name]);
    }
    const found = ctx.store.locate(v);
    if (!found) throw crossReference(f.name);
    if (found.row.IsDeleted === true) throw entityDeleted();
    if (f.name === "OwnerId" && found.object.name === "User" && found.row.IsActive === false) {
      throw new RecordError("INACTIVE_OWNER_OR_USER", `operation performed with inactive user [${v}] as owner of ${obj.name.toLowerCase()}`, [f.name]);
    }
    // Parents are locked for the rest of the request; users are never locked (like real orgs' owner change).
    if (!f.referenceTo.every((t) => t === "User")) ctx.locks.acquire(v);
  }
}

function checkRequiredAndUnique(ctx: WriteContext, obj: ObjectDef, row: Row): void {
  const missing = obj.fields
    .filter((f) => !f.nillable && (f.createable || f.updateable) && !f.defaultedOnCreate && (row[f.name] === null || row[f.name] === undefined))
    .map((f) => f.name);
  if (missing.length) throw requiredMissing(missing);
  for (const f of obj.fields) {
    const v = row[f.name];
    if (!f.unique || v === null || v === undefined) continue;
    const other = ctx.store.findBy(obj, f.name, v).find((r) => r.Id !== row.Id);
    if (other) throw duplicateValue(f.name, String(other.Id));
  }
}

/**
 * The row a valid insert stores; `body` is the REST JSON (or a Bulk CSV row as strings).
 * @example buildInsert(ctx, contact, { LastName: "Testperson" }).Name === "Testperson"
 */
export function buildInsert(ctx: WriteContext, obj: ObjectDef, body: Readonly<Record<string, unknown>>): Row {
  if (!obj.createable) throw new RecordError("INVALID_TYPE", `Cannot create a new ${obj.name} record`, []);
  const values = readBody(ctx, obj, body, "insert");
  checkReferences(ctx, obj, values);
  const row: Record<string, SfValue | undefined> = {};
  for (const f of obj.fields) row[f.name] = f.defaultValue;
  for (const [f, v] of values) row[f.name] = v;
  const stamped = (name: string, fallback: SfValue): SfValue => (values.has(findField(obj, name) as FieldDef) ? (row[name] ?? fallback) : fallback);
  Object.assign(row, {
    Id: ctx.store.newId(obj.keyPrefix), IsDeleted: false,
    CreatedById: stamped("CreatedById", ctx.userId), LastModifiedById: stamped("LastModifiedById", ctx.userId),
    CreatedDate: stamped("CreatedDate", ctx.now), SystemModstamp: ctx.now,
  });
  row.LastModifiedDate = stamped("LastModifiedDate", row.CreatedDate ?? ctx.now);
  const nameField = obj.custom ? findField(obj, "Name") : undefined;
  if (nameField?.autoNumberFormat) row.Name = formatAutoNumber(nameField.autoNumberFormat, ctx.store.count(obj.name, true) + 1);
  else if (nameField && row.Name === null) row.Name = row.Id ?? null;
  if (typeof row.CreatedDate === "string" && Date.parse(row.CreatedDate.replace("+0000", "Z")) > Date.now() + 60_000) {
    throw new RecordError("INVALID_FIELD_FOR_INSERT_UPDATE", "Created Date: You can't set CreatedDate to a date in the future", ["CreatedDate"]);
  }
  if (findField(obj, "OwnerId") && row.OwnerId === null) row.OwnerId = ctx.userId;
  const derived = deriveFields(obj, row, undefined);
  validateRules(ctx.store, obj, derived);
  checkRequiredAndUnique(ctx, obj, derived);
  return derived;
}

/** The row a valid update of `existing` stores. */
export function buildUpdate(ctx: WriteContext, obj: ObjectDef, existing: Row, body: Readonly<Record<string, unknown>>): Row {
  if (existing.IsDeleted === true) throw entityDeleted();
  const values = readBody(ctx, obj, body, "update");
  ctx.locks.acquire(String(existing.Id));
  checkReferences(ctx, obj, values);
  const row: Record<string, SfValue | undefined> = { ...existing };
  for (const [f, v] of values) row[f.name] = v;
  const nulled = [...values].filter(([f, v]) => v === null && !f.nillable).map(([f]) => f.name);
  if (nulled.length) throw requiredMissing(nulled);
  Object.assign(row, { LastModifiedById: ctx.userId, LastModifiedDate: ctx.now, SystemModstamp: ctx.now });
  const derived = deriveFields(obj, row, existing);
  validateRules(ctx.store, obj, derived);
  checkRequiredAndUnique(ctx, obj, derived);
  return derived;
}
