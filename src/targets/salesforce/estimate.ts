/**
 * How many API calls a load takes against the org's daily allocation. Pure, so the plan can
 * show it before anything is sent.
 *
 * What counts: every REST, SOAP, Bulk and Tooling call counts once against "API Requests, Last
 * 24 Hours" whatever it carries — one sObject Collections request of 200 records is one call;
 * a Bulk API 2.0 job costs its own calls (create, upload, close, each status poll, each result
 * read) while its records count against the separate bulk record allocation (Salesforce
 * Developer Limits and Allocations Quick Reference, "API Request Limits and Allocations":
 * developer.salesforce.com/docs/atlas.en-us.salesforce_app_limits_cheatsheet.meta/salesforce_app_limits_cheatsheet/salesforce_app_limits_platform_api.htm).
 * The allocation: Enterprise Edition 100,000 + 1,000 per Salesforce license per 24 h;
 * Developer Edition 15,000 (same page) — the default here; read the org's own with `/limits`.
 */
import type { RequestCost } from "../../contracts/target.js";
import type { Session } from "./session.js";

export interface SalesforceRequestPlan {
  readonly tables: readonly { readonly table: string; readonly rows: number }[];
  /** Rows per write() call (the load stage's batch size). */
  readonly pageSize: number;
  readonly collectionThreshold: number;
  readonly entitlement: number;
  /** Status polls we assume per bulk job (default 3). */
  readonly pollsPerJob?: number;
}

const RECORDS_PER_CALL = 200;
const BULK_JOB_CALLS = 6;
const ceilDiv = (a: number, b: number) => (a <= 0 ? 0 : Math.ceil(a / Math.max(1, b)));

/**
 * Calls per table: per write() call, either collections requests (1 per 200 rows) or one bulk
 * job (~6 calls + polls); plus the loader's before-image reads (1 per 200 keys) and verify's
 * read-back (1 per 200 keys), and one describe.
 * @example estimateRequests({ tables: [{ table: "Contact", rows: 1000 }], pageSize: 500, collectionThreshold: 2000, entitlement: 15000 }).breakdown.Contact → 18
 */
export function estimateRequests(plan: SalesforceRequestPlan): RequestCost {
  const pageSize = Math.max(1, Math.floor(plan.pageSize));
  const perJob = BULK_JOB_CALLS + (plan.pollsPerJob ?? 3);
  const breakdown: Record<string, number> = {};
  let total = 0;
  for (const { table, rows } of plan.tables) {
    let calls = 1;
    for (let left = Math.max(0, Math.floor(rows)); left > 0; left -= pageSize) {
      const call = Math.min(pageSize, left);
      calls += call > plan.collectionThreshold ? perJob : ceilDiv(call, RECORDS_PER_CALL);
      calls += ceilDiv(call, RECORDS_PER_CALL);
    }
    calls += ceilDiv(rows, RECORDS_PER_CALL);
    breakdown[table] = (breakdown[table] ?? 0) + calls;
    total += calls;
  }
  return {
    requests: total, httpRequests: total, entitlement: plan.entitlement,
    share: plan.entitlement > 0 ? total / plan.entitlement : Infinity, breakdown,
  };
}

/** `GET /limits` → DailyApiRequests.Max (REST API Developer Guide, "Limits": resources_limits.htm). */
export async function readDailyAllocation(session: Session): Promise<number> {
  const limits = await session.request<{ DailyApiRequests?: { Max?: number } }>("GET", "/limits");
  return limits.DailyApiRequests?.Max ?? 0;
}
