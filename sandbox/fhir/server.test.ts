import assert from "node:assert/strict";
import { createPrivateKey, generateKeyPairSync } from "node:crypto";
import { after, before, test } from "node:test";
import { createClientAssertion } from "../../src/sources/fhir/smart-auth.js";
import { runFhirSandboxCli } from "./cli.js";
import { startFhirSandbox, type FhirSandbox } from "./server.js";

const keys = generateKeyPairSync("ec", { namedCurve: "P-384" });
const jwk = { ...keys.publicKey.export({ format: "jwk" }), kid: "k1" };
let fhir: FhirSandbox;
before(async () => {
  fhir = await startFhirSandbox({ generate: { patients: 12, seed: 4 }, clients: [{ clientId: "c1", jwks: { keys: [jwk] } }], pollsBeforeReady: 2, retryAfterSeconds: 3, maxResourcesPerFile: 5 });
});
after(() => fhir.close());

const assertion = (overrides: { key?: ReturnType<typeof createPrivateKey>; aud?: string; clientId?: string } = {}) =>
  createClientAssertion({ clientId: overrides.clientId ?? "c1", tokenUrl: overrides.aud ?? fhir.tokenUrl, key: overrides.key ?? keys.privateKey, kid: "k1", nowMs: Date.now() });
const tokenRequest = (jwt: string, extra: Record<string, string> = {}) => fetch(fhir.tokenUrl, {
  method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams({ grant_type: "client_credentials", scope: "system/*.read", client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", client_assertion: jwt, ...extra }),
});
async function token(): Promise<string> {
  const response = await tokenRequest(assertion());
  assert.equal(response.status, 200);
  return ((await response.json()) as { access_token: string }).access_token;
}
const kickOff = async (query: string, headers: Record<string, string> = {}) =>
  fetch(`${fhir.baseUrl}/$export${query}`, { headers: { Accept: "application/fhir+json", Prefer: "respond-async", Authorization: `Bearer ${await token()}`, ...headers } });

test("the token endpoint refuses a bad signature, a wrong audience, a replayed jti and a wrong grant with OAuth errors", async () => {
  const stranger = generateKeyPairSync("ec", { namedCurve: "P-384" }).privateKey;
  const refusals: [Response, number, string][] = [
    [await tokenRequest(assertion({ key: stranger })), 401, "invalid_client"],
    [await tokenRequest(assertion({ aud: "http://elsewhere/token" })), 401, "invalid_client"],
    [await tokenRequest(assertion({ clientId: "nobody" })), 401, "invalid_client"],
    [await tokenRequest(assertion(), { grant_type: "password" }), 400, "unsupported_grant_type"],
    [await tokenRequest(assertion(), { scope: "patient/*.read" }), 400, "invalid_scope"],
  ];
  for (const [response, status, error] of refusals) {
    assert.equal(response.status, status);
    assert.equal(((await response.json()) as { error: string }).error, error);
  }
  const jwt = assertion();
  assert.equal((await tokenRequest(jwt)).status, 200);
  assert.equal((await tokenRequest(jwt)).status, 401, "a jti is good once");
});

test("$export needs a token and Prefer: respond-async", async () => {
  assert.equal((await fetch(`${fhir.baseUrl}/$export`, { headers: { Accept: "application/fhir+json", Prefer: "respond-async" } })).status, 401);
  assert.equal((await kickOff("", { Prefer: "" })).status, 400);
  assert.equal((await kickOff("?_since=yesterday")).status, 400);
});

test("status answers 202 with Retry-After and X-Progress, then the manifest; files are fhir+ndjson filtered by _type and _since", async () => {
  const bearer = { Authorization: `Bearer ${await token()}` };
  const cutoff = "2023-10-01T00:00:00Z";
  const kicked = await kickOff(`?_type=Patient,Practitioner&_since=${cutoff}`);
  assert.equal(kicked.status, 202);
  const status = kicked.headers.get("content-location") ?? "";
  for (let poll = 0; poll < 2; poll += 1) {
    const waiting = await fetch(status, { headers: bearer });
    assert.equal(waiting.status, 202);
    assert.equal(waiting.headers.get("retry-after"), "3");
    assert.match(waiting.headers.get("x-progress") ?? "", /%$/);
  }
  const done = await fetch(status, { headers: bearer });
  assert.equal(done.status, 200);
  const manifest = (await done.json()) as { requiresAccessToken: boolean; output: { type: string; url: string; count: number }[] };
  assert.equal(manifest.requiresAccessToken, true);
  const expected = ["Patient", "Practitioner"].filter((type) => [...(fhir.store.byType.get(type)?.values() ?? [])].some((r) => Date.parse(r.meta?.lastUpdated ?? "") > Date.parse(cutoff)));
  assert.ok(expected.includes("Patient"));
  assert.deepEqual([...new Set(manifest.output.map((o) => o.type))].sort(), expected);
  for (const output of manifest.output) {
    assert.equal((await fetch(output.url)).status, 401, "files need the token");
    const file = await fetch(output.url, { headers: bearer });
    assert.equal(file.headers.get("content-type"), "application/fhir+ndjson");
    const lines = (await file.text()).trim().split("\n").map((l) => JSON.parse(l) as { resourceType: string; meta: { lastUpdated: string } });
    assert.equal(lines.length, output.count);
    for (const r of lines) {
      assert.equal(r.resourceType, output.type);
      assert.ok(Date.parse(r.meta.lastUpdated) > Date.parse(cutoff));
    }
  }
  assert.equal((await fetch(status, { method: "DELETE", headers: bearer })).status, 202);
  assert.equal((await fetch(status, { headers: bearer })).status, 404);
});

test("Binary serves raw bytes or a Binary resource; mutate and stats answer over HTTP", async () => {
  const bearer = { Authorization: `Bearer ${await token()}` };
  const [binary] = [...fhir.store.binaryTypes.keys()];
  assert.ok(binary);
  const raw = await fetch(`${fhir.baseUrl}/Binary/${binary}`, { headers: bearer });
  assert.equal(raw.status, 200);
  const bytes = Buffer.from(await raw.arrayBuffer());
  const wrapped = (await (await fetch(`${fhir.baseUrl}/Binary/${binary}`, { headers: { ...bearer, Accept: "application/fhir+json" } })).json()) as { resourceType: string; data: string };
  assert.equal(wrapped.resourceType, "Binary");
  assert.deepEqual(Buffer.from(wrapped.data, "base64"), bytes);
  const mutated = (await (await fetch(`${fhir.url}/_sandbox/mutate`, { method: "POST", body: JSON.stringify({ changed: 1, added: 1, deleted: 1 }) })).json()) as Record<string, string[]>;
  assert.deepEqual([mutated.changed?.length, mutated.added?.length, mutated.deleted?.length], [1, 1, 1]);
  const stats = (await (await fetch(`${fhir.url}/_sandbox/stats`)).json()) as { binaryDownloads: number };
  assert.equal(stats.binaryDownloads, 2);
});

test("the CLI entry starts a sandbox, says where, and stops when told", async () => {
  const lines: string[] = [];
  let stop!: () => void;
  const until = new Promise<void>((resolve) => (stop = resolve));
  const running = runFhirSandboxCli({ patients: 3, seed: 1, clients: [], log: (l) => lines.push(l), until });
  while (lines.length === 0) await new Promise((r) => setTimeout(r, 10));
  const base = /listening on (\S+)/.exec(lines[0] ?? "")?.[1] ?? "";
  assert.equal((await fetch(`${base}/metadata`)).status, 200);
  stop();
  await running;
});
