/**
 * The daily API request allocation: every REST call counts, the 24-hour window is the UTC day,
 * and a spent allocation answers 403 REQUEST_LIMIT_EXCEEDED until it resets.
 */
import { SfError } from "./errors.js";
import type { OrgStore } from "./store.js";

export class ApiUsage {
  constructor(
    private readonly store: OrgStore,
    private readonly clock: () => number = Date.now,
  ) {}

  private current(): { day: string; used: number } {
    const day = new Date(this.clock()).toISOString().slice(0, 10);
    if (this.store.apiUsage.day !== day) this.store.apiUsage = { day, used: 0 };
    return this.store.apiUsage;
  }

  get used(): number {
    return this.current().used;
  }
  get max(): number {
    return this.store.settings.dailyApiLimit;
  }

  /** Counts one call, or throws 403 REQUEST_LIMIT_EXCEEDED (a refused call is not counted). */
  count(): void {
    const usage = this.current();
    if (usage.used >= this.max) throw new SfError(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
    usage.used++;
    this.store.touch();
  }

  /** Resets or sets today's count (sandbox control). */
  set(used: number): void {
    this.current().used = used;
    this.store.touch();
  }

  /** `Sforce-Limit-Info` header value. */
  header(): string {
    return `api-usage=${this.used}/${this.max}`;
  }

  /** `GET /limits`: every entry `{Max, Remaining}`. */
  limits(bulkBatchesUsed: number): Record<string, { Max: number; Remaining: number }> {
    const entry = (max: number, used = 0) => ({ Max: max, Remaining: Math.max(0, max - used) });
    return {
      ConcurrentAsyncGetReportInstances: entry(200), ConcurrentSyncReportRuns: entry(20),
      DailyApiRequests: entry(this.max, this.used), DailyAsyncApexExecutions: entry(250000), DailyBulkApiBatches: entry(15000, bulkBatchesUsed),
      DailyBulkV2QueryFileStorageMB: entry(976562), DailyBulkV2QueryJobs: entry(10000), DailyStreamingApiEvents: entry(10000),
      DataStorageMB: entry(5), FileStorageMB: entry(20), HourlyODataCallout: entry(10000), MassEmail: entry(10), SingleEmail: entry(15),
    };
  }
}
