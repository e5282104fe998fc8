/**
 * Service protection v0: the "number of requests" limit over a sliding window
 * (0x80072322), plus an injectable "fail the next N requests" control for retry tests.
 *
 * Counting rule: a $batch counts as ONE request. Microsoft's api-limits page says a
 * batch "can contain up to 1000 operations and will avoid the number of requests
 * limit" (execution-time limits catch batches instead; not emulated in v0).
 */
import { throttled } from "./errors.js";
import type { DvError } from "./errors.js";

export interface Budget {
  readonly requests: number;
  readonly windowSeconds: number;
}

export const DEFAULT_BUDGET: Budget = { requests: 6000, windowSeconds: 300 };

export class Throttle {
  private readonly hits: number[] = [];
  private forced = 0;
  private forcedRetryAfter = 1;
  throttledCount = 0;

  constructor(private readonly budget: Budget = DEFAULT_BUDGET) {}

  /** Makes the next `n` requests fail with 429 and `Retry-After: retryAfter`. */
  failNext(n: number, retryAfter: number): void {
    this.forced = Math.max(0, Math.floor(n));
    this.forcedRetryAfter = Math.max(0, Math.floor(retryAfter));
  }

  /** Records one request; returns the 429 error if it must be rejected (rejected ones don't count). */
  admit(now = Date.now()): DvError | undefined {
    const { requests, windowSeconds } = this.budget;
    if (this.forced > 0) {
      this.forced--;
      this.throttledCount++;
      return throttled(requests, windowSeconds, this.forcedRetryAfter);
    }
    const windowMs = windowSeconds * 1000;
    while (this.hits.length > 0 && (this.hits[0] ?? 0) <= now - windowMs) this.hits.shift();
    if (this.hits.length >= requests) {
      this.throttledCount++;
      const oldest = this.hits[0] ?? now;
      return throttled(requests, windowSeconds, Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)));
    }
    this.hits.push(now);
    return undefined;
  }
}
