/**
 * The Tooling API slice jsforce uses to build schema: `POST /tooling/sobjects/CustomField|CustomObject`
 * (reflected at once in describe, REST, SOQL and Bulk) and `GET /tooling/query` over them.
 */
import { SfError, methodNotAllowed } from "./errors.js";
import { field, lookup } from "./field-def.js";
import type { FieldDef, Row } from "./field-def.js";
import { customField, customObject, nextCustomPrefix } from "./custom-metadata.js";
import type { Metadata } from "./custom-metadata.js";
import { json } from "./http-types.js";
import type { SfResponse } from "./http-types.js";
import { defineObject, findField } from "./object-def.js";
import type { ObjectDef } from "./object-def.js";
import { handleQuery } from "./query-routes.js";
import { jsonObjectBody } from "./route-env.js";
import type { Call } from "./route-env.js";
import type { QuerySource } from "./soql-eval.js";
import type { OrgStore } from "./store.js";

const TOOLING_OBJECTS: readonly ObjectDef[] = [
  defineObject("CustomField", "00N", [
    field("DeveloperName", "string", { length: 40, nameField: true }), field("TableEnumOrId", "string", { length: 40 }),
    field("FullName", "string"), field("NamespacePrefix", "string", { length: 15 }), field("Length", "int"),
    lookup("EntityDefinitionId", ["CustomObject"]),
  ], { label: "Custom Field" }),
  defineObject("CustomObject", "01I", [
    field("DeveloperName", "string", { length: 40, nameField: true }), field("FullName", "string"),
    field("NamespacePrefix", "string", { length: 15 }), field("ExternalName", "string"),
  ], { label: "Custom Object" }),
];

const devName = (apiName: string): string => apiName.replace(/__c$/, "");

function fieldRow(o: ObjectDef, f: FieldDef): Row {
  return {
    Id: f.toolingId ?? null, IsDeleted: false, DeveloperName: devName(f.name), TableEnumOrId: o.toolingId ?? o.name,
    FullName: `${o.name}.${f.name}`, NamespacePrefix: null, Length: f.length, EntityDefinitionId: o.toolingId ?? null,
  };
}

function objectRow(o: ObjectDef): Row {
  return { Id: o.toolingId ?? null, IsDeleted: false, DeveloperName: devName(o.name), FullName: o.name, NamespacePrefix: null, ExternalName: null };
}

function toolingRows(store: OrgStore, name: string): Row[] {
  if (name === "CustomObject") return store.allObjects().filter((o) => o.custom).map(objectRow);
  return store.allObjects().flatMap((o) => o.fields.filter((f) => f.custom && f.toolingId).map((f) => fieldRow(o, f)));
}

/** The tooling objects as a query source (rows rebuilt from the live schema). */
function toolingSource(store: OrgStore): QuerySource {
  const object = (n: string): ObjectDef | undefined => TOOLING_OBJECTS.find((o) => o.name.toLowerCase() === n.toLowerCase());
  return {
    object,
    rows: (o) => toolingRows(store, o.name),
    locate: (id) => {
      for (const o of TOOLING_OBJECTS) {
        const row = toolingRows(store, o.name).find((r) => r.Id === id);
        if (row) return { object: o, row };
      }
      return undefined;
    },
  };
}

/** Custom objects become valid WhatId / file-link targets, like objects with activities enabled. */
function widenPolymorphicTargets(store: OrgStore, name: string): void {
  for (const [objName, fieldName] of [["Task", "WhatId"], ["Event", "WhatId"], ["ContentDocumentLink", "LinkedEntityId"], ["ContentVersion", "FirstPublishLocationId"]] as const) {
    const o = store.object(objName);
    const f = o ? findField(o, fieldName) : undefined;
    if (o && f && !f.referenceTo.includes(name)) store.replaceField(o, { ...f, referenceTo: [...f.referenceTo, name] });
  }
}

function createCustomField(call: Call, body: Record<string, unknown>): SfResponse {
  const { store } = call.env;
  const [objName, fieldName] = String(body.FullName ?? "").split(".");
  const obj = objName ? store.object(objName) : undefined;
  if (!obj || !fieldName) throw new SfError(400, "FIELD_INTEGRITY_EXCEPTION", `FullName: must be Object.Field__c, got ${String(body.FullName)}`);
  if (findField(obj, fieldName)) {
    throw new SfError(400, "DUPLICATE_DEVELOPER_NAME", `There is already a field named ${devName(fieldName)} on ${obj.name}.`);
  }
  const md = (body.Metadata ?? {}) as Metadata;
  const f = customField(fieldName, md, store.newId("00N"), (n) => store.object(n) !== undefined);
  const target = f.referenceTo[0] ? store.object(f.referenceTo[0]) : undefined;
  store.addField(obj, target ? { ...f, referenceTo: [target.name] } : f);
  return json(201, { id: f.toolingId, success: true, errors: [], warnings: [], infos: [] });
}

function createCustomObject(call: Call, body: Record<string, unknown>): SfResponse {
  const { store } = call.env;
  const name = String(body.FullName ?? "");
  if (store.object(name)) throw new SfError(400, "DUPLICATE_DEVELOPER_NAME", `There is already an object named ${devName(name)}.`);
  const o = customObject(name, (body.Metadata ?? {}) as Metadata, nextCustomPrefix(store.usedPrefixes()), store.newId("01I"));
  store.addObject(o);
  widenPolymorphicTargets(store, o.name);
  return json(201, { id: o.toolingId, success: true, errors: [], warnings: [], infos: [] });
}

/** `segs` are the path segments after `tooling`. */
export function handleTooling(call: Call, segs: readonly string[]): SfResponse {
  const [first, typeName, id] = segs;
  const { method } = call.req;
  if (first === "query") return handleQuery(call, segs, toolingSource(call.env.store));
  if (first !== "sobjects") throw new SfError(404, "NOT_FOUND", "The requested resource does not exist");
  if (typeName === undefined) {
    return json(200, { encoding: "UTF-8", maxBatchSize: 200, sobjects: TOOLING_OBJECTS.map((o) => ({ name: o.name, label: o.label, keyPrefix: o.keyPrefix, custom: false, createable: true, queryable: true })) });
  }
  if (typeName !== "CustomField" && typeName !== "CustomObject") throw new SfError(404, "NOT_FOUND", "The requested resource does not exist");
  if (id === undefined) {
    if (method !== "POST") throw methodNotAllowed(method);
    const body = jsonObjectBody(call.req);
    return typeName === "CustomField" ? createCustomField(call, body) : createCustomObject(call, body);
  }
  if (method !== "GET") throw methodNotAllowed(method);
  const row = toolingRows(call.env.store, typeName).find((r) => r.Id === id);
  if (!row) throw new SfError(404, "NOT_FOUND", "The requested resource does not exist");
  return json(200, { attributes: { type: typeName, url: `/services/data/v${call.req.version}/tooling/sobjects/${typeName}/${id}` }, ...row });
}
