/**
 * `/sobjects/…`: describe, and single-record create / retrieve / update / delete / upsert,
 * incl. multipart ContentVersion inserts and blob reads (`…/{id}/VersionData`).
 */
import { describeGlobal, describeObject } from "./describe.js";
import { SfError, methodNotAllowed, recordToSfError } from "./errors.js";
import { MultipleMatches, attempt, deleteOne, findRecord, insertOne, updateOne, upsertKeyField, upsertOne } from "./dml.js";
import type { Row } from "./field-def.js";
import { json, noContent } from "./http-types.js";
import type { SfResponse } from "./http-types.js";
import { parseMultipartRecord } from "./multipart.js";
import { findField } from "./object-def.js";
import type { ObjectDef } from "./object-def.js";
import { recordJson, recordUrl } from "./record-json.js";
import { jsonObjectBody, objectOrNotFound } from "./route-env.js";
import type { Call } from "./route-env.js";

/** Runs a record-level operation; a RecordError becomes the REST error (400/404). */
function orFail<T>(fn: () => T): T {
  const r = attempt(fn);
  if (!r.ok) throw r.error instanceof MultipleMatches ? r.error : recordToSfError(r.error);
  return r.value;
}

function retrieve(call: Call, obj: ObjectDef, row: Row): SfResponse {
  if (row.IsDeleted === true) throw new SfError(404, "ENTITY_IS_DELETED", "entity is deleted");
  const names = call.req.query.get("fields");
  const fields = names ? names.split(",").map((n) => {
    const f = findField(obj, n.trim());
    if (!f) throw new SfError(400, "INVALID_FIELD", `No such column '${n.trim()}' on sobject of type ${obj.name}`);
    return f;
  }) : obj.fields;
  return json(200, recordJson(call.req.version, obj, row, fields));
}

function blob(obj: ObjectDef, row: Row, fieldName: string): SfResponse {
  const f = findField(obj, fieldName);
  if (!f || f.type !== "base64") throw new SfError(404, "NOT_FOUND", "The requested resource does not exist");
  const data = row[f.name];
  return { status: 200, headers: { "Content-Type": "application/octetstream" }, body: Buffer.from(typeof data === "string" ? data : "", "base64") };
}

async function create(call: Call, obj: ObjectDef): Promise<SfResponse> {
  const type = call.req.headers["content-type"] ?? "";
  const body = type.startsWith("multipart/") ? await parseMultipartRecord(call.req.body, type) : jsonObjectBody(call.req);
  const id = orFail(() => insertOne(call.ctx, obj, body));
  return json(201, { id, success: true, errors: [] });
}

function multipleChoices(call: Call, obj: ObjectDef, e: MultipleMatches): SfResponse {
  return json(300, e.ids.map((id) => recordUrl(call.req.version, obj.name, id)));
}

function byExternalId(call: Call, obj: ObjectDef, keyName: string, value: string): SfResponse {
  const { method } = call.req;
  if (method === "PATCH" || (method === "POST" && keyName.toLowerCase() === "id")) {
    const body = jsonObjectBody(call.req);
    const key = orFail(() => upsertKeyField(obj, keyName));
    if (call.req.query.get("updateOnly") === "true" && call.env.store.findBy(obj, key, value).length === 0) {
      throw new SfError(404, "NOT_FOUND", "The requested resource does not exist");
    }
    const r = attempt(() => upsertOne(call.ctx, obj, key, value, body));
    if (!r.ok) {
      if (r.error instanceof MultipleMatches) return multipleChoices(call, obj, r.error);
      throw recordToSfError(r.error);
    }
    if (!r.value.created && Number(call.req.version) < 46) return noContent();
    return json(r.value.created ? 201 : 200, { id: r.value.id, success: true, errors: [], created: r.value.created });
  }
  const key = orFail(() => upsertKeyField(obj, keyName));
  const matches = call.env.store.findBy(obj, key, value);
  if (matches.length > 1) return multipleChoices(call, obj, new MultipleMatches(key, matches.map((m) => String(m.Id))));
  const match = matches[0];
  if (!match) throw new SfError(404, "NOT_FOUND", "The requested resource does not exist");
  if (method === "GET") return retrieve(call, obj, match);
  if (method === "DELETE") {
    orFail(() => deleteOne(call.ctx, obj, String(match.Id)));
    return noContent();
  }
  throw methodNotAllowed(method);
}

/** `segs` are the path segments after `sobjects`. */
export async function handleSobjects(call: Call, segs: readonly string[]): Promise<SfResponse> {
  const { method, version } = call.req;
  const [typeName, second, third] = segs;
  if (typeName === undefined || typeName === "") {
    if (method !== "GET") throw methodNotAllowed(method);
    return describeGlobal(call.env.store, version);
  }
  const obj = objectOrNotFound(call, typeName);
  if (second === undefined) {
    if (method === "POST") return create(call, obj);
    if (method === "GET") return json(200, { objectDescribe: JSON.parse(String(describeObject(call.env.store, version, obj).body)) as unknown, recentItems: [] });
    throw methodNotAllowed(method);
  }
  if (second === "describe" && third === undefined) return describeObject(call.env.store, version, obj);
  if (third !== undefined && segs.length === 3 && (findField(obj, decodeURIComponent(second))?.externalId || findField(obj, decodeURIComponent(second))?.idLookup)) {
    return byExternalId(call, obj, decodeURIComponent(second), decodeURIComponent(third));
  }
  if (third !== undefined) {
    if (segs.length !== 3 || method !== "GET") throw new SfError(404, "NOT_FOUND", "The requested resource does not exist");
    return blob(obj, orFail(() => findRecord(call.ctx, obj, second)), decodeURIComponent(third));
  }
  if (second.toLowerCase() === "id" && method === "POST") return create(call, obj);
  switch (method) {
    case "GET":
      return retrieve(call, obj, orFail(() => findRecord(call.ctx, obj, second)));
    case "PATCH":
      orFail(() => updateOne(call.ctx, obj, second, jsonObjectBody(call.req)));
      return noContent();
    case "DELETE":
      orFail(() => deleteOne(call.ctx, obj, second));
      return noContent();
    default:
      throw methodNotAllowed(method);
  }
}
