/**
 * Service protection per user (api-limits page, "How Service Protection API Limits are
 * enforced"): request count and combined execution time over a sliding window, requests
 * in flight, the Retry-After penalty and its extension — plus an injectable "fail the
 * next N requests" control for retry tests.
 *
 * - User = bearer token: "The service protection API limits are evaluated per user. Each
 *   authenticated user is limited independently." MSCRMCallerID impersonation doesn't
 *   change the caller, so it is not looked at here.
 * - A $batch and a *Multiple action are ONE request for the count limit: "A batch can
 *   contain up to 1000 operations and will avoid the number of requests limit. However,
 *   you will need to be prepared for the execution time limit." and (bulk-operations
 *   page) "Each bulk operation message counts as single request". Their execution time
 *   is what the whole request took (the sum of its parts).
 * - Penalty: "If either limits are exceeded within the preceding 300 seconds, a service
 *   protection API Limit error will be returned on subsequent requests ... until the
 *   Retry-After duration has ended." and "If the application continues to send such
 *   demanding requests, the duration will be extended ... This will cause the individual
 *   retry-after duration period to be longer". So every request that arrives during a
 *   penalty is refused and pushes its end out by `extendSeconds`.
 * - Concurrency: "exceeding the number of concurrent requests will immediately return an
 *   error" — refused at once, no penalty period.
 */
import { createHash } from "node:crypto";
import type { DvError } from "./errors.js";
import type { LimitKind, ServiceProtectionConfig, ServiceProtectionOptions } from "./service-protection.js";
import { limitError, resolveServiceProtection } from "./service-protection.js";
import type { UserStats } from "./user-usage.js";
import { UserUsage } from "./user-usage.js";

/** The original v0 option (`--budget 6000/300`): maps to maxRequests + windowSeconds. */
export interface Budget {
  readonly requests: number;
  readonly windowSeconds: number;
}

export const DEFAULT_BUDGET: Budget = { requests: 6000, windowSeconds: 300 };

/** `budget` first, explicit service-protection options override it. */
export function serviceProtectionConfig(budget?: Budget, options: ServiceProtectionOptions = {}): ServiceProtectionConfig {
  return resolveServiceProtection({
    ...(budget ? { maxRequests: budget.requests, windowSeconds: budget.windowSeconds } : {}),
    ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
  });
}

export interface RequestInfo {
  readonly method: string;
  /** Entity set / operation name, for the stats log (no keys, no values). */
  readonly resource: string;
  /** The TCP connection (req.socket): a request on the one that carried a 429 was surely sent after it. */
  readonly connection?: object;
}

export interface Ticket {
  /** Ends the request; `executionMs` (measured + artificial) joins the execution window. */
  finish(executionMs: number): void;
}

export type Admission = { readonly ok: true; readonly ticket: Ticket } | { readonly ok: false; readonly error: DvError };

export interface ServiceProtectionStats {
  readonly config: Omit<ServiceProtectionConfig, "costMs" | "delayMs">;
  readonly forcedPending: number;
  /** Keyed by the bearer token (or `sha256:<16 hex>` of it when longer than 64 chars). */
  readonly users: Readonly<Record<string, UserStats>>;
}

const monotonicNow = (): number => performance.timeOrigin + performance.now();

function labelOf(token: string): string {
  return token.length <= 64 ? token : `sha256:${createHash("sha256").update(token).digest("hex").slice(0, 16)}`;
}

export class Throttle {
  readonly config: ServiceProtectionConfig;
  private readonly users = new Map<string, UserUsage>();
  /** Connection → end of the Retry-After of the last 429 it carried. */
  private readonly connections = new WeakMap<object, number>();
  private forced = 0;
  private forcedRetryAfter = 1;
  private forcedKind: LimitKind = "requests";
  throttledCount = 0;

  constructor(config: ServiceProtectionConfig | Budget = DEFAULT_BUDGET, private readonly clock: () => number = monotonicNow) {
    this.config = "requests" in config ? serviceProtectionConfig(config) : config;
  }

