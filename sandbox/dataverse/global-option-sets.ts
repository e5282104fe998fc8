/** GlobalOptionSetDefinitions: create and read global choices (spec §8.1). */
import { randomUUID } from "node:crypto";
import { DvError } from "./errors.js";
import type { DvResponse } from "./context.js";
import { jsonResponse } from "./context.js";
import { checkSchemaName, labelText, parseMetadataBody, parseOptions } from "./attribute-parse.js";
import { list, parseMetaOptions } from "./metadata.js";
import type { MetadataContext } from "./metadata.js";
import { globalOptionSetJson, selectProps } from "./metadata-json.js";
import type { GlobalOptionSetDef } from "./model.js";
import type { PathSegment } from "./odata-path.js";
import { parseQuery } from "./query.js";

export function handleGlobalOptionSets(ctx: MetadataContext, segs: readonly PathSegment[]): DvResponse {
  const { store, req } = ctx;
  const key = segs[0]?.key;
  if (req.method === "POST" && !key) {
    const body = parseMetadataBody(req.body);
    const name = checkSchemaName(ctx.prefixes, body.Name, [...store.globalOptionSets.keys()]);
    const def: GlobalOptionSetDef = {
      name, metadataId: randomUUID(), displayName: labelText(body.DisplayName, name),
      multi: false, options: parseOptions(body),
    };
    store.globalOptionSets.set(name, def);
    store.touchSchema();
    return { status: 204, headers: { "OData-EntityId": `${req.baseUrl}GlobalOptionSetDefinitions(${def.metadataId})` } };
  }
  if (req.method !== "GET") throw new DvError(405, "0x80060888", "Only GET and POST are supported on GlobalOptionSetDefinitions by the sandbox.");
  const qs = parseQuery(req.query);
  const q = parseMetaOptions((k) => qs.get(k));
  const all = [...store.globalOptionSets.values()];
  if (key) {
    const o = all.find((x) => (key.kind === "id" ? x.metadataId === key.id : x.name === key.values.Name));
    if (!o) throw new DvError(404, "0x80040217", "Could not find the global option set.");
    return jsonResponse(200, { "@odata.context": `${req.baseUrl}$metadata#GlobalOptionSetDefinitions/$entity`, ...selectProps(globalOptionSetJson(o), q.select) });
  }
  return list(req, "GlobalOptionSetDefinitions", all.map(globalOptionSetJson), q);
}
