/** `/_sandbox/*` test & demo controls — NOT part of Dataverse, never throttled or authenticated. */
import type { DvResponse } from "./context.js";
import { isSeedUserArray, seedUsers } from "./seed.js";
import { handleSettings } from "./settings-control.js";
import { handleCaller, handleSeedTeams } from "./security-control.js";
import type { Store } from "./store.js";
import type { Throttle } from "./throttle.js";

export interface SandboxStats {
  requests: number;
  batchRequests: number;
  batchOperations: number;
  throttled: number;
  unauthorized: number;
}

const json = (status: number, body: unknown): DvResponse => ({
  status, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
});

export function handleControl(
  env: { readonly store: Store; readonly throttle: Throttle; readonly stats: SandboxStats },
  method: string,
  path: string,
  body: string,
): DvResponse {
  const { store, throttle, stats } = env;
  let parsed: unknown;
  try {
    parsed = body.trim() ? (JSON.parse(body) as unknown) : {};
  } catch {
    return json(400, { error: "invalid JSON" });
  }
  if (method === "GET" && path === "stats") {
    const rows: Record<string, number> = {};
    for (const t of store.tables.values()) rows[t.logicalName] = store.count(t.logicalName);
    return json(200, { ...stats, throttled: throttle.throttledCount, rows, serviceProtection: throttle.stats() });
  }
  if (method === "GET" && path === "snapshot") return json(200, store.snapshotRows());
  if (method === "POST" && path === "throttle") {
    const p = parsed as { next?: unknown; retryAfter?: unknown; kind?: unknown };
    const next = typeof p.next === "number" ? p.next : 0;
    const retryAfter = typeof p.retryAfter === "number" ? p.retryAfter : 1;
    // Optional: which 429 to inject — "requests" (default), "execution" or "concurrency".
    const kind = p.kind === "execution" || p.kind === "concurrency" ? p.kind : "requests";
    throttle.failNext(next, retryAfter, kind);
    return json(200, { next, retryAfter, kind });
  }
  if (method === "POST" && path === "seed-users") {
    if (!isSeedUserArray(parsed)) return json(400, { error: "expected an array of { internalemailaddress, ... }" });
    return json(200, seedUsers(store, parsed));
  }
  if (method === "POST" && path === "flush") return json(200, { ok: true });
  if (method === "POST" && path === "caller") return handleCaller(store, parsed);
  if (method === "POST" && path === "seed-teams") return handleSeedTeams(store, parsed);
  if (path === "settings" && (method === "GET" || method === "POST")) return handleSettings(store, method, parsed);
  return json(404, { error: "unknown sandbox control endpoint" });
}
