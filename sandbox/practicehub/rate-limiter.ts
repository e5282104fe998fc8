/**
 * PracticeHub's per-key limit: a token bucket holding one request, refilled at `perSecond`
 * (1 by default, no burst). A request with no token gets 429 and a Retry-After in whole seconds;
 * until that time passes, further requests from the key are answered 429 too and counted as
 * "sent during Retry-After" — the figure that shows whether a client obeys.
 */
export interface RateStats {
  /** 429 answers, forced ones included. */
  throttled: number;
  /** Requests that arrived while a Retry-After given to their key was still running. */
  duringRetryAfter: number;
}

export type Admission = { readonly ok: true } | { readonly ok: false; readonly retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  refilledAt: number;
  blockedUntil: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private forced: { count: number; seconds: number } = { count: 0, seconds: 1 };

  constructor(
    private readonly perSecond: number,
    readonly stats: RateStats,
    /** Milliseconds, high resolution: token refill is measured to the fraction. */
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** The next `count` requests (after any Retry-After running) get 429 with this Retry-After. */
  forceThrottle(count: number, seconds: number): void {
    this.forced = { count, seconds };
  }

  admit(key: string): Admission {
    const now = this.clock();
    const bucket = this.buckets.get(key) ?? { tokens: 1, refilledAt: now, blockedUntil: -Infinity };
    this.buckets.set(key, bucket);
    bucket.tokens = Math.min(1, bucket.tokens + ((now - bucket.refilledAt) * this.perSecond) / 1000);
    bucket.refilledAt = now;
    if (now < bucket.blockedUntil) {
      this.stats.duringRetryAfter += 1;
      return this.refuse(bucket, now, Math.ceil((bucket.blockedUntil - now) / 1000));
    }
    if (this.forced.count > 0) {
      this.forced.count -= 1;
      return this.refuse(bucket, now, this.forced.seconds);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return this.refuse(bucket, now, Math.max(1, Math.ceil((1 - bucket.tokens) / this.perSecond)));
  }

  private refuse(bucket: Bucket, now: number, seconds: number): Admission {
    this.stats.throttled += 1;
    bucket.blockedUntil = Math.max(bucket.blockedUntil, now + seconds * 1000);
    return { ok: false, retryAfterSeconds: seconds };
  }
}
