/** What every REST handler gets: the org, shared services, and this call's caller and write scope. */
import { SfError, jsonParserError } from "./errors.js";
import type { ApiUsage } from "./api-usage.js";
import type { BulkJobs } from "./bulk-jobs.js";
import type { SfRequest } from "./http-types.js";
import type { QueryLocators } from "./query-locators.js";
import type { ObjectDef } from "./object-def.js";
import type { WriteContext } from "./record-write.js";
import type { OrgStore } from "./store.js";

export interface RouteEnv {
  readonly store: OrgStore;
  readonly usage: ApiUsage;
  readonly bulk: BulkJobs;
  readonly locators: QueryLocators;
  readonly maxRecordsPerCollection: number;
}

export interface Call {
  readonly env: RouteEnv;
  readonly req: SfRequest;
  readonly userId: string;
  readonly ctx: WriteContext;
}

/** The object named in a URL, or 404 NOT_FOUND like the real sobjects resource. */
export function objectOrNotFound(call: Call, name: string): ObjectDef {
  const o = call.env.store.object(decodeURIComponent(name));
  if (!o) throw new SfError(404, "NOT_FOUND", "The requested resource does not exist");
  return o;
}

/** The JSON request body as an object (JSON_PARSER_ERROR otherwise). */
export function jsonBody(req: SfRequest): unknown {
  const text = req.body.toString("utf8");
  if (text.trim() === "") throw jsonParserError("No content to map due to end-of-input at [line:1, column:0]");
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw jsonParserError(`Unexpected character: ${(e as Error).message} at [line:1, column:1]`);
  }
}

export function jsonObjectBody(req: SfRequest): Record<string, unknown> {
  const body = jsonBody(req);
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw jsonParserError("Cannot deserialize instance of SObject out of START_ARRAY token at [line:1, column:1]");
  }
  return body as Record<string, unknown>;
}
