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
import { loadMetadataFile } from "./metadata-file.js";
import type { Edition } from "./org-settings.js";
import type { KeyActivation } from "./store.js";
import type { ServiceProtectionOptions } from "./service-protection.js";
import { Throttle, serviceProtectionConfig } from "./throttle.js";
import type { Budget } from "./throttle.js";

export interface DataverseSandboxOptions {
  /** 0 (default) = random free port. */
  readonly port?: number;
  readonly host?: string;
  /** JSON state file; absent file = fresh org. Omit for a purely in-memory sandbox. */
  readonly dataFile?: string;
  /** v0 request budget; same as serviceProtection {maxRequests, windowSeconds} (which wins). */
  readonly budget?: Budget;
  /** Per-user service-protection limits (defaults: 6000 requests / 1,200,000 ms / 52 concurrent per 300 s). */
  readonly serviceProtection?: ServiceProtectionOptions;
  /** Record cap per CreateMultiple/UpdateMultiple/UpsertMultiple request (default 1000). */
  readonly maxBulkRecords?: number;
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
  /** Org edition: Sales Professional caps custom tables at 15 (default "enterprise"). */
  readonly edition?: Edition;
  /** Organization.maxuploadfilesize in bytes for note attachments (default 5,120 KB). */
  readonly maxUploadFileSize?: number;
  /** JSON of EntityDefinitions exported from a real org (see metadata-file.ts) that replace/add tables. */
  readonly metadataFile?: string;
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
  const store = new Store(options.dataFile, options.keyActivation, options.persistDebounceMs, {
    tables: options.metadataFile ? loadMetadataFile(options.metadataFile) : undefined,
    settings: {
      ...(options.edition ? { edition: options.edition } : {}),
      ...(options.maxUploadFileSize !== undefined ? { maxUploadFileSize: options.maxUploadFileSize } : {}),
    },
  });
  if (options.users?.length) seedUsers(store, options.users);
  const throttle = new Throttle(serviceProtectionConfig(options.budget, options.serviceProtection));
  const { costMs, delayMs } = throttle.config;
  const stats: SandboxStats = { requests: 0, batchRequests: 0, batchOperations: 0, throttled: 0, unauthorized: 0 };
  const env: RouterEnv = {
    store, prefixes: (options.prefixes ?? ["hc", "new"]).map((p) => p.toLowerCase()), maxBulkRecords: options.maxBulkRecords,
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawUrl = req.url ?? "/";
    const q = rawUrl.indexOf("?");
    const pathname = q < 0 ? rawUrl : rawUrl.slice(0, q);
    const query = q < 0 ? "" : rawUrl.slice(q + 1);
    const method = req.method ?? "GET";
    if (pathname.startsWith("/_sandbox/")) {
      const body = await readBody(req);
      if (pathname === "/_sandbox/flush") await store.flush();
      send(res, handleControl({ store, throttle, stats }, method, pathname.slice("/_sandbox/".length), body));
      return;
    }
    const m = API_PREFIX.exec(pathname);
    if (!m) {
      await readBody(req);
      send(res, { status: 404, headers: {}, body: undefined });
      return;
    }
    const headers = lowerHeaders(req);
    const token = /^Bearer\s+(\S+)/i.exec(headers.authorization ?? "")?.[1];
    if (!token || token === options.rejectToken) {
      await readBody(req);
      stats.unauthorized++;
      send(res, { status: 401, headers: { "WWW-Authenticate": "Bearer" } });
      return;
    }
    // Admitted on arrival, before the body is read: from then on it occupies a concurrency slot.
    const admission = throttle.admit(token, {
      method, resource: pathname.slice(m[0].length).split(/[/(]/)[0] ?? "", connection: req.socket,
    });
    if (!admission.ok) {
      await readBody(req);
      send(res, errorResponse(admission.error));
      return;
    }
    // Execution time = handler time (incl. any configured delay) + configured artificial cost.
    let started = performance.now();
    let artificialMs = 0;
    try {
      const body = await readBody(req);
      started = performance.now();
      const metered: RouterEnv = costMs ? { ...env, meter: (r) => void (artificialMs += Math.max(0, costMs(r))) } : env;
      await serve(res, metered, {
        method, path: pathname.slice(m[0].length), query, headers, body,
        baseUrl: `http://${headers.host ?? "127.0.0.1"}${m[0].endsWith("/") ? m[0] : `${m[0]}/`}`,
      });
    } finally {
      admission.ticket.finish(performance.now() - started + artificialMs);
    }
  }

  async function serve(res: ServerResponse, env: RouterEnv, dv: DvRequest): Promise<void> {
    const { method, body } = dv;
    stats.requests++;
    const delay = delayMs?.(dv) ?? 0;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
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
