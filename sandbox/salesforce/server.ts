/** HTTP front door: OAuth & identity, auth + API allocation for REST, routing, and the sandbox lifecycle. */
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ApiUsage } from "./api-usage.js";
import { BulkJobs } from "./bulk-jobs.js";
import { handleControl } from "./control.js";
import type { SandboxStats } from "./control.js";
import { handleVersions } from "./discovery.js";
import { SfError, toSfError } from "./errors.js";
import { errorResponse, json } from "./http-types.js";
import type { SfResponse } from "./http-types.js";
import { handleIdentity, handleUserInfo } from "./identity.js";
import { LockTable } from "./locks.js";
import { handleRevoke, handleToken } from "./oauth.js";
import type { OAuthClient } from "./oauth.js";
import { QueryLocators } from "./query-locators.js";
import { resourceOf, routeData } from "./router.js";
import type { RouteEnv } from "./route-env.js";
import { ensureOrgSeed, seedUsers } from "./seed.js";
import type { SeedUser } from "./seed.js";
import { OrgStore } from "./store.js";
import { authenticate } from "./tokens.js";
import { formatDateTime } from "./values.js";

export interface SalesforceSandboxOptions {
  /** 0 (default) = random free port. */
  readonly port?: number;
  readonly host?: string;
  /** JSON state file; absent file = fresh org. Omit for a purely in-memory sandbox. */
  readonly dataFile?: string;
  /** DailyApiRequests allocation (default 15,000). */
  readonly dailyApiLimit?: number;
  /** Users to seed at start (idempotent by username = email). */
  readonly users?: readonly SeedUser[];
  /** "Set Audit Fields upon Record Creation" (default false). */
  readonly auditFieldsGranted?: boolean;
  /** sObject Collections record cap (default 200). */
  readonly maxRecordsPerCollection?: number;
  /** How long a write request keeps its record locks, to provoke UNABLE_TO_LOCK_ROW (default 0). */
  readonly lockDelayMs?: number;
  /** Connected apps for the token endpoint; empty/omitted = any client id and secret. */
  readonly clients?: readonly OAuthClient[];
  /** Password for the password grant (a security token may follow); omitted = any password. */
  readonly password?: string;
  /** Persistence debounce (ms), default 200. */
  readonly persistDebounceMs?: number;
}

export interface SalesforceSandbox {
  readonly url: string;
  readonly port: number;
  readonly orgId: string;
  readonly state: OrgStore;
  readonly stats: SandboxStats;
  close(): Promise<void>;
}

const DATA_PREFIX = /^\/services\/data\/v(\d+\.\d)(?:\/(.*))?$/;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, out: SfResponse, extra: Record<string, string> = {}): void {
  const headers: Record<string, string> = { ...out.headers, ...extra };
  if (out.body !== undefined && out.status !== 204) {
    headers["Content-Length"] = String(Buffer.byteLength(out.body));
    res.writeHead(out.status, headers);
    res.end(out.body);
  } else {
    res.writeHead(out.status, headers);
    res.end();
  }
}

function lowerHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}

/**
 * Starts a local Salesforce org on `opts.port` (0 = random).
 * @example const sf = await startSalesforceSandbox({ users: [{ email: "pat@example.test", name: "Pat Example" }] })
 */
