/** Exponential backoff with jitter, as a pure function of the attempt number (0-based). */
export interface BackoffOptions {
  /** Delay before the first retry, before jitter. */
  readonly baseMs?: number;
  /** Upper bound of any single delay. */
  readonly maxMs?: number;
  /** Source of randomness in [0, 1); injectable so tests are deterministic. */
  readonly random?: () => number;
}

export const defaultBackoff = { baseMs: 500, maxMs: 30_000 } as const;

/**
 * "Equal jitter": half the exponential delay is fixed, half is random. The fixed half keeps a
 * floor under the wait (a server that is down gets real breathing room); the random half spreads
 * concurrent senders apart so they don't retry in lock-step.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? defaultBackoff.baseMs;
  const max = options.maxMs ?? defaultBackoff.maxMs;
  const random = options.random ?? Math.random;
  const exp = Math.min(max, base * 2 ** Math.max(0, attempt));
  return Math.round(exp / 2 + (exp / 2) * random());
}
