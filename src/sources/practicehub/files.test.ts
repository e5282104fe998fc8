/**
 * PracticeHub downloads through the source: statFile (HEAD) and readFile (GET) at the account's
 * region, paced by the same gate as the reads, 429s and 503s waited out, a missing file and a URL
 * off the API answered, not thrown.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import { fileBytes, fileFiller } from "../../../sandbox/practicehub/index.js";
import { collect, startHarness } from "./test-helpers.js";

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

test("statFile and readFile serve a document's download_url with its size and exact bytes, under the rate limit", async () => {
  const h = await startHarness({ seed: 21, patients: 30, rateLimitPerSecond: 50 }, { pageSize: 50 });
  try {
    const source = h.source();
    const { records } = await collect(source.read("patient_documents"));
    assert.ok(records.length >= 8, `${records.length} documents`);
    const catalog = await source.discover();
    assert.deepEqual(catalog.tables.find((t) => t.name === "patient_documents")?.fileColumns, ["download_url"]);
    await h.control("reset-stats");
    const filler = fileFiller(21);
    // Reads and downloads side by side share the gate: none is refused.
    const [downloads] = await Promise.all([
      Promise.all(records.map(async (r) => ({ r, probe: await source.statFile!(r.values.download_url!), content: await source.readFile!(r.values.download_url!) }))),
      collect(source.read("appointments")),
    ]);
    for (const { r, probe, content } of downloads) {
      assert.deepEqual(probe, { ok: true, size: Number(r.values.size_bytes) });
      assert.ok(content.ok);
      assert.equal(sha(content.bytes), sha(fileBytes(filler, { id: r.values.id!, modified_at: "", mime_type: r.values.mime_type, size_bytes: Number(r.values.size_bytes) })));
    }
    const stats = await h.stats();
    assert.equal(stats.throttled, 0);
    assert.equal(stats.log.filter((l) => l.path.startsWith("/eu/v1/files/")).length, records.length * 2, "one HEAD and one GET per document, at the region");
  } finally {
    await h.close();
  }
});

test("a file gone from the API is missing; a URL off the API or climbing out of it is outside the source and never requested; 429 and 503 are waited out", async () => {
  const h = await startHarness({ seed: 22, patients: 20, rateLimitPerSecond: 50 }, { pageSize: 50 });
  try {
    const source = h.source();
    const { records } = await collect(source.read("patient_documents"));
    const url = records[0]!.values.download_url!;
    await h.control("reset-stats");
    assert.deepEqual(await source.statFile!("/v1/files/pdoc_999999"), { ok: false, problem: "missing" });
    assert.deepEqual(await source.readFile!("/v1/files/pdoc_999999"), { ok: false, problem: "missing" });
    assert.deepEqual(await source.readFile!("https://attacker.example/v1/files/pdoc_000001"), { ok: false, problem: "outside-source" });
    assert.deepEqual(await source.readFile!("/v1/files/../../v1/account"), { ok: false, problem: "outside-source" });
    assert.equal((await h.stats()).log.length, 2, "only the two in-API requests were sent");

    await h.control("throttle", { next: 1, retryAfter: 1 });
    await h.control("fail", { next: 1, status: 503 });
    const content = await source.readFile!(url);
    assert.ok(content.ok && content.bytes.length === Number(records[0]!.values.size_bytes));
    const stats = await h.stats();
    assert.equal(stats.duringRetryAfter, 0, "nothing sent during the Retry-After");
    assert.equal(stats.failed, 1);
  } finally {
    await h.close();
  }
});
