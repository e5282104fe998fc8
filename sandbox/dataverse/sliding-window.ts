/**
 * A time-ordered list of weighted samples evaluated over a sliding window, as Dataverse
 * does for two of its three service-protection facets: "Two of the service protection
 * API limits are evaluated within a 5 minute (300 second) sliding window"
 * (learn.microsoft.com/power-apps/developer/data-platform/api-limits, "How Service
 * Protection API Limits are enforced").
 *
 * Samples must be added in non-decreasing time order (callers pass the arrival or
 * completion time of a request, which only grows).
 */
interface Sample {
  readonly at: number;
  readonly weight: number;
}

export class SlidingWindow {
  private readonly samples: Sample[] = [];
  private head = 0;
  private total = 0;

  constructor(readonly windowMs: number) {}

  /** Drops samples that are `windowMs` or more old. */
  prune(now: number): void {
    const cutoff = now - this.windowMs;
    while (this.head < this.samples.length) {
      const s = this.samples[this.head] as Sample;
      if (s.at > cutoff) break;
      this.total -= s.weight;
      this.head++;
    }
    // Compact now and then so the array doesn't grow without bound.
    if (this.head > 1024 && this.head * 2 > this.samples.length) {
      this.samples.splice(0, this.head);
      this.head = 0;
    }
    if (this.head === this.samples.length) this.total = 0; // no float drift when empty
  }

  add(at: number, weight = 1): void {
    this.samples.push({ at, weight });
    this.total += weight;
  }

  count(now: number): number {
    this.prune(now);
    return this.samples.length - this.head;
  }

  sum(now: number): number {
    this.prune(now);
    return this.total;
  }

  /**
   * Milliseconds until enough of the oldest samples have aged out that the remaining
   * total is below `limit` (0 when it already is). With unit weights and `limit` =
   * the request cap this is "time until one more request would be admitted".
   */
  msUntilBelow(limit: number, now: number): number {
    this.prune(now);
    let remaining = this.total;
    for (let i = this.head; i < this.samples.length && remaining >= limit; i++) {
      const s = this.samples[i] as Sample;
      remaining -= s.weight;
      if (remaining < limit) return Math.max(0, s.at + this.windowMs - now);
    }
    return 0;
  }
}
