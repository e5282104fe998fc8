/**
 * A PracticeHub API sandbox over real HTTP (node:http), serving a generated account.
 *
 * The API, as this sandbox and the PracticeHub source both take it:
 *
 * - JSON over HTTPS, read-only (GET). Every request carries `X-API-Key: <key>`; a missing or unknown
 *   key gets 401 `{ "error": { "code": "unauthorized", ... } }`. Errors are always `{ "error": { code, message, ... } }`.
 * - Regions. An account lives in one region, and its data is served only at that region's base
 *   URL (`https://eu.api.practicehub.example`; in the sandbox the path prefix `/eu`). The global
 *   base (`https://api.practicehub.example`; the sandbox root) and every regional base answer
 *   `GET /v1/account` → `{ id, name, region, api_base_url }`; any other call at the global base or
 *   another region's base is 404 `{ error: { code: "wrong_region", region, api_base_url } }` (not
 *   421: HTTP clients such as Node's fetch retry a 421 by themselves, spending the rate limit
 *   twice). An unknown region prefix is 404 `not_found`.
 * - `GET /v1/objects` → `{ data: [{ name, key: "id", fields: [{ name, type }], record_count }] }`:
 *   the objects and their top-level fields (custom fields' own keys are not listed).
 * - `GET /v1/{object}?fields=a,b&page_size=100&cursor=…&modified_since=ISO` →
 *   `{ data: [...], next_cursor: string | null }`. `fields` projects top-level fields (`id` and
 *   `modified_at` always come; an unknown name is 400 `unknown_field`). `page_size` 1..500 (default
 *   100). Without `modified_since` items come in id order; with it, only items changed at or after
 *   that instant (`>=`; it must carry a zone), in (modified_at, id) order. `next_cursor` is opaque,
 *   null on the last page, and valid only with the same object, fields and modified_since.
 *   Objects: clinics, staff, patients, clinic_assignments, appointments, clinical_notes,
 *   prescriptions, payments, policy_documents, training_records, patient_documents.
 * - `GET /v1/deleted?object=patients&since=ISO&cursor=…&page_size=…` →
 *   `{ data: [{ object, id, deleted_at }], next_cursor }`: tombstones, `deleted_at >= since`.
 * - `GET /v1/files/{id}` (and `HEAD`): the bytes behind a `download_url` (policy documents, patient
 *   documents), with `Content-Type` and `Content-Length`; 404 `not_found` once its record is gone.
 *   Downloads count against the rate limit like any request.
 * - Rate limit: 1 request/second per key (token bucket, no burst). Over it: 429 with `Retry-After`
 *   in seconds; requests sent before that time has passed are refused again.
 *
 * Test controls (no key, no limit) under `/_sandbox/`: see control.ts.
 */
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { apiError, routeApi, type ApiResponse } from "./api-routes.js";
import { emptyStats, handleControl, type PracticeHubStats } from "./control.js";
import { generateAccount } from "./generate.js";
import { fileFiller } from "./gen-files.js";
import { RateLimiter } from "./rate-limiter.js";
import { AccountStore, type MutateRequest, type MutateResult } from "./store.js";

export interface PracticeHubSandboxOptions {
  /** 0 (default): a free port. */
  readonly port?: number;
  readonly host?: string;
  readonly seed?: number;
  /** Patients to generate (default 200); every other object is sized from it. */
  readonly patients?: number;
  /** Keys accepted in X-API-Key (default ["ph_sandbox_key"]). */
  readonly apiKeys?: readonly string[];
  readonly rateLimitPerSecond?: number;
  readonly regions?: readonly string[];
  readonly accountRegion?: string;
  /** Plants `count` bad items (null, a truncated JSON string, no id, empty id) in one object's list. */
  readonly badItems?: { readonly object: string; readonly count: number };
  /** Clock for mutations' change times (default Date.now). */
  readonly now?: () => number;
}

