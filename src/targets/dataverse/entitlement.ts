/**
 * How many Dataverse API requests a run will take, against the daily Power Platform request
 * entitlement. Pure arithmetic, so the plan stage can show it before anything is sent.
 *
 * Figures: Microsoft Learn "Requests limits and allocations"
 * (learn.microsoft.com/power-platform/admin/api-request-limits-allocations, revision of 2025-05-29):
 * - licensed users, per paid license per 24 hours: 40,000 for Dynamics 365 Sales Enterprise /
 *   Professional, Power Apps per user and similar; 6,000 for Power Apps per app, Team Member…;
 * - non-licensed users (application users, non-interactive, administrative, SYSTEM) draw on a
 *   pool "defined and pooled at the tenant level": with Dynamics 365 Enterprise/Professional
 *   licenses 500,000 base requests + 5,000 per USL, up to 10,000,000 per 24 hours; Power Apps or
 *   Power Automate only: 25,000. So spreading a load over several application users raises
 *   service-protection throughput (limits per user) but NOT the daily entitlement (one pool).
 *
 * What counts: "all create, read, update, and delete (CRUD) … operations"; the api-limits page
 * adds "Entitlement limits are based on CRUD operations and accrue whether or not they are
 * included in a batch operation" — so every operation inside a `$batch` counts. The docs say
 * nothing specific about bulk messages; we count each UpsertMultiple target as one operation
 * (the conservative reading). "System metadata operations" are excluded by the docs; we still
 * count our few metadata reads (conservative, and they are a rounding error). Retries are not
 * included: they depend on throttling nobody can predict.
 */

export const entitlements = {
  licensedUser: 40_000,
  perAppUser: 6_000,
  applicationUserPoolBase: 500_000,
  applicationUserPoolPerLicense: 5_000,
  applicationUserPoolMax: 10_000_000,
  powerPlatformOnlyPool: 25_000,
} as const;

/** The tenant's non-licensed (application user) pool for `d365Licenses` Enterprise/Professional USLs. */
export function applicationUserPool(d365Licenses: number): number {
  const accrued = Math.max(0, Math.floor(d365Licenses)) * entitlements.applicationUserPoolPerLicense;
  return Math.min(entitlements.applicationUserPoolMax, entitlements.applicationUserPoolBase + accrued);
}

export interface RequestPlan {
  /** Rows to write per target table. */
  readonly tables: readonly { readonly table: string; readonly rows: number }[];
  /** Rows per write() call (the load stage's batch size). */
  readonly batchSize: number;
  /** Operations per `$batch` request inside one write() (the connector's batchSize; default = batchSize). */
  readonly opsPerBatch?: number;
  /** "auto" (default): UpsertMultiple for write calls of ≥ bulkThreshold rows, as the connector does. */
  readonly writePath?: "batch" | "bulk" | "auto";
  readonly bulkThreshold?: number;
  readonly bulkSize?: number;
  /** The load stage reads before-images before each write call (default true). */
  readonly beforeImages?: boolean;
  /** The verify stage reads every written row back (default true). */
  readonly verify?: boolean;
  /** Metadata requests per table (entity, attributes, keys; default 3), plus one WhoAmI. */
  readonly metadataPerTable?: number;
  /** Keys per read query (the connector's 50). */
  readonly keysPerQuery?: number;
  /** Requests allowed per 24 h for the identity that runs (default: the 500,000 base pool). */
  readonly entitlement?: number;
}

export interface RequestBreakdown {
  /** Operations written (one per row; each $batch part and each UpsertMultiple target counts). */
  readonly writes: number;
  /** The connector's "which keys exist" query before each chunk (for `created`). */
  readonly preReads: number;
  /** Id look-ups after UpsertMultiple (it returns no ids). */
  readonly idReads: number;
  readonly beforeImages: number;
  readonly verifyReads: number;
  readonly metadata: number;
}

export interface RequestEstimate {
  /** Requests counted against the entitlement. */
  readonly requests: number;
  /** HTTP requests sent (what service protection's request limit sees: a $batch is one). */
  readonly httpRequests: number;
  readonly entitlement: number;
  /** requests ÷ entitlement (1 = a whole day's allowance). */
  readonly share: number;
  readonly breakdown: RequestBreakdown;
}

const ceilDiv = (a: number, b: number) => (a <= 0 ? 0 : Math.ceil(a / Math.max(1, b)));

/** Sizes of consecutive chunks of `n` items, `size` at a time. */
function chunks(n: number, size: number): number[] {
  const out: number[] = [];
  for (let left = Math.max(0, Math.floor(n)); left > 0; left -= size) out.push(Math.min(size, left));
  return out;
}

export function estimateRequests(plan: RequestPlan): RequestEstimate {
  const batchSize = Math.max(1, Math.floor(plan.batchSize));
  const opsPerBatch = Math.max(1, Math.floor(plan.opsPerBatch ?? batchSize));
  const threshold = plan.bulkThreshold ?? 10;
  const bulkSize = Math.max(1, Math.floor(plan.bulkSize ?? 100));
  const keys = Math.max(1, Math.floor(plan.keysPerQuery ?? 50));
  const path = plan.writePath ?? "auto";
  let writes = 0, writeHttp = 0, preReads = 0, idReads = 0, beforeImages = 0, verifyReads = 0;
  for (const { rows } of plan.tables) {
    for (const call of chunks(rows, batchSize)) {
      if (plan.beforeImages ?? true) beforeImages += ceilDiv(call, keys);
      const bulk = path === "bulk" || (path === "auto" && threshold > 0 && call >= threshold);
      for (const part of chunks(call, bulk ? bulkSize : opsPerBatch)) {
        writes += part;
        writeHttp += 1;
        preReads += ceilDiv(part, keys);
        if (bulk) idReads += ceilDiv(part, keys);
      }
    }
    if (plan.verify ?? true) verifyReads += ceilDiv(rows, keys);
  }
  const metadata = plan.tables.length * (plan.metadataPerTable ?? 3) + 1;
  const reads = preReads + idReads + beforeImages + verifyReads + metadata;
  const requests = writes + reads;
  const entitlement = plan.entitlement ?? entitlements.applicationUserPoolBase;
  return {
    requests,
    httpRequests: writeHttp + reads,
    entitlement,
    share: entitlement > 0 ? requests / entitlement : Infinity,
    breakdown: { writes, preReads, idReads, beforeImages, verifyReads, metadata },
  };
}
