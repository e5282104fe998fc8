/** `/query?q=`, `/queryAll?q=` and `/query/{locator}` (also used for tooling queries). */
import { SfError } from "./errors.js";
import { json } from "./http-types.js";
import type { SfResponse } from "./http-types.js";
import { queryColumns } from "./query-columns.js";
import { batchSizeOf } from "./query-locators.js";
import type { Call } from "./route-env.js";
import type { QuerySource } from "./soql-eval.js";
import { runQuery } from "./soql-run.js";
import type { OrgStore } from "./store.js";

/** The org's rows as a query source. */
export function orgSource(store: OrgStore): QuerySource {
  return { object: (n) => store.object(n), rows: (o) => store.rowsOf(o.name), locate: (id) => store.locate(id) };
}

/** `segs` start with "query" or "queryAll". */
export function handleQuery(call: Call, segs: readonly string[], src: QuerySource = orgSource(call.env.store)): SfResponse {
  const { req, env } = call;
  if (req.method !== "GET") throw new SfError(405, "METHOD_NOT_ALLOWED", `HTTP Method '${req.method}' not allowed. Allowed are GET,HEAD`);
  const locator = segs[1];
  if (locator !== undefined) return json(200, env.locators.next(decodeURIComponent(locator), req.version));
  const soql = req.query.get("q");
  if (!soql) throw new SfError(400, "MALFORMED_QUERY", "A query string has to be specified");
  if (req.query.get("columns") === "true") return json(200, queryColumns(src, soql));
  const result = runQuery(src, soql, { includeDeleted: segs[0] === "queryAll", version: req.version });
  return json(200, env.locators.first(result, batchSizeOf(req.headers["sforce-query-options"]), req.version));
}
