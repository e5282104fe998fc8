/** EntityDefinitions endpoints: reads, column creation, alternate keys (spec §8). */
import { DvError, badRequest } from "./errors.js";
import type { DvRequest, DvResponse } from "./context.js";
import { jsonResponse } from "./context.js";
import { evaluate, parseFilter } from "./filter-parser.js";
import type { Literal } from "./filter-parser.js";
import { attributeJson, entityJson, keyJson, manyToOneJson, selectProps, TYPE_INFO } from "./metadata-json.js";
import type { ColumnDef, TableDef } from "./model.js";
import { createAttribute, createKey, createTable } from "./metadata-create.js";
import { updateAttribute } from "./attribute-update.js";
import type { KeySpec, PathSegment } from "./odata-path.js";
import { splitTopLevel } from "./odata-path.js";
import { parseQuery } from "./query.js";
import type { Store } from "./store.js";

type Json = Record<string, unknown>;

export interface MetadataContext {
  readonly store: Store;
  readonly req: DvRequest;
  /** Publisher customization prefixes accepted for new SchemaNames. */
  readonly prefixes: readonly string[];
}

const notFoundMeta = (what: string): DvError => new DvError(404, "0x80040217", `Could not find ${what}.`);

function findTable(store: Store, key: KeySpec | undefined): TableDef {
  if (!key) throw badRequest("Entity key required.");
  for (const t of store.tables.values()) {
    if (key.kind === "id" ? t.metadataId === key.id : t.logicalName === key.values.LogicalName) return t;
  }
  throw notFoundMeta(key.kind === "id" ? `entity with MetadataId = ${key.id}` : "entity with the specified LogicalName");
}

export interface MetaQuery {
  readonly select?: string[];
  readonly filter?: ReturnType<typeof parseFilter>;
  /** $expand item name → its $select (undefined = all). */
  readonly expand: Map<string, MetaQuery>;
}

export function parseMetaOptions(get: (k: string) => string | undefined): MetaQuery {
  const sel = get("$select");
  const filt = get("$filter");
  const expand = new Map<string, MetaQuery>();
  for (const item of splitTopLevel(get("$expand") ?? "", ",")) {
    if (!item.trim()) continue;
    const open = item.indexOf("(");
    const name = (open < 0 ? item : item.slice(0, open)).trim();
    const inner = new Map<string, string>();
    if (open >= 0) {
      for (const opt of splitTopLevel(item.slice(open + 1, -1), ";")) inner.set(opt.slice(0, opt.indexOf("=")).trim(), opt.slice(opt.indexOf("=") + 1));
    }
    expand.set(name, parseMetaOptions((k) => inner.get(k)));
  }
  return {
    select: sel ? sel.split(",").map((s) => s.trim()).filter(Boolean) : undefined,
    filter: filt ? parseFilter(filt) : undefined,
    expand,
  };
}

export function matches(obj: Json, q: MetaQuery): boolean {
  if (!q.filter) return true;
  return evaluate(q.filter, (p) => {
    const v = obj[p];
    return typeof v === "object" && v !== null ? ((v as Json).Value as Literal | undefined) : (v as Literal | undefined);
  });
}

export function list(req: DvRequest, context: string, items: Json[], q: MetaQuery): DvResponse {
  return jsonResponse(200, {
    "@odata.context": `${req.baseUrl}$metadata#${context}`,
    value: items.filter((o) => matches(o, q)).map((o) => selectProps(o, q.select)),
  });
}

function castFilter(cast: string | undefined): (c: ColumnDef) => boolean {
  if (!cast) return () => true;
  const cls = cast.replace(/^Microsoft\.Dynamics\.CRM\./, "");
  return (c) => TYPE_INFO[c.type].cls === cls;
}

function fullEntity(store: Store, t: TableDef, q: MetaQuery): Json {
  const out = selectProps(entityJson(t), q.select);
  const attrs = q.expand.get("Attributes");
  if (attrs) out.Attributes = t.columns.map((c) => attributeJson(t, c, false)).filter((o) => matches(o, attrs)).map((o) => selectProps(o, attrs.select));
  const keys = q.expand.get("Keys");
  if (keys) out.Keys = t.keys.map((k) => selectProps(keyJson(store, t, k), keys.select));
  const rels = q.expand.get("ManyToOneRelationships");
  if (rels) out.ManyToOneRelationships = manyToOneJson(t, store).map((r) => selectProps(r, rels.select));
  return out;
}

export function handleMetadata(ctx: MetadataContext, segs: readonly PathSegment[]): DvResponse {
  const { store, req } = ctx;
  const qs = parseQuery(req.query);
  const q = parseMetaOptions((k) => qs.get(k));
  const [, sub, third, fourth] = segs;
  const first = segs[0];
  if (!first?.key) {
    if (req.method === "POST") return createTable(ctx);
    const value = [...store.tables.values()].filter((t) => matches(entityJson(t), q)).map((t) => fullEntity(store, t, q));
    return jsonResponse(200, { "@odata.context": `${req.baseUrl}$metadata#EntityDefinitions`, value });
  }
  const t = findTable(store, first.key);
  const base = `EntityDefinitions(${t.metadataId})`;
  if (!sub) {
    if (req.method !== "GET") throw new DvError(405, "0x80060888", "Updating table definitions is not supported by the v0 sandbox.");
    return jsonResponse(200, { "@odata.context": `${req.baseUrl}$metadata#EntityDefinitions/$entity`, ...fullEntity(store, t, q) });
  }
  if (sub.name === "Attributes") {
    if (req.method === "POST") return createAttribute(ctx, t);
    if (sub.key) {
      const c = t.columns.find((col) => (sub.key?.kind === "id" ? col.metadataId === sub.key.id : col.logicalName === sub.key?.values.LogicalName));
      if (!c || !castFilter(third?.name)(c)) throw notFoundMeta("attribute");
      if (req.method === "PUT") return updateAttribute(ctx, t, c);
      const withOptions = q.expand.has("OptionSet") || q.expand.has("GlobalOptionSet");
      return jsonResponse(200, {
        "@odata.context": `${req.baseUrl}$metadata#${base}/Attributes/$entity`,
        ...selectProps(attributeJson(t, c, withOptions), q.select ? [...q.select, ...(withOptions ? ["OptionSet", "GlobalOptionSet"] : [])] : undefined),
      });
    }
    const withOptions = q.expand.has("OptionSet");
    const items = t.columns.filter(castFilter(third?.name)).map((c) => attributeJson(t, c, withOptions));
    return list(req, `${base}/Attributes${third ? `/${third.name}` : ""}`, items, { ...q, select: q.select && withOptions ? [...q.select, "OptionSet"] : q.select });
  }
  if (sub.name === "Keys") {
    if (req.method === "POST") return createKey(ctx, t);
    if (sub.key) {
      const k = t.keys.find((key) => (sub.key?.kind === "id" ? key.metadataId === sub.key.id : key.logicalName === sub.key?.values.LogicalName));
      if (!k) throw notFoundMeta("key");
      return jsonResponse(200, { "@odata.context": `${req.baseUrl}$metadata#${base}/Keys/$entity`, ...selectProps(keyJson(store, t, k), q.select) });
    }
    return list(req, `${base}/Keys`, t.keys.map((k) => keyJson(store, t, k)), q);
  }
  if (sub.name === "ManyToOneRelationships") return list(req, `${base}/ManyToOneRelationships`, manyToOneJson(t, store), q);
  void fourth;
  throw badRequest(`Resource not found for the segment '${sub.name}'.`, "0x80060888");
}
