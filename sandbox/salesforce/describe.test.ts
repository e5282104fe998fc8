/** Describe metadata, id checksums and audit-field permissions. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { idSuffix, toId18 } from "./ids.js";
import { rejection, startHarness } from "./test-helpers.js";

test("ids carry the real checksum suffix and 15-char ids are accepted as 18", () => {
  assert.equal(idSuffix("a0D30000001n7Pv"), "EAI");
  assert.equal(toId18("a0D30000001n7Pv"), "a0D30000001n7PvEAI");
  assert.equal(toId18("not-an-id"), undefined);
});

test("describeGlobal lists the standard objects with key prefixes", async () => {
  const h = await startHarness();
  try {
    const g = await h.conn.describeGlobal();
    const prefixes = Object.fromEntries(g.sobjects.map((s) => [s.name, s.keyPrefix]));
    assert.deepEqual(
      [prefixes.Account, prefixes.Contact, prefixes.User, prefixes.Opportunity, prefixes.Task, prefixes.Event, prefixes.ContentVersion, prefixes.ContentDocument, prefixes.ContentDocumentLink],
      ["001", "003", "005", "006", "00T", "00U", "068", "069", "06A"],
    );
    assert.equal(g.maxBatchSize, 200);
    const res = await h.fetchApi("sobjects/Nope__c/describe");
    assert.equal(res.status, 404);
    assert.deepEqual(await res.json(), [{ message: "The requested resource does not exist", errorCode: "NOT_FOUND", fields: [] }]);
  } finally {
    await h.close();
  }
});

test("describe reports real field metadata: required, lengths, picklists, references", async () => {
  const h = await startHarness();
  try {
    const contact = await h.conn.describe("Contact");
    const f = (name: string) => contact.fields.find((x) => x.name === name);
    assert.equal(f("LastName")?.nillable, false);
    assert.equal(f("LastName")?.length, 80);
    assert.equal(f("LastName")?.byteLength, 240);
    assert.equal(f("Name")?.createable, false);
    assert.deepEqual(f("AccountId")?.referenceTo, ["Account"]);
    assert.equal(f("AccountId")?.relationshipName, "Account");
    assert.equal(f("Birthdate")?.type, "date");
    assert.equal(f("Email")?.type, "email");
    assert.equal(f("OwnerId")?.defaultedOnCreate, true);
    const required = contact.fields.filter((x) => !x.nillable && x.createable && !x.defaultedOnCreate).map((x) => x.name);
    assert.deepEqual(required, ["LastName"]);
    const task = await h.conn.describe("Task");
    const status = task.fields.find((x) => x.name === "Status");
    assert.equal(status?.restrictedPicklist, true);
    assert.equal(status?.defaultedOnCreate, true);
    assert.ok(status?.picklistValues?.some((p) => p.value === "Completed"));
    const who = task.fields.find((x) => x.name === "WhoId");
    assert.deepEqual(who?.referenceTo, ["Contact", "Lead"]);
    assert.equal((who as unknown as { polymorphicForeignKey: boolean }).polymorphicForeignKey, true);
    const acr = await h.conn.describe("AccountContactRelation");
    assert.equal(acr.fields.find((x) => x.name === "Roles")?.type, "multipicklist");
    assert.equal(acr.fields.find((x) => x.name === "IsDirect")?.createable, false);
    const account = await h.conn.describe("Account");
    assert.ok(account.childRelationships.some((c) => c.childSObject === "Contact" && c.field === "AccountId"));
    assert.ok(account.fields.find((x) => x.name === "Industry")?.picklistValues?.some((p) => p.value === "Healthcare"));
  } finally {
    await h.close();
  }
});

test("audit fields are createable only with the Set Audit Fields permission and never updateable", async () => {
  const h = await startHarness();
  try {
    const audit = async () => (await h.conn.describe("Contact")).fields.find((x) => x.name === "CreatedDate");
    assert.equal((await audit())?.createable, false);
    const denied = await rejection(h.conn.sobject("Contact").create({ LastName: "Audit", CreatedDate: "2020-01-02T03:04:05.000Z" }));
    assert.equal(denied.errorCode, "INVALID_FIELD_FOR_INSERT_UPDATE");
    assert.match(denied.message, /^Unable to create\/update fields: CreatedDate\. Please check the security settings/);

    await fetch(`${h.sandbox.url}/_sandbox/settings`, { method: "POST", body: JSON.stringify({ auditFieldsGranted: true }) });
    h.conn.cache.clear();
    const after = await h.fetchApi("sobjects/Contact/describe");
    const fields = ((await after.json()) as { fields: { name: string; createable: boolean; updateable: boolean }[] }).fields;
    assert.deepEqual(fields.find((x) => x.name === "CreatedDate"), { ...fields.find((x) => x.name === "CreatedDate"), createable: true, updateable: false });
    const created = await h.conn.sobject("Contact").create({ LastName: "Audit", CreatedDate: "2020-01-02T03:04:05.000Z" });
    const row = await h.conn.sobject("Contact").retrieve(created.id ?? "");
    assert.equal(row.CreatedDate, "2020-01-02T03:04:05.000+0000");
    assert.equal(row.LastModifiedDate, "2020-01-02T03:04:05.000+0000");
    const upd = await rejection(h.conn.sobject("Contact").update({ Id: created.id ?? "", CreatedDate: "2021-01-01T00:00:00Z" }));
    assert.equal(upd.errorCode, "INVALID_FIELD_FOR_INSERT_UPDATE");
  } finally {
    await h.close();
  }
});
