/**
 * sObject Collections (`/composite/sobjects`): up to 200 records per call, results in input
 * order, per-record errors keyed `statusCode`; allOrNone rolls the whole request back and
 * marks the valid records ALL_OR_NONE_OPERATION_ROLLED_BACK.
 */
import { RecordError, SfError, methodNotAllowed } from "./errors.js";
import { attempt, deleteOne, failedResult, insertOne, updateOne, upsertKeyField, upsertOne } from "./dml.js";
import type { Attempt, SaveResult } from "./dml.js";
import { json } from "./http-types.js";
import type { SfResponse } from "./http-types.js";
import { toId18 } from "./ids.js";
import { findField } from "./object-def.js";
import { recordJson } from "./record-json.js";
import { jsonObjectBody, objectOrNotFound } from "./route-env.js";
import type { Call } from "./route-env.js";

const ROLLED_BACK = new RecordError(
  "ALL_OR_NONE_OPERATION_ROLLED_BACK", "Record rolled back because not all records were valid and the request was using AllOrNone header", [],
);

type Item = Readonly<Record<string, unknown>>;

function checkCount(call: Call, n: number): void {
  if (n > call.env.maxRecordsPerCollection) {
    throw new SfError(400, "EXCEEDED_ID_LIMIT", `record limit reached. cannot submit more than ${call.env.maxRecordsPerCollection} records into this call`);
  }
}

function payload(call: Call): { readonly allOrNone: boolean; readonly records: readonly Item[] } {
  const body = jsonObjectBody(call.req);
  const records = Array.isArray(body.records) ? (body.records as Item[]) : [];
  checkCount(call, records.length);
  return { allOrNone: body.allOrNone === true, records };
}

function typeOf(call: Call, item: Item) {
  const attrs = (item.attributes ?? {}) as { type?: unknown };
  const type = typeof attrs.type === "string" ? attrs.type : "";
  const obj = call.env.store.object(type);
  if (!obj) throw new RecordError("INVALID_TYPE", `sObject type '${type}' is not supported.`, []);
  return obj;
}

interface Job {
  /** Known up front for update/delete, so failures can name the record. */
  readonly id?: string;
  readonly run: () => SaveResult;
}

/** Runs every job; with allOrNone any failure undoes all writes and relabels the successes. */
function runAll(call: Call, allOrNone: boolean, jobs: readonly Job[]): SfResponse {
  const tries: Attempt<SaveResult>[] = [];
  call.env.store.transaction(() => {
    for (const job of jobs) tries.push(attempt(job.run));
    return !allOrNone || tries.every((t) => t.ok);
  });
  const failed = tries.some((t) => !t.ok);
  return json(200, tries.map((t, i) => {
    const id = jobs[i]?.id;
    const named = (r: SaveResult): SaveResult => (id ? { id, ...r } : r);
    if (!t.ok) return named(failedResult(t.error));
    if (allOrNone && failed) return named(failedResult(ROLLED_BACK));
    return t.value;
  }));
}

function create(call: Call): SfResponse {
  const { allOrNone, records } = payload(call);
  return runAll(call, allOrNone, records.map((item) => ({
    run: () => {
      const { attributes: _a, ...fields } = item;
      return { id: insertOne(call.ctx, typeOf(call, item), fields), success: true, errors: [] };
    },
  })));
}

function update(call: Call): SfResponse {
  const { allOrNone, records } = payload(call);
  return runAll(call, allOrNone, records.map((item) => {
    const { attributes: _a, id, Id, ...fields } = item;
    const recordId = String(id ?? Id ?? "");
    return { id: recordId || undefined, run: () => ({ id: updateOne(call.ctx, typeOf(call, item), recordId, fields), success: true, errors: [] }) };
  }));
}

function upsert(call: Call, typeName: string, keyName: string): SfResponse {
  const obj = objectOrNotFound(call, typeName);
  const key = attempt(() => upsertKeyField(obj, decodeURIComponent(keyName)));
  if (!key.ok) throw new SfError(404, "NOT_FOUND", key.error.message);
  const { allOrNone, records } = payload(call);
  return runAll(call, allOrNone, records.map((item) => ({ run: () => {
    const { attributes: _a, ...fields } = item;
    const value = Object.entries(fields).find(([k]) => k.toLowerCase() === key.value.toLowerCase())?.[1];
    if (value === undefined || value === null || value === "") throw new RecordError("INVALID_FIELD", `External ID field value is missing: ${key.value}`, [key.value]);
    const r = upsertOne(call.ctx, obj, key.value, String(value), fields);
    return { id: r.id, success: true, errors: [], created: r.created };
  } })));
}

function destroy(call: Call): SfResponse {
  const ids = (call.req.query.get("ids") ?? "").split(",").filter(Boolean);
  checkCount(call, ids.length);
  const allOrNone = call.req.query.get("allOrNone") === "true";
  return runAll(call, allOrNone, ids.map((id) => ({
    id,
    run: () => {
      const id18 = toId18(id);
      if (!id18) throw new RecordError("MALFORMED_ID", `malformed id ${id}`, []);
      const found = call.env.store.locate(id18);
      if (!found) throw new RecordError("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", []);
      return { id: deleteOne(call.ctx, found.object, id18), success: true, errors: [] };
    },
  })));
}

function retrieve(call: Call, typeName: string): SfResponse {
  const obj = objectOrNotFound(call, typeName);
  const body = call.req.method === "POST" ? jsonObjectBody(call.req) : {};
  const ids = (Array.isArray(body.ids) ? (body.ids as unknown[]).map(String) : (call.req.query.get("ids") ?? "").split(",")).filter(Boolean);
  const names = Array.isArray(body.fields) ? (body.fields as unknown[]).map(String) : (call.req.query.get("fields") ?? "").split(",").filter(Boolean);
  checkCount(call, ids.length);
  const fields = names.map((n) => {
    const f = findField(obj, n);
    if (!f) throw new SfError(400, "INVALID_FIELD", `No such column '${n}' on sobject of type ${obj.name}`);
    return f;
  });
  return json(200, ids.map((id) => {
    const id18 = toId18(id);
    const row = id18 === undefined ? undefined : call.env.store.get(obj.name, id18);
    return row && row.IsDeleted !== true ? recordJson(call.req.version, obj, row, fields) : null;
  }));
}

/** `segs` are the path segments after `composite/sobjects`. */
export function handleCollections(call: Call, segs: readonly string[]): SfResponse {
  const { method } = call.req;
  const [typeName, keyName] = segs;
  if (typeName === undefined || typeName === "") {
    if (method === "POST") return create(call);
    if (method === "PATCH") return update(call);
    if (method === "DELETE") return destroy(call);
    throw methodNotAllowed(method);
  }
  if (keyName !== undefined) {
    if (method !== "PATCH") throw methodNotAllowed(method);
    return upsert(call, typeName, keyName);
  }
  if (method === "GET" || method === "POST") return retrieve(call, typeName);
  throw methodNotAllowed(method);
}
