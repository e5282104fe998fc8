/** Dispatches one authenticated `/services/data/vXX.X/…` call to its resource. */
import { SfError } from "./errors.js";
import { handleCollections } from "./collections.js";
import { handleResources } from "./discovery.js";
import { json } from "./http-types.js";
import type { SfResponse } from "./http-types.js";
import { handleIngest } from "./bulk-routes.js";
import { handleQuery } from "./query-routes.js";
import type { Call } from "./route-env.js";
import { handleSobjects } from "./sobject-routes.js";
import { handleTooling } from "./tooling.js";

const notFound = (): SfError => new SfError(404, "NOT_FOUND", "The requested resource does not exist");

/** The resource family of a path, for request statistics ("sobjects", "query", …). */
export function resourceOf(path: string): string {
  return path.split("/")[0] || "root";
}

export async function routeData(call: Call): Promise<SfResponse> {
  const segs = call.req.path.split("/").filter((s, i) => s !== "" || i === 0);
  const [first, second] = segs;
  switch (first) {
    case "":
    case undefined:
      return handleResources(call.req.version, `${call.req.origin}/id/${call.env.store.org.orgId}/${call.userId}`);
    case "sobjects":
      return handleSobjects(call, segs.slice(1));
    case "composite":
      if (second !== "sobjects") throw notFound();
      return handleCollections(call, segs.slice(2));
    case "query":
    case "queryAll":
      return handleQuery(call, segs);
    case "limits":
      return json(200, call.env.usage.limits(call.env.bulk.batchesUsed));
    case "jobs":
      if (second !== "ingest") throw notFound();
      return handleIngest(call, segs.slice(2), call.env.store.settings.lockDelayMs);
    case "tooling":
      return handleTooling(call, segs.slice(1));
    default:
      throw notFound();
  }
}
