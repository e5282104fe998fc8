import { test } from "node:test";
import assert from "node:assert/strict";
import type { Session } from "./client.js";
import { BulkSupport, bulkSettings, bulkTarget, chooseBulk, isUnsupportedAction, writeBulkChunk, type BulkChunkContext } from "./bulk-write.js";
import type { TableMeta } from "./metadata.js";
import type { Prepared } from "./write.js";

const meta = { name: "account", entitySet: "accounts" } as TableMeta;
const item = (n: number): Prepared => ({
  index: n, meta,
  row: { table: "account", sourceKey: `A-${n}`, fields: { name: `N${n}` }, lookups: {} },
  body: { ok: true, data: { name: `N${n}`, hc_sourcekey: `A-${n}` }, aliases: new Map() },
});

test("settings: defaults 10/100, capped at 1000, false or 0 disables", () => {
  const s = bulkSettings(undefined);
  assert.equal(s?.threshold, 10);
  assert.equal(s?.size, 100);
  assert.equal(bulkSettings({ size: 5000 })?.size, 1000);
  assert.equal(bulkSettings(false), undefined);
  assert.equal(bulkSettings({ threshold: 0 }), undefined);
  assert.equal(chooseBulk(s, "account", 9), false);
  assert.equal(chooseBulk(s, "account", 10), true);
  s?.support.refuse("account");
  assert.equal(chooseBulk(s, "account", 500), false);
  assert.equal(chooseBulk(undefined, "account", 500), false);
});

test("a target names its type and our key, and carries the body", () => {
  assert.deepEqual(bulkTarget(item(1), "hc_sourcekey"), {
    "@odata.type": "Microsoft.Dynamics.CRM.account",
    "@odata.id": "accounts(hc_sourcekey='A-1')",
    name: "N1", hc_sourcekey: "A-1",
  });
});

test("'no such action' vs bad data", () => {
  const e = (status: number, code: string, message: string) => ({ status, code, message });
  assert.equal(isUnsupportedAction(e(404, "0x8006088a", "Resource not found for the segment 'Microsoft.Dynamics.CRM.UpsertMultiple'.")), true);
  assert.equal(isUnsupportedAction(e(400, "0x80040800", "The 'UpsertMultiple' method does not support entities of type 'x'.")), true);
  assert.equal(isUnsupportedAction(e(501, "", "")), true);
  assert.equal(isUnsupportedAction(e(404, "0x80040217", "account With Id = … Does Not Exist")), false);
  assert.equal(isUnsupportedAction(e(400, "0x80044331", "The length of the 'name' attribute …")), false);
  assert.equal(isUnsupportedAction(e(412, "0x80040237", "duplicate")), false);
});

function fakeSession(callAction: () => Promise<unknown>): Session {
  const api = { callAction };
  return { call: (fn: (a: typeof api) => Promise<unknown>) => fn(api) } as unknown as Session;
}

function context(session: Session, support = new BulkSupport()) {
  const log: string[] = [];
  const ctx: BulkChunkContext = {
    session, sourceKeyColumn: "hc_sourcekey", support,
    existing: async (items) => new Map(items.map((i) => [i.row.sourceKey.toLowerCase(), `00000000-0000-0000-0000-00000000000${i.index}`])),
    fallback: async (items) => void log.push(`fallback:${items.length}`),
    ok: (i, id) => void log.push(`ok:${i.index}:${id.slice(-1)}`),
    missingId: (i) => void log.push(`missing:${i.index}`),
    onPath: (p) => void log.push(p),
  };
  return { ctx, log, support };
}

test("success: ids from the read-back by key (UpsertMultiple returns none)", async () => {
  const { ctx, log } = context(fakeSession(async () => undefined));
  await writeBulkChunk([item(1), item(2)], ctx);
  assert.deepEqual(log, ["bulk", "ok:1:1", "ok:2:2"]);
});

test("success with returned Ids uses them without reading back", async () => {
  let reads = 0;
  const { ctx, log } = context(fakeSession(async () => ({ Ids: ["00000000-0000-0000-0000-000000000009", "00000000-0000-0000-0000-000000000008"] })));
  await writeBulkChunk([item(1), item(2)], { ...ctx, existing: async () => (reads++, new Map()) });
  assert.deepEqual(log, ["bulk", "ok:1:9", "ok:2:8"]);
  assert.equal(reads, 1, "only the pre-read");
});

test("a data error falls back per record and keeps the table on the bulk path", async () => {
  const { ctx, log, support } = context(fakeSession(async () => { throw { status: 400, code: "0x80044331", message: "too long" }; }));
  await writeBulkChunk([item(1), item(2)], ctx);
  assert.deepEqual(log, ["bulk-fallback", "fallback:2"]);
  assert.equal(support.usable("account"), true);
});

test("'no such action' falls back and is remembered for the table", async () => {
  const { ctx, log, support } = context(fakeSession(async () => { throw { status: 404, code: "0x8006088a", message: "Resource not found for the segment" }; }));
  await writeBulkChunk([item(1)], ctx);
  assert.deepEqual(log, ["bulk-unsupported", "fallback:1"]);
  assert.equal(support.usable("account"), false);
  assert.deepEqual(support.refused, ["account"]);
});
