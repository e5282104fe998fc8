/** `/_sandbox/*` test & demo controls — NOT part of Salesforce, never authenticated or counted. */
import type { ApiUsage } from "./api-usage.js";
import type { BulkJobs } from "./bulk-jobs.js";
import { json } from "./http-types.js";
import type { SfResponse } from "./http-types.js";
import type { LockTable } from "./locks.js";
import { isSeedUserArray, seedUsers } from "./seed.js";
import type { OrgStore } from "./store.js";
import type { OrgSettings } from "./store-file.js";
import { issueToken } from "./tokens.js";

export interface SandboxStats {
  /** Every HTTP request except controls. */
  requests: number;
  /** REST calls under /services/data by resource family (sobjects, composite, query, jobs, tooling…). */
  readonly byResource: Record<string, number>;
  oauth: number;
  unauthorized: number;
  limitExceeded: number;
}

export interface ControlEnv {
  readonly store: OrgStore;
  readonly usage: ApiUsage;
  readonly bulk: BulkJobs;
  readonly locks: LockTable;
  readonly stats: SandboxStats;
}

const fail = (error: string): SfResponse => json(400, { error });

function updateSettings(env: ControlEnv, body: Record<string, unknown>): SfResponse {
  const next: { -readonly [K in keyof OrgSettings]: OrgSettings[K] } = { ...env.store.settings };
  if (body.auditFieldsGranted !== undefined) {
    if (typeof body.auditFieldsGranted !== "boolean") return fail("auditFieldsGranted must be a boolean");
    next.auditFieldsGranted = body.auditFieldsGranted;
  }
  for (const key of ["dailyApiLimit", "lockDelayMs"] as const) {
    const v = body[key];
    if (v === undefined) continue;
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0) return fail(`${key} must be a non-negative integer`);
    next[key] = v;
  }
  if (body.apiUsed !== undefined) {
    if (typeof body.apiUsed !== "number" || body.apiUsed < 0) return fail("apiUsed must be a non-negative number");
    env.usage.set(body.apiUsed);
  }
  env.store.settings = next;
  env.store.touch();
  return json(200, { ...env.store.settings, apiUsed: env.usage.used });
}

function stats(env: ControlEnv): SfResponse {
  const rows: Record<string, number> = {};
  for (const o of env.store.allObjects()) {
    const n = env.store.count(o.name);
    if (n > 0) rows[o.name] = n;
  }
  const bulkJobs = env.bulk.list().map((j) => ({ id: j.id, object: j.object, operation: j.operation, state: j.state, processed: j.processed, failed: j.failed }));
  return json(200, { ...env.stats, lockConflicts: env.locks.conflicts, rows, bulkJobs, apiUsage: { used: env.usage.used, max: env.usage.max } });
}

export async function handleControl(env: ControlEnv, method: string, path: string, text: string): Promise<SfResponse> {
  let body: unknown;
  try {
    body = text.trim() ? (JSON.parse(text) as unknown) : {};
  } catch {
    return fail("invalid JSON");
  }
  const obj = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  if (method === "GET" && path === "stats") return stats(env);
  if (method === "GET" && path === "snapshot") return json(200, env.store.snapshotRows());
  if (path === "settings" && method === "GET") return json(200, { ...env.store.settings, apiUsed: env.usage.used });
  if (path === "settings" && method === "POST") return updateSettings(env, obj);
  if (method === "POST" && path === "seed-users") {
    if (!isSeedUserArray(body)) return fail("expected an array of { email, name?, isActive? }");
    return json(200, seedUsers(env.store, body));
  }
  if (method === "POST" && path === "token") {
    const user = env.store.object("User");
    const username = typeof obj.username === "string" ? obj.username : undefined;
    const row = username && user ? env.store.findBy(user, "Username", username)[0] : env.store.get("User", env.store.org.adminUserId);
    if (!row) return fail("unknown username");
    return json(200, { access_token: issueToken(env.store, String(row.Id)), user_id: row.Id, organization_id: env.store.org.orgId });
  }
  if (method === "POST" && path === "flush") {
    await env.store.flush();
    return json(200, { ok: true });
  }
  return json(404, { error: "unknown sandbox control endpoint" });
}
