import { backoffDelay, type BackoffOptions } from "./backoff.js";
import { PauseGate, type Sleep } from "./pause-gate.js";

/** What a failed attempt means for the next one. */
export type RetryVerdict =
  | { readonly kind: "throttle"; readonly retryAfterMs: number | undefined }
  | { readonly kind: "transient" }
  | { readonly kind: "fatal" };

export interface RetryInfo {
  readonly kind: "throttle" | "transient";
  readonly attempt: number;
  readonly delayMs: number;
}

export interface RetryOptions {
  readonly maxRetries: number;
  readonly classify: (error: unknown) => RetryVerdict;
  /** Shared by every sender that should hold back together on a throttle. */
  readonly gate: PauseGate;
  readonly sleep: Sleep;
  readonly backoff?: BackoffOptions;
  readonly onRetry?: (info: RetryInfo) => void;
}

/** Thrown when the last allowed attempt still failed transiently; carries what the caller needs
 * to report it (the connector turns it into its own catalogued error). */
export class RetriesExhausted extends Error {
  constructor(
    readonly kind: "throttle" | "transient",
    readonly attempts: number,
    readonly lastError: unknown,
    readonly retryAfterMs: number | undefined,
  ) {
    super(`gave up after ${attempts} attempts (${kind})`, { cause: lastError });
    this.name = "RetriesExhausted";
  }
}

/**
 * Runs `fn`, retrying throttles (after the server's Retry-After, through the shared gate) and
 * transient failures (after exponential backoff with jitter). A fatal error is rethrown as is.
 */
export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    await options.gate.wait();
    try {
      return await fn();
    } catch (error) {
      const verdict = options.classify(error);
      if (verdict.kind === "fatal") throw error;
      const retryAfterMs = verdict.kind === "throttle" ? verdict.retryAfterMs : undefined;
      if (attempt >= options.maxRetries) {
        throw new RetriesExhausted(verdict.kind, attempt + 1, error, retryAfterMs);
      }
      await pauseBeforeRetry(verdict, attempt, options);
    }
  }
}

/** Waits as a verdict asks: a throttle closes the shared gate, a transient error sleeps alone. */
export async function pauseBeforeRetry(
  verdict: Exclude<RetryVerdict, { kind: "fatal" }>,
  attempt: number,
  options: Pick<RetryOptions, "gate" | "sleep" | "backoff" | "onRetry">,
): Promise<void> {
  if (verdict.kind === "throttle") {
    const delayMs = verdict.retryAfterMs ?? backoffDelay(attempt, options.backoff);
    options.onRetry?.({ kind: "throttle", attempt, delayMs });
    await options.gate.pause(delayMs);
    return;
  }
  const delayMs = backoffDelay(attempt, options.backoff);
  options.onRetry?.({ kind: "transient", attempt, delayMs });
  await options.sleep(delayMs);
}
