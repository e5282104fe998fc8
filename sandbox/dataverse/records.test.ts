import { test } from "node:test";
import assert from "node:assert/strict";
import { addHcKey, startHarness } from "./test-helpers.js";

test("create returns the new id, retrieve reads it back with lookups, etag and date-times as Date", async () => {
  const h = await startHarness();
  try {
    const accountId = await h.api.create<object, string>({ collection: "accounts", data: { name: "Harbour Clinic", numberofemployees: 12 } });
    assert.match(accountId, /^[0-9a-f-]{36}$/);
    const contactId = await h.api.create<object, string>({
      collection: "contacts",
      data: { firstname: "Ada", lastname: "Lovelace", birthdate: "1815-12-10", "parentcustomerid_account@odata.bind": `/accounts(${accountId})` },
    });
    const c = await h.api.retrieve({ collection: "contacts", key: contactId, select: ["fullname", "birthdate", "_parentcustomerid_value", "createdon"] });
    assert.equal(c.fullname, "Ada Lovelace");
    assert.equal(c.birthdate, "1815-12-10");
    assert.equal(c._parentcustomerid_value, accountId);
    assert.ok(c.createdon instanceof Date, "createdon must be revived as Date (no milliseconds on the wire)");
    assert.match(c["@odata.etag"], /^W\/"\d+"$/);
  } finally {
    await h.sandbox.close();
  }
});

test("create with return representation answers 201 with the row and honours select", async () => {
  const h = await startHarness();
  try {
    const row = await h.api.create<object, Record<string, unknown>>({ collection: "accounts", data: { name: "Rep" }, returnRepresentation: true, select: ["name"] });
    assert.equal(row.name, "Rep");
    assert.ok(row.accountid);
    assert.equal(row.numberofemployees, undefined);
  } finally {
    await h.sandbox.close();
  }
});

test("update sends If-Match star, 404s on a missing row, and delete removes the row", async () => {
  const h = await startHarness();
  try {
    const id = await h.api.create<object, string>({ collection: "contacts", data: { lastname: "X" } });
    assert.equal(await h.api.update({ collection: "contacts", key: id, data: { firstname: "Y" } }), true);
    const got = await h.api.retrieve({ collection: "contacts", key: id, select: ["fullname"] });
    assert.equal(got.fullname, "Y X");
    await assert.rejects(
      h.api.update({ collection: "contacts", key: "00000000-0000-0000-0000-000000000001", data: { firstname: "Z" } }),
      (e: { status: number; code: string }) => e.status === 404 && e.code === "0x80040217",
    );
    await h.api.deleteRecord({ collection: "contacts", key: id });
    await assert.rejects(h.api.retrieve({ collection: "contacts", key: id }), (e: { status: number; message: string }) =>
      e.status === 404 && e.message === `contact With Id = ${id} Does Not Exist`);
  } finally {
    await h.sandbox.close();
  }
});

test("upsert by alternate key follows the three header modes", async () => {
  const h = await startHarness();
  try {
    await addHcKey(h, "contact", "sourcekey");
    // No headers: create then update.
    const created = await h.api.upsert<object, string | null>({ collection: "contacts", key: "hc_sourcekey='PM-1'", data: { lastname: "One" } });
    assert.match(String(created), /^[0-9a-f-]{36}$/);
    const again = await h.api.upsert<object, string | null>({ collection: "contacts", key: "hc_sourcekey='PM-1'", data: { lastname: "Uno" } });
    assert.equal(again, created, "OData-EntityId of an upsert must be the GUID form");
    // If-Match *: update only; missing → null (404), nothing created.
    assert.equal(await h.api.upsert<object, string | null>({ collection: "contacts", key: "hc_sourcekey='PM-2'", data: { lastname: "Two" }, ifmatch: "*" }), null);
    // If-None-Match *: create only; existing → null (412), nothing changed.
    assert.equal(await h.api.upsert<object, string | null>({ collection: "contacts", key: "hc_sourcekey='PM-1'", data: { lastname: "Changed" }, ifnonematch: "*" }), null);
    const row = await h.api.retrieve({ collection: "contacts", key: "hc_sourcekey='PM-1'", select: ["lastname", "hc_sourcekey"] });
    assert.equal(row.lastname, "Uno");
    assert.equal(row.hc_sourcekey, "PM-1");
    const all = await h.api.retrieveMultiple({ collection: "contacts", select: ["contactid"] });
    assert.equal(all.value.length, 1);
    // Duplicate key on create → 412 0x80040237.
    await assert.rejects(h.api.create<object, string>({ collection: "contacts", data: { lastname: "Dup", hc_sourcekey: "pm-1" } }),
      (e: { status: number; code: string }) => e.status === 412 && e.code === "0x80040237");
    // Key URL on a non-key column → 400.
    await assert.rejects(h.api.retrieve({ collection: "contacts", key: "lastname='Uno'" }), (e: { status: number }) => e.status === 400);
  } finally {
    await h.sandbox.close();
  }
});

