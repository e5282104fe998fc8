/**
 * The reader never trips PracticeHub's limit: the sandbox enforces a token bucket per key and
 * counts every 429 and every request sent during a Retry-After; after extracting several tables
 * side by side both counts are zero, and the run took as long as the rate says it must.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { collect, startHarness } from "./test-helpers.js";

test("extracting five tables side by side at 50 requests/second never gets a 429", async (t) => {
  const h = await startHarness({ seed: 3, patients: 100, rateLimitPerSecond: 50 }, { pageSize: 3 });
  try {
    const source = h.source();
    const started = Date.now();
    const tables = ["patients", "appointments", "clinical_notes", "payments", "clinic_assignments"];
    const reads = await Promise.all(tables.map((table) => collect(source.read(table))));
    const elapsed = Date.now() - started;
    const stats = await h.stats();
    assert.ok(reads.every((read) => read.records.length > 0));
    t.diagnostic(`${stats.requests} requests, ${reads.reduce((n, r) => n + r.records.length, 0)} records in ${elapsed} ms; 429s ${stats.throttled}, during Retry-After ${stats.duringRetryAfter}`);
    assert.ok(stats.requests >= 250, `a sizeable extraction (${stats.requests} requests)`);
    assert.equal(stats.throttled, 0, "no 429s");
    assert.equal(stats.duringRetryAfter, 0, "nothing sent during a Retry-After");
    assert.ok(elapsed >= ((stats.requests - 1) * 1000) / 50, `paced: ${stats.requests} requests in ${elapsed} ms`);
  } finally {
    await h.close();
  }
});

test("at PracticeHub's real 1 request/second, five requests take four seconds and none is refused", async (t) => {
  const h = await startHarness({ seed: 4, patients: 120 }, { pageSize: 50 });
  try {
    const started = Date.now();
    const read = await collect(h.source().read("patients"));
    const elapsed = Date.now() - started;
    const stats = await h.stats();
    t.diagnostic(`${stats.requests} requests in ${elapsed} ms; 429s ${stats.throttled}, during Retry-After ${stats.duringRetryAfter}`);
    assert.equal(read.records.length, 120);
    assert.equal(stats.requests, 5, "account, objects and three pages");
    assert.equal(stats.throttled, 0);
    assert.equal(stats.duringRetryAfter, 0);
    assert.ok(elapsed >= 4000, `five requests spread over at least 4 s (took ${elapsed} ms)`);
  } finally {
    await h.close();
  }
});
