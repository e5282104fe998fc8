/**
 * Adaptive concurrency for ONE Dataverse user (service protection is evaluated per user —
 * https://learn.microsoft.com/power-apps/developer/data-platform/api-limits, "How service
 * protection API limits are enforced"). AIMD, like TCP congestion control:
 *
 * - start low (2 in flight) and add one slot per "round" of healthy, saturated answers —
 *   the docs: "start with a lower number of requests and gradually increase until you start
 *   hitting the service protection API limits";
 * - halve on a 429 or when latency climbs well above its baseline, at most once per round
 *   (answers to requests sent before the last cut belong to the same congestion event);
 * - never above `max` (52: the documented concurrent-request limit per user, 0x80072326);
 * - the execution-time limit (20 min of server time per 5-minute sliding window, 0x80072321)
 *   is tracked from what each request cost us: round-trip time, an upper bound of server time.
 *   Dataverse's `x-ms-ratelimit-time-remaining-xrm-requests` header exists, but the docs say
 *   not to steer by it ("intended for debugging purposes") and the library hides success headers.
 *   Past `softShare` of the budget the allowed concurrency shrinks linearly; past `hardShare`
 *   nothing new starts until old spending leaves the window.
 *
 * - the request-count limit (6,000 requests per user per 5-minute sliding window, 0x80072322) is
 *   paced from the client side: past `hardShare` of `maxRequests` started inside the window,
 *   nothing new starts until the oldest start leaves it — so a long run spends its window
 *   without provoking 429s and their Retry-After pauses. Set both to the org's real numbers.
 *
 * Retry-After is not handled here: the user's PauseGate holds every sender (see Session).
 */
import type { Sleep } from "../../support/pause-gate.js";

export interface GovernorOptions {
  /** Slots at start. */
  readonly initial?: number;
  /** Hard ceiling of requests in flight for this user. */
  readonly max?: number;
  readonly min?: number;
  /** Multiplier applied on a congestion signal (429, latency rise). */
  readonly decrease?: number;
  /** A latency rise is "fast average > baseline × latencyFactor"… */
  readonly latencyFactor?: number;
  /** …and at least this many ms above it (small absolute jitters are noise). */
  readonly latencyFloorMs?: number;
  /** Server time allowed per window (api-limits: 1,200,000 ms per 300 s). */
  readonly executionBudgetMs?: number;
  /** Requests per window per user (api-limits: 6,000 per 300 s). */
  readonly maxRequests?: number;
  readonly windowMs?: number;
  /** Share of the budget after which concurrency shrinks, and after which nothing starts. */
  readonly softShare?: number;
  readonly hardShare?: number;
  readonly now?: () => number;
  /** Used only to wait for execution budget to come back; real time by default. */
  readonly sleep?: Sleep;
}

export const governorDefaults = {
  initial: 2,
  max: 52,
  min: 1,
  decrease: 0.5,
  latencyFactor: 2.5,
  latencyFloorMs: 500,
  executionBudgetMs: 1_200_000,
  maxRequests: 6000,
  windowMs: 300_000,
  softShare: 0.7,
  hardShare: 0.95,
} as const;

/** What one finished request tells the governor. */
export type Signal = "ok" | "throttle" | "error";

/** A held slot: when it started, and the congestion epoch it started in. */
export interface Ticket {
  readonly startedAt: number;
  readonly epoch: number;
}

export interface GovernorSnapshot {
  readonly limit: number;
  readonly allowed: number;
  readonly inFlight: number;
  readonly peakInFlight: number;
  readonly cuts: number;
  readonly spentMs: number;
}

type Settings = { -readonly [K in keyof typeof governorDefaults]: number };

export class Governor {
  readonly #o: Settings;
  readonly #now: () => number;
  readonly #sleep: Sleep;
  #limit: number;
  #inFlight = 0;
  #peak = 0;
  #epoch = 0;
  #cuts = 0;
  /** Last time every slot was taken: only a sender that used its slots earns more. */
  #fullAt = -Infinity;
  #fast: number | undefined;
  #base: number | undefined;
  readonly #spent: { at: number; ms: number }[] = [];
  /** When each request inside the window started (ascending). */
  readonly #starts: number[] = [];
  readonly #waiters: (() => void)[] = [];
  #budgetTimer = false;

  constructor(options: GovernorOptions = {}) {
    const { now, sleep, ...rest } = options;
    const o: Settings = { ...governorDefaults };
    for (const [k, v] of Object.entries(rest)) if (typeof v === "number" && Number.isFinite(v)) o[k as keyof Settings] = v;
    o.max = Math.max(1, Math.floor(o.max));
    o.min = Math.max(1, Math.min(o.max, Math.floor(o.min)));
    this.#o = o;
    this.#now = now ?? Date.now;
    this.#sleep = sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.#limit = Math.max(o.min, Math.min(o.max, o.initial));
  }