  now(): number {
    return this.clock();
  }

  /** Makes the next `n` requests (any user) fail with 429 and `Retry-After: retryAfter`. */
  failNext(n: number, retryAfter: number, kind: LimitKind = "requests"): void {
    this.forced = Math.max(0, Math.floor(n));
    this.forcedRetryAfter = Math.max(0, Math.floor(retryAfter));
    this.forcedKind = kind;
  }

  private userFor(token: string): UserUsage {
    const label = labelOf(token);
    let u = this.users.get(label);
    if (!u) {
      u = new UserUsage(`user-${this.users.size + 1}`, this.config);
      this.users.set(label, u);
    }
    return u;
  }

  private reject(u: UserUsage, info: RequestInfo, kind: LimitKind, retryAfterSeconds: number, now: number): Admission {
    const seconds = Math.max(0, Math.ceil(retryAfterSeconds));
    this.throttledCount++;
    u.noteThrottled(kind, seconds, now);
    if (info.connection) this.connections.set(info.connection, now + seconds * 1000);
    return { ok: false, error: limitError(kind, this.config, seconds) };
  }

  /** Window limit hit: Retry-After = time until enough of the window has slid; penalty until then. */
  private penalize(u: UserUsage, info: RequestInfo, kind: LimitKind, msUntilAdmitted: number, now: number): Admission {
    // The grace keeps a client that waits exactly Retry-After from landing a hair too early.
    const seconds = Math.max(1, Math.ceil((msUntilAdmitted + this.config.retryAfterGraceMs) / 1000));
    u.penaltyUntil = now + seconds * 1000;
    u.penaltyKind = kind;
    return this.reject(u, info, kind, seconds, now);
  }

  /** Decides on one arriving request of the user behind `token`. */
  admit(token: string, info: RequestInfo, now = this.clock()): Admission {
    const { config } = this;
    const u = this.userFor(token);
    const grace = config.retryAfterGraceMs;
    if (now < u.announcedUntil - grace) {
      const sameConnection = info.connection !== undefined && now < (this.connections.get(info.connection) ?? 0);
      u.noteEarly(now, sameConnection, config.inFlightGraceMs, info.method, info.resource);
    }
    if (this.forced > 0) {
      this.forced--;
      return this.reject(u, info, this.forcedKind, this.forcedRetryAfter, now);
    }
    if (now < u.penaltyUntil - grace) {
      const extendMs = config.extendSeconds * 1000;
      u.penaltyUntil += extendMs;
      u.penaltyExtensions++;
      u.penaltyExtendedMs += extendMs;
      return this.reject(u, info, u.penaltyKind ?? "requests", (u.penaltyUntil - now) / 1000, now);
    }
    if (u.inFlight >= config.maxConcurrent) return this.reject(u, info, "concurrency", config.concurrencyRetryAfterSeconds, now);
    if (u.requests.count(now) >= config.maxRequests) {
      return this.penalize(u, info, "requests", u.requests.msUntilBelow(config.maxRequests, now), now);
    }
    if (u.execution.sum(now) >= config.maxExecutionMs) {
      return this.penalize(u, info, "execution", u.execution.msUntilBelow(config.maxExecutionMs, now), now);
    }
    u.requests.add(now);
    u.admitted++;
    u.inFlight++;
    u.maxConcurrentSeen = Math.max(u.maxConcurrentSeen, u.inFlight);
    let finished = false;
    return {
      ok: true,
      ticket: {
        finish: (executionMs) => {
          if (finished) return;
          finished = true;
          u.inFlight--;
          if (executionMs > 0) u.execution.add(this.clock(), executionMs);
        },
      },
    };
  }

  stats(now = this.clock()): ServiceProtectionStats {
    const { costMs: _c, delayMs: _d, ...config } = this.config;
    const users: Record<string, UserStats> = {};
    for (const [label, u] of this.users) users[label] = u.snapshot(now);
    return { config, forcedPending: this.forced, users };
  }
}
