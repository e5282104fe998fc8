import { DynamicsWebApi } from "dynamics-web-api";
import { HandoverError } from "../../contracts/handover-error.js";
import { PauseGate, realSleep, type Sleep } from "../../support/pause-gate.js";
import { pauseBeforeRetry, RetriesExhausted, withRetry } from "../../support/retry-loop.js";
import { classify, isAuthError, retryAfterMs, unreachableReason } from "./errors.js";
import { Governor, type GovernorOptions, type Signal } from "./governor.js";

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
  /** Adaptive concurrency for this user (see governor.ts). */
  readonly governor?: GovernorOptions;
}

/** Registers one operation on a batching client; the library queues it instead of sending. */
export type BatchOp = (api: DynamicsWebApi) => Promise<unknown>;

export type PartResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

/**
 * The connector's one way to talk to Dataverse as ONE user: library wiring, retries, the pause
 * gate that every request of this user honours together when any of them is throttled, and the
 * governor that decides how many requests may be in flight. Service protection limits are per
 * user (api-limits), so each user — each token — gets its own Session.
 */
export class Session {
  readonly #options: SessionOptions;
  readonly #gate: PauseGate;
  readonly #sleep: Sleep;
  readonly governor: Governor;
  /** For single requests. Batches get their own instance: the library keeps batch mode as
   * per-instance state, so a shared one would swallow concurrent requests into a batch. */
  readonly api: DynamicsWebApi;

  constructor(options: SessionOptions) {
    this.#options = options;
    this.#sleep = options.sleep ?? realSleep;
    this.#gate = new PauseGate(this.#sleep);
    this.governor = new Governor(options.governor);
    this.api = this.#newApi();
  }

  /** True while a Retry-After pause holds this user's senders. */
  get paused(): boolean {
    return this.#gate.paused;
  }

  #newApi(): DynamicsWebApi {
    const token = this.#options.token;
    const gate = this.#gate;
    // The library awaits the token right before it sends: the last moment to honour a pause
    // that began while this request waited for its slot.
    return new DynamicsWebApi({ serverUrl: this.#options.url, onTokenRefresh: async () => {
      await gate.wait();
      return token();
    } });
  }

  /** One HTTP attempt inside a governor slot, after any pause has ended. */
  #governed<T>(send: () => Promise<T>): Promise<T> {
    return this.governor.run(send, judge, () => this.#gate.wait());
  }

  /** Runs one request with retries. Credentials refused → HO-TGT-002; retries used up →
   * HO-TGT-004 (throttled) or HO-TGT-001 (unreachable); any other error is rethrown as is. */
  async call<T>(fn: (api: DynamicsWebApi) => Promise<T>, maxRetries = this.#options.maxRetries): Promise<T> {
    try {
      return await withRetry(() => this.#governed(() => fn(this.api)), this.#retryOptions("request", maxRetries));
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
      if (throttled) this.governor.congestion();
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

/** How an attempt's error steers the governor: 429 cuts; 5xx/network teach nothing; a data
 * error is a normal answer (the server was healthy enough to judge the data). */
function judge(error: unknown): Signal {
  const verdict = classify(error);
  return verdict.kind === "throttle" ? "throttle" : verdict.kind === "transient" ? "error" : "ok";
}

/**
 * Several application users sharing one run: each has its own Session (governor + pause gate),
 * and work goes to the user with the most free room. Service protection limits are per user
 * (api-limits); the daily entitlement for application users is a tenant-wide pool, so more
 * users buy throughput, not entitlement (see entitlement.ts).
 */
export class SessionPool {
  readonly sessions: readonly Session[];
  readonly #assigned: number[];

  constructor(sessions: readonly Session[]) {
    if (sessions.length === 0) throw new Error("SessionPool needs at least one session");
    this.sessions = sessions;
    this.#assigned = sessions.map(() => 0);
  }

  /** The first user: metadata, schema and other low-volume calls. */
  get primary(): Session {
    return this.sessions[0] as Session;
  }

  /** Runs `work` as the least-loaded user (work queued on a user ÷ slots it allows now). */
  async use<T>(work: (session: Session) => Promise<T>): Promise<T> {
    let best = 0;
    let bestLoad = Infinity;
    this.sessions.forEach((s, i) => {
      const snap = s.governor.snapshot();
      const load = ((this.#assigned[i] ?? 0) + (s.paused ? 1000 : 0)) / Math.max(1, snap.allowed);
      if (load < bestLoad) [best, bestLoad] = [i, load];
    });
    this.#assigned[best] = (this.#assigned[best] ?? 0) + 1;
    try {
      return await work(this.sessions[best] as Session);
    } finally {
      this.#assigned[best] = (this.#assigned[best] ?? 1) - 1;
    }
  }
}

/** One Session per token (one token = one Dataverse user); the first is the primary. */
export function sessionPool(
  tokens: readonly (() => Promise<string>)[],
  options: Omit<SessionOptions, "token">,
): SessionPool {
  return new SessionPool(tokens.map((token) => new Session({ ...options, token })));
}
