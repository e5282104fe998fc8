/**
 * PracticeHub's REST API as `get(path, params) → JSON`, with everything a caller shouldn't have
 * to think about: the account's region is resolved first (one `GET /v1/account` at the base URL
 * given, then every call goes to its `api_base_url`), every request passes the shared
 * RequestGate (so the rate limit holds across concurrent reads), a 429 waits out its Retry-After
 * and is sent again, and 5xx answers and network errors are retried with exponential backoff.
 */
import { isHandoverError } from "../../contracts/handover-error.js";
import type { FileProblem } from "../../contracts/source.js";
import { fileUrl, settleFile } from "./file-download.js";
import { RequestGate, type GateClock } from "./request-gate.js";
import { apiErrorCode, apiRefused, apiUnavailable } from "./source-errors.js";

export interface ApiClientOptions extends GateClock {
  /** Global base URL (`https://api.practicehub.example`); a regional one works too. */
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly ratePerSecond: number;
  readonly fetch: typeof fetch;
  /** Tries per request for 5xx and network failures (default 5); 429s don't count. */
  readonly maxAttempts?: number;
  /** Per-request timeout (default 60 s). */
  readonly timeoutMs?: number;
}

export interface ApiClient {
  /** The account's regional base URL, resolved with one call and then kept. */
  regionalBase(): Promise<string>;
  /** GETs `path` (`/v1/patients`) at the regional base; params left undefined are not sent. */
  get(path: string, params?: Readonly<Record<string, string | number | undefined>>): Promise<unknown>;
  /**
   * A binary download the API names (a `download_url`), at the regional base: HEAD gives its size
   * alone, GET its bytes too. A URL on another host is refused as outside the source (the key is
   * never sent anywhere else); 404/410 is `missing`, another refusal `unreadable`.
   */
  file(path: string, method: "GET" | "HEAD"): Promise<FileAnswer>;
}

export type FileAnswer = { readonly ok: true; readonly size: number; readonly bytes?: Uint8Array } | { readonly ok: false; readonly problem: FileProblem };

type Settled<T> = { readonly value: T } | { readonly transient: string };

const json = "application/json";

/** 429s in a row before giving up: only a limit shared with another client gets here. */
const maxThrottles = 20;

export function createApiClient(options: ApiClientOptions): ApiClient {
  const gate = new RequestGate(options.ratePerSecond, options);
  const maxAttempts = options.maxAttempts ?? 5;
  const globalBase = options.baseUrl.replace(/\/+$/, "");
  let region: Promise<string> | undefined;

  /**
   * Sends one request until it settles: a 429 waits out its Retry-After (through the gate) and is
   * sent again; a network error, a body that can't be read, or an answer `settle` calls transient
   * is retried with backoff up to `maxAttempts`.
   */
  async function request<T>(url: string, endpoint: string, method: "GET" | "HEAD", accept: string, settle: (response: Response) => Promise<Settled<T>>): Promise<T> {
    for (let attempt = 1, throttles = 0, failure = ""; ; attempt += 1) {
      let response: Response | undefined;
      try {
        response = await gate.run(
          () => options.fetch(url, { method, headers: { "X-API-Key": options.apiKey, Accept: accept }, signal: AbortSignal.timeout(options.timeoutMs ?? 60_000) }),
          (r) => (r.status === 429 ? retryAfterMs(r, options.now()) : undefined),
        );
        if (response.status === 429) {
          await response.body?.cancel();
          if ((throttles += 1) > maxThrottles) throw apiUnavailable(endpoint, throttles, "HTTP 429");
          attempt -= 1;
          continue;
        }
        const settled = await settle(response);
        if ("value" in settled) return settled.value;
        failure = settled.transient;
      } catch (error) {
        if (isHandoverError(error)) throw error;
        failure = error instanceof SyntaxError ? "a body that is not JSON" : "a network error";
        if (attempt >= maxAttempts) throw apiUnavailable(endpoint, attempt, failure, error);
      }
      if (attempt >= maxAttempts) throw apiUnavailable(endpoint, attempt, failure);
      const hinted = response?.status === 503 ? retryAfterMs(response, options.now()) : undefined;
      await options.sleep(hinted ?? Math.min(8000, 500 * 2 ** (attempt - 1)));
    }
  }

  /** A JSON answer: the parsed body, or HO-SRC-015 for a refusal (4xx but 408), or transient. */
  async function settleJson(response: Response, endpoint: string): Promise<Settled<unknown>> {
    const text = await response.text();
    if (response.ok) return { value: JSON.parse(text) as unknown };
    if (response.status < 500 && response.status !== 408) throw apiRefused(endpoint, response.status, apiErrorCode(safeJson(text)));
    return { transient: `HTTP ${response.status}` };
  }

  async function resolveRegion(): Promise<string> {
    const account = (await request(`${globalBase}/v1/account`, "/v1/account", "GET", json, (r) => settleJson(r, "/v1/account"))) as { api_base_url?: unknown } | null;
    const base = account?.api_base_url;
    if (typeof base !== "string" || !/^https?:\/\//.test(base)) throw apiRefused("/v1/account", 200, "no_api_base_url");
    return base.replace(/\/+$/, "");
  }

  const client: ApiClient = {
    regionalBase() {
      region ??= resolveRegion().catch((error: unknown) => {
        region = undefined;
        throw error;
      });
      return region;
    },
    async get(path, params = {}) {
      const query = new URLSearchParams();
      for (const [name, value] of Object.entries(params)) if (value !== undefined) query.set(name, String(value));
      const suffix = query.size > 0 ? `?${query}` : "";
      return request(`${await client.regionalBase()}${path}${suffix}`, path, "GET", json, (r) => settleJson(r, path));
    },
    async file(path, method) {
      const url = fileUrl(await client.regionalBase(), path);
      if (!url) return { ok: false, problem: "outside-source" };
      const answer = await request(url, "/v1/files", method, "*/*", (r) => settleFile(r, method));
      // A HEAD without Content-Length: count a GET through instead of holding it.
      if (answer.ok && answer.size < 0) return request(url, "/v1/files", "GET", "*/*", (r) => settleFile(r, "GET", true));
      return answer;
    },
  };
  return client;
}

/** Retry-After as seconds or an HTTP date; a 429 without one waits a second. */
function retryAfterMs(response: Response, now: number): number {
  const raw = response.headers.get("retry-after")?.trim() ?? "";
  if (/^\d+(\.\d+)?$/.test(raw)) return Number(raw) * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? 1000 : Math.max(0, date - now);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