  /** Server time spent inside the sliding window. */
  spentMs(now = this.#now()): number {
    const from = now - this.#o.windowMs;
    while (this.#spent.length > 0 && (this.#spent[0]?.at ?? 0) <= from) this.#spent.shift();
    return this.#spent.reduce((sum, e) => sum + e.ms, 0);
  }

  /** Requests started inside the sliding window. */
  startedInWindow(now = this.#now()): number {
    const from = now - this.#o.windowMs;
    let drop = 0;
    while (drop < this.#starts.length && (this.#starts[drop] ?? 0) <= from) drop++;
    if (drop > 0) this.#starts.splice(0, drop);
    return this.#starts.length;
  }

  /** Slots usable now: the AIMD limit, scaled down as the execution budget runs out; none while
   * the window already holds its share of requests. */
  allowed(now = this.#now()): number {
    const { executionBudgetMs: budget, softShare, hardShare } = this.#o;
    if (this.startedInWindow(now) >= this.#requestCap()) return 0;
    const limit = Math.floor(this.#limit);
    const used = this.spentMs(now);
    const soft = budget * softShare;
    const hard = budget * hardShare;
    if (used <= soft) return limit;
    if (used >= hard) return 0;
    return Math.max(1, Math.floor((limit * (hard - used)) / (hard - soft)));
  }

  snapshot(): GovernorSnapshot {
    return {
      limit: Math.floor(this.#limit), allowed: this.allowed(), inFlight: this.#inFlight,
      peakInFlight: this.#peak, cuts: this.#cuts, spentMs: this.spentMs(),
    };
  }

  /** Takes a slot if one is free now. */
  tryAcquire(): Ticket | undefined {
    const now = this.#now();
    if (this.#inFlight >= this.allowed(now)) return undefined;
    this.#inFlight++;
    this.#starts.push(now);
    this.#peak = Math.max(this.#peak, this.#inFlight);
    if (this.#inFlight >= Math.floor(this.#limit)) this.#fullAt = now;
    return { startedAt: now, epoch: this.#epoch };
  }

  /** Waits for a slot (first come, first served; a woken waiter that lost a race re-queues). */
  async acquire(): Promise<Ticket> {
    if (this.#waiters.length === 0) {
      const ticket = this.tryAcquire();
      if (ticket) return ticket;
    }
    for (;;) {
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve);
        this.#armBudgetTimer();
      });
      const ticket = this.tryAcquire();
      if (ticket) return ticket;
    }
  }

  /** Gives the slot back and learns from how the request went. */
  release(ticket: Ticket, signal: Signal): void {
    const now = this.#now();
    this.#inFlight = Math.max(0, this.#inFlight - 1);
    const elapsed = Math.max(0, now - ticket.startedAt);
    this.#spent.push({ at: now, ms: elapsed });
    if (signal === "throttle") this.#cut(ticket);
    else if (signal === "ok") {
      if (this.#latencyRose(elapsed)) this.#cut(ticket);
      else if (this.#fullAt >= ticket.startedAt) this.#limit = Math.min(this.#o.max, this.#limit + 1 / Math.floor(this.#limit));
    }
    this.#wake();
  }

  /** A congestion signal not tied to one slot (e.g. throttled parts inside a $batch). */
  congestion(): void {
    this.#cut({ startedAt: this.#now(), epoch: this.#epoch });
  }

  /** Runs `send` in a slot; `judge` reads its error as a signal. */
  async run<T>(send: () => Promise<T>, judge: (error: unknown) => Signal, before?: () => Promise<void>): Promise<T> {
    const ticket = await this.acquire();
    let signal: Signal = "ok";
    try {
      if (before) await before();
      return await send();
    } catch (error) {
      signal = judge(error);
      throw error;
    } finally {
      this.release(ticket, signal);
    }
  }

  #requestCap(): number {
    return Math.max(1, Math.floor(this.#o.maxRequests * this.#o.hardShare));
  }

  #cut(ticket: Ticket): void {
    if (ticket.epoch !== this.#epoch) return; // same congestion event as the last cut
    this.#epoch++;
    this.#cuts++;
    this.#limit = Math.max(this.#o.min, Math.floor(this.#limit * this.#o.decrease));
    this.#fast = this.#base; // judge latency afresh at the new rate
  }

  /** Fast and slow moving averages of round-trip time; "rose" = fast well above slow. */
  #latencyRose(ms: number): boolean {
    if (this.#base === undefined || this.#fast === undefined) {
      this.#base = ms;
      this.#fast = ms;
      return false;
    }
    this.#fast = this.#fast * 0.7 + ms * 0.3;
    this.#base = this.#base * 0.95 + ms * 0.05;
    const { latencyFactor, latencyFloorMs } = this.#o;
    return this.#fast > this.#base * latencyFactor && this.#fast - this.#base > latencyFloorMs;
  }

  #wake(): void {
    let free = this.allowed() - this.#inFlight;
    while (free-- > 0 && this.#waiters.length > 0) this.#waiters.shift()?.();
    if (this.#waiters.length > 0) this.#armBudgetTimer();
  }

  /** Over a budget or cap, no release will wake the queue: a timer must. */
  #armBudgetTimer(): void {
    // allowed() is 0 only for a budget or request cap, which only time lifts: releases won't.
    if (this.#budgetTimer || this.allowed() > 0) return;
    const now = this.#now();
    const hard = this.#o.executionBudgetMs * this.#o.hardShare;
    let used = this.spentMs(now);
    let at = now;
    for (const e of this.#spent) {
      if (used < hard) break;
      used -= e.ms;
      at = e.at + this.#o.windowMs;
    }
    // The request cap: wait until enough starts have left the window.
    const over = this.startedInWindow(now) - this.#requestCap();
    if (over >= 0) at = Math.max(at, (this.#starts[over] ?? now) + this.#o.windowMs);
    this.#budgetTimer = true;
    void this.#sleep(Math.max(1, at - now + 1)).then(() => {
      this.#budgetTimer = false;
      this.#wake();
      if (this.#waiters.length > 0) this.#armBudgetTimer();
    });
  }
}
