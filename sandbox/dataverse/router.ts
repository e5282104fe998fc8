/** Dispatches one Web API request (top-level or a $batch part) to its handler. */
import { DvError, badRequest, errorBody, toDvError } from "./errors.js";
import type { DvRequest, DvResponse } from "./context.js";
import { JSON_TYPE, jsonResponse } from "./context.js";
import { handleBulkAction, isBulkAction } from "./bulk-actions.js";
import { handleEntity } from "./entities.js";
import { routeSchema } from "./schema-routes.js";
import { resolveCaller } from "./callers.js";
import { parsePath } from "./odata-path.js";
import type { Store } from "./store.js";

export interface RouterEnv {
  readonly store: Store;
  readonly prefixes: readonly string[];
  /** Record cap per CreateMultiple/UpdateMultiple/UpsertMultiple request (default 1000). */
  readonly maxBulkRecords?: number;
  /** Called once per routed operation (a $batch part counts separately): execution-time metering. */
  readonly meter?: (req: DvRequest) => void;
}

export function errorResponse(e: DvError): DvResponse {
  return { status: e.status, headers: { "Content-Type": JSON_TYPE, ...e.headers }, body: errorBody(e) };
}

/** Caller for defaults such as ownerid: MSCRMCallerID, else the token's user (callers.ts). */
function callerOf(env: RouterEnv, req: DvRequest): string {
  return resolveCaller(env.store, req).userId;
}

export function route(env: RouterEnv, req: DvRequest): DvResponse {
  try {
    env.meter?.(req);
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
  const schema = routeSchema({ store, req, prefixes: env.prefixes }, segs);
  if (schema) return schema;
  const table = store.tableBySet(first.name);
  if (!table) throw badRequest(`Resource not found for the segment '${first.name}'.`, "0x80060888");
  const action = segs[1];
  if (segs.length === 2 && !first.key && action && isBulkAction(action.name)) {
    return handleBulkAction({ store, req, callerId: callerOf(env, req) }, table, action.name, env.maxBulkRecords);
  }
  return handleEntity({ store, req, callerId: callerOf(env, req) }, table, segs);
}
