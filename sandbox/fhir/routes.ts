import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { join } from "node:path";
import type { BulkJobs } from "./bulk-jobs.js";
import { checkClientAssertion, type RegisteredClient } from "./client-assertion.js";
import { binaryFolder } from "./gen-documents.js";
import type { ResourceStore } from "./resource-store.js";

/** What the sandbox counts, for tests that assert how a client behaved (polls, downloads, refusals). */
export interface FhirSandboxStats {
  requests: number;
  tokens: number;
  tokenRefusals: number;
  unauthorized: number;
  kickoffs: number;
  statusPolls: number;
  fileDownloads: number;
  binaryDownloads: number;
  plainDownloads: number;
}

export interface RouteEnv {
  readonly url: string;
  readonly dataDir: string;
  readonly store: ResourceStore;
  readonly jobs: BulkJobs;
  readonly clients: readonly RegisteredClient[];
  readonly stats: FhirSandboxStats;
  readonly tokens: Map<string, number>;
  readonly seenJti: Set<string>;
  readonly tokenTtlSeconds: number;
  readonly now: () => Date;
}

export interface Request {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

const outcome = (code: string, diagnostics: string) => ({ resourceType: "OperationOutcome", issue: [{ severity: "error", code, diagnostics }] });

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}, type = "application/json"): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": type, "Content-Length": String(Buffer.byteLength(text)), ...headers }).end(text);
}

/** SMART token endpoint: client_credentials with a signed JWT assertion; OAuth error bodies otherwise. */
function token(env: RouteEnv, req: Request, res: ServerResponse): void {
  const form = new URLSearchParams(req.body);
  const refuse = (status: number, error: string, description: string) => {
    env.stats.tokenRefusals += 1;
    json(res, status, { error, error_description: description }, { "Cache-Control": "no-store" });
  };
  if (form.get("grant_type") !== "client_credentials") return refuse(400, "unsupported_grant_type", "grant_type must be client_credentials");
  if (form.get("client_assertion_type") !== "urn:ietf:params:oauth:client-assertion-type:jwt-bearer") return refuse(400, "invalid_request", "client_assertion_type must be jwt-bearer");
  const scope = form.get("scope") ?? "";
  if (!/^system\/(\*|[A-Z][A-Za-z]+)\.(read|rs)( |$)/.test(scope)) return refuse(400, "invalid_scope", "scope must be system/*.read or a system/<Type>.read");
  const check = checkClientAssertion(form.get("client_assertion") ?? "", env.clients, `${env.url}/auth/token`, env.seenJti, Math.floor(env.now().getTime() / 1000));
  if (!check.ok) return refuse(401, "invalid_client", check.reason);
  const accessToken = randomUUID();
  env.tokens.set(accessToken, env.now().getTime() + env.tokenTtlSeconds * 1000);
  env.stats.tokens += 1;
  json(res, 200, { access_token: accessToken, token_type: "bearer", expires_in: env.tokenTtlSeconds, scope }, { "Cache-Control": "no-store" });
}

function authorized(env: RouteEnv, req: Request): boolean {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
  const expires = bearer ? env.tokens.get(bearer) : undefined;
  if (expires !== undefined && expires > env.now().getTime()) return true;
  env.stats.unauthorized += 1;
  return false;
}

