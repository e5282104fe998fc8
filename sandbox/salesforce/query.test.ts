/** SOQL subset, paging with query locators, queryAll and query errors. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { rejection, startHarness } from "./test-helpers.js";

test("WHERE, parent fields, ORDER BY, LIMIT, OFFSET, IN, LIKE, NOT and null", async () => {
  const h = await startHarness();
  try {
    const [acme] = await h.conn.sobject("Account").create([{ Name: "Acme Test Dental", Industry: "Healthcare" }]);
    await h.conn.sobject("Contact").create([
      { LastName: "Alpha", FirstName: "Ann", AccountId: acme?.id, Birthdate: "1980-01-02" },
      { LastName: "Bravo", FirstName: "Ben", AccountId: acme?.id, Birthdate: "1990-05-06" },
      { LastName: "charlie", Email: "c@example.test" },
    ]);
    const q = async (soql: string) => (await h.conn.query<Record<string, unknown>>(soql)).records;
    const rows = await q("SELECT Id, Name, Account.Name, Account.Industry FROM Contact WHERE Account.Name LIKE 'acme%' ORDER BY LastName DESC");
    assert.deepEqual(rows.map((r) => r.Name), ["Ben Bravo", "Ann Alpha"]);
    assert.deepEqual(rows[0]?.Account, { attributes: { type: "Account", url: `/services/data/v60.0/sobjects/Account/${acme?.id}` }, Name: "Acme Test Dental", Industry: "Healthcare" });
    const orphan = await q("SELECT LastName, Account.Name FROM Contact WHERE AccountId = null");
    assert.deepEqual(orphan.map((r) => [r.LastName, r.Account]), [["charlie", null]]);
    assert.deepEqual((await q("SELECT LastName FROM Contact ORDER BY LastName LIMIT 2 OFFSET 1")).map((r) => r.LastName), ["Bravo", "charlie"]);
    assert.equal((await q("SELECT Id FROM Contact WHERE LastName IN ('Alpha','Bravo') AND NOT (FirstName = 'Ann')")).length, 1);
    assert.equal((await q("SELECT Id FROM Contact WHERE Birthdate > 1985-01-01 OR Email != null")).length, 2);
    assert.equal((await q("SELECT Id FROM Contact WHERE CreatedDate = TODAY AND CreatedDate > 2020-01-01T00:00:00Z")).length, 3);
    assert.equal((await q("SELECT Id FROM Contact WHERE CreatedDate = LAST_N_DAYS:3")).length, 3);
    assert.equal((await h.conn.query("SELECT COUNT() FROM Contact WHERE LastName LIKE '%a%'")).totalSize, 3);
    assert.equal((await q("SELECT Name FROM Organization")).length, 1);
  } finally {
    await h.close();
  }
});

test("pages follow nextRecordsUrl locators; autoFetch gathers all; queryAll sees deleted rows", async () => {
  const h = await startHarness();
  try {
    await h.conn.sobject("Contact").create(Array.from({ length: 450 }, (_, i) => ({ LastName: `Page ${String(i).padStart(3, "0")}` })), { allowRecursive: true });
    const first = await h.fetchApi(`query?q=${encodeURIComponent("SELECT LastName FROM Contact ORDER BY LastName")}`, { headers: { "Sforce-Query-Options": "batchSize=200" } });
    const page = (await first.json()) as { totalSize: number; done: boolean; nextRecordsUrl: string; records: unknown[] };
    assert.equal(page.totalSize, 450);
    assert.equal(page.done, false);
    assert.equal(page.records.length, 200);
    assert.match(page.nextRecordsUrl, /^\/services\/data\/v60\.0\/query\/01g\w{15}-200$/);
    const all = await h.conn.query("SELECT LastName FROM Contact", { autoFetch: true, maxFetch: 10000, headers: { "Sforce-Query-Options": "batchSize=200" } });
    assert.equal(all.records.length, 450);
    const gone = await h.conn.query<{ Id: string }>("SELECT Id FROM Contact LIMIT 2");
    await h.conn.sobject("Contact").destroy(gone.records.map((r) => r.Id));
    assert.equal((await h.conn.query("SELECT COUNT() FROM Contact")).totalSize, 448);
    const everything = await h.conn.query<{ IsDeleted: boolean }>("SELECT Id, IsDeleted FROM Contact WHERE IsDeleted = true", { scanAll: true });
    assert.equal(everything.totalSize, 2);
    const stale = await h.fetchApi("query/01g5E0000000099AAA-2000");
    assert.equal(((await stale.json()) as { errorCode: string }[])[0]?.errorCode, "INVALID_QUERY_LOCATOR");
  } finally {
    await h.close();
  }
});

test("query errors: MALFORMED_QUERY, INVALID_FIELD with the caret message, INVALID_TYPE", async () => {
  const h = await startHarness();
  try {
    const bad = await rejection(h.conn.query("SELECT Id FRM Contact"));
    assert.equal(bad.errorCode, "MALFORMED_QUERY");
    const field = await rejection(h.conn.query("SELECT Foo__c FROM Contact"));
    assert.equal(field.errorCode, "INVALID_FIELD");
    assert.match(field.message, /^\nSELECT Foo__c FROM Contact\n {7}\^\nERROR at Row:1:Column:8\nNo such column 'Foo__c' on entity 'Contact'\./);
    const type = await rejection(h.conn.query("SELECT Id FROM ScratchOrgInfo limit 1"));
    assert.equal(type.errorCode, "INVALID_TYPE");
    assert.match(type.message, /sObject type 'ScratchOrgInfo' is not supported\./);
    const raw = await h.fetchApi("query");
    assert.equal(raw.status, 400);
  } finally {
    await h.close();
  }
});
