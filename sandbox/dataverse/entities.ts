/** Record endpoints: /set, /set(key), /set(key)/nav/$ref (spec §3). */
import { DvError, badRequest, conditionFailed, duplicateKey, keyNotFound, notFound, undeclaredBind } from "./errors.js";
import type { DvRequest, DvResponse } from "./context.js";
import { annotationMatcher, jsonResponse, parsePrefer } from "./context.js";
import { formatRow } from "./format.js";
import { fieldAccess } from "./field-security.js";
import { checkSecurityDelete } from "./security-rows.js";
import type { KeySpec, PathSegment } from "./odata-path.js";
import { findCollectionNav } from "./collection-nav.js";
import type { CollectionNav } from "./collection-nav.js";
import { parseExpand, parseOptions, parseQuery, runQuery } from "./query.js";
import { createRecord, findByKeySpec, findNav, requireByKeySpec, resolveRef, updateRecord } from "./records.js";
import type { WriteContext } from "./records.js";
import type { Row, TableDef } from "./model.js";
import type { Store } from "./store.js";

function parseBody(req: DvRequest): unknown {
  if (req.body.trim() === "") return {};
  try {
    return JSON.parse(req.body) as unknown;
  } catch {
    throw badRequest("The request body is not valid JSON.", "0x80048d19");
  }
}

const etagOf = (row: Row): string => `W/"${String(row.versionnumber ?? 0)}"`;
/** `If-None-Match: null` is sent by many clients and means nothing (spec §2). */
const condition = (v: string | undefined): string | undefined => (v === undefined || v === "null" || v === "" ? undefined : v);

function entityHeaders(req: DvRequest, t: TableDef, row: Row): Record<string, string> {
  const url = `${req.baseUrl}${t.entitySetName}(${String(row[t.primaryId])})`;
  return { "OData-EntityId": url, Location: url };
}

function representation(store: Store, req: DvRequest, t: TableDef, row: Row, status: number): DvResponse {
  const q = parseQuery(req.query);
  const opts = parseOptions(store, t, q);
  const prefs = parsePrefer(req.headers.prefer);
  const body = {
    "@odata.context": `${req.baseUrl}$metadata#${t.entitySetName}${opts.selectNames ? `(${opts.selectNames.join(",")})` : ""}/$entity`,
    ...formatRow(store, t, row, { select: opts.select, annotate: annotationMatcher(prefs.annotations), expand: opts.expand, baseUrl: req.baseUrl, readable: fieldAccess(store, req) }),
  };
  const headers: Record<string, string> = { ...entityHeaders(req, t, row), ETag: etagOf(row) };
  if (prefs.annotations) headers["Preference-Applied"] = `odata.include-annotations="${prefs.annotations}"`;
  return { ...jsonResponse(status, body, headers), entityPath: `${t.entitySetName}(${String(row[t.primaryId])})` };
}

function written(ctx: WriteContext, t: TableDef, row: Row, created: boolean): DvResponse {
  const prefs = parsePrefer(ctx.req.headers.prefer);
  if (prefs.returnRepresentation) return representation(ctx.store, ctx.req, t, row, created ? 201 : 200);
  return { status: 204, headers: entityHeaders(ctx.req, t, row), entityPath: `${t.entitySetName}(${String(row[t.primaryId])})` };
}

