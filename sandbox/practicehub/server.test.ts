/** The sandbox's API over real HTTP: regions, projection, paging, deltas, tombstones and the limit. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { runPracticeHubSandboxCli } from "./cli.js";
import { defaultApiKey, startPracticeHubSandbox, type PracticeHubSandbox } from "./server.js";

interface Page {
  readonly data: Record<string, unknown>[];
  readonly next_cursor: string | null;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every answer's shape at once (a page, the account, an error), for terse assertions. */
interface Body extends Page {
  readonly api_base_url: string;
  readonly error: { readonly code: string };
}

async function get(s: PracticeHubSandbox, path: string): Promise<{ status: number; body: Body; retryAfter: string | null }> {
  const response = await fetch(`${s.url}${path}`, { headers: { "X-API-Key": defaultApiKey } });
  return { status: response.status, body: (await response.json()) as Body, retryAfter: response.headers.get("retry-after") };
}

// Tests not about the limit use a rate no client reaches: at 1,000/s the bucket holds one request
// per millisecond, which an idle machine's back-to-back requests beat.
async function withSandbox(body: (s: PracticeHubSandbox) => Promise<void>, rate = 1_000_000): Promise<void> {
  const s = await startPracticeHubSandbox({ seed: 9, patients: 50, rateLimitPerSecond: rate });
  try {
    await body(s);
  } finally {
    await s.close();
  }
}

test("account and regions: the account names its base URL; other regions and the global base refuse data calls", () =>
  withSandbox(async (s) => {
    assert.deepEqual((await get(s, "/v1/account")).body.api_base_url, `${s.url}/eu`);
    assert.equal((await get(s, "/us/v1/account")).status, 200);
    for (const path of ["/us/v1/patients", "/v1/patients"]) {
      const wrong = await get(s, path);
      assert.equal(wrong.status, 404);
      assert.equal(wrong.body.error.code, "wrong_region");
    }
    assert.equal((await get(s, "/xx/v1/patients")).body.error.code, "not_found");
    assert.equal((await fetch(`${s.url}/eu/v1/patients`)).status, 401);
    assert.equal(s.stats.misdirected, 2);
  }));

test("cursor pages cover the list once; fields= projects; bad parameters are 400", () =>
  withSandbox(async (s) => {
    const ids: string[] = [];
    for (let cursor = ""; ; ) {
      const page = (await get(s, `/eu/v1/patients?page_size=7&fields=last_name${cursor ? `&cursor=${cursor}` : ""}`)).body;
      for (const item of page.data) {
        assert.deepEqual(Object.keys(item).sort(), ["id", "last_name", "modified_at"]);
        ids.push(item.id as string);
      }
      if (!page.next_cursor) break;
      cursor = page.next_cursor;
    }
    assert.equal(ids.length, 50);
    assert.equal(new Set(ids).size, 50);
    const first = (await get(s, "/eu/v1/patients?page_size=7")).body;
    assert.equal((await get(s, `/eu/v1/staff?cursor=${first.next_cursor}`)).body.error.code, "invalid_cursor");
    assert.equal((await get(s, "/eu/v1/patients?fields=ssn")).body.error.code, "unknown_field");
    assert.equal((await get(s, "/eu/v1/patients?page_size=501")).status, 400);
    assert.equal((await get(s, "/eu/v1/patients?modified_since=2025-01-01T00:00:00")).body.error.code, "invalid_timestamp");
  }));

test("mutate changes, adds and deletes; modified_since (>=) and /v1/deleted show exactly that", () =>
  withSandbox(async (s) => {
    const result = s.mutate({ object: "patients", change: 2, add: 1, delete: 2 });
    const delta = (await get(s, `/eu/v1/patients?modified_since=${result.at}`)).body;
    assert.deepEqual(delta.data.map((p) => p.id).sort(), [...result.changed, ...result.added].sort());
    const gone = (await get(s, `/eu/v1/deleted?object=patients&since=${result.at}`)).body;
    assert.deepEqual(gone.data.map((t) => t.id).sort(), [...result.deleted].sort());
    assert.equal(((await get(s, "/eu/v1/patients?page_size=500")).body).data.length, 50 - 2 + 1);
  }));

test("over the limit: 429 with Retry-After, and requests during it are counted", () =>
  withSandbox(async (s) => {
    assert.equal((await get(s, "/v1/account")).status, 200);
    const refused = await get(s, "/v1/account");
    assert.equal(refused.status, 429);
    assert.equal(refused.retryAfter, "1");
    await get(s, "/v1/account");
    assert.equal(s.stats.throttled, 2);
    assert.equal(s.stats.duringRetryAfter, 1);
    await pause(1050);
    assert.equal((await get(s, "/v1/account")).status, 200);
  }, 1));

test("the CLI prints one listening line and stops when told", async () => {
  const lines: string[] = [];
  let stop = (): void => undefined;
  const until = new Promise<void>((resolve) => (stop = resolve));
  const running = runPracticeHubSandboxCli({ patients: 5, log: (line) => lines.push(line), until });
  while (lines.length === 0) await pause(5);
  assert.match(lines[0] ?? "", /^PracticeHub sandbox listening on http:\/\/127\.0\.0\.1:\d+$/);
  stop();
  await running;
});

test("files: GET serves a download_url's bytes with type and length, HEAD the headers alone; every request is logged", () =>
  withSandbox(async (s) => {
    const docs = (await get(s, "/eu/v1/patient_documents?page_size=500")).body.data;
    assert.ok(docs.length > 10, "patients have documents");
    const doc = docs[0]!;
    const got = await fetch(`${s.url}/eu${String(doc.download_url)}`, { headers: { "X-API-Key": defaultApiKey } });
    const bytes = Buffer.from(await got.arrayBuffer());
    assert.equal(got.status, 200);
    assert.equal(got.headers.get("content-type"), doc.mime_type);
    assert.equal(bytes.length, doc.size_bytes);
    const head = await fetch(`${s.url}/eu${String(doc.download_url)}`, { method: "HEAD", headers: { "X-API-Key": defaultApiKey } });
    assert.equal(head.headers.get("content-length"), String(doc.size_bytes));
    assert.equal((await head.arrayBuffer()).byteLength, 0);
    assert.equal((await get(s, "/eu/v1/files/pdoc_999999")).status, 404);
    const policy = (await get(s, "/eu/v1/policy_documents")).body.data[0]!;
    const pdf = await fetch(`${s.url}/eu${String(policy.download_url)}`, { headers: { "X-API-Key": defaultApiKey } });
    assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 8).toString("latin1"), "%PDF-1.4");
    assert.deepEqual(s.stats.log.map((l) => `${l.method} ${l.path} ${l.status}`), [
      "GET /eu/v1/patient_documents 200", `GET /eu${String(doc.download_url)} 200`, `HEAD /eu${String(doc.download_url)} 200`,
      "GET /eu/v1/files/pdoc_999999 404", "GET /eu/v1/policy_documents 200", `GET /eu${String(policy.download_url)} 200`,
    ]);
    const [planted] = s.mutate({ object: "patients", add: 1, at: "2020-01-02T03:04:05Z" }).added;
    const since = (await get(s, "/eu/v1/patients?modified_since=2020-01-02T03:04:05Z&page_size=500")).body.data.find((p) => p.id === planted);
    assert.equal(since?.modified_at, "2020-01-02T03:04:05Z", "mutate can stamp a chosen instant");
  }));
