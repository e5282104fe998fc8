import { test } from "node:test";
import assert from "node:assert/strict";
import { backoffDelay } from "./backoff.js";

test("grows exponentially between half and all of base * 2^attempt", () => {
  const low = (n: number) => backoffDelay(n, { baseMs: 100, random: () => 0 });
  const high = (n: number) => backoffDelay(n, { baseMs: 100, random: () => 0.999999 });
  assert.deepEqual([0, 1, 2, 3].map(low), [50, 100, 200, 400]);
  assert.deepEqual([0, 1, 2, 3].map(high), [100, 200, 400, 800]);
});

test("is capped by maxMs", () => {
  assert.equal(backoffDelay(30, { baseMs: 100, maxMs: 1000, random: () => 0.999999 }), 1000);
  assert.equal(backoffDelay(30, { baseMs: 100, maxMs: 1000, random: () => 0 }), 500);
});

test("jitter stays inside the window", () => {
  for (let i = 0; i < 200; i++) {
    const d = backoffDelay(2);
    assert.ok(d >= 1000 && d <= 2000, String(d));
  }
});