export function handleEntity(ctx: WriteContext, t: TableDef, segs: readonly PathSegment[]): DvResponse {
  const { req, store } = ctx;
  const [first, second] = segs;
  if (!first) throw badRequest("Resource not found.");
  const method = req.method;
  if (!first.key) {
    if (segs.length !== 1) throw badRequest("Resource not found.");
    if (method === "GET") return runQuery(store, t, req, parsePrefer(req.headers.prefer));
    if (method === "POST") return written(ctx, t, createRecord(ctx, t, parseBody(req)), true);
    throw new DvError(405, "0x80060888", `The HTTP method '${method}' is not allowed on this resource.`);
  }
  const key = first.key;
  if (second) {
    const found = second.key ? undefined : findNav(t, second.name);
    if (found) return singleValuedRef(ctx, t, key, second.name, segs);
    const coll = findCollectionNav(store, t, second.name);
    if (!coll) throw undeclaredBind(t.entitySetName, second.name);
    return collectionNav(ctx, t, requireByKeySpec(store, t, key), coll, segs);
  }
  const ifMatch = condition(req.headers["if-match"]);
  const ifNoneMatch = condition(req.headers["if-none-match"]);
  if (method === "GET") {
    const row = requireByKeySpec(store, t, key);
    if (ifNoneMatch !== undefined && ifNoneMatch === etagOf(row)) return { status: 304, headers: { ETag: etagOf(row) } };
    parseExpand(store, t, parseQuery(req.query).get("$expand"));
    return representation(store, req, t, row, 200);
  }
  if (method === "DELETE") {
    const row = requireByKeySpec(store, t, key);
    if (ifMatch !== undefined && ifMatch !== "*" && ifMatch !== etagOf(row)) throw conditionFailed();
    checkSecurityDelete(t, row);
    store.remove(t, String(row[t.primaryId]));
    return { status: 204, headers: {} };
  }
  if (method === "PATCH") {
    // Upsert semantics table (spec §3.4).
    const existing = findByKeySpec(store, t, key);
    const body = parseBody(req);
    if (existing) {
      if (ifNoneMatch === "*") throw duplicateKey();
      if (ifMatch !== undefined && ifMatch !== "*" && ifMatch !== etagOf(existing)) throw conditionFailed();
      return written(ctx, t, updateRecord(ctx, t, existing, body), false);
    }
    if (ifMatch !== undefined) throw key.kind === "id" ? notFound(t.logicalName, key.id) : keyNotFound(t.logicalName);
    const preset: Row = key.kind === "id" ? { [t.primaryId]: key.id } : { ...key.values };
    return written(ctx, t, createRecord(ctx, t, body, preset), true);
  }
  throw new DvError(405, "0x80060888", `The HTTP method '${method}' is not allowed on this resource.`);
}

/** Single-valued navigation $ref: DELETE clears, PUT/POST sets (disassociate/associateSingleValued). */
function singleValuedRef(ctx: WriteContext, t: TableDef, key: KeySpec, nav: string, segs: readonly PathSegment[]): DvResponse {
  const { req, store } = ctx;
  if (segs[2]?.name !== "$ref" || segs.length !== 3) throw badRequest("Only single-valued navigation $ref is supported.");
  const row = requireByKeySpec(store, t, key);
  if (req.method === "DELETE") {
    updateRecord(ctx, t, row, { [`${nav}@odata.bind`]: null });
    return { status: 204, headers: {} };
  }
  if (req.method === "PUT" || req.method === "POST") {
    const id = (parseBody(req) as Record<string, unknown>)["@odata.id"];
    if (typeof id !== "string") throw badRequest("The @odata.id property is required.", "0x80048d19");
    resolveRef(ctx, id);
    updateRecord(ctx, t, row, { [`${nav}@odata.bind`]: id });
    return { status: 204, headers: {} };
  }
  throw new DvError(405, "0x80060888", `The HTTP method '${req.method}' is not allowed on this resource.`);
}

/** GET /set(id)/nav, POST /set(id)/nav/$ref (associate), DELETE /set(id)/nav(other)/$ref or ?$id= (disassociate). */
function collectionNav(ctx: WriteContext, t: TableDef, row: Row, coll: CollectionNav, segs: readonly PathSegment[]): DvResponse {
  const { req, store } = ctx;
  const [, second, third] = segs;
  if (req.method === "GET" && !third && !second?.key) {
    const ids = new Set(coll.rows(row).map((r) => String(r[coll.target.primaryId])));
    return runQuery(store, coll.target, req, parsePrefer(req.headers.prefer), (r) => ids.has(String(r[coll.target.primaryId])));
  }
  if (third?.name !== "$ref" || segs.length !== 3) throw badRequest("Resource not found.");
  const other = (ref: unknown): Row => {
    if (typeof ref !== "string") throw badRequest("The @odata.id property is required.", "0x80048d19");
    const resolved = resolveRef(ctx, ref);
    if (resolved.table.logicalName !== coll.target.logicalName) throw badRequest("The related entity is not of the navigation property's type.", "0x80048d19");
    return resolved.row;
  };
  if (req.method === "POST" && !second?.key) {
    coll.associate(row, other((parseBody(req) as Record<string, unknown>)["@odata.id"]));
    return { status: 204, headers: {} };
  }
  if (req.method === "DELETE") {
    const target = second?.key ? requireByKeySpec(store, coll.target, second.key) : other(parseQuery(req.query).get("$id"));
    coll.disassociate(row, target);
    return { status: 204, headers: {} };
  }
  throw new DvError(405, "0x80060888", `The HTTP method '${req.method}' is not allowed on this resource.`);
}
