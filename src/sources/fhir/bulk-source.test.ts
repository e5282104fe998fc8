import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { SourceItem, SourceRecord } from "../../contracts/source.js";
import { HandoverError } from "../../contracts/handover-error.js";
import { generateFhirExport } from "../../../sandbox/fhir/generate.js";
import { startFhirSandbox, type FhirSandbox } from "../../../sandbox/fhir/server.js";
import { clientId, sandboxClients, testKeys } from "./bulk-conformance.js";
import { createFhirBulkSource, sinceFor, type FhirBulkSourceOptions } from "./bulk-source.js";

let dataDir = "";
before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "fhir-bulk-data-"));
  await generateFhirExport({ patients: 30, seed: 21, outDir: dataDir, largeAttachmentBytes: 2048 });
});

const sandboxes: FhirSandbox[] = [];
after(() => Promise.all(sandboxes.map((s) => s.close())));
async function sandbox(extra: Partial<Parameters<typeof startFhirSandbox>[0]> = {}): Promise<FhirSandbox> {
  const started = await startFhirSandbox({ dataDir, clients: sandboxClients(), maxResourcesPerFile: 10, ...extra });
  sandboxes.push(started);
  return started;
}
const pem = testKeys.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
async function source(fhir: FhirSandbox, extra: Partial<FhirBulkSourceOptions> = {}) {
  return createFhirBulkSource({
    baseUrl: fhir.baseUrl, clientId, privateKey: pem, sleep: async () => undefined, reuseExportForMs: 60_000,
    workDir: await mkdtemp(join(tmpdir(), "fhir-work-")), filesDir: await mkdtemp(join(tmpdir(), "fhir-files-")), ...extra,
  });
}
async function records(items: AsyncIterable<SourceItem>): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const item of items) if (item.kind === "record") out.push(item);
  return out;
}

