import { test } from "node:test";
import assert from "node:assert/strict";
import { PauseGate } from "./pause-gate.js";
import { RetriesExhausted, withRetry, type RetryVerdict } from "./retry-loop.js";

class Status extends Error {
  constructor(readonly status: number, readonly retryAfterMs?: number) {
    super(`HTTP ${status}`);
  }
}

const classify = (e: unknown): RetryVerdict => {
  if (!(e instanceof Status)) return { kind: "fatal" };
  if (e.status === 429) return { kind: "throttle", retryAfterMs: e.retryAfterMs };
  if (e.status >= 500) return { kind: "transient" };
  return { kind: "fatal" };
};

function setup(maxRetries = 3) {
  const slept: number[] = [];
  const sleep = async (ms: number) => void slept.push(ms);
  return { slept, options: { maxRetries, classify, sleep, gate: new PauseGate(sleep), backoff: { random: () => 0 } } };
}

test("retries a throttle after Retry-After through the gate", async () => {
  const { slept, options } = setup();
  let n = 0;
  const result = await withRetry(async () => {
    if (n++ < 2) throw new Status(429, 4000);
    return "ok";
  }, options);
  assert.equal(result, "ok");
  assert.deepEqual(slept, [4000, 4000]);
});

test("retries transient errors with growing backoff", async () => {
  const { slept, options } = setup();
  let n = 0;
  await withRetry(async () => {
    if (n++ < 3) throw new Status(503);
  }, options);
  assert.deepEqual(slept, [250, 500, 1000]);
});

test("never retries a fatal error", async () => {
  const { slept, options } = setup();
  let n = 0;
  await assert.rejects(
    withRetry(async () => {
      n++;
      throw new Status(400);
    }, options),
    (e: unknown) => e instanceof Status,
  );
  assert.equal(n, 1);
  assert.deepEqual(slept, []);
});

test("gives up after maxRetries with the kind and attempts", async () => {
  const { options } = setup(2);
  await assert.rejects(
    withRetry(async () => {
      throw new Status(429, 1000);
    }, options),
    (e: unknown) => e instanceof RetriesExhausted && e.kind === "throttle" && e.attempts === 3 && e.retryAfterMs === 1000,
  );
});
