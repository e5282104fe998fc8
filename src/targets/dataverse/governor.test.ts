import { test } from "node:test";
import assert from "node:assert/strict";
import { Governor, type Ticket } from "./governor.js";

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

/** Takes every free slot, then answers them all with `signal` after `ms`. */
function round(g: Governor, c: ReturnType<typeof clock>, signal: "ok" | "throttle" = "ok", ms = 10): number {
  const tickets: Ticket[] = [];
  for (let t = g.tryAcquire(); t; t = g.tryAcquire()) tickets.push(t);
  c.advance(ms);
  for (const t of tickets) g.release(t, signal);
  return tickets.length;
}

test("starts at 2 and adds one slot per saturated round", () => {
  const c = clock();
  const g = new Governor({ now: c.now });
  assert.deepEqual([round(g, c), round(g, c), round(g, c), round(g, c)], [2, 3, 4, 5]);
});

test("a sender that doesn't use its slots doesn't grow them", () => {
  const c = clock();
  const g = new Governor({ now: c.now });
  for (let i = 0; i < 20; i++) {
    const t = g.tryAcquire();
    assert.ok(t);
    c.advance(10);
    g.release(t, "ok");
  }
  assert.equal(g.snapshot().limit, 2);
});

test("a 429 halves the limit once per round, never below 1", () => {
  const c = clock();
  const g = new Governor({ now: c.now, initial: 16 });
  assert.equal(round(g, c, "throttle"), 16);
  assert.equal(g.snapshot().limit, 8, "16 throttles in one round are one congestion event");
  round(g, c, "throttle");
  round(g, c, "throttle");
  round(g, c, "throttle");
  round(g, c, "throttle");
  assert.equal(g.snapshot().limit, 1);
  assert.equal(g.snapshot().cuts, 5);
});

test("never above max", () => {
  const c = clock();
  const g = new Governor({ now: c.now, max: 4 });
  for (let i = 0; i < 20; i++) round(g, c);
  assert.equal(g.snapshot().limit, 4);
  assert.equal(g.snapshot().peakInFlight, 4);
});

test("a latency rise cuts like a throttle", () => {
  const c = clock();
  const g = new Governor({ now: c.now, initial: 8, latencyFloorMs: 100 });
  for (let i = 0; i < 3; i++) round(g, c, "ok", 20);
  const before = g.snapshot().limit;
  round(g, c, "ok", 2_000);
  assert.ok(g.snapshot().limit < before, `${g.snapshot().limit} < ${before}`);
});

test("execution budget: concurrency shrinks past the soft share, stops past the hard share, returns as time slides", () => {
  const c = clock();
  const g = new Governor({ now: c.now, initial: 10, executionBudgetMs: 1000, windowMs: 10_000, softShare: 0.5, hardShare: 0.9 });
  assert.equal(g.allowed(), 10);
  const spend = (ms: number) => {
    const t = g.tryAcquire();
    assert.ok(t);
    c.advance(ms);
    g.release(t, "error"); // no AIMD change: only the spending is under test
  };
  spend(600); // 60 %: between soft (50 %) and hard (90 %)
  const mid = g.allowed();
  assert.ok(mid > 0 && mid < 10, String(mid));
  spend(350); // 95 %
  assert.equal(g.allowed(), 0);
  assert.equal(g.tryAcquire(), undefined);
  c.advance(10_000);
  assert.equal(g.allowed(), 10);
  assert.equal(g.snapshot().spentMs, 0);
});

test("acquire waits for a slot and is woken by a release, in order", async () => {
  const g = new Governor({ initial: 1 });
  const first = await g.acquire();
  const order: number[] = [];
  const a = g.acquire().then((t) => (order.push(1), t));
  const b = g.acquire().then((t) => (order.push(2), t));
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(order, []);
  g.release(first, "error");
  const ta = await a;
  assert.deepEqual(order, [1]);
  g.release(ta, "error");
  g.release(await b, "error");
  assert.deepEqual(order, [1, 2]);
  assert.equal(g.snapshot().inFlight, 0);
});

test("run releases on failure and reads the error as a signal", async () => {
  const g = new Governor({ initial: 4 });
  await assert.rejects(g.run(async () => { throw new Error("429"); }, () => "throttle"));
  assert.equal(g.snapshot().inFlight, 0);
  assert.equal(g.snapshot().limit, 2);
  assert.equal(await g.run(async () => 7, () => "ok"), 7);
});

test("over budget with nothing in flight, a timer wakes the queue once spending leaves the window", async () => {
  let t = 0;
  const sleeps: number[] = [];
  const g = new Governor({
    now: () => t, initial: 2, executionBudgetMs: 100, windowMs: 1000, hardShare: 0.9,
    sleep: async (ms) => { sleeps.push(ms); t += ms; },
  });
  const k = g.tryAcquire();
  assert.ok(k);
  t += 200;
  g.release(k, "error");
  const next = await g.acquire();
  assert.ok(next);
  assert.ok(sleeps.length >= 1 && t >= 1200, `${sleeps} ${t}`);
});

test("the request cap holds new requests until the oldest start leaves the sliding window", async () => {
  const c = clock();
  const sleeps: { ms: number; done: () => void }[] = [];
  const sleep = (ms: number) => new Promise<void>((done) => void sleeps.push({ ms, done }));
  const g = new Governor({ now: c.now, initial: 50, maxRequests: 10, hardShare: 1, windowMs: 1000, sleep });
  for (let i = 0; i < 10; i++) {
    const t = g.tryAcquire();
    assert.ok(t, `request ${i + 1} of 10 starts`);
    c.advance(10);
    g.release(t, "ok");
  }
  assert.equal(g.tryAcquire(), undefined, "the 11th waits: the window holds 10 starts");
  assert.equal(g.startedInWindow(), 10);
  const waiting = g.acquire();
  await Promise.resolve();
  assert.equal(sleeps.length, 1, "one timer is armed for when the first start leaves the window");
  const wait = sleeps[0]!.ms;
  assert.ok(wait > 900 && wait <= 1001, `waits about the rest of the window (${wait} ms)`);
  c.advance(wait);
  sleeps[0]!.done();
  const ticket = await waiting;
  assert.ok(ticket, "a slot frees once the oldest start is out of the window");
  assert.equal(g.startedInWindow(), 10, "the window still holds 10: nine old starts and the new one");
});
