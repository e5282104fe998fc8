/** sObject Collections through jsforce arrays, allOrNone rollback, the 200 cap and row locks. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { rejection, startHarness } from "./test-helpers.js";

test("jsforce arrays use collections: per-record results in order with statusCode errors", async () => {
  const h = await startHarness();
  try {
    const results = await h.conn.sobject("Contact").create([{ LastName: "One" }, { FirstName: "NoLast" }, { LastName: "Three" }]);
    assert.equal(results.length, 3);
    assert.equal(results[0]?.success, true);
    assert.deepEqual(results[1], { success: false, errors: [{ statusCode: "REQUIRED_FIELD_MISSING", message: "Required fields are missing: [LastName]", fields: ["LastName"] }] });
    assert.equal((h.sandbox.stats.byResource.composite ?? 0) >= 1, true);
    const ids = results.flatMap((r) => (r.success ? [r.id] : []));
    const updated = await h.conn.sobject("Contact").update(ids.map((Id) => ({ Id, Title: "Updated" })));
    assert.ok(updated.every((r) => r.success));
    const got = await h.conn.sobject("Contact").retrieve(ids, { fields: ["Title"] });
    assert.deepEqual(got.map((r) => r?.Title), ["Updated", "Updated"]);
    const deleted = await h.conn.sobject("Contact").destroy([...ids, ids[0] ?? ""]);
    assert.deepEqual(deleted.map((r) => r.success), [true, true, false]);
    assert.equal((deleted[2] as { errors: { statusCode: string }[] }).errors[0]?.statusCode, "ENTITY_IS_DELETED");
  } finally {
    await h.close();
  }
});

test("allOrNone rolls back the whole request and marks valid records ALL_OR_NONE_OPERATION_ROLLED_BACK", async () => {
  const h = await startHarness();
  try {
    const res = await h.fetchApi("composite/sobjects", {
      method: "POST",
      body: JSON.stringify({ allOrNone: true, records: [
        { attributes: { type: "Account" }, Name: "Kept?" },
        { attributes: { type: "Contact" }, LastName: "x".repeat(100) },
        { attributes: { type: "Contact" }, LastName: "Fine" },
      ] }),
    });
    assert.equal(res.status, 200);
    const body = (await res.json()) as { success: boolean; errors: { statusCode: string }[] }[];
    assert.deepEqual(body.map((r) => r.errors[0]?.statusCode), ["ALL_OR_NONE_OPERATION_ROLLED_BACK", "STRING_TOO_LONG", "ALL_OR_NONE_OPERATION_ROLLED_BACK"]);
    assert.equal((await h.conn.query("SELECT COUNT() FROM Account")).totalSize, 0);
    assert.equal((await h.conn.query("SELECT COUNT() FROM Contact")).totalSize, 0);
  } finally {
    await h.close();
  }
});

test("more than 200 records is a request-level EXCEEDED_ID_LIMIT; allowRecursive splits", async () => {
  const h = await startHarness();
  try {
    const records = Array.from({ length: 201 }, (_, i) => ({ LastName: `Bulk ${i}` }));
    const err = await rejection(h.conn.sobject("Contact").create(records));
    assert.equal(err.errorCode, "EXCEEDED_ID_LIMIT");
    assert.equal(err.message, "record limit reached. cannot submit more than 200 records into this call");
    const ok = await h.conn.sobject("Contact").create(records, { allowRecursive: true });
    assert.equal(ok.filter((r) => r.success).length, 201);
  } finally {
    await h.close();
  }
});

test("collection upsert by external id reports created per record", async () => {
  const h = await startHarness();
  try {
    await h.conn.tooling.sobject("CustomField").create({ FullName: "Contact.Handover_Source_Key__c", Metadata: { type: "Text", length: 80, externalId: true, unique: true, label: "Key" } });
    await h.conn.sobject("Contact").create({ LastName: "Existing", Handover_Source_Key__c: "K1" });
    const r = await h.conn.sobject("Contact").upsert([{ Handover_Source_Key__c: "K1", FirstName: "Now" }, { Handover_Source_Key__c: "K2", LastName: "New" }], "Handover_Source_Key__c");
    assert.deepEqual(r.map((x) => [x.success, (x as { created?: boolean }).created]), [[true, false], [true, true]]);
  } finally {
    await h.close();
  }
});

test("two concurrent writes to children of one parent: the second gets UNABLE_TO_LOCK_ROW", async () => {
  const h = await startHarness({ lockDelayMs: 150 });
  try {
    const acc = await h.conn.sobject("Account").create({ Name: "Locked Parent" });
    const other = await h.conn.sobject("Account").create({ Name: "Free Parent" });
    const batch = (names: string[], accountId?: string) => h.fetchApi("composite/sobjects", {
      method: "POST", body: JSON.stringify({ allOrNone: false, records: names.map((n) => ({ attributes: { type: "Contact" }, LastName: n, AccountId: accountId })) }),
    }).then(async (r) => (await r.json()) as { success: boolean; errors: { statusCode: string; message: string }[] }[]);
    const first = batch(["A1", "A2"], acc.id);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const [second, third] = await Promise.all([batch(["B1"], acc.id), batch(["C1"], other.id)]);
    assert.ok((await first).every((r) => r.success));
    assert.equal(second[0]?.errors[0]?.statusCode, "UNABLE_TO_LOCK_ROW");
    assert.equal(second[0]?.errors[0]?.message, `unable to obtain exclusive access to this record or 1 records: ${acc.id}`);
    assert.equal(third[0]?.success, true, "a different parent is not locked");
    const single = h.fetchApi("sobjects/Contact", { method: "POST", body: JSON.stringify({ LastName: "S1", AccountId: acc.id }) });
    await new Promise((resolve) => setTimeout(resolve, 30));
    const blocked = await h.fetchApi("sobjects/Contact", { method: "POST", body: JSON.stringify({ LastName: "S2", AccountId: acc.id }) });
    assert.equal((await single).status, 201);
    assert.equal(blocked.status, 400);
    assert.equal(((await blocked.json()) as { errorCode: string }[])[0]?.errorCode, "UNABLE_TO_LOCK_ROW");
  } finally {
    await h.close();
  }
});
