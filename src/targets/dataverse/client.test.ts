/**
 * Session.batch against a scripted HTTP server: per-part throttling and 5xx are retried for
 * just those parts, data errors never. (The sandbox throttles whole requests only.)
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Session } from "./client.js";

type Part = { status: number; reason: string; headers?: Record<string, string>; body?: unknown };

function batchResponse(host: string, parts: readonly Part[]): string {
  const b = "batchresponse_11111111-2222-3333-4444-555555555555";
  const lines: string[] = [];
  for (const p of parts) {
    lines.push(`--${b}`, "Content-Type: application/http", "Content-Transfer-Encoding: binary", "");
    lines.push(`HTTP/1.1 ${p.status} ${p.reason}`);
    for (const [k, v] of Object.entries(p.headers ?? {})) lines.push(`${k}: ${v}`);
    if (p.body !== undefined) lines.push("Content-Type: application/json; odata.metadata=minimal", "", JSON.stringify(p.body));
    else lines.push("", "");
  }
  lines.push(`--${b}--`, "");
  void host;
  return lines.join("\r\n");
}

const id = (n: number) => `00000000-0000-0000-0000-00000000000${n}`;
const created = (host: string, n: number): Part => ({ status: 204, reason: "No Content", headers: { "OData-EntityId": `http://${host}/api/data/v9.2/accounts(${id(n)})` } });

async function scripted(script: ((host: string, partCount: number) => Part[])[]): Promise<{ server: Server; url: string; seen: number[] }> {
  const seen: number[] = [];
  let call = 0;
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const parts = (body.match(/^Content-Type: application\/http/gm) ?? []).length;
      seen.push(parts);
      const step = script[call++];
      const host = req.headers.host ?? "";
      if (!step) {
        res.writeHead(500).end();
        return;
      }
      const text = batchResponse(host, step(host, parts));
      res.writeHead(200, { "Content-Type": "multipart/mixed; boundary=batchresponse_11111111-2222-3333-4444-555555555555", "OData-Version": "4.0" });
      res.end(text);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const upsert = (n: number) => (api: import("dynamics-web-api").DynamicsWebApi) =>
  api.upsert({ collection: "accounts", key: `hc_sourcekey='K${n}'`, data: { name: `n${n}` } });

test("per-part 429 and 5xx: only those parts are re-sent; a 400 is not", async () => {
  const { server, url, seen } = await scripted([
    (h) => [
      created(h, 1),
      { status: 429, reason: "Too Many Requests", headers: { "Retry-After": "9" }, body: { error: { code: "0x80072322", message: "Number of requests exceeded" } } },
      { status: 400, reason: "Bad Request", body: { error: { code: "0x80044331", message: "too long" } } },
      { status: 503, reason: "Service Unavailable", body: { error: { code: "0x0", message: "busy" } } },
    ],
    (h) => [created(h, 2), created(h, 4)],
  ]);
  const slept: number[] = [];
  const scopes: string[] = [];
  try {
    const session = new Session({
      url, token: async () => "t", maxRetries: 3,
      sleep: async (ms) => void slept.push(ms),
      onThrottle: (i) => void scopes.push(`${i.scope}:${i.kind}:${i.delayMs}`),
    });
    const results = await session.batch([upsert(1), upsert(2), upsert(3), upsert(4)]);
    assert.deepEqual(seen, [4, 2]);
    assert.deepEqual(results.map((r) => r.ok), [true, true, false, true]);
    assert.deepEqual(results.map((r) => (r.ok ? r.value : undefined)), [id(1), id(2), undefined, id(4)]);
    assert.deepEqual(slept, [9000], "the part's Retry-After, once, through the shared gate");
    assert.deepEqual(scopes, ["batch-part:throttle:9000"]);
  } finally {
    server.close();
  }
});

test("parts still failing with 5xx after maxRetries come back as failures", async () => {
  const fail = (): Part => ({ status: 503, reason: "Service Unavailable", body: { error: { code: "0x0", message: "busy" } } });
  const { server, url, seen } = await scripted([(h) => [created(h, 1), fail()], () => [fail()], () => [fail()]]);
  try {
    const session = new Session({ url, token: async () => "t", maxRetries: 2, sleep: async () => {} });
    const results = await session.batch([upsert(1), upsert(2)]);
    assert.deepEqual(seen, [2, 1, 1]);
    assert.deepEqual(results.map((r) => r.ok), [true, false]);
  } finally {
    server.close();
  }
});
