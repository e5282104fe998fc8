/**
 * Region resolution (one `GET /v1/account`, then only the regional base), obedience to a 429's
 * Retry-After across concurrent reads, and retries of transient 5xx answers.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { defaultApiKey } from "../../../sandbox/practicehub/index.js";
import { collect, startHarness } from "./test-helpers.js";

test("the source resolves the account's region once and sends data calls only there", async () => {
  const h = await startHarness({ seed: 6, patients: 30, rateLimitPerSecond: 200, regions: ["us", "eu", "au"], accountRegion: "au" }, { pageSize: 10 });
  try {
    const wrong = await fetch(`${h.sandbox.url}/eu/v1/patients`, { headers: { "X-API-Key": defaultApiKey } });
    const body = (await wrong.json()) as { error: { code: string; api_base_url: string } };
    assert.equal(wrong.status, 404);
    assert.equal(body.error.code, "wrong_region");
    assert.equal(body.error.api_base_url, `${h.sandbox.url}/au`, "the error names the right base URL");
    await h.control("reset-stats");

    const source = h.source();
    await source.check();
    const read = await collect(source.read("patients"));
    await collect(source.read("staff"));
    const stats = await h.stats();
    assert.equal(read.records.length, 30);
    assert.equal(stats.misdirected, 0, "no data call outside the account's region");
    assert.equal(stats.requests, 1 + 1 + 3 + 1, "one account call, one object list, three patient pages, one staff page");
  } finally {
    await h.close();
  }
});

test("a source given another region's base URL still finds the account's region", async () => {
  const h = await startHarness({ seed: 6, patients: 12, rateLimitPerSecond: 200 }, { pageSize: 50 });
  try {
    const read = await collect(h.source({ baseUrl: `${h.sandbox.url}/us` }).read("patients"));
    assert.equal(read.records.length, 12);
    assert.equal((await h.stats()).misdirected, 0);
  } finally {
    await h.close();
  }
});

test("a 429 holds every concurrent read for its Retry-After; nothing is sent meanwhile", async () => {
  const h = await startHarness({ seed: 7, patients: 40, rateLimitPerSecond: 50 }, { pageSize: 10 });
  try {
    const source = h.source();
    await source.check();
    await h.control("throttle", { next: 1, retryAfter: 1 });
    const started = Date.now();
    const [patients, appointments] = await Promise.all([collect(source.read("patients")), collect(source.read("appointments"))]);
    const stats = await h.stats();
    assert.equal(patients.records.length, 40);
    assert.equal(appointments.records.length, 100);
    assert.equal(stats.throttled, 1, "only the forced 429");
    assert.equal(stats.duringRetryAfter, 0, "no request during the Retry-After");
    assert.ok(Date.now() - started >= 1000, "the read waited the second out");
  } finally {
    await h.close();
  }
});

test("transient 503s are retried with backoff; a refused key fails at once with a catalogued code", async () => {
  const h = await startHarness({ seed: 8, patients: 20, rateLimitPerSecond: 200 }, { pageSize: 50 });
  try {
    const source = h.source();
    await source.check();
    await h.control("fail", { next: 2, status: 503 });
    const read = await collect(source.read("patients"));
    assert.equal(read.records.length, 20);
    assert.equal((await h.stats()).failed, 2);

    const refused = h.source({ apiKey: "not-a-key" });
    await assert.rejects(source.check().then(() => refused.check()), (error: { code?: string; message: string }) => {
      assert.match(error.code ?? "", /^HO-SRC-\d{3}$/);
      assert.match(error.message, /HTTP 401/);
      assert.doesNotMatch(error.message, /not-a-key/, "the key never appears in a message");
      return true;
    });
  } finally {
    await h.close();
  }
});
