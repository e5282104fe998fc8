import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { sql } from "kysely";
import { appendAudit, verifyAuditChain } from "./audit-log.js";
import { openStore } from "./open-store.js";

const tempDb = () => join(mkdtempSync(join(tmpdir(), "handover-store-")), "state.db");

test("opening a new store file creates every table, and reopening it changes nothing", async () => {
  const path = tempDb();
  const store = await openStore(path);
  await store.db.insertInto("plans").values({ map_hash: "h", created_at: "t", plan_json: "{}" }).execute();
  await store.close();
  const again = await openStore(path);
  const tables = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`.execute(again.db);
  const names = tables.rows.map((r) => r.name);
  for (const t of ["runs", "staged_records", "issues", "record_outcomes", "crosswalk", "journal", "audit", "confirmations", "plans", "extract_state", "change_cursors"]) {
    assert.ok(names.includes(t), `missing table ${t}`);
  }
  assert.equal((await again.db.selectFrom("plans").selectAll().execute()).length, 1);
  await again.close();
});

test("the audit log is a hash chain that detects nothing when intact", async () => {
  const store = await openStore(tempDb());
  await appendAudit(store.db, [
    { actor: "tester", operation: "upsert", outcome: "ok", targetTable: "contact", sourceKey: "vp:patients:1" },
    { actor: "tester", operation: "upsert", outcome: "failed", errorCode: "HO-TGT-003" },
  ]);
  await appendAudit(store.db, [{ actor: "tester", operation: "delete", outcome: "ok" }]);
  assert.equal(await verifyAuditChain(store.db), null);
  const rows = await store.db.selectFrom("audit").selectAll().orderBy("id").execute();
  assert.equal(rows[1]?.prev_hash, rows[0]?.hash);
  assert.equal(rows[2]?.prev_hash, rows[1]?.hash);
  await store.close();
});

test("the store refuses to change or delete an audit row", async () => {
  const store = await openStore(tempDb());
  await appendAudit(store.db, [{ actor: "tester", operation: "upsert", outcome: "ok" }]);
  await assert.rejects(store.db.updateTable("audit").set({ outcome: "failed" }).execute(), /append-only/);
  await assert.rejects(store.db.deleteFrom("audit").execute(), /append-only/);
  await store.close();
});

test("a store written by a newer Handover is refused with a catalogued error", async () => {
  const path = tempDb();
  const store = await openStore(path);
  await store.db.insertInto("kysely_migration" as never).values({ name: "9999-future", timestamp: "2030-01-01" } as never).execute();
  await store.close();
  await assert.rejects(openStore(path), (e: { code?: string }) => e.code === "HO-STO-002");
});
