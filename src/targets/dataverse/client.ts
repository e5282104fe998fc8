import { DynamicsWebApi } from "dynamics-web-api";
import { HandoverError } from "../../contracts/handover-error.js";
import { PauseGate, realSleep, type Sleep } from "../../support/pause-gate.js";
import { pauseBeforeRetry, RetriesExhausted, withRetry } from "../../support/retry-loop.js";
import { classify, isAuthError, retryAfterMs, unreachableReason } from "./errors.js";

/** Told whenever the connector waits before a retry (for progress output and metrics). */
export interface ThrottleInfo {
  readonly kind: "throttle" | "transient";
  /** How long we wait, in ms (the server's Retry-After for throttles). */
  readonly delayMs: number;
  readonly attempt: number;
  /** "request": a whole HTTP request (or $batch) was refused; "batch-part": some parts of one. */
  readonly scope: "request" | "batch-part";
}

export interface SessionOptions {
  readonly url: string;
  readonly token: () => Promise<string>;
  readonly maxRetries: number;
  readonly sleep?: Sleep;
  readonly onThrottle?: (info: ThrottleInfo) => void;
}

/** Registers one operation on a batching client; the library queues it instead of sending. */
export type BatchOp = (api: DynamicsWebApi) => Promise<unknown>;

export type PartResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

/**
 * The connector's one way to talk to Dataverse: library wiring, retries, and the pause gate that
 * every request of this connector honours together when any of them is throttled.
 */
export class Session {
  readonly #options: SessionOptions;
  readonly #gate: PauseGate;
  readonly #sleep: Sleep;
  /** For single requests. Batches get their own instance: the library keeps batch mode as
   * per-instance state, so a shared one would swallow concurrent requests into a batch. */
  readonly api: DynamicsWebApi;

  constructor(options: SessionOptions) {
    this.#options = options;
    this.#sleep = options.sleep ?? realSleep;
    this.#gate = new PauseGate(this.#sleep);
    this.api = this.#newApi();
  }

  #newApi(): DynamicsWebApi {
    const token = this.#options.token;
    return new DynamicsWebApi({ serverUrl: this.#options.url, onTokenRefresh: () => token() });
  }

  /** Runs one request with retries. Credentials refused → HO-TGT-002; retries used up →
   * HO-TGT-004 (throttled) or HO-TGT-001 (unreachable); any other error is rethrown as is. */
  async call<T>(fn: (api: DynamicsWebApi) => Promise<T>, maxRetries = this.#options.maxRetries): Promise<T> {
    try {
      return await withRetry(() => fn(this.api), this.#retryOptions("request", maxRetries));
    } catch (error) {
      throw this.#translate(error);
    }
  }

  #retryOptions(scope: ThrottleInfo["scope"], maxRetries = this.#options.maxRetries) {
    const onThrottle = this.#options.onThrottle;
    return {
      maxRetries,
      classify,
      gate: this.#gate,
      sleep: this.#sleep,
      onRetry: onThrottle ? (info: Omit<ThrottleInfo, "scope">) => onThrottle({ ...info, scope }) : undefined,
    };
  }

  #translate(error: unknown): unknown {
    if (isAuthError(error)) {
      return new HandoverError("HO-TGT-002", { status: (error as { status: number }).status }, { cause: error });
    }
    if (error instanceof RetriesExhausted) {
      if (error.kind === "throttle") {
        const after = error.retryAfterMs === undefined ? "none" : Math.round(error.retryAfterMs / 1000);
        return new HandoverError("HO-TGT-004", { attempts: error.attempts, retryAfter: after }, { cause: error.lastError });
      }
      return new HandoverError("HO-TGT-001", { reason: unreachableReason(error.lastError) }, { cause: error.lastError });
    }
    return error;
  }

  /**
   * Sends `ops` as one $batch of independent top-level operations (no change set, continue on
   * error) and returns one result per op, in order. A refused batch as a whole is retried;
   * then parts that failed transiently (429, 5xx) are re-sent alone, up to maxRetries rounds.
   * Parts still throttled after that → HO-TGT-004; still failing with 5xx → returned as errors.
   */
  async batch(ops: readonly BatchOp[]): Promise<readonly PartResult[]> {
    const results: PartResult[] = new Array(ops.length);
    let pending = ops.map((_, i) => i);
    for (let round = 0; pending.length > 0; round++) {
      const sent = pending;
      const answers = await this.call(() => this.#sendBatch(sent.map((i) => ops[i] as BatchOp)));
      const retry: number[] = [];
      let throttleMs: number | undefined;
      let throttled = false;
      let lastThrottle: unknown;
      sent.forEach((index, k) => {
        const answer = answers[k];
        if (!(answer instanceof Error)) {
          results[index] = { ok: true, value: answer };
          return;
        }
        if (isAuthError(answer)) throw this.#translate(answer);
        const verdict = classify(answer);
        results[index] = { ok: false, error: answer };
        if (verdict.kind === "fatal") return;
        retry.push(index);
        if (verdict.kind === "throttle") {
          throttled = true;
          lastThrottle = answer;
          const ms = retryAfterMs(answer);
          if (ms !== undefined) throttleMs = Math.max(throttleMs ?? 0, ms);
        }
      });
      if (retry.length === 0) break;
      if (round >= this.#options.maxRetries) {
        if (throttled) throw this.#translate(new RetriesExhausted("throttle", round + 1, lastThrottle, throttleMs));
        break; // 5xx parts stay as failed results, marked transient
      }
      const verdict = throttled ? { kind: "throttle" as const, retryAfterMs: throttleMs } : { kind: "transient" as const };
      await pauseBeforeRetry(verdict, round, this.#retryOptions("batch-part"));
      pending = retry;
    }
    return results;
  }

  async #sendBatch(ops: readonly BatchOp[]): Promise<readonly unknown[]> {
    const api = this.#newApi();
    api.startBatch();
    // Each op registers synchronously in batch mode; awaiting keeps the order explicit.
    for (const op of ops) await op(api);
    let answers: unknown;
    try {
      answers = await api.executeBatch({ continueOnError: true, inChangeSet: false });
    } catch (error) {
      // A server that ignores continue-on-error rejects with the parts as an array.
      if (!Array.isArray(error)) throw error;
      answers = error;
    }
    if (!Array.isArray(answers) || answers.length !== ops.length) {
      throw new Error(`$batch answered ${Array.isArray(answers) ? answers.length : "no"} parts for ${ops.length}`);
    }
    return answers;
  }
}
