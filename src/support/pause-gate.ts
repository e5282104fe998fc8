/**
 * A pause shared by every sender of one client: when the server says "retry after N seconds"
 * (HTTP 429) to any request, all requests hold back, not just the one that was told.
 *
 * Driven by an injectable `sleep` rather than the clock, so a test's instant sleep still
 * releases waiters, and each pause calls `sleep` once with the server's value.
 */
export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class PauseGate {
  #current: Promise<void> | null = null;
  #until = 0;
  readonly #sleep: Sleep;
  readonly #now: () => number;

  constructor(sleep: Sleep = realSleep, now: () => number = Date.now) {
    this.#sleep = sleep;
    this.#now = now;
  }

  /** True while a pause is in force. */
  get paused(): boolean {
    return this.#current !== null;
  }

  /** Closes the gate for `ms`. A shorter pause inside a longer one already running adds nothing. */
  pause(ms: number): Promise<void> {
    const until = this.#now() + ms;
    if (this.#current && until <= this.#until) return this.#current;
    this.#until = until;
    const previous = this.#current;
    const next: Promise<void> = Promise.all([previous, this.#sleep(ms)]).then(() => {
      if (this.#current === next) {
        this.#current = null;
        this.#until = 0;
      }
    });
    this.#current = next;
    return next;
  }

  /** Resolves once no pause is in force (waits out pauses added while waiting). */
  async wait(): Promise<void> {
    while (this.#current) await this.#current;
  }
}