test("binds accept key form, clearing by null and by DELETE $ref, and reject an unknown navigation property", async () => {
  const h = await startHarness();
  try {
    await addHcKey(h, "account", "sourcekey");
    const acc = await h.api.create<object, string>({ collection: "accounts", data: { name: "Acme", hc_sourcekey: "ACC'1" } });
    const id = await h.api.create<object, string>({ collection: "contacts", data: { lastname: "K", "parentcustomerid_account@odata.bind": "/accounts(hc_sourcekey='ACC''1')" } });
    let c = await h.api.retrieve({ collection: "contacts", key: id, select: ["_parentcustomerid_value"], includeAnnotations: "*" });
    assert.equal(c._parentcustomerid_value, acc);
    assert.equal(c._parentcustomerid_value_LogicalName, "account");
    assert.equal(c._parentcustomerid_value_NavigationProperty, "parentcustomerid_account");
    assert.equal(c._parentcustomerid_value_Formatted, "Acme");
    await h.api.update({ collection: "contacts", key: id, data: { "parentcustomerid_account@odata.bind": null } });
    c = await h.api.retrieve({ collection: "contacts", key: id, select: ["_parentcustomerid_value"] });
    assert.equal(c._parentcustomerid_value, null);
    await h.api.update({ collection: "contacts", key: id, data: { "parentcustomerid_account@odata.bind": `accounts(${acc})` } });
    await h.api.disassociateSingleValued({ collection: "contacts", primaryKey: id, navigationProperty: "parentcustomerid_account" });
    c = await h.api.retrieve({ collection: "contacts", key: id, select: ["_parentcustomerid_value"] });
    assert.equal(c._parentcustomerid_value, null);
    await assert.rejects(h.api.create<object, string>({ collection: "contacts", data: { lastname: "Q", "parentcustomerid@odata.bind": `/accounts(${acc})` } }),
      (e: { status: number; code: string }) => e.status === 400 && e.code === "0x80048d19");
    await assert.rejects(h.api.create<object, string>({ collection: "contacts", data: { lastname: "Q", foo: 1 } }),
      (e: { code: string; message: string }) => e.code === "0x80048d19" && e.message.includes("'foo'"));
    await assert.rejects(h.api.create<object, string>({ collection: "contacts", data: { lastname: "Q", "parentcustomerid_account@odata.bind": "/accounts(00000000-0000-0000-0000-0000000000aa)" } }),
      (e: { status: number; code: string }) => e.status === 404 && e.code === "0x80040217");
  } finally {
    await h.sandbox.close();
  }
});

test("validation errors use the spec codes and never echo submitted values", async () => {
  const h = await startHarness();
  try {
    const secret = "S".repeat(51);
    await assert.rejects(h.api.create<object, string>({ collection: "contacts", data: { lastname: secret } }), (e: { status: number; code: string; message: string }) =>
      e.status === 400 && e.code === "0x80044331" && !e.message.includes(secret) && e.message.includes("'50'"));
    await assert.rejects(h.api.create<object, string>({ collection: "contacts", data: { lastname: "A", gendercode: 99 } }),
      (e: { code: string; message: string }) => e.code === "0x8004431A" && !e.message.includes("99"));
    await assert.rejects(h.api.retrieveMultiple({ collection: "contacts", select: ["nope"] }), (e: { status: number; code: string; message: string }) =>
      e.status === 400 && e.code === "0x0" && e.message === "Could not find a property named 'nope' on type 'Microsoft.Dynamics.CRM.contact'.");
    const users = await h.fetchApi("systemusers?$select=systemuserid", {});
    assert.equal(users.status, 200);
    const r401 = await fetch(`${h.base}contacts`);
    assert.equal(r401.status, 401);
    assert.equal(r401.headers.get("www-authenticate"), "Bearer");
    // Disabled user as owner.
    await h.fetchApi("", {});
    const seeded = await fetch(`${h.sandbox.url}/_sandbox/seed-users`, { method: "POST", body: JSON.stringify([{ internalemailaddress: "gone@x.example", fullname: "Gone", isdisabled: true }]) });
    assert.deepEqual(await seeded.json(), { created: 1, updated: 0 });
    const gone = await h.api.retrieveMultiple({ collection: "systemusers", filter: "internalemailaddress eq 'gone@x.example'", select: ["systemuserid", "isdisabled"] });
    const goneId = gone.value[0]?.systemuserid as string;
    await assert.rejects(h.api.create<object, string>({ collection: "accounts", data: { name: "A", "ownerid@odata.bind": `/systemusers(${goneId})` } }),
      (e: { status: number; code: string }) => e.status === 400 && e.code === "0x80040225");
  } finally {
    await h.sandbox.close();
  }
});
