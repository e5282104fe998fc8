/**
 * The governor and the per-user pause against the sandbox's service protection, over real HTTP
 * (real time: the sandbox counts requests that arrive before an announced Retry-After ends).
 * Run with http_proxy unset: the library routes even localhost through it.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { startDataverseSandbox, type DataverseSandboxOptions } from "../../../sandbox/dataverse/server.js";
import type { TargetRow } from "../../contracts/target.js";
import { Session } from "./client.js";
import { createDataverseTarget } from "./index.js";

delete process.env.http_proxy;

interface UserStats {
  readonly admitted: number;
  readonly maxConcurrentSeen: number;
  readonly throttled: Readonly<Record<string, number>>;
  readonly sentDuringRetryAfter: number;
}

async function withSandbox(options: DataverseSandboxOptions, body: (url: string, users: () => Promise<Record<string, UserStats>>) => Promise<void>) {
  const sandbox = await startDataverseSandbox({ port: 0, ...options });
  const users = async () => {
    const stats = (await (await fetch(`${sandbox.url}/_sandbox/stats`)).json()) as { serviceProtection: { users: Record<string, UserStats> } };
    return stats.serviceProtection.users;
  };
  try {
    await body(sandbox.url, users);
  } finally {
    await sandbox.close();
  }
}

const whoAmI = (s: Session) => s.call((api) => api.callFunction("WhoAmI"));

test("concurrency ramps up from 2, then backs off on a concurrency 429; nothing is sent during Retry-After", async () => {
  await withSandbox({ serviceProtection: { maxConcurrent: 4, delayMs: () => 30, concurrencyRetryAfterSeconds: 1 } }, async (url, users) => {
    const session = new Session({ url, token: async () => "ramp", maxRetries: 8 });
    await Promise.all(Array.from({ length: 45 }, () => whoAmI(session)));
    const snap = session.governor.snapshot();
    const u = (await users()).ramp;
    assert.ok(u);
    assert.ok(u.maxConcurrentSeen > 2, `ramped past the start: ${u.maxConcurrentSeen}`);
    assert.ok((u.throttled["0x80072326"] ?? 0) >= 1, "went past the server's limit once");
    const refused = u.throttled["0x80072326"] ?? 0;
    assert.ok(snap.cuts >= 1, "and cut back");
    // Backing off means probing the limit now and then, not hammering it: each 429 round halves
    // the slots, and the client never runs far past the server's 4.
    assert.ok(refused <= snap.cuts * 3, `${refused} refusals for ${snap.cuts} cuts`);
    assert.ok(snap.peakInFlight <= 6, `peak ${snap.peakInFlight}`);
    assert.equal(u.sentDuringRetryAfter, 0);
  });
});

test("a Retry-After holds every sender of the user until it ends", async () => {
  await withSandbox({}, async (url, users) => {
    const session = new Session({ url, token: async () => "pause", maxRetries: 3, governor: { initial: 8 } });
    await fetch(`${url}/_sandbox/throttle`, { method: "POST", body: JSON.stringify({ next: 1, retryAfter: 1 }) });
    const started = Date.now();
    const first = whoAmI(session);
    while (!session.paused) await new Promise((r) => setTimeout(r, 1));
    const rest = Array.from({ length: 10 }, () => whoAmI(session));
    await Promise.all([first, ...rest]);
    assert.ok(Date.now() - started >= 950, "waited the server's second");
    const u = (await users()).pause;
    assert.equal(u?.sentDuringRetryAfter, 0);
    assert.equal(u?.admitted, 11);
  });
});

const keyPlan = {
  columns: [{ table: "account", name: "hc_sourcekey", type: "string" as const, maxLength: 100, label: "Source key", reason: "alternate key" }],
  keys: [{ table: "account", name: "hc_sourcekey_key", columns: ["hc_sourcekey"] }],
};

test("two application users share the load; each has its own counters", async () => {
  await withSandbox({ serviceProtection: { delayMs: () => 5 } }, async (url, users) => {
    const target = createDataverseTarget({ url, tokens: [async () => "user-a", async () => "user-b"], batchSize: 2, bulk: false });
    await target.applySchema(keyPlan);
    const rows: TargetRow[] = Array.from({ length: 40 }, (_, i) => ({ table: "account", sourceKey: `P-${i}`, fields: { name: `Practice ${i}` }, lookups: {} }));
    const outcomes = await target.write(rows);
    assert.ok(outcomes.every((o) => o.ok && o.created));
    assert.equal(new Set(outcomes.map((o) => o.ok && o.id)).size, 40);
    const stats = await users();
    assert.ok((stats["user-a"]?.admitted ?? 0) > 5, JSON.stringify(stats["user-a"]));
    assert.ok((stats["user-b"]?.admitted ?? 0) > 5, JSON.stringify(stats["user-b"]));
  });
});

test("a single `token` still works, alongside `users`", async () => {
  await withSandbox({}, async (url, users) => {
    const target = createDataverseTarget({ url, token: async () => "solo", users: [{ token: async () => "extra" }] });
    await target.check();
    assert.ok((await users()).solo?.admitted === 1);
    assert.throws(() => createDataverseTarget({ url }), /token/);
  });
});
