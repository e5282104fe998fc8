/**
 * Notes: the pure body builder, and writeNotes over real HTTP against the Dataverse sandbox
 * (annotation table, documentbody size limit, alternate keys). Run with http_proxy unset.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { startDataverseSandbox } from "../../../sandbox/dataverse/server.js";
import type { NoteRow, SchemaPlan } from "../../contracts/target.js";
import { prepareNote, type NoteLimits } from "./annotations-body.js";
import { writeNotes, type NoteDeps } from "./annotations.js";
import { Session } from "./client.js";
import { MetadataCache, type TableMeta } from "./metadata.js";
import { applySchema } from "./schema.js";

const noteMeta: TableMeta = {
  name: "annotation", primaryId: "annotationid", primaryName: "subject", entitySet: "annotations",
  columns: [], keys: [], keyStatus: new Map(),
  relations: [{ attribute: "objectid", table: "contact", navProp: "objectid_contact" }],
};
const ctx = { meta: noteMeta, addresses: new Map([["contact", { entitySet: "contacts", primaryId: "contactid" }]]), sourceKeyColumn: "hc_sourcekey" };
const limits: NoteLimits = { textMax: 20, subjectMax: 500, maxUploadBytes: 16, chunk: true, oversize: "reject" };
const base: NoteRow = { sourceKey: "N-1", parent: { table: "contact", sourceKey: "P-1" }, subject: "Visit", text: "short", createdOn: "2019-03-04T10:00:00Z" };

describe("prepareNote", () => {
  test("binds the parent by its key; the original timestamp goes on create only", () => {
    const created = prepareNote(base, ctx, limits, () => false);
    assert.ok(created.ok);
    assert.deepEqual(created.parts[0]?.data, {
      subject: "Visit", notetext: "short", hc_sourcekey: "N-1", overriddencreatedon: "2019-03-04T10:00:00Z",
      "objectid_contact@odata.bind": "/contacts(hc_sourcekey='P-1')",
    });
    const updated = prepareNote(base, ctx, limits, () => true);
    assert.ok(updated.ok && !("overriddencreatedon" in (updated.parts[0]?.data ?? {})));
  });

  test("long text becomes numbered parts with their own keys, flagged", () => {
    const note = prepareNote({ ...base, text: "a".repeat(45) }, ctx, limits, () => false);
    assert.ok(note.ok);
    assert.deepEqual(note.flags, ["split"]);
    assert.deepEqual(note.parts.map((p) => [p.key, p.data.subject, String(p.data.notetext).length]), [
      ["N-1", "Visit (part 1 of 3)", 20], ["N-1#part2", "Visit (part 2 of 3)", 20], ["N-1#part3", "Visit (part 3 of 3)", 5],
    ]);
  });

  test("a small file goes inline as Base64; one over the limit is refused, never dropped", () => {
    const file = { fileName: "a.txt", mimeType: "text/plain", bytes: new TextEncoder().encode("hello") };
    const inline = prepareNote({ ...base, file }, ctx, limits, () => false);
    assert.ok(inline.ok);
    assert.equal(inline.parts[0]?.data.documentbody, "aGVsbG8=");
    assert.equal(inline.parts[0]?.data.isdocument, true);
    const big = prepareNote({ ...base, file: { ...file, bytes: new Uint8Array(13) } }, ctx, limits, () => false); // 20 Base64 chars > 16
    assert.deepEqual(big.ok ? null : [big.error.reason, big.error.field], ["the file is larger than the target's upload limit", "documentbody"]);
    const linked = prepareNote({ ...base, file: { ...file, bytes: new Uint8Array(13) } }, ctx, { ...limits, oversize: "link" }, () => false);
    assert.ok(linked.ok && linked.flags.includes("file-linked") && !("documentbody" in (linked.parts[0]?.data ?? {})));
  });
});

describe("writeNotes against the sandbox", () => {
  let sandbox: { url: string; close(): Promise<void> | void };
  let deps: NoteDeps;
  const plan: SchemaPlan = {
    columns: ["contact", "annotation"].map((table) => ({ table, name: "hc_sourcekey", type: "string" as const, maxLength: 100, label: "Source key", reason: "alternate key" })),
    keys: ["contact", "annotation"].map((table) => ({ table, name: "hc_sourcekey_key", columns: ["hc_sourcekey"] })),
  };

  before(async () => {
    sandbox = await startDataverseSandbox({ port: 0, maxUploadFileSize: 1024 });
    const session = new Session({ url: sandbox.url, token: async () => "sandbox", maxRetries: 2, sleep: async () => {} });
    const metadata = new MetadataCache(session);
    deps = { session, metadata, sourceKeyColumn: "hc_sourcekey", batchSize: 50 };
    const schema = await applySchema(plan, { session, metadata, sleep: async () => {}, keyWaitMs: 0 });
    assert.ok(schema.every((o) => o.ok), JSON.stringify(schema));
    await session.call((api) => api.upsert({ collection: "contacts", key: "hc_sourcekey='P-1'", data: { lastname: "Lovelace", hc_sourcekey: "P-1" } }));
  });
  after(() => sandbox.close());

  const rows: NoteRow[] = [
    { ...base, text: "First visit." },
    { sourceKey: "N-2", parent: { table: "contact", sourceKey: "P-1" }, subject: "Long history", text: "x".repeat(250_001) },
    { sourceKey: "N-3", parent: { table: "contact", sourceKey: "P-1" }, subject: "Scan", text: null, file: { fileName: "scan.txt", mimeType: "text/plain", bytes: new TextEncoder().encode("scan") } },
    { sourceKey: "N-4", parent: { table: "contact", sourceKey: "P-1" }, subject: "Too big", text: null, file: { fileName: "big.bin", mimeType: "application/octet-stream", bytes: new Uint8Array(2000) } },
    { sourceKey: "N-5", parent: { table: "contact", sourceKey: "NO-SUCH" }, subject: "Orphan", text: "x" },
  ];

  // The sandbox has no organizations set, so the 5,120 KB default applies on our side and its
  // 1 KB limit is found by the server: the refusal reads the same either way.
  test("one outcome per row: created, split, inline file, refused file, missing parent", async () => {
    const out = await writeNotes(rows, deps);
    assert.deepEqual(out.map((o) => [o.sourceKey, o.ok, o.ok ? o.created : o.error.reason, o.flags]), [
      ["N-1", true, true, []],
      ["N-2", true, true, ["split"]],
      ["N-3", true, true, []],
      ["N-4", false, "the file is larger than the target's upload limit", []],
      ["N-5", false, "no row has these key values", []],
    ]);
    const n2 = out[1];
    assert.ok(n2?.ok && n2.partIds.length === 2);

    const stored = await deps.session.call((api) =>
      api.retrieveMultiple<Record<string, unknown>>({ collection: "annotations", select: ["hc_sourcekey", "subject", "notetext", "filesize", "createdon", "_objectid_value"] }),
    );
    const byKey = new Map((stored?.value ?? []).map((r) => [r.hc_sourcekey, r]));
    assert.deepEqual([...byKey.keys()].sort(), ["N-1", "N-2", "N-2#part2", "N-2#part3", "N-3"]);
    assert.equal(String(byKey.get("N-2#part3")?.subject), "Long history (part 3 of 3)");
    const total = ["N-2", "N-2#part2", "N-2#part3"].map((k) => String(byKey.get(k)?.notetext)).join("");
    assert.equal(total.length, 250_001, "nothing cut");
    assert.equal(byKey.get("N-3")?.filesize, 4);
    const created = byKey.get("N-1")?.createdon;
    assert.equal(created instanceof Date ? created.toISOString() : created, "2019-03-04T10:00:00.000Z");
  });

  test("a re-run updates in place: no duplicates, created false, original timestamp kept", async () => {
    const again = await writeNotes([{ ...base, text: "First visit, corrected.", createdOn: "2024-01-01T00:00:00Z" }], deps);
    assert.deepEqual(again.map((o) => o.ok && o.created), [false]);
    const stored = await deps.session.call((api) =>
      api.retrieveMultiple<Record<string, unknown>>({ collection: "annotations", select: ["notetext", "createdon"], filter: "hc_sourcekey eq 'N-1'" }),
    );
    assert.equal(stored?.value.length, 1);
    assert.equal(stored?.value[0]?.notetext, "First visit, corrected.");
    const created = stored?.value[0]?.createdon;
    assert.equal(created instanceof Date ? created.toISOString() : created, "2019-03-04T10:00:00.000Z");
  });
});
