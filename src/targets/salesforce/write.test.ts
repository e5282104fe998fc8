import assert from "node:assert/strict";
import { test } from "node:test";
import type { TargetRow } from "../../contracts/target.js";
import { addKeys, startOrg } from "./test-support.js";

const account = (n: number): TargetRow => ({ table: "Account", sourceKey: `a:${n}`, fields: { Name: `Practice ${n}` }, lookups: {} });
const contact = (n: number, parent: number, extra: Record<string, string> = {}): TargetRow => ({
  table: "Contact", sourceKey: `c:${n}`, fields: { LastName: `Patient${n}`, ...extra },
  lookups: { AccountId: { table: "Account", sourceKey: `a:${parent}` } },
});

test("above the threshold rows go through one Bulk API 2.0 job, with per-row outcomes in input order", async () => {
  const paths: string[] = [];
  const org = await startOrg({}, { collectionThreshold: 50, onWritePath: (path, table, rows) => paths.push(`${path}:${table}:${rows}`) });
  try {
    await addKeys(org.target, ["Account", "Contact"]);
    await org.target.write([1, 2, 3].map(account));
    const rows = Array.from({ length: 300 }, (_, i) => contact(i, (i % 3) + 1, i === 137 ? { LastName: "Y".repeat(90) } : {}));
    const out = await org.target.write(rows);
    assert.deepEqual(paths.slice(-1), ["bulk:Contact:300"]);
    assert.equal(out.length, 300);
    assert.deepEqual(out.map((o) => o.sourceKey), rows.map((r) => r.sourceKey));
    assert.deepEqual(out.flatMap((o, i) => (o.ok ? [] : [i])), [137]);
    const failed = out[137]!;
    assert.ok(!failed.ok && failed.error.vendorCode === "STRING_TOO_LONG" && failed.error.field === "LastName" && !JSON.stringify(failed).includes("YYYY"));
    assert.ok(out.every((o, i) => i === 137 || (o.ok && o.created)));
    const again = await org.target.write(rows);
    assert.ok(again.every((o, i) => i === 137 || (o.ok && !o.created && out[i]?.ok && o.id === out[i].id)), "re-run updates the same rows");
    const [back] = await org.target.readBack("Contact", ["c:4"], ["AccountId"]);
    const [parent] = await org.target.readBack("Account", ["a:2"], []);
    assert.deepEqual(back?.lookups.AccountId, { table: "Account", id: parent!.id });
  } finally {
    await org.close();
  }
});

test("at or below the threshold rows go through sObject Collections, lookups by our key resolve, polymorphic ones too", async () => {
  const paths: string[] = [];
  const org = await startOrg({}, { onWritePath: (path, table) => paths.push(`${path}:${table}`) });
  try {
    await addKeys(org.target, ["Account", "Contact", "Event"]);
    const out = await org.target.write([account(1), contact(1, 1), contact(2, 404), {
      table: "Event", sourceKey: "e:1", fields: { Subject: "Checkup", StartDateTime: "2024-05-01T09:00:00Z", DurationInMinutes: 30 },
      lookups: { WhoId: { table: "Contact", sourceKey: "c:1" }, WhatId: { table: "Account", sourceKey: "a:1" } },
    }]);
    assert.deepEqual(paths, ["collections:Account", "collections:Contact", "collections:Event"]);
    assert.deepEqual(out.map((o) => o.ok), [true, true, false, true]);
    assert.equal(out[2]!.ok ? "" : out[2]!.error.field, "AccountId");
    const [event] = await org.target.readBack("Event", ["e:1"], ["Subject", "StartDateTime", "WhoId", "WhatId"]);
    assert.equal(event?.fields.StartDateTime, "2024-05-01T09:00:00Z");
    assert.deepEqual(event?.lookups.WhoId, { table: "Contact", id: out[1]!.ok ? out[1]!.id : "" });
    assert.deepEqual(event?.lookups.WhatId, { table: "Account", id: out[0]!.ok ? out[0]!.id : "" });
    const missing = await org.target.write([{ ...contact(9, 1), table: "No_Such__c" }]);
    assert.ok(!missing[0]!.ok && missing[0]!.error.reason === "unknown table");
  } finally {
    await org.close();
  }
});

test("children grouped by parent avoid UNABLE_TO_LOCK_ROW, and a lock met anyway is retried", async () => {
  const org = await startOrg({ lockDelayMs: 60 }, { sleep: (ms) => new Promise((r) => setTimeout(r, ms)) });
  try {
    await addKeys(org.target, ["Account", "Contact"]);
    await org.target.write([1, 2, 3].map(account));
    // Interleaved parents: sorted by parent, each collections request holds one parent only.
    const rows = Array.from({ length: 600 }, (_, i) => contact(i, (i % 3) + 1));
    const out = await org.target.write(rows);
    assert.ok(out.every((o) => o.ok));
    assert.equal((await org.control<{ lockConflicts: number }>("stats")).lockConflicts, 0);
    // Two writes at once under one parent: one meets the other's lock and is sent again.
    const [a, b] = await Promise.all([org.target.write([contact(1000, 1)]), org.target.write([contact(1001, 1)])]);
    assert.ok(a[0]?.ok && b[0]?.ok);
    assert.ok((await org.control<{ lockConflicts: number }>("stats")).lockConflicts >= 1);
  } finally {
    await org.close();
  }
});
