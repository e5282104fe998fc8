/** Service protection over real HTTP (small windows) plus exact Retry-After math with a fake clock. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { startHarness } from "./test-helpers.js";
import type { Harness } from "./test-helpers.js";
import { Throttle, serviceProtectionConfig } from "./throttle.js";
import type { Admission, ServiceProtectionStats } from "./throttle.js";
import type { UserStats } from "./user-usage.js";

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface ApiError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly headers: Record<string, string>;
}

async function rejection(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    return e as ApiError;
  }
  throw new Error("expected the request to fail");
}

async function userStats(h: Harness, token = "test-token"): Promise<UserStats> {
  const stats = (await (await fetch(`${h.sandbox.url}/_sandbox/stats`)).json()) as { serviceProtection: ServiceProtectionStats };
  const u = stats.serviceProtection.users[token];
  assert.ok(u, `no stats for ${token}`);
  return u;
}

const list = (h: Harness): Promise<unknown> => h.api.retrieveMultiple({ collection: "accounts", select: ["name"] });

function rejected(a: Admission): { code: string; retryAfter: number } {
  assert.equal(a.ok, false);
  if (a.ok) throw new Error("unreachable");
  return { code: a.error.code, retryAfter: Number(a.error.headers["Retry-After"]) };
}

test("fake clock: Retry-After is the time until the window has slid far enough; sending during it extends it", () => {
  let now = 1_000_000;
  const t = new Throttle(serviceProtectionConfig(undefined, { windowSeconds: 10, maxRequests: 3, extendSeconds: 2 }), () => now);
  const info = { method: "GET", resource: "accounts" };
  for (const dt of [0, 1000, 2000]) {
    const a = t.admit("tok", info, now + dt);
    assert.ok(a.ok);
    a.ticket.finish(1);
  }
  now += 2500;
  // Oldest request (t0) leaves the 10 s window at t0+10 s, i.e. 7.5 s from now → 8 s.
  assert.deepEqual(rejected(t.admit("tok", info, now)), { code: "0x80072322", retryAfter: 8 });
  // A request during the penalty: refused, penalty +2 s, counted as sent during Retry-After.
  now += 1000;
  assert.deepEqual(rejected(t.admit("tok", info, now)), { code: "0x80072322", retryAfter: 9 });
  const s = t.stats(now).users.tok;
  assert.equal(s?.penalty.extensions, 1);
  assert.equal(s?.penalty.extendedMs, 2000);
  assert.equal(s?.sentDuringRetryAfter, 1);
  assert.equal(s?.sentDuringRetryAfterLog[0]?.earlyByMs, 7000);
  // Obeying the last Retry-After (9 s) gets through: the window slid long ago.
  now += 9000;
  assert.ok(t.admit("tok", info, now).ok);
  assert.equal(t.stats(now).users.tok?.sentDuringRetryAfter, 1);
});

test("fake clock: execution time Retry-After waits until enough execution time ages out", () => {
  let now = 5_000;
  const t = new Throttle(serviceProtectionConfig(undefined, { windowSeconds: 10, maxExecutionMs: 1000, retryAfterGraceMs: 0 }), () => now);
  const info = { method: "POST", resource: "$batch" };
  for (const ms of [600, 300, 300]) {
    const a = t.admit("tok", info, now);
    assert.ok(a.ok);
    a.ticket.finish(ms); // recorded at completion (fake clock: now)
    now += 1000;
  }
  // Sum 1200 ≥ 1000; dropping the first (600, recorded at 5 s) gets below → 10 s window ends at 15 s; now 8 s.
  assert.deepEqual(rejected(t.admit("tok", info, now)), { code: "0x80072321", retryAfter: 7 });
});

test("request-count limit: 429 0x80072322 with the documented message, then the window slides", async () => {
  const h = await startHarness({ serviceProtection: { windowSeconds: 1, maxRequests: 3 } });
  try {
    await list(h);
    await sleep(20); // so the oldest request is clearly more than retryAfterGraceMs old
    await list(h);
    await list(h);
    const e = await rejection(list(h));
    assert.equal(e.status, 429);
    assert.equal(e.code, "0x80072322");
    assert.equal(e.message, "Number of requests exceeded the limit of 3 over time window of 1 seconds.");
    const retryAfter = Number(e.headers["retry-after"]);
    assert.equal(retryAfter, 1);
    await sleep(retryAfter * 1000);
    await list(h); // admitted again: the first three aged out
    const u = await userStats(h);
    assert.equal(u.requestsInWindow, 1);
    assert.deepEqual(u.throttled, { "0x80072322": 1 });
    assert.equal(u.sentDuringRetryAfter, 0);
    assert.equal(u.user, "user-1");
  } finally {
    await h.sandbox.close();
  }
});

test("sending during Retry-After extends the penalty and is counted in sentDuringRetryAfter", async () => {
  const h = await startHarness({ serviceProtection: { windowSeconds: 1, maxRequests: 2, extendSeconds: 1 } });
  try {
    await list(h);
    await sleep(20);
    await list(h);
    const first = await rejection(list(h));
    assert.equal(first.headers["retry-after"], "1");
    const second = await rejection(list(h)); // disobedient: immediately again
    assert.equal(second.code, "0x80072322");
    assert.equal(second.headers["retry-after"], "2", "penalty extended by extendSeconds");
    let u = await userStats(h);
    assert.equal(u.sentDuringRetryAfter, 1);
    assert.equal(u.sentDuringRetryAfterLog[0]?.method, "GET");
    assert.equal(u.sentDuringRetryAfterLog[0]?.resource, "accounts");
    assert.ok((u.sentDuringRetryAfterLog[0]?.earlyByMs ?? 0) > 0);
    assert.equal(u.penalty.active, true);
    assert.equal(u.penalty.extensions, 1);
    assert.equal(u.penalty.extendedMs, 1000);
    await sleep(2000);
    await list(h);
    u = await userStats(h);
    assert.equal(u.sentDuringRetryAfter, 1);
    assert.equal(u.penalty.active, false);
    assert.deepEqual(u.throttled, { "0x80072322": 2 });
  } finally {
    await h.sandbox.close();
  }
});

test("execution-time limit (artificial cost) → 0x80072321; a $batch is one request but costs the sum of its parts", async () => {
  const h = await startHarness({ serviceProtection: { windowSeconds: 1, maxExecutionMs: 1000, costMs: () => 400 } });
  try {
    h.api.startBatch();
    for (let i = 0; i < 3; i++) h.api.retrieveMultiple({ collection: "accounts" });
    await h.api.executeBatch();
    let u = await userStats(h);
    assert.equal(u.requestsInWindow, 1);
    assert.ok(u.executionMsInWindow >= 1200);
    const e = await rejection(list(h));
    assert.equal(e.status, 429);
    assert.equal(e.code, "0x80072321");
    assert.equal(
      e.message,
      "Combined execution time of incoming requests exceeded limit of 1,000 milliseconds over time window of 1 seconds. Decrease number of concurrent requests or reduce the duration of requests and try again later.",
    );
    await sleep(Number(e.headers["retry-after"]) * 1000);
    await list(h);
    u = await userStats(h);
    assert.deepEqual(u.throttled, { "0x80072321": 1 });
    assert.equal(u.sentDuringRetryAfter, 0);
  } finally {
    await h.sandbox.close();
  }
});

test("concurrency limit: parallel slow requests beyond maxConcurrent get 0x80072326 at once", async () => {
  const h = await startHarness({ serviceProtection: { maxConcurrent: 2, delayMs: () => 150 } });
  try {
    const responses = await Promise.all([0, 1, 2, 3].map(() => h.fetchApi("accounts")));
    const statuses = responses.map((r) => r.status).sort();
    assert.deepEqual(statuses, [200, 200, 429, 429]);
    const bodies = await Promise.all(responses.map((r) => r.text()));
    const refused = responses.findIndex((r) => r.status === 429);
    const body = JSON.parse(bodies[refused] ?? "") as { error: { code: string; message: string } };
    assert.deepEqual(body.error, { code: "0x80072326", message: "Number of concurrent requests exceeded the limit of 2." });
    assert.equal(responses[refused]?.headers.get("retry-after"), "1");
    const u = await userStats(h);
    assert.equal(u.maxConcurrentSeen, 2);
    assert.equal(u.inFlight, 0);
    assert.deepEqual(u.throttled, { "0x80072326": 2 });
    assert.ok(u.executionMsInWindow >= 300, "the delay counts as execution time");
  } finally {
    await h.sandbox.close();
  }
});

test("limits are per bearer token; MSCRMCallerID impersonation still counts against the caller", async () => {
  const h = await startHarness({ serviceProtection: { windowSeconds: 60, maxRequests: 2 } });
  try {
    const as = (token: string, extra: Record<string, string> = {}): Promise<Response> =>
      fetch(`${h.base}accounts`, { headers: { Authorization: `Bearer ${token}`, Accept: "application/json", ...extra } });
    assert.equal((await as("alpha")).status, 200);
    const admin = h.sandbox.state.org.adminUserId;
    assert.equal((await as("alpha", { MSCRMCallerID: admin })).status, 200);
    assert.equal((await as("alpha", { MSCRMCallerID: admin })).status, 429);
    assert.equal((await as("beta")).status, 200);
    const a = await userStats(h, "alpha");
    const b = await userStats(h, "beta");
    assert.equal(a.user, "user-1");
    assert.equal(b.user, "user-2");
    assert.equal(a.requestsInWindow, 2);
    assert.equal(b.requestsInWindow, 1);
    assert.deepEqual(b.throttled, {});
  } finally {
    await h.sandbox.close();
  }
});

test("the v0 budget option maps onto maxRequests/windowSeconds; injected 429s can pick their kind", async () => {
  const h = await startHarness({ budget: { requests: 2, windowSeconds: 30 } });
  try {
    const stats = h.sandbox.throttle.stats();
    assert.equal(stats.config.maxRequests, 2);
    assert.equal(stats.config.windowSeconds, 30);
    assert.equal(stats.config.maxExecutionMs, 1_200_000);
    assert.equal(stats.config.maxConcurrent, 52);
    await fetch(`${h.sandbox.url}/_sandbox/throttle`, { method: "POST", body: JSON.stringify({ next: 1, retryAfter: 0, kind: "concurrency" }) });
    const e = await rejection(list(h));
    assert.equal(e.code, "0x80072326");
    assert.equal(e.headers["retry-after"], "0");
    await list(h);
    await list(h);
    const over = await rejection(list(h));
    assert.equal(over.message, "Number of requests exceeded the limit of 2 over time window of 30 seconds.");
  } finally {
    await h.sandbox.close();
  }
});
