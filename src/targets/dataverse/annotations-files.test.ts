/**
 * Block upload, the org's upload limit and document locations, against a recording server (the
 * sandbox has none of InitializeAnnotationBlocksUpload / UploadBlock / CommitAnnotationBlocksUpload,
 * organizations or sharepointdocumentlocations yet): request shapes only.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { base64Length, BLOCK_BYTES, blockId, DEFAULT_MAX_UPLOAD_BYTES, filePlan, readMaxUploadBytes, uploadInBlocks } from "./annotations-files.js";
import { ensureDocumentLocation, folderName } from "./annotations-location.js";
import { Session } from "./client.js";
import type { MetadataCache, TableMeta } from "./metadata.js";

const requests: { method: string; path: string; body: any }[] = [];
let orgAnswer: { status: number; body?: unknown } = { status: 200, body: { value: [{ maxuploadfilesize: 10_485_760, organizationid: "x" }] } };
let server: Server;
let base = "";
const ID = "0b7e0000-0000-0000-0000-000000000001";

function reply(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "OData-Version": "4.0", ...(body === undefined ? {} : { "Content-Type": "application/json; odata.metadata=minimal" }), ...headers });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

before(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://x");
      const path = decodeURIComponent(url.pathname.replace(/^\/api\/data\/v9\.2\//, "")) + decodeURIComponent(url.search);
      const text = Buffer.concat(chunks).toString("utf8");
      requests.push({ method: req.method ?? "", path, body: text ? JSON.parse(text) : undefined });
      if (path.startsWith("organizations")) return reply(res, orgAnswer.status, orgAnswer.body);
      if (path === "InitializeAnnotationBlocksUpload") return reply(res, 200, { FileContinuationToken: "tok" });
      if (path === "UploadBlock") return reply(res, 204);
      if (path === "CommitAnnotationBlocksUpload") return reply(res, 200, { AnnotationId: ID, FileSizeInBytes: 7_000_001 });
      if (req.method === "GET" && path.startsWith("sharepointdocumentlocations")) return reply(res, 200, { value: [] });
      if (req.method === "POST" && path === "sharepointdocumentlocations") {
        return reply(res, 204, undefined, { "OData-EntityId": `${base}/api/data/v9.2/sharepointdocumentlocations(${ID})` });
      }
      reply(res, 404, { error: { code: "0x80060888", message: "no route" } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

const session = () => new Session({ url: base, token: async () => "t", maxRetries: 0 });

test("the limit is compared with the Base64 size; blocks only above 4 MB and only when on", () => {
  const file = (n: number) => ({ fileName: "f", mimeType: "application/pdf", bytes: new Uint8Array(n) });
  assert.equal(base64Length(3), 4);
  assert.equal(base64Length(4), 8);
  assert.equal(filePlan(undefined, 100, true), "none");
  assert.equal(filePlan(file(75), 100, true), "inline"); // 100 Base64 chars
  assert.equal(filePlan(file(76), 100, true), "oversize");
  assert.equal(filePlan(file(5_000_000), 10_485_760, true), "blocks");
  assert.equal(filePlan(file(5_000_000), 10_485_760, false), "inline");
  assert.equal(filePlan(file(4_000_000), DEFAULT_MAX_UPLOAD_BYTES, true), "oversize");
});

test("reads organizations.maxuploadfilesize, and falls back to 5,120 KB", async () => {
  assert.equal(await readMaxUploadBytes(session()), 10_485_760);
  assert.equal(requests.at(-1)?.path, "organizations?$select=maxuploadfilesize");
  orgAnswer = { status: 404, body: { error: { code: "0x80060888", message: "Resource not found" } } };
  assert.equal(await readMaxUploadBytes(session()), 5_242_880);
});

test("block upload: initialize, ≤ 4 MB Base64 blocks with same-length ids, commit in order", async () => {
  const mark = requests.length;
  const bytes = new Uint8Array(BLOCK_BYTES * 2 + 10).map((_, i) => i % 251);
  const size = await uploadInBlocks(session(), ID, { fileName: "scan.pdf", mimeType: "application/pdf", bytes });
  assert.equal(size, 7_000_001);
  const sent = requests.slice(mark);
  assert.deepEqual(sent.map((r) => [r.method, r.path]), [
    ["POST", "InitializeAnnotationBlocksUpload"], ["POST", "UploadBlock"], ["POST", "UploadBlock"], ["POST", "UploadBlock"], ["POST", "CommitAnnotationBlocksUpload"],
  ]);
  const target = { annotationid: ID, filename: "scan.pdf", mimetype: "application/pdf", "@odata.type": "Microsoft.Dynamics.CRM.annotation" };
  assert.deepEqual(sent[0]?.body, { Target: target });
  const blocks = sent.slice(1, 4).map((r) => r.body);
  assert.ok(blocks.every((b) => b.FileContinuationToken === "tok" && b.BlockData.length <= 4 * 1024 * 1024));
  assert.ok(blocks.every((b) => b.BlockId.length === blockId(0).length && Buffer.from(b.BlockId, "base64").length <= 64));
  const joined = Buffer.concat(blocks.map((b) => Buffer.from(b.BlockData, "base64")));
  assert.ok(joined.equals(Buffer.from(bytes)), "blocks rebuild the file");
  assert.deepEqual(sent[4]?.body, { Target: target, BlockList: blocks.map((b) => b.BlockId), FileContinuationToken: "tok" });
});

test("a document location is created under the configured parent, regarding the row", async () => {
  const meta: TableMeta = {
    name: "sharepointdocumentlocation", primaryId: "sharepointdocumentlocationid", primaryName: "name", entitySet: "sharepointdocumentlocations",
    columns: [], keys: [], keyStatus: new Map(),
    relations: [
      { attribute: "regardingobjectid", table: "contact", navProp: "regardingobjectid_contact" },
      { attribute: "parentsiteorlocation", table: "sharepointdocumentlocation", navProp: "parentsiteorlocation_sharepointdocumentlocation" },
      { attribute: "parentsiteorlocation", table: "sharepointsite", navProp: "parentsiteorlocation_sharepointsite" },
    ],
  };
  const sets: Record<string, string> = { contact: "contacts", sharepointdocumentlocation: "sharepointdocumentlocations" };
  const metadata = { table: async () => meta, address: async (t: string) => ({ entitySet: sets[t] ?? t, primaryId: `${t}id` }) } as unknown as MetadataCache;
  const parentRow = "5f1c0000-0000-0000-0000-00000000abcd";
  const mark = requests.length;
  const id = await ensureDocumentLocation(session(), metadata, { parent: { table: "sharepointdocumentlocation", id: ID } }, { table: "contact", id: parentRow });
  assert.equal(id, ID);
  const sent = requests.slice(mark);
  assert.equal(folderName("contact", parentRow), "contact_5F1C000000000000000000000000ABCD");
  assert.equal(sent[0]?.path, `sharepointdocumentlocations?$select=sharepointdocumentlocationid&$filter=_regardingobjectid_value eq ${parentRow} and relativeurl eq 'contact_5F1C000000000000000000000000ABCD'&$top=1`);
  assert.deepEqual(sent[1]?.body, {
    name: "Migrated documents", relativeurl: folderName("contact", parentRow),
    "parentsiteorlocation_sharepointdocumentlocation@odata.bind": `/sharepointdocumentlocations(${ID})`,
    "regardingobjectid_contact@odata.bind": `/contacts(${parentRow})`,
  });
});
