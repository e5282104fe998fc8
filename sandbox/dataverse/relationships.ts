/** RelationshipDefinitions: 1:N (adds a lookup column) and N:N relationships (spec §8.2). */
import { randomUUID } from "node:crypto";
import { DvError } from "./errors.js";
import type { DvResponse } from "./context.js";
import { jsonResponse } from "./context.js";
import { checkSchemaName, invalidArgument, labelText, parseMetadataBody } from "./attribute-parse.js";
import type { Json } from "./attribute-parse.js";
import { list, parseMetaOptions } from "./metadata.js";
import type { MetadataContext } from "./metadata.js";
import { manyToOneJson, selectProps } from "./metadata-json.js";
import type { ColumnDef, ManyToManyDef, TableDef } from "./model.js";
import type { PathSegment } from "./odata-path.js";
import { parseQuery } from "./query.js";
import type { Store } from "./store.js";

const ONE_TO_MANY = "OneToManyRelationshipMetadata";
const MANY_TO_MANY = "ManyToManyRelationshipMetadata";

function mustTable(store: Store, name: unknown): TableDef {
  const t = typeof name === "string" ? store.table(name) : undefined;
  if (!t) throw new DvError(404, "0x80040217", "Could not find the entity named in the relationship.");
  return t;
}

function manyToManyJson(r: ManyToManyDef): Json {
  return {
    "@odata.type": `#Microsoft.Dynamics.CRM.${MANY_TO_MANY}`, MetadataId: r.metadataId, SchemaName: r.schemaName,
    RelationshipType: "ManyToManyRelationship", IsCustomRelationship: true, Entity1LogicalName: r.entity1,
    Entity2LogicalName: r.entity2, IntersectEntityName: r.intersect, Entity1NavigationPropertyName: r.nav1,
    Entity2NavigationPropertyName: r.nav2,
  };
}

function allRelationships(store: Store): Json[] {
  const oneToMany = [...store.tables.values()].filter((t) => !t.unionOf).flatMap((t) => manyToOneJson(t, store));
  return [...oneToMany, ...store.manyToMany.map(manyToManyJson)];
}

function schemaNames(store: Store): string[] {
  return allRelationships(store).map((r) => String(r.SchemaName).toLowerCase());
}

function createOneToMany(ctx: MetadataContext, body: Json): string {
  const { store } = ctx;
  const schema = checkSchemaName(ctx.prefixes, body.SchemaName, schemaNames(store));
  const referenced = mustTable(store, body.ReferencedEntity);
  const referencing = mustTable(store, body.ReferencingEntity);
  const lookup = (body.Lookup ?? {}) as Json;
  const lookupLogical = checkSchemaName(ctx.prefixes, lookup.SchemaName, referencing.columns.map((c) => c.logicalName));
  const lookupSchema = String(lookup.SchemaName);
  // Binds to custom lookups use the navigation property name, which defaults to the Lookup's SchemaName.
  const nav = typeof body.ReferencingEntityNavigationPropertyName === "string" ? body.ReferencingEntityNavigationPropertyName : lookupSchema;
  const relName = String(body.SchemaName);
  const col: ColumnDef = {
    logicalName: lookupLogical, schemaName: lookupSchema, type: "Lookup", displayName: labelText(lookup.DisplayName, lookupSchema),
    targets: [referenced.logicalName], navNames: { [referenced.logicalName]: nav }, relationshipNames: { [referenced.logicalName]: relName },
    requiredLevel: (lookup.RequiredLevel as { Value?: ColumnDef["requiredLevel"] } | undefined)?.Value ?? "None",
    isCustom: true, validForCreate: true, validForUpdate: true, metadataId: randomUUID(),
  };
  void schema;
  store.addColumn(referencing, col);
  return String(manyToOneJson(referencing, store).find((r) => r.SchemaName === relName)?.MetadataId);
}

function createManyToMany(ctx: MetadataContext, body: Json): string {
  const { store } = ctx;
  checkSchemaName(ctx.prefixes, body.SchemaName, schemaNames(store));
  const e1 = mustTable(store, body.Entity1LogicalName);
  const e2 = mustTable(store, body.Entity2LogicalName);
  const schemaName = String(body.SchemaName);
  const nav = (v: unknown): string => (typeof v === "string" && v !== "" ? v : schemaName);
  const rel: ManyToManyDef = {
    schemaName, metadataId: randomUUID(), entity1: e1.logicalName, entity2: e2.logicalName,
    nav1: nav(body.Entity1NavigationPropertyName), nav2: nav(body.Entity2NavigationPropertyName),
    intersect: typeof body.IntersectEntityName === "string" ? body.IntersectEntityName.toLowerCase() : schemaName.toLowerCase(),
    pairs: [],
  };
  store.manyToMany.push(rel);
  store.touchSchema();
  return rel.metadataId;
}

export function handleRelationships(ctx: MetadataContext, segs: readonly PathSegment[]): DvResponse {
  const { store, req } = ctx;
  const [first, cast] = segs;
  if (req.method === "POST" && !first?.key) {
    const body = parseMetadataBody(req.body);
    const cls = String(body["@odata.type"] ?? "").replace(/^#?Microsoft\.Dynamics\.CRM\./, "");
    const id = cls === ONE_TO_MANY ? createOneToMany(ctx, body) : cls === MANY_TO_MANY ? createManyToMany(ctx, body) : undefined;
    if (!id) throw invalidArgument("The @odata.type must be OneToManyRelationshipMetadata or ManyToManyRelationshipMetadata.");
    return { status: 204, headers: { "OData-EntityId": `${req.baseUrl}RelationshipDefinitions(${id})` } };
  }
  if (req.method !== "GET") throw new DvError(405, "0x80060888", "Only GET and POST are supported on RelationshipDefinitions by the sandbox.");
  const qs = parseQuery(req.query);
  const q = parseMetaOptions((k) => qs.get(k));
  const castName = (first?.key ? segs[1] : cast)?.name.replace(/^Microsoft\.Dynamics\.CRM\./, "");
  const items = allRelationships(store).filter((r) => !castName || r["@odata.type"] === `#Microsoft.Dynamics.CRM.${castName}`);
  if (first?.key) {
    const key = first.key;
    const r = items.find((x) => (key.kind === "id" ? x.MetadataId === key.id : x.SchemaName === key.values.SchemaName));
    if (!r) throw new DvError(404, "0x80040217", "Could not find the relationship.");
    return jsonResponse(200, { "@odata.context": `${req.baseUrl}$metadata#RelationshipDefinitions/$entity`, ...selectProps(r, q.select) });
  }
  return list(req, "RelationshipDefinitions", items, q);
}