/** Routes under the sandbox's origin: `/auth/token`, `/fhir/...` (metadata, $export, status, files, Binary) and `/files/<name>`. */
export async function route(env: RouteEnv, req: Request, res: ServerResponse): Promise<void> {
  const { method, path } = req;
  if (method === "POST" && path === "/auth/token") return token(env, req, res);
  if (method === "GET" && path === "/fhir/.well-known/smart-configuration") {
    return json(res, 200, {
      token_endpoint: `${env.url}/auth/token`, grant_types_supported: ["client_credentials"], scopes_supported: ["system/*.read"],
      token_endpoint_auth_methods_supported: ["private_key_jwt"], token_endpoint_auth_signing_alg_values_supported: ["RS384", "ES384"],
      capabilities: ["client-confidential-asymmetric"],
    });
  }
  if (method === "GET" && path === "/fhir/metadata") {
    return json(res, 200, { resourceType: "CapabilityStatement", status: "active", kind: "instance", fhirVersion: "4.0.1", format: ["json"],
      rest: [{ mode: "server", operation: [{ name: "export", definition: "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export" }] }] }, {}, "application/fhir+json");
  }
  const plain = /^\/files\/([\w.-]+)$/.exec(path);
  if (method === "GET" && plain) {
    const bytes = await readFile(join(env.dataDir, binaryFolder, plain[1] as string)).catch(() => undefined);
    if (!bytes) return void res.writeHead(404).end();
    env.stats.plainDownloads += 1;
    return void res.writeHead(200, { "Content-Type": "application/octet-stream", "Content-Length": String(bytes.length) }).end(bytes);
  }
  if (!path.startsWith("/fhir/")) return void res.writeHead(404).end();
  if (!authorized(env, req)) return json(res, 401, outcome("login", "a valid bearer token is required"), { "WWW-Authenticate": "Bearer" }, "application/fhir+json");
  return fhirRoute(env, req, res);
}

async function fhirRoute(env: RouteEnv, req: Request, res: ServerResponse): Promise<void> {
  const { method, path } = req;
  const fhirJson = "application/fhir+json";
  if (method === "GET" && path === "/fhir/$export") {
    if (req.headers.prefer !== "respond-async") return json(res, 400, outcome("invalid", "Prefer: respond-async is required"), {}, fhirJson);
    if (!(req.headers.accept ?? "").includes("application/fhir+json")) return json(res, 400, outcome("invalid", "Accept: application/fhir+json is required"), {}, fhirJson);
    const kicked = env.jobs.kickOff(`${env.url}${path}?${req.query.toString()}`, req.query, env.now());
    if (!kicked.ok) return json(res, kicked.status, outcome("invalid", kicked.reason), {}, fhirJson);
    env.stats.kickoffs += 1;
    return void res.writeHead(202, { "Content-Location": `${env.url}/fhir/_bulk/status/${kicked.id}` }).end();
  }
  const status = /^\/fhir\/_bulk\/status\/([\w-]+)$/.exec(path);
  if (status && method === "DELETE") return void res.writeHead(env.jobs.delete(status[1] as string) ? 202 : 404).end();
  if (status && method === "GET") {
    env.stats.statusPolls += 1;
    const answer = env.jobs.status(status[1] as string, (job, name) => `${env.url}/fhir/_bulk/files/${job}/${name}`);
    if (!answer) return json(res, 404, outcome("not-found", "no such export job"), {}, fhirJson);
    if (answer.status === 202) return void res.writeHead(202, { "Retry-After": String(answer.retryAfter), "X-Progress": answer.progress }).end();
    return json(res, 200, answer.manifest, { Expires: new Date(env.now().getTime() + 3_600_000).toUTCString() });
  }
  const file = /^\/fhir\/_bulk\/files\/([\w-]+)\/([\w.]+)$/.exec(path);
  if (file && method === "GET") {
    const body = env.jobs.file(file[1] as string, file[2] as string);
    if (body === undefined) return json(res, 404, outcome("not-found", "no such file"), {}, fhirJson);
    env.stats.fileDownloads += 1;
    return void res.writeHead(200, { "Content-Type": "application/fhir+ndjson", "Content-Length": String(Buffer.byteLength(body)) }).end(body);
  }
  const binary = /^\/fhir\/Binary\/([\w.-]+)$/.exec(path);
  if (binary && method === "GET") {
    const id = binary[1] as string;
    const bytes = await readFile(join(env.dataDir, binaryFolder, id)).catch(() => undefined);
    if (!bytes) return json(res, 404, outcome("not-found", "no such Binary"), {}, fhirJson);
    env.stats.binaryDownloads += 1;
    const contentType = env.store.binaryTypes.get(id) ?? "application/octet-stream";
    if ((req.headers.accept ?? "").includes("application/fhir+json")) return json(res, 200, { resourceType: "Binary", id, contentType, data: bytes.toString("base64") }, {}, fhirJson);
    return void res.writeHead(200, { "Content-Type": contentType, "Content-Length": String(bytes.length) }).end(bytes);
  }
  json(res, 404, outcome("not-supported", "the sandbox serves $export, its status and files, and Binary"), {}, fhirJson);
}