export async function startSalesforceSandbox(opts: SalesforceSandboxOptions = {}): Promise<SalesforceSandbox> {
  const store = new OrgStore(opts.dataFile, {
    ...(opts.auditFieldsGranted !== undefined ? { auditFieldsGranted: opts.auditFieldsGranted } : {}),
    ...(opts.dailyApiLimit !== undefined ? { dailyApiLimit: opts.dailyApiLimit } : {}),
    ...(opts.lockDelayMs !== undefined ? { lockDelayMs: opts.lockDelayMs } : {}),
  }, opts.persistDebounceMs);
  ensureOrgSeed(store);
  if (opts.users?.length) seedUsers(store, opts.users);
  const locks = new LockTable();
  const usage = new ApiUsage(store);
  const bulk = new BulkJobs(store, locks);
  const stats: SandboxStats = { requests: 0, byResource: {}, oauth: 0, unauthorized: 0, limitExceeded: 0 };
  const env: RouteEnv = { store, usage, bulk, locators: new QueryLocators(), maxRecordsPerCollection: opts.maxRecordsPerCollection ?? 200 };
  const oauth = { clients: opts.clients ?? [], password: opts.password };

  async function serveData(version: string, path: string, query: URLSearchParams, headers: Record<string, string>, body: Buffer, origin: string, method: string): Promise<SfResponse> {
    let userId: string;
    try {
      userId = authenticate(store, headers.authorization);
    } catch (e) {
      stats.unauthorized++;
      throw e;
    }
    try {
      usage.count();
    } catch (e) {
      stats.limitExceeded++;
      throw e;
    }
    const resource = resourceOf(path);
    stats.byResource[resource] = (stats.byResource[resource] ?? 0) + 1;
    const scope = locks.open();
    try {
      const ctx = { store, userId, now: formatDateTime(new Date()), locks: scope };
      const out = await routeData({ env, userId, ctx, req: { method, path, query, headers, body, version, origin } });
      const delay = store.settings.lockDelayMs;
      if (delay > 0 && scope.size > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      return out;
    } finally {
      scope.release();
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // An instance URL saved with a trailing slash (the sf CLI stores `--instance-url` as `URL.href`) makes clients
    // request `//services/data/…`; Salesforce serves that like `/services/data/…`. Collapse it before parsing,
    // which would otherwise read `//services` as a host.
    const url = new URL((req.url ?? "/").replace(/^\/{2,}/, "/"), "http://sandbox");
    const method = req.method ?? "GET";
    const headers = lowerHeaders(req);
    const origin = `http://${headers.host ?? "127.0.0.1"}`;
    const body = await readBody(req);
    const path = url.pathname;
    if (path.startsWith("/_sandbox/")) {
      send(res, await handleControl({ store, usage, bulk, locks, stats }, method, path.slice("/_sandbox/".length), body.toString("utf8")));
      return;
    }
    stats.requests++;
    const data = DATA_PREFIX.exec(path);
    try {
      if (data) {
        const out = await serveData(data[1] as string, data[2] ?? "", url.searchParams, headers, body, origin, method);
        send(res, out, { "Sforce-Limit-Info": usage.header() });
      } else if (path === "/services/data" || path === "/services/data/") {
        send(res, handleVersions());
      } else if (path === "/services/oauth2/token" && method === "POST") {
        stats.oauth++;
        send(res, handleToken(store, oauth, origin, body.toString("utf8")));
      } else if (path === "/services/oauth2/revoke") {
        send(res, handleRevoke(store, body.toString("utf8"), url.searchParams));
      } else if (path === "/services/oauth2/userinfo") {
        send(res, handleUserInfo(store, origin, authenticate(store, headers.authorization, url.searchParams.get("oauth_token"))));
      } else if (/^\/id\/[^/]+\/[^/]+$/.test(path)) {
        authenticate(store, headers.authorization, url.searchParams.get("oauth_token"));
        const [, , orgId, userId] = path.split("/");
        send(res, handleIdentity(store, origin, orgId ?? "", userId ?? ""));
      } else {
        send(res, json(404, [{ errorCode: "NOT_FOUND", message: "The requested resource does not exist" }]));
      }
    } catch (e) {
      const err = toSfError(e);
      send(res, errorResponse(err), data && err.errorCode !== "INVALID_SESSION_ID" ? { "Sforce-Limit-Info": usage.header() } : {});
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, errorResponse(toSfError(new SfError(500, "UNKNOWN_EXCEPTION", "sandbox failure"))));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${opts.host ?? "127.0.0.1"}:${port}`,
    port,
    orgId: store.org.orgId,
    state: store,
    stats,
    close() {
      closed ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await store.flush();
      })();
      return closed;
    },
  };
}
