import { test } from "node:test";
import assert from "node:assert/strict";
import { parseRetryAfter } from "./retry-after.js";

test("parses delta-seconds", () => {
  assert.equal(parseRetryAfter("7"), 7000);
  assert.equal(parseRetryAfter(" 0 "), 0);
  assert.equal(parseRetryAfter("1.5"), 1500);
  assert.equal(parseRetryAfter(3), 3000);
  assert.equal(parseRetryAfter(["2", "9"]), 2000);
});

test("parses an HTTP-date relative to now", () => {
  const now = Date.parse("2024-05-01T13:45:00Z");
  assert.equal(parseRetryAfter("Wed, 01 May 2024 13:45:10 GMT", now), 10_000);
  assert.equal(parseRetryAfter("Wed, 01 May 2024 13:44:00 GMT", now), 0);
});

test("absent or unreadable values give undefined", () => {
  assert.equal(parseRetryAfter(undefined), undefined);
  assert.equal(parseRetryAfter(null), undefined);
  assert.equal(parseRetryAfter(""), undefined);
  assert.equal(parseRetryAfter("soon"), undefined);
  assert.equal(parseRetryAfter("-3"), undefined);
});
