/**
 * Service-protection configuration and the three 429 errors.
 *
 * Source: learn.microsoft.com/power-apps/developer/data-platform/api-limits
 * (MicrosoftDocs/powerapps-docs, powerapps-docs/developer/data-platform/api-limits.md):
 * "The service protection API limits are evaluated per user", defaults per web server
 * "6000 within the 5 minute sliding window", execution time "20 minutes (1200 seconds)
 * within the 5 minute sliding window", concurrent requests "52 or higher".
 */
import type { DvRequest } from "./context.js";
import { DvError } from "./errors.js";

export type LimitKind = "requests" | "execution" | "concurrency";

/** Hex codes from the api-limits page ("Service Protection API Limit Errors returned"). */
export const LIMIT_CODES: Readonly<Record<LimitKind, string>> = {
  requests: "0x80072322",
  execution: "0x80072321",
  concurrency: "0x80072326",
};

export interface ServiceProtectionOptions {
  /** Sliding window for the request-count and execution-time limits (default 300). */
  readonly windowSeconds?: number;
  /** Requests per user per window (default 6000). */
  readonly maxRequests?: number;
  /** Combined execution ms per user per window (default 1,200,000). */
  readonly maxExecutionMs?: number;
  /** Requests of one user in flight at once (default 52). */
  readonly maxConcurrent?: number;
  /**
   * Artificial execution cost (ms) added per routed operation — once for a plain request,
   * once per part of a $batch — so tests can make execution time the binding limit
   * without actually being slow. Default: none.
   */
  readonly costMs?: (req: DvRequest) => number;
  /** Real delay (ms) before a top-level request is handled; it holds a concurrency slot. */
  readonly delayMs?: (req: DvRequest) => number;
  /**
   * How much each request sent during a penalty lengthens it (default: 1 s per minute of
   * window, at least 1 s — 5 s for the real 300 s window). The docs give no number.
   */
  readonly extendSeconds?: number;
  /** Retry-After sent with a concurrency 429 (default 1). Emulator choice; not documented. */
  readonly concurrencyRetryAfterSeconds?: number;
  /**
   * Tolerance for clocks/timers when deciding that a request arrived *before* an
   * announced Retry-After ended (default 5 ms).
   */
  readonly retryAfterGraceMs?: number;
  /**
   * A request arriving on another connection within this many ms of the first 429 of a
   * Retry-After period is taken to have been in flight already, not sent in disobedience
   * (default 25). Requests on the connection that carried the 429 always count.
   */
  readonly inFlightGraceMs?: number;
}

export interface ServiceProtectionConfig {
  readonly windowSeconds: number;
  readonly maxRequests: number;
  readonly maxExecutionMs: number;
  readonly maxConcurrent: number;
  readonly extendSeconds: number;
  readonly concurrencyRetryAfterSeconds: number;
  readonly retryAfterGraceMs: number;
  readonly inFlightGraceMs: number;
  readonly costMs?: (req: DvRequest) => number;
  readonly delayMs?: (req: DvRequest) => number;
}

export const SERVICE_PROTECTION_DEFAULTS = {
  windowSeconds: 300,
  maxRequests: 6000,
  maxExecutionMs: 1_200_000,
  maxConcurrent: 52,
} as const;

const positive = (v: number | undefined, fallback: number): number =>
  v !== undefined && Number.isFinite(v) && v > 0 ? v : fallback;

export function resolveServiceProtection(options: ServiceProtectionOptions = {}): ServiceProtectionConfig {
  const windowSeconds = positive(options.windowSeconds, SERVICE_PROTECTION_DEFAULTS.windowSeconds);
  return {
    windowSeconds,
    maxRequests: Math.floor(positive(options.maxRequests, SERVICE_PROTECTION_DEFAULTS.maxRequests)),
    maxExecutionMs: positive(options.maxExecutionMs, SERVICE_PROTECTION_DEFAULTS.maxExecutionMs),
    maxConcurrent: Math.floor(positive(options.maxConcurrent, SERVICE_PROTECTION_DEFAULTS.maxConcurrent)),
    extendSeconds: positive(options.extendSeconds, Math.max(1, Math.round(windowSeconds / 60))),
    concurrencyRetryAfterSeconds: Math.ceil(positive(options.concurrencyRetryAfterSeconds, 1)),
    retryAfterGraceMs: Math.max(0, options.retryAfterGraceMs ?? 5),
    inFlightGraceMs: Math.max(0, options.inFlightGraceMs ?? 25),
    costMs: options.costMs,
    delayMs: options.delayMs,
  };
}

/** The api-limits page writes the execution limit with thousands separators ("1,200,000"). */
const grouped = (n: number): string => Math.round(n).toLocaleString("en-US");

/** A 429 with the documented code and message (numbers from config) and integer Retry-After. */
export function limitError(kind: LimitKind, config: ServiceProtectionConfig, retryAfterSeconds: number): DvError {
  const w = config.windowSeconds;
  const message =
    kind === "requests"
      ? `Number of requests exceeded the limit of ${config.maxRequests} over time window of ${w} seconds.`
      : kind === "execution"
        ? `Combined execution time of incoming requests exceeded limit of ${grouped(config.maxExecutionMs)} milliseconds over time window of ${w} seconds. Decrease number of concurrent requests or reduce the duration of requests and try again later.`
        : `Number of concurrent requests exceeded the limit of ${config.maxConcurrent}.`;
  return new DvError(429, LIMIT_CODES[kind], message, { "Retry-After": String(Math.max(0, Math.ceil(retryAfterSeconds))) });
}
