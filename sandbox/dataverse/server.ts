/** HTTP front door: auth, throttling, routing, and the sandbox lifecycle. */
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleBatch } from "./batch.js";
import type { DvRequest, DvResponse } from "./context.js";
import { handleControl } from "./control.js";
import type { SandboxStats } from "./control.js";
import { toDvError } from "./errors.js";
import { errorResponse, route } from "./router.js";
import type { RouterEnv } from "./router.js";
import { seedUsers } from "./seed.js";
import type { SeedUser } from "./seed.js";
import { Store } from "./store.js";
import type { KeyActivation } from "./store.js";
import { DEFAULT_BUDGET, Throttle } from "./throttle.js";
import type { Budget } from "./throttle.js";

export interface DataverseSandboxOptions {
  /** 0 (default) = random free port. */
  readonly port?: number;
  readonly host?: string;
  /** JSON state file; absent file = fresh org. Omit for a purely in-memory sandbox. */
  readonly dataFile?: string;
  readonly budget?: Budget;
  /** Publisher customization prefixes accepted for new columns/keys (default ["hc","new"]). */
  readonly prefixes?: readonly string[];
  /** When new alternate keys go Active (default: at once). */
  readonly keyActivation?: KeyActivation;
  /** systemusers to seed at start (idempotent by email). */
  readonly users?: readonly SeedUser[];
  /** A bearer token that is rejected with 401 (everything else non-empty is accepted). */
  readonly rejectToken?: string;
  /** Persistence debounce (ms), default 200. */
  readonly persistDebounceMs?: number;
}

export interface DataverseSandbox {
  readonly url: string;
  readonly port: number;
  readonly state: Store;
  readonly throttle: Throttle;
  readonly stats: SandboxStats;
  close(): Promise<void>;
}

const API_PREFIX = /^\/api\/data\/v\d+\.\d+(\/|$)/;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, out: DvResponse): void {
  const headers: Record<string, string> = { "OData-Version": "4.0", ...out.headers };
  if (out.body !== undefined && out.status !== 204 && out.status !== 304) {
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

export async function startDataverseSandbox(options: DataverseSandboxOptions = {}): Promise<DataverseSandbox> {
  const store = new Store(options.dataFile, options.keyActivation, options.persistDebounceMs);
  if (options.users?.length) seedUsers(store, options.users);
  const throttle = new Throttle(options.budget ?? DEFAULT_BUDGET);
  const stats: SandboxStats = { requests: 0, batchRequests: 0, batchOperations: 0, throttled: 0, unauthorized: 0 };
  const env: RouterEnv = { store, prefixes: (options.prefixes ?? ["hc", "new"]).map((p) => p.toLowerCase()) };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const rawUrl = req.url ?? "/";
    const q = rawUrl.indexOf("?");
    const pathname = q < 0 ? rawUrl : rawUrl.slice(0, q);
    const query = q < 0 ? "" : rawUrl.slice(q + 1);
    const method = req.method ?? "GET";
    if (pathname.startsWith("/_sandbox/")) {
      if (pathname === "/_sandbox/flush") await store.flush();
      send(res, handleControl({ store, throttle, stats }, method, pathname.slice("/_sandbox/".length), body));
      return;
    }
    const m = API_PREFIX.exec(pathname);
    if (!m) {
      send(res, { status: 404, headers: {}, body: undefined });
      return;
    }
    const headers = lowerHeaders(req);
    const token = /^Bearer\s+(\S+)/i.exec(headers.authorization ?? "")?.[1];
    if (!token || token === options.rejectToken) {
      stats.unauthorized++;
      send(res, { status: 401, headers: { "WWW-Authenticate": "Bearer" } });
      return;
    }
    const rejected = throttle.admit();
    if (rejected) {
      send(res, errorResponse(rejected));
      return;
    }
    stats.requests++;
    const dv: DvRequest = {
      method, path: pathname.slice(m[0].length), query, headers, body,
      baseUrl: `http://${headers.host ?? "127.0.0.1"}${m[0].endsWith("/") ? m[0] : `${m[0]}/`}`,
    };
    if (dv.path === "$batch" && method === "POST") {
      stats.batchRequests++;
      let out: DvResponse;
      try {
        out = handleBatch(env, dv);
      } catch (e) {
        out = errorResponse(toDvError(e));
      }
      stats.batchOperations += (body.match(/^Content-Type:\s*application\/http/gim) ?? []).length;
      send(res, out);
      return;
    }
    send(res, route(env, dv));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, errorResponse(toDvError(undefined)));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? "127.0.0.1";
  let closed: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    state: store,
    throttle,
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
