/** Per-user service-protection state (one per distinct bearer token) and its stats view. */
import type { LimitKind, ServiceProtectionConfig } from "./service-protection.js";
import { LIMIT_CODES } from "./service-protection.js";
import { SlidingWindow } from "./sliding-window.js";

/** One request that arrived while a Retry-After we had announced to its user was running. */
export interface EarlyRequest {
  readonly at: string;
  /** How long before the announced Retry-After ended it arrived. */
  readonly earlyByMs: number;
  /** Time since the first 429 of this Retry-After period was issued. */
  readonly sincePeriodStartMs: number;
  /** True when it came on a connection that had already carried one of those 429s. */
  readonly sameConnection: boolean;
  readonly method: string;
  /** Entity set / operation name only — never keys or other submitted values. */
  readonly resource: string;
}

export interface UserStats {
  /** Sandbox-assigned name, `user-1`, `user-2`… in order of first request. */
  readonly user: string;
  readonly requestsInWindow: number;
  readonly executionMsInWindow: number;
  readonly inFlight: number;
  readonly maxConcurrentSeen: number;
  readonly admitted: number;
  /** 429s sent to this user, by hex code. */
  readonly throttled: Readonly<Record<string, number>>;
  /**
   * Requests that arrived before a Retry-After announced to this user had elapsed and were
   * sent after the client could know it: on a connection that already carried a 429 of the
   * period, or more than `inFlightGraceMs` after the period's first 429.
   */
  readonly sentDuringRetryAfter: number;
  /** The most recent of those (at most 100). */
  readonly sentDuringRetryAfterLog: readonly EarlyRequest[];
  /** Arrivals during a Retry-After that were probably already in flight when the 429 went out. */
  readonly inFlightDuringRetryAfter: number;
  /** End of the latest Retry-After announced to this user (ISO) or null. */
  readonly retryAfterUntil: string | null;
  readonly penalty: {
    readonly active: boolean;
    readonly kind: LimitKind | null;
    readonly until: string | null;
    /** How many times sending during the penalty extended it. */
    readonly extensions: number;
    readonly extendedMs: number;
  };
}

const LOG_CAP = 100;

export class UserUsage {
  readonly requests: SlidingWindow;
  readonly execution: SlidingWindow;
  inFlight = 0;
  maxConcurrentSeen = 0;
  admitted = 0;
  readonly throttled: Record<string, number> = {};
  /** End of the latest Retry-After we told this user about, and when that period began. */
  announcedUntil = 0;
  announcedFrom = 0;
  /** Window-limit penalty: every request before this instant is refused (and extends it). */
  penaltyUntil = 0;
  penaltyKind: LimitKind | undefined;
  penaltyExtensions = 0;
  penaltyExtendedMs = 0;
  sentDuringRetryAfter = 0;
  inFlightDuringRetryAfter = 0;
  private readonly log: EarlyRequest[] = [];

  constructor(readonly user: string, config: ServiceProtectionConfig) {
    this.requests = new SlidingWindow(config.windowSeconds * 1000);
    this.execution = new SlidingWindow(config.windowSeconds * 1000);
  }

  /** Records an arrival before the announced Retry-After ended (`graceMs` = in-flight tolerance). */
  noteEarly(now: number, sameConnection: boolean, graceMs: number, method: string, resource: string): void {
    const sincePeriodStartMs = Math.round(now - this.announcedFrom);
    if (!sameConnection && sincePeriodStartMs <= graceMs) {
      this.inFlightDuringRetryAfter++;
      return;
    }
    this.sentDuringRetryAfter++;
    const earlyByMs = Math.round(this.announcedUntil - now);
    this.log.push({ at: new Date(now).toISOString(), earlyByMs, sincePeriodStartMs, sameConnection, method, resource });
    if (this.log.length > LOG_CAP) this.log.shift();
  }

  /** Counts a 429 and remembers the Retry-After we announced with it. */
  noteThrottled(kind: LimitKind, retryAfterSeconds: number, now: number): void {
    const code = LIMIT_CODES[kind];
    this.throttled[code] = (this.throttled[code] ?? 0) + 1;
    if (now >= this.announcedUntil) this.announcedFrom = now;
    this.announcedUntil = Math.max(this.announcedUntil, now + retryAfterSeconds * 1000);
  }

  snapshot(now: number): UserStats {
    const iso = (t: number): string | null => (t > 0 ? new Date(t).toISOString() : null);
    return {
      user: this.user,
      requestsInWindow: this.requests.count(now),
      executionMsInWindow: Math.round(this.execution.sum(now)),
      inFlight: this.inFlight,
      maxConcurrentSeen: this.maxConcurrentSeen,
      admitted: this.admitted,
      throttled: { ...this.throttled },
      sentDuringRetryAfter: this.sentDuringRetryAfter,
      sentDuringRetryAfterLog: [...this.log],
      inFlightDuringRetryAfter: this.inFlightDuringRetryAfter,
      retryAfterUntil: iso(this.announcedUntil),
      penalty: {
        active: now < this.penaltyUntil,
        kind: this.penaltyKind ?? null,
        until: iso(this.penaltyUntil),
        extensions: this.penaltyExtensions,
        extendedMs: this.penaltyExtendedMs,
      },
    };
  }
}
