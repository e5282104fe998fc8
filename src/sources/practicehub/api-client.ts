/**
 * PracticeHub's REST API as `get(path, params) → JSON`, with everything a caller shouldn't have
 * to think about: the account's region is resolved first (one `GET /v1/account` at the base URL
 * given, then every call goes to its `api_base_url`), every request passes the shared
 * RequestGate (so the rate limit holds across concurrent reads), a 429 waits out its Retry-After
 * and is sent again, and 5xx answers and network errors are retried with exponential backoff.
 */
import { isHandoverError } from "../../contracts/handover-error.js";
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
}

/** 429s in a row before giving up: only a limit shared with another client gets here. */
const maxThrottles = 20;

export function createApiClient(options: ApiClientOptions): ApiClient {
  const gate = new RequestGate(options.ratePerSecond, options);
  const maxAttempts = options.maxAttempts ?? 5;
  const globalBase = options.baseUrl.replace(/\/+$/, "");
  let region: Promise<string> | undefined;

  async function request(url: string, endpoint: string): Promise<unknown> {
    for (let attempt = 1, throttles = 0, failure = ""; ; attempt += 1) {
      let response: Response | undefined;
      try {
        response = await gate.run(
          () => options.fetch(url, { headers: { "X-API-Key": options.apiKey, Accept: "application/json" }, signal: AbortSignal.timeout(options.timeoutMs ?? 60_000) }),
          (r) => (r.status === 429 ? retryAfterMs(r, options.now()) : undefined),
        );
        if (response.status === 429) {
          await response.body?.cancel();
          if ((throttles += 1) > maxThrottles) throw apiUnavailable(endpoint, throttles, "HTTP 429");
          attempt -= 1;
          continue;
        }
        const text = await response.text();
        if (response.ok) return JSON.parse(text) as unknown;
        if (response.status < 500 && response.status !== 408) throw apiRefused(endpoint, response.status, apiErrorCode(safeJson(text)));
        failure = `HTTP ${response.status}`;
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

  async function resolveRegion(): Promise<string> {
    const account = (await request(`${globalBase}/v1/account`, "/v1/account")) as { api_base_url?: unknown } | null;
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
      return request(`${await client.regionalBase()}${path}${suffix}`, path);
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