export interface PracticeHubSandbox {
  /** The global base URL; the account's regional one is `${url}/${accountRegion}`. */
  readonly url: string;
  readonly port: number;
  readonly stats: PracticeHubStats;
  mutate(request: MutateRequest): MutateResult;
  close(): Promise<void>;
}

export const defaultApiKey = "ph_sandbox_key";

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, out: ApiResponse): void {
  if (out.file) {
    // Node leaves the body out of an answer to HEAD by itself; the length stays.
    res.writeHead(out.status, { "Content-Type": out.file.mimeType, "Content-Length": String(out.file.bytes.length), ...out.headers });
    res.end(out.file.bytes);
    return;
  }
  const body = JSON.stringify(out.body);
  res.writeHead(out.status, { "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(body)), ...out.headers });
  res.end(body);
}

export async function startPracticeHubSandbox(options: PracticeHubSandboxOptions = {}): Promise<PracticeHubSandbox> {
  const regions = options.regions ?? ["us", "eu"];
  const accountRegion = options.accountRegion ?? "eu";
  const keys = new Set(options.apiKeys ?? [defaultApiKey]);
  const seed = options.seed ?? 1;
  const store = new AccountStore(generateAccount({ seed, patients: options.patients ?? 200 }), options.now ?? Date.now, fileFiller(seed), options.badItems);
  const stats = emptyStats();
  const limiter = new RateLimiter(options.rateLimitPerSecond ?? 1, stats);
  let failing = { count: 0, status: 503 };
  const control = { store, limiter, stats, failNext: (count: number, status: number) => void (failing = { count, status }) };
  const account = { id: "acc_sandbox", name: "Sandbox Clinic Group", region: accountRegion };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://sandbox");
    const body = await readBody(req);
    if (url.pathname.startsWith("/_sandbox/")) return send(res, handleControl(control, req.method ?? "GET", url.pathname.slice(10), body));
    const match = /^(?:\/([a-z]{2}))?(\/v1(?:\/.*)?)$/.exec(url.pathname);
    const region = match?.[1];
    if (!match || (region !== undefined && !regions.includes(region))) return send(res, apiError(404, "not_found", "No such endpoint or region."));
    const key = req.headers["x-api-key"];
    if (typeof key !== "string" || !keys.has(key)) {
      stats.unauthorized += 1;
      return send(res, apiError(401, "unauthorized", "Send a valid API key in X-API-Key."));
    }
    stats.requests += 1;
    const answer = (out: ApiResponse): void => {
      const since = url.searchParams.get("modified_since") ?? url.searchParams.get("since");
      stats.log.push({ method: req.method ?? "GET", path: url.pathname, cursor: url.searchParams.get("cursor"), since, status: out.status });
      send(res, out);
    };
    const admission = limiter.admit(key);
    if (!admission.ok) {
      const retry = String(admission.retryAfterSeconds);
      return answer({ ...apiError(429, "rate_limited", "Over 1 request per second for this key."), headers: { "Retry-After": retry } });
    }
    if (failing.count > 0) {
      failing.count -= 1;
      stats.failed += 1;
      return answer(apiError(failing.status, "unavailable", "Temporarily unavailable; retry with backoff."));
    }
    const regionalBase = `http://${req.headers.host ?? "127.0.0.1"}/${accountRegion}`;
    const path = match[2]!;
    if (path !== "/v1/account" && region !== accountRegion) {
      stats.misdirected += 1;
      return answer(apiError(404, "wrong_region", `This account's data is served in region ${accountRegion}; call its api_base_url.`, { region: accountRegion, api_base_url: regionalBase }));
    }
    const onPage = (object: string, query: URLSearchParams): void =>
      void stats.pages.push({ object, cursor: query.get("cursor"), modifiedSince: query.get("modified_since") });
    answer(routeApi({ store, account, regionalBase, onPage }, req.method ?? "GET", path, url.searchParams));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, apiError(500, "internal", "Internal error."));
    });
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    stats,
    mutate: (request) => store.mutate(request),
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
