/**
 * One-record writes (insert, update, delete, upsert), each atomic with its side effects.
 * They throw RecordError; `attempt` turns that into the per-record outcome value.
 */
import { RecordError, entityDeleted, notWritable, recordErrorBody } from "./errors.js";
import type { RecordErrorBody } from "./errors.js";
import type { Row } from "./field-def.js";
import { toId18 } from "./ids.js";
import { findField } from "./object-def.js";
import type { ObjectDef } from "./object-def.js";
import { buildInsert, buildUpdate } from "./record-write.js";
import type { WriteContext } from "./record-write.js";
import { afterDelete, afterInsert, afterUpdate } from "./side-effects.js";

/** Several records share the upsert key: REST answers 300 with their URLs. */
export class MultipleMatches extends RecordError {
  constructor(field: string, readonly ids: readonly string[]) {
    super("DUPLICATE_EXTERNAL_ID", `${field}: more than one record found for external id field: [${ids.join(", ")}]`, [field]);
  }
}

export interface SaveResult {
  readonly id?: string;
  readonly success: boolean;
  readonly errors: readonly RecordErrorBody[];
  readonly created?: boolean;
}

export type Attempt<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: RecordError };

/** Runs `fn`, turning a RecordError into a failed outcome (anything else is a bug and rethrows). */
export function attempt<T>(fn: () => T): Attempt<T> {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    if (e instanceof RecordError) return { ok: false, error: e };
    throw e;
  }
}

export const failedResult = (e: RecordError): SaveResult => ({ success: false, errors: [recordErrorBody(e)] });

/** Looks up a live or deleted row by a 15/18-char id; RecordError when absent or malformed. */
export function findRecord(ctx: WriteContext, obj: ObjectDef, rawId: string): Row {
  const id = toId18(rawId);
  if (!id) throw new RecordError("MALFORMED_ID", `${obj.label} ID: id value of incorrect type: ${rawId}`, ["Id"]);
  const row = ctx.store.get(obj.name, id);
  if (!row) {
    const elsewhere = ctx.store.locate(id);
    if (elsewhere) throw new RecordError("MALFORMED_ID", `${obj.label} ID: id value of incorrect type: ${rawId}`, ["Id"]);
    throw new RecordError("NOT_FOUND", "The requested resource does not exist", []);
  }
  return row;
}

export function insertOne(ctx: WriteContext, obj: ObjectDef, body: Readonly<Record<string, unknown>>): string {
  return ctx.store.atomically(() => {
    const row = buildInsert(ctx, obj, body);
    ctx.store.put(obj, row);
    afterInsert(ctx, obj, row);
    return String(row.Id);
  });
}

export function updateOne(ctx: WriteContext, obj: ObjectDef, rawId: string, body: Readonly<Record<string, unknown>>): string {
  if (!obj.updateable) throw new RecordError("INVALID_TYPE", `${obj.name} is not updateable`, []);
  return ctx.store.atomically(() => {
    const prev = findRecord(ctx, obj, rawId);
    const row = buildUpdate(ctx, obj, prev, body);
    ctx.store.put(obj, row);
    afterUpdate(ctx, obj, prev, row);
    return String(row.Id);
  });
}

export function deleteOne(ctx: WriteContext, obj: ObjectDef, rawId: string): string {
  return ctx.store.atomically(() => {
    const row = findRecord(ctx, obj, rawId);
    if (!obj.deletable) throw new RecordError("INVALID_TYPE", `${obj.name} can't be deleted`, []);
    if (row.IsDeleted === true) throw entityDeleted();
    ctx.locks.acquire(String(row.Id));
    ctx.store.put(obj, { ...row, IsDeleted: true, LastModifiedDate: ctx.now, LastModifiedById: ctx.userId, SystemModstamp: ctx.now });
    afterDelete(ctx, obj, row);
    return String(row.Id);
  });
}

/** The field an upsert matches on: an external id, an idLookup field, or Id. */
export function upsertKeyField(obj: ObjectDef, name: string): string {
  const f = findField(obj, name);
  if (!f || !(f.externalId || f.idLookup)) {
    throw new RecordError("NOT_FOUND", `Provided external ID field does not exist or is not accessible: ${name}`, []);
  }
  return f.name;
}

/**
 * Insert or update by `keyName = keyValue`. Audit fields are refused even with the
 * permission (real orgs allow them on insert only, never through upsert).
 */
export function upsertOne(
  ctx: WriteContext, obj: ObjectDef, keyName: string, keyValue: string, body: Readonly<Record<string, unknown>>,
): { readonly id: string; readonly created: boolean } {
  const key = upsertKeyField(obj, keyName);
  const audit = Object.keys(body).map((k) => findField(obj, k)).filter((f) => f?.audit).map((f) => String(f?.name));
  if (audit.length) throw notWritable(audit);
  const rest = Object.fromEntries(Object.entries(body).filter(([k]) => k.toLowerCase() !== key.toLowerCase()));
  if (key === "Id") {
    const id = toId18(keyValue);
    const row = id === undefined ? undefined : ctx.store.get(obj.name, id);
    if (row) return { id: updateOne(ctx, obj, String(row.Id), rest), created: false };
    if (keyValue !== "" && id === undefined) throw new RecordError("MALFORMED_ID", `${obj.label} ID: id value of incorrect type: ${keyValue}`, ["Id"]);
    return { id: insertOne(ctx, obj, rest), created: true };
  }
  const matches = ctx.store.findBy(obj, key, keyValue);
  if (matches.length > 1) throw new MultipleMatches(key, matches.map((r) => String(r.Id)));
  const match = matches[0];
  if (match) return { id: updateOne(ctx, obj, String(match.Id), rest), created: false };
  return { id: insertOne(ctx, obj, { ...rest, [key]: keyValue }), created: true };
}
