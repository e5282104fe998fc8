/**
 * The daily API allocation governor. Salesforce counts every REST, Bulk and Tooling call
 * against the org's 24-hour "DailyApiRequests" allocation, shared with the org's own users and
 * integrations, and reports usage on each response in `Sforce-Limit-Info: api-usage=used/max`
 * (REST API Developer Guide, "Limit Info Header":
 * developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_api_usage.htm).
 * A migration must not starve the org: we stop once our calls would eat into the reserve,
 * before sending, so nothing is left half-sent, and throw HO-TGT-007 (transient) so a later
 * `handover run` resumes.
 */
import { HandoverError } from "../../contracts/handover-error.js";

export interface BudgetOptions {
  /** Share of the daily allocation left for the org's users (default 0.2 = 20%). */
  readonly reserveShare?: number;
}

export class Budget {
  readonly reserveShare: number;
  #used: number | undefined;
  #max: number | undefined;

  constructor(options: BudgetOptions = {}) {
    this.reserveShare = Math.min(1, Math.max(0, options.reserveShare ?? 0.2));
  }

  /** Usage as last reported by the platform (undefined before the first answer). */
  get usage(): { readonly used: number; readonly max: number } | undefined {
    return this.#used === undefined || this.#max === undefined ? undefined : { used: this.#used, max: this.#max };
  }

  /** The most calls we may have used in the day. */
  allowed(max: number): number {
    return Math.floor((1 - this.reserveShare) * max);
  }

  /** Records what a response's limit header said. Answers can arrive out of order, so a lower
   * count for the same maximum is taken as stale. */
  observe(used: number, max: number): void {
    this.#used = this.#max === max && this.#used !== undefined ? Math.max(this.#used, used) : used;
    this.#max = max;
  }

  /** Throws HO-TGT-007 when `calls` more would pass our share (no-op while usage is unknown). */
  ensure(calls = 1): void {
    const usage = this.usage;
    if (!usage) return;
    if (usage.used + calls > this.allowed(usage.max)) throw this.spent();
  }

  /** The error for a spent share (also used when the platform itself answers REQUEST_LIMIT_EXCEEDED). */
  spent(cause?: unknown): HandoverError {
    const usage = this.usage;
    return new HandoverError("HO-TGT-007", {
      used: usage?.used ?? "?", max: usage?.max ?? "?", reserve: Math.round(this.reserveShare * 100),
    }, cause === undefined ? undefined : { cause });
  }
}
