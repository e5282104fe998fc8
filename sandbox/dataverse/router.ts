/** Dispatches one Web API request (top-level or a $batch part) to its handler. */
import { DvError, badRequest, errorBody, toDvError } from "./errors.js";
import type { DvRequest, DvResponse } from "./context.js";
import { JSON_TYPE, jsonResponse } from "./context.js";
import { handleEntity } from "./entities.js";
import { handleMetadata } from "./metadata.js";
import { parsePath } from "./odata-path.js";
import type { Store } from "./store.js";

export interface RouterEnv {
  readonly store: Store;
  readonly prefixes: readonly string[];
}

export function errorResponse(e: DvError): DvResponse {
  return { status: e.status, headers: { "Content-Type": JSON_TYPE, ...e.headers }, body: errorBody(e) };
}

/** Caller for defaults such as ownerid: MSCRMCallerID if it names a user, else the sandbox admin. */
function callerOf(env: RouterEnv, req: DvRequest): string {
  const impersonated = req.headers.mscrmcallerid?.toLowerCase().replace(/[{}]/g, "");
  if (impersonated && env.store.get("systemuser", impersonated)) return impersonated;
  return env.store.org.adminUserId;
}

export function route(env: RouterEnv, req: DvRequest): DvResponse {
  try {
    return routeUnsafe(env, req);
  } catch (e) {
    return errorResponse(toDvError(e));
  }
}

function routeUnsafe(env: RouterEnv, req: DvRequest): DvResponse {
  const { store } = env;
  const segs = parsePath(req.path);
  const first = segs[0];
  if (!first) {
    return jsonResponse(200, {
      "@odata.context": `${req.baseUrl}$metadata`,
      value: [...store.tables.values()].map((t) => ({ name: t.entitySetName, kind: "EntitySet", url: t.entitySetName })),
    });
  }
  if (first.name === "WhoAmI") {
    const { org } = store;
    return jsonResponse(200, {
      "@odata.context": `${req.baseUrl}$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse`,
      BusinessUnitId: org.businessUnitId,
      UserId: callerOf(env, req),
      OrganizationId: org.organizationId,
    });
  }
  if (first.name === "PublishAllXml" || first.name === "PublishXml") {
    if (req.method !== "POST") throw new DvError(405, "0x80060888", "Actions must be invoked with POST.");
    return { status: 204, headers: {} };
  }
  if (first.name === "EntityDefinitions") return handleMetadata({ store, req, prefixes: env.prefixes }, segs);
  const table = store.tableBySet(first.name);
  if (!table) throw badRequest(`Resource not found for the segment '${first.name}'.`, "0x80060888");
  return handleEntity({ store, req, callerId: callerOf(env, req) }, table, segs);
}
