/**
 * Paces every request made with one API key so the vendor's limit is never hit, and holds every
 * caller back while a Retry-After runs. Requests go one at a time; each may start only once
 * `spacing` has passed since the previous one's *response* arrived. Counting from the response
 * rather than the send makes the gap the server sees at least `spacing` whatever the latency
 * does (a slow first request can't land just before a fast second one), at the cost of one
 * round trip per request — a few percent at 1 request/second.
 */
export interface GateClock {
  /** Milliseconds (Date.now by default). */
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** Slack on every wait: clock rounding (whole ms) and early timers must never make us early. */
const slackMs = 2;

export class RequestGate {
  private readyAt = 0;
  private tail: Promise<unknown> = Promise.resolve();
  private readonly spacingMs: number;

  constructor(ratePerSecond: number, private readonly clock: GateClock) {
    if (!(ratePerSecond > 0)) throw new RangeError("ratePerSecond must be positive");
    this.spacingMs = 1000 / ratePerSecond;
  }

  /**
   * Runs `send` when the key may send again. `retryAfterMs` reads a throttling answer's wait
   * (undefined when it isn't one); that wait then applies to every queued caller too.
   *
   * @example const res = await gate.run(() => fetch(url), (r) => (r.status === 429 ? 1000 : undefined));
   */
  run<T>(send: () => Promise<T>, retryAfterMs: (result: T) => number | undefined): Promise<T> {
    const turn = this.tail.then(() => this.take(send, retryAfterMs));
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  private async take<T>(send: () => Promise<T>, retryAfterMs: (result: T) => number | undefined): Promise<T> {
    for (let wait = this.readyAt - this.clock.now(); wait > 0; wait = this.readyAt - this.clock.now()) await this.clock.sleep(wait);
    try {
      const result = await send();
      const pause = retryAfterMs(result);
      if (pause !== undefined) this.hold(pause);
      return result;
    } finally {
      this.hold(this.spacingMs);
    }
  }

  /** Nothing is sent for `ms` from now (plus slack), by any caller. */
  private hold(ms: number): void {
    this.readyAt = Math.max(this.readyAt, this.clock.now() + ms + slackMs);
  }
}
