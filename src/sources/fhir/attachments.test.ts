import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import type { SourceItem, SourceRecord } from "../../contracts/source.js";
import { createFhirNdjsonSource } from "./ndjson-source.js";
import { ndjsonFolder } from "./test-files.js";

const bytes = (n: number, seed: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + seed) % 251));
const doc = (id: string, attachment: Record<string, unknown>) => ({ resourceType: "DocumentReference", id, subject: { reference: "Patient/p1" }, content: [{ attachment }] });

async function records(items: AsyncIterable<SourceItem>): Promise<{ records: SourceRecord[]; issues: SourceItem[] }> {
  const out = { records: [] as SourceRecord[], issues: [] as SourceItem[] };
  for await (const item of items) if (item.kind === "record") out.records.push(item); else if (item.kind === "issue") out.issues.push(item);
  return out;
}

/** A file server that counts requests per path. */
async function fileServer(files: Record<string, Buffer>) {
  const hits: Record<string, number> = {};
  const server = createServer((req, res) => {
    const path = req.url ?? "/";
    hits[path] = (hits[path] ?? 0) + 1;
    const body = files[path];
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": "application/octet-stream" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits, close: () => new Promise<void>((r) => server.close(() => r())) };
}

test("inline and URL attachments are stored once by content and a second read fetches nothing", async () => {
  const big = bytes(300_000, 7);
  const small = bytes(10, 1);
  const server = await fileServer({ "/fhir/Binary/b1": small, "/files/big.bin": big });
  try {
    const root = await ndjsonFolder({
      "DocumentReference.ndjson": [
        doc("d1", { contentType: "application/pdf", title: "a.pdf", data: small.toString("base64") }),
        doc("d2", { contentType: "application/pdf", title: "same bytes.pdf", url: "Binary/b1" }),
        doc("d3", { contentType: "image/png", url: `${server.url}/files/big.bin` }),
        doc("d4", { contentType: "image/png", data: big.toString("base64") }),
        doc("d5", { url: "Binary/missing" }),
        doc("d6", { title: "no content" }),
      ],
    });
    const filesDir = await mkdtemp(join(tmpdir(), "fhir-files-"));
    const source = createFhirNdjsonSource({ root, filesDir, attachmentBaseUrl: `${server.url}/fhir` });
    const first = await records(source.read("DocumentReference"));
    const path = (id: string) => first.records.find((r) => r.key === id)?.values.attachment_path;
    const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
    assert.deepEqual(["d1", "d2", "d3", "d4", "d5", "d6"].map(path), [sha(small), sha(small), sha(big), sha(big), undefined, ""]);
    assert.equal(first.issues.length, 1, "the missing binary rejects its document: an issue in its place");
    assert.deepEqual(first.issues[0]?.kind === "issue" && [first.issues[0].issue.code, first.issues[0].issue.severity, first.issues[0].issue.row, first.issues[0].key], ["HO-SRC-032", "error", 5, "d5"],
      "filed under the document row it stands for, so two failed attachments of one resource are two rows");
    assert.deepEqual(await readFile(join(filesDir, sha(big))), big);
    assert.deepEqual(JSON.parse(await readFile(join(filesDir, `${sha(small)}.json`), "utf8")), { name: "a.pdf", contentType: "application/pdf", size: 10 });
    const stored = (await readdir(filesDir)).filter((f) => /^[0-9a-f]{64}$/.test(f));
    assert.equal(stored.length, 2, "two distinct contents, two files");
    const hitsAfterFirst = { ...server.hits };
    assert.deepEqual(hitsAfterFirst, { "/fhir/Binary/b1": 1, "/files/big.bin": 1, "/fhir/Binary/missing": 1 });

    const second = await records(source.read("DocumentReference"));
    assert.deepEqual(second.records.map((r) => r.values.attachment_path), first.records.map((r) => r.values.attachment_path));
    assert.deepEqual(server.hits, { ...hitsAfterFirst, "/fhir/Binary/missing": 2 }, "only the failed one is tried again");
    assert.deepEqual(await source.statFile?.(sha(big)), { ok: true, size: big.length });
    const content = await source.readFile?.(sha(small));
    assert.ok(content?.ok);
    assert.deepEqual(Buffer.from(content.bytes), small);
    assert.deepEqual(await source.statFile?.("../x"), { ok: false, problem: "outside-source" });
  } finally {
    await server.close();
  }
});

test("inline data that is not base64 rejects its document, and only that attachment's", async () => {
  const good = Buffer.from("fine");
  const root = await ndjsonFolder({ "DocumentReference.ndjson": [{ ...doc("d1", { data: "not*base64!" }), content: [
    { attachment: { contentType: "application/pdf", data: good.toString("base64") } }, { attachment: { contentType: "image/png", data: "not*base64!" } },
  ] }] });
  const got = await records(createFhirNdjsonSource({ root, filesDir: await mkdtemp(join(tmpdir(), "fhir-files-")) }).read("DocumentReference"));
  assert.deepEqual(got.records.map((r) => [r.key, r.values.id, r.values.content_index, r.values.attachment_contentType]), [["d1", "d1", "1", "application/pdf"]]);
  assert.equal(got.issues.length, 1);
});

test("every attachment of a DocumentReference is a row of its own, keyed <id> then <id>#n, each stored once", async () => {
  const [a, b] = [bytes(50, 3), bytes(70, 4)];
  const sha = (x: Buffer) => createHash("sha256").update(x).digest("hex");
  const root = await ndjsonFolder({ "DocumentReference.ndjson": [{ ...doc("d1", {}), content: [
    { attachment: { contentType: "application/pdf", title: "scan.pdf", data: a.toString("base64") } },
    { attachment: { contentType: "image/png", title: "preview.png", data: b.toString("base64") } },
    { attachment: { contentType: "application/pdf", title: "copy.pdf", data: a.toString("base64") } },
  ] }] });
  const filesDir = await mkdtemp(join(tmpdir(), "fhir-files-"));
  const got = await records(createFhirNdjsonSource({ root, filesDir }).read("DocumentReference"));
  assert.deepEqual(got.records.map((r) => [r.key, r.values.id, r.values.content_index, r.values.attachment_filename, r.values.attachment_path, r.values.patient]), [
    ["d1", "d1", "1", "scan.pdf", sha(a), "p1"], ["d1#2", "d1#2", "2", "preview.png", sha(b), "p1"], ["d1#3", "d1#3", "3", "copy.pdf", sha(a), "p1"],
  ]);
  assert.equal((await readdir(filesDir)).filter((f) => /^[0-9a-f]{64}$/.test(f)).length, 2, "the same bytes twice are one file");
});
