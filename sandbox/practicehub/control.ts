/** `/_sandbox/*` test controls: not part of PracticeHub, never authenticated or rate limited. */
import type { ApiResponse } from "./api-routes.js";
import type { RateLimiter, RateStats } from "./rate-limiter.js";
import type { AccountStore, MutateRequest } from "./store.js";

/** One list page the API served (after auth and the rate limit let it through). */
export interface PageRequest {
  readonly object: string;
  readonly cursor: string | null;
  readonly modifiedSince: string | null;
}

/** One authenticated API request, as it arrived and was answered (the per-request log). */
export interface RequestLogEntry {
  readonly method: string;
  /** The URL path, region prefix included (`/eu/v1/patients`). */
  readonly path: string;
  /** The `cursor` query parameter, if any. */
  readonly cursor: string | null;
  /** `modified_since` (lists) or `since` (tombstones), if any. */
  readonly since: string | null;
  readonly status: number;
}

export interface PracticeHubStats extends RateStats {
  /** Every authenticated API request, refused ones included. */
  requests: number;
  unauthorized: number;
  /** Data requests sent to a region other than the account's (404 wrong_region). */
  misdirected: number;
  /** 5xx answers injected by `/_sandbox/fail`. */
  failed: number;
  pages: PageRequest[];
  /** Every authenticated API request in order, refused ones included. */
  log: RequestLogEntry[];
}

export const emptyStats = (): PracticeHubStats => ({ requests: 0, throttled: 0, duringRetryAfter: 0, unauthorized: 0, misdirected: 0, failed: 0, pages: [], log: [] });

export interface ControlEnv {
  readonly store: AccountStore;
  readonly limiter: RateLimiter;
  readonly stats: PracticeHubStats;
  /** Next `count` API requests answer `status` (e.g. 503): transient failures for retry tests. */
  failNext(count: number, status: number): void;
}

const json = (status: number, body: unknown): ApiResponse => ({ status, body });
const num = (value: unknown, fallback: number): number => (typeof value === "number" && Number.isFinite(value) ? value : fallback);

/**
 * GET stats; POST reset-stats; POST throttle {next, retryAfter}; POST fail {next, status};
 * POST mutate {object, change, add, delete, at?} → {changed, added, deleted, at}. `stats.log` lists
 * every authenticated request (method, path, cursor, since, status).
 */
export function handleControl(env: ControlEnv, method: string, path: string, body: string): ApiResponse {
  let input: Record<string, unknown>;
  try {
    input = body.trim() ? (JSON.parse(body) as Record<string, unknown>) : {};
  } catch {
    return json(400, { error: "invalid JSON" });
  }
  if (method === "GET" && path === "stats") return json(200, env.stats);
  if (method === "POST" && path === "reset-stats") {
    Object.assign(env.stats, emptyStats());
    return json(200, env.stats);
  }
  if (method === "POST" && path === "throttle") {
    env.limiter.forceThrottle(num(input.next, 1), num(input.retryAfter, 1));
    return json(200, { next: num(input.next, 1), retryAfter: num(input.retryAfter, 1) });
  }
  if (method === "POST" && path === "fail") {
    env.failNext(num(input.next, 1), num(input.status, 503));
    return json(200, { next: num(input.next, 1), status: num(input.status, 503) });
  }
  if (method === "POST" && path === "mutate") {
    if (typeof input.object !== "string" || !env.store.has(input.object)) return json(400, { error: "object must name an object" });
    if (input.at !== undefined && (typeof input.at !== "string" || Number.isNaN(Date.parse(input.at)))) return json(400, { error: "at must be an ISO instant" });
    const request: MutateRequest = {
      object: input.object, change: num(input.change, 0), add: num(input.add, 0), delete: num(input.delete, 0), ...(typeof input.at === "string" ? { at: input.at } : {}),
    };
    return json(200, env.store.mutate(request));
  }
  return json(404, { error: "unknown sandbox control endpoint" });
}
