import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BulkJobs } from "./bulk-jobs.js";
import type { RegisteredClient } from "./client-assertion.js";
import { generateFhirExport, type GenerateFhirOptions } from "./generate.js";
import { ResourceStore } from "./resource-store.js";
import { route, type FhirSandboxStats, type RouteEnv } from "./routes.js";

export interface FhirSandboxOptions {
  /** 0 (default) = a free port. */
  readonly port?: number;
  readonly host?: string;
  /** A folder written by generateFhirExport (or any `<Type>.ndjson` files, with `binaries/`). */
  readonly dataDir?: string;
  /** Without dataDir: generate into a temp folder with these options. */
  readonly generate?: Omit<GenerateFhirOptions, "outDir">;
  /** Backend-services clients allowed a token. */
  readonly clients: readonly RegisteredClient[];
  /** Status polls answered 202 before the manifest; 2 by default. */
  readonly pollsBeforeReady?: number;
  /** Retry-After on a 202 status, in seconds; 1 by default. */
  readonly retryAfterSeconds?: number;
  readonly maxResourcesPerFile?: number;
  readonly tokenTtlSeconds?: number;
  /** Raw lines appended to every export file of a type (bad input for tests). */
  readonly extraLines?: Readonly<Record<string, readonly string[]>>;
  readonly now?: () => Date;
}

export interface FhirSandbox {
  /** Origin, e.g. http://127.0.0.1:1234; the FHIR base is `${url}/fhir`. */
  readonly url: string;
  readonly baseUrl: string;
  readonly tokenUrl: string;
  readonly port: number;
  readonly stats: FhirSandboxStats;
  readonly store: ResourceStore;
  mutate(counts: { changed?: number; added?: number; deleted?: number }): { changed: string[]; added: string[]; deleted: string[] };
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/**
 * A FHIR R4 server that does what a migration needs and nothing else: SMART Backend Services
 * tokens, Bulk Data `$export` (kick-off, status with Retry-After, manifest, NDJSON files), Binary
 * and plain-URL attachments, plus `/_sandbox/stats` and `/_sandbox/mutate` for tests.
 *
 * @example const fhir = await startFhirSandbox({ generate: { patients: 50, seed: 1 }, clients: [{ clientId: "handover", publicKeyPem }] })
 */
export async function startFhirSandbox(options: FhirSandboxOptions): Promise<FhirSandbox> {
  const now = options.now ?? (() => new Date());
  const stats: FhirSandboxStats = { requests: 0, tokens: 0, tokenRefusals: 0, unauthorized: 0, kickoffs: 0, statusPolls: 0, fileDownloads: 0, binaryDownloads: 0, plainDownloads: 0 };
  let env: RouteEnv | undefined;
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      stats.requests += 1;
      const url = new URL(req.url ?? "/", "http://sandbox");
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]));
      if (!env) return void res.writeHead(503).end();
      if (url.pathname === "/_sandbox/stats") return void res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(stats));
      if (url.pathname === "/_sandbox/mutate" && req.method === "POST") {
        const counts = body.trim() === "" ? { changed: 2, added: 2, deleted: 1 } : (JSON.parse(body) as Record<string, number>);
        return void res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(env.store.mutate(counts, now())));
      }
      await route(env, { method: req.method ?? "GET", path: url.pathname, query: url.searchParams, headers, body }, res);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host ?? "127.0.0.1"}:${port}`;
  const close = () => new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  try {
    let dataDir = options.dataDir;
    if (!dataDir) {
      dataDir = await mkdtemp(join(tmpdir(), "fhir-sandbox-"));
      await generateFhirExport({ patients: 50, seed: 1, ...options.generate, outDir: dataDir });
    }
    const store = await ResourceStore.load(dataDir, url);
    const jobs = new BulkJobs(store, {
      pollsBeforeReady: options.pollsBeforeReady ?? 2, retryAfterSeconds: options.retryAfterSeconds ?? 1,
      maxResourcesPerFile: options.maxResourcesPerFile ?? 1000, ...(options.extraLines ? { extraLines: options.extraLines } : {}),
    });
    env = { url, dataDir, store, jobs, clients: options.clients, stats, tokens: new Map(), seenJti: new Set(), tokenTtlSeconds: options.tokenTtlSeconds ?? 300, now };
    const ready = env;
    return { url, baseUrl: `${url}/fhir`, tokenUrl: `${url}/auth/token`, port, stats, store, mutate: (counts) => ready.store.mutate(counts, now()), close };
  } catch (error) {
    await close();
    throw error;
  }
}
