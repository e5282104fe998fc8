/** The pacing rules on a fake clock: no real waiting, exact times. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { RequestGate } from "./request-gate.js";

function fakeClock() {
  let now = 0;
  return { now: () => now, sleep: async (ms: number) => void (now += ms), advance: (ms: number) => void (now += ms) };
}

test("each request starts a full interval after the previous response, one at a time", async () => {
  const clock = fakeClock();
  const gate = new RequestGate(1, clock);
  const sent: number[] = [];
  const send = async () => {
    sent.push(clock.now());
    clock.advance(30); // the round trip
    return 200;
  };
  await Promise.all([1, 2, 3].map(() => gate.run(send, () => undefined)));
  assert.deepEqual(sent, [0, 1032, 2064], "1,000 ms + 2 ms slack after each 30 ms response");
});

test("a Retry-After holds back every queued caller, not only the one that got it", async () => {
  const clock = fakeClock();
  const gate = new RequestGate(10, clock);
  const sent: number[] = [];
  let first = true;
  const send = async () => {
    sent.push(clock.now());
    const status = first ? 429 : 200;
    first = false;
    return status;
  };
  await Promise.all([1, 2].map(() => gate.run(send, (status) => (status === 429 ? 3000 : undefined))));
  assert.deepEqual(sent, [0, 3002]);
});