test("a key the server doesn't know for this client is refused and check says so", async () => {
  const fhir = await sandbox();
  const other = generateKeyPairSync("ec", { namedCurve: "P-384" }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  await assert.rejects((await source(fhir, { privateKey: other })).check(), (e: unknown) => e instanceof HandoverError && /invalid_client/.test(e.message));
  assert.equal(fhir.stats.tokenRefusals, 1);
  assert.equal(fhir.stats.tokens, 0);
});

test("an RSA key signs RS384 and the server accepts it", async () => {
  const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const fhir = await sandbox({ clients: [{ clientId: "rsa-client", publicKeyPem: rsa.publicKey.export({ type: "spki", format: "pem" }).toString() }] });
  await (await source(fhir, { clientId: "rsa-client", privateKey: rsa.privateKey.export({ type: "pkcs8", format: "pem" }).toString() })).check();
  assert.equal(fhir.stats.tokens, 1);
});

test("kick-off, polls that obey Retry-After, the manifest and each file, with one token throughout", async () => {
  const fhir = await sandbox({ pollsBeforeReady: 3, retryAfterSeconds: 7 });
  const slept: number[] = [];
  const bulk = await source(fhir, { sleep: async (ms) => void slept.push(ms), types: ["Patient", "Appointment"] });
  const patients = await records(bulk.read("Patient"));
  assert.equal(patients.length, fhir.store.byType.get("Patient")?.size);
  assert.deepEqual(slept, [7000, 7000, 7000]);
  assert.deepEqual([fhir.stats.kickoffs, fhir.stats.statusPolls, fhir.stats.tokens], [1, 4, 1]);
  const files = Math.ceil((fhir.store.byType.get("Patient")?.size ?? 0) / 10) + Math.ceil((fhir.store.byType.get("Appointment")?.size ?? 0) / 10);
  assert.equal(fhir.stats.fileDownloads, files);
  await records(bulk.read("Appointment"));
  assert.deepEqual([fhir.stats.kickoffs, fhir.stats.fileDownloads], [1, files], "a second table reads the same export");
  await assert.rejects(records(bulk.read("Claim")), (e: unknown) => e instanceof HandoverError && e.code === "HO-SRC-006");
});

test("a run killed while polling resumes polling without a second kick-off", async () => {
  const fhir = await sandbox({ pollsBeforeReady: 3 });
  const workDir = await mkdtemp(join(tmpdir(), "fhir-work-"));
  let polls = 0;
  const dying: typeof fetch = async (input, init) => {
    if (String(input).includes("/_bulk/status/") && ++polls === 2) throw new TypeError("fetch failed");
    return fetch(input, init);
  };
  await assert.rejects(records((await source(fhir, { workDir, fetch: dying })).read("Patient")), HandoverError);
  assert.equal(fhir.stats.kickoffs, 1);
  const got = await records((await source(fhir, { workDir })).read("Patient"));
  assert.equal(got.length, fhir.store.byType.get("Patient")?.size);
  assert.equal(fhir.stats.kickoffs, 1, "no second kick-off");
});

test("a run killed mid-download fetches only the files it lacks", async () => {
  const fhir = await sandbox({ pollsBeforeReady: 0 });
  const workDir = await mkdtemp(join(tmpdir(), "fhir-work-"));
  let downloads = 0;
  const dying: typeof fetch = async (input, init) => {
    if (String(input).includes("/_bulk/files/") && ++downloads === 3) throw new TypeError("fetch failed");
    return fetch(input, init);
  };
  await assert.rejects((await source(fhir, { workDir, fetch: dying, types: ["Patient"] })).discover(), HandoverError);
  assert.equal(fhir.stats.fileDownloads, 2);
  const got = await records((await source(fhir, { workDir, types: ["Patient"] })).read("Patient"));
  assert.equal(got.length, fhir.store.byType.get("Patient")?.size);
  assert.equal(fhir.stats.fileDownloads, Math.ceil(got.length / 10), "each file once");
  assert.equal(fhir.stats.kickoffs, 1);
});

test("attachments by Binary (with the token) and by plain URL are fetched once, even by a later export", async () => {
  const fhir = await sandbox({ pollsBeforeReady: 0 });
  const bulk = await source(fhir, { types: ["DocumentReference"], reuseExportForMs: 0 });
  const first = await records(bulk.read("DocumentReference"));
  const fetched = { binary: fhir.stats.binaryDownloads, plain: fhir.stats.plainDownloads };
  assert.ok(fetched.binary > 0 && fetched.plain > 0);
  const stored = first.filter((r) => r.values.attachment_path !== "");
  assert.ok(stored.length > 0);
  const probe = await bulk.statFile?.(stored[0]!.values.attachment_path!);
  assert.ok(probe?.ok && probe.size > 0);
  const second = await records(bulk.read("DocumentReference"));
  assert.equal(fhir.stats.kickoffs, 2, "a second export");
  assert.deepEqual(second.map((r) => r.values.attachment_path), first.map((r) => r.values.attachment_path));
  assert.equal(fhir.stats.plainDownloads, fetched.plain, "no plain URL fetched again");
  assert.equal(fhir.stats.binaryDownloads, fetched.binary, "no Binary fetched again");
});

test("a delta asks _since one second before the cursor and returns only what changed", async () => {
  const fhir = await sandbox({ pollsBeforeReady: 0 });
  const urls: string[] = [];
  const spy: typeof fetch = async (input, init) => (urls.push(String(input)), fetch(input, init));
  const bulk = await source(fhir, { fetch: spy, types: ["Patient"] });
  const all = await records(bulk.read("Patient"));
  const newest = all.reduce((a, r) => ((r.changedAt ?? "") > (a.changedAt ?? "") ? r : a));
  const { changed, added } = fhir.mutate({ changed: 3, added: 1 });
  const delta = await records(bulk.read("Patient", { changedSince: { at: newest.changedAt!, key: newest.key! } }));
  assert.deepEqual(delta.map((r) => r.key).sort(), [...changed, ...added].sort());
  const kick = urls.filter((u) => u.includes("$export")).pop() ?? "";
  assert.equal(new URL(kick).searchParams.get("_since"), sinceFor(newest.changedAt!));
  assert.equal(sinceFor("2024-01-01T00:00:00.000Z"), "2023-12-31T23:59:59.000Z");
});
