import { test } from "node:test";
import assert from "node:assert/strict";
import { PauseGate } from "./pause-gate.js";

function manualSleep() {
  const calls: { ms: number; release: () => void }[] = [];
  const sleep = (ms: number) => new Promise<void>((release) => calls.push({ ms, release }));
  return { calls, sleep };
}

test("every waiter holds until the shared pause ends", async () => {
  const { calls, sleep } = manualSleep();
  const gate = new PauseGate(sleep);
  void gate.pause(2000);
  const order: string[] = [];
  const a = gate.wait().then(() => order.push("a"));
  const b = gate.wait().then(() => order.push("b"));
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(order, []);
  assert.equal(calls.length, 1);
  assert.equal(calls[0]?.ms, 2000);
  calls[0]?.release();
  await Promise.all([a, b]);
  assert.deepEqual(order.sort(), ["a", "b"]);
  assert.equal(gate.paused, false);
});

test("a shorter pause inside a longer one does not sleep again; a longer one extends", async () => {
  let t = 0;
  const { calls, sleep } = manualSleep();
  const gate = new PauseGate(sleep, () => t);
  void gate.pause(5000);
  void gate.pause(1000);
  assert.equal(calls.length, 1);
  t = 100;
  void gate.pause(8000);
  assert.equal(calls.length, 2);
  let open = false;
  const w = gate.wait().then(() => (open = true));
  calls[0]?.release();
  await new Promise((r) => setImmediate(r));
  assert.equal(open, false, "still held by the longer pause");
  calls[1]?.release();
  await w;
  assert.equal(open, true);
});

test("an open gate does not wait", async () => {
  const gate = new PauseGate(async () => assert.fail("no sleep expected"));
  await gate.wait();
});

test("instant sleep (tests) still releases", async () => {
  const slept: number[] = [];
  const gate = new PauseGate(async (ms) => void slept.push(ms));
  await gate.pause(3000);
  await gate.wait();
  await gate.pause(3000);
  assert.deepEqual(slept, [3000, 3000]);
});
