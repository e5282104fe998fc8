/** Single-record REST: create / retrieve / update / delete / upsert and the real error shapes. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { rejection, startHarness } from "./test-helpers.js";
import type { Harness } from "./test-helpers.js";

async function addExternalId(h: Harness, object: string, name = "Handover_Source_Key__c"): Promise<void> {
  await h.conn.tooling.sobject("CustomField").create({
    FullName: `${object}.${name}`, Metadata: { type: "Text", length: 80, externalId: true, unique: true, label: "Source Key" },
  });
}

test("create answers 201 with an 18-char id; retrieve, update (204) and delete (204) follow", async () => {
  const h = await startHarness();
  try {
    const res = await h.fetchApi("sobjects/Account", { method: "POST", body: JSON.stringify({ Name: "Harbour Test Clinic", Industry: "Healthcare" }) });
    assert.equal(res.status, 201);
    const { id } = (await res.json()) as { id: string };
    assert.match(id, /^001\w{15}$/);
    const acc = await h.conn.sobject("Account").retrieve(id);
    assert.deepEqual(acc.attributes, { type: "Account", url: `/services/data/v60.0/sobjects/Account/${id}` });
    assert.equal(acc.OwnerId, h.conn.userInfo?.id);
    assert.match(String(acc.CreatedDate), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/);
    const some = await h.fetchApi(`sobjects/Account/${id.slice(0, 15)}?fields=Name,Industry`);
    assert.deepEqual(Object.keys((await some.json()) as object), ["attributes", "Name", "Industry"]);
    const patch = await h.fetchApi(`sobjects/Account/${id}`, { method: "PATCH", body: JSON.stringify({ Phone: "555-0100" }) });
    assert.equal(patch.status, 204);
    assert.deepEqual(await h.conn.sobject("Account").update({ Id: id, Website: "example.test" }), { id, success: true, errors: [] });
    assert.equal((await h.conn.sobject("Account").retrieve(id)).Phone, "555-0100");
    assert.equal((await h.fetchApi(`sobjects/Account/${id}`, { method: "DELETE" })).status, 204);
    const again = await h.fetchApi(`sobjects/Account/${id}`, { method: "DELETE" });
    assert.equal(again.status, 404);
    assert.equal(((await again.json()) as { errorCode: string }[])[0]?.errorCode, "ENTITY_IS_DELETED");
    assert.equal((await rejection(h.conn.sobject("Account").retrieve("001000000000000AAA"))).errorCode, "NOT_FOUND");
  } finally {
    await h.close();
  }
});

test("validation errors use the real codes, messages and fields", async () => {
  const h = await startHarness();
  try {
    const sob = h.conn.sobject("Contact");
    const missing = await rejection<{ errorCode: string; message: string; data: { fields: string[] } }>(sob.create({ FirstName: "No Last" }));
    assert.equal(missing.errorCode, "REQUIRED_FIELD_MISSING");
    assert.equal(missing.message, "Required fields are missing: [LastName]");
    assert.deepEqual(missing.data.fields, ["LastName"]);
    const long = await rejection(sob.create({ LastName: "x".repeat(81) }));
    assert.equal(long.errorCode, "STRING_TOO_LONG");
    assert.match(long.message, /^Last Name: data value too large: x+ \(max length=80\)$/);
    const pick = await rejection(h.conn.sobject("Task").create({ Subject: "Call", Status: "Bogus" }));
    assert.equal(pick.errorCode, "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
    assert.equal(pick.message, "Status: bad value for restricted picklist field: Bogus");
    const unknown = await rejection(sob.create({ LastName: "A", Foo__c: 1 }));
    assert.equal(unknown.errorCode, "INVALID_FIELD");
    assert.equal(unknown.message, "No such column 'Foo__c' on sobject of type Contact");
    assert.equal((await rejection(sob.create({ LastName: "A", AccountId: "garbage" }))).errorCode, "MALFORMED_ID");
    const xref = await rejection(sob.create({ LastName: "A", AccountId: "001000000000000AAA" }));
    assert.equal(xref.errorCode, "INVALID_CROSS_REFERENCE_KEY");
    assert.equal((await rejection(sob.create({ LastName: "A", AccountId: h.conn.userInfo?.id }))).errorCode, "FIELD_INTEGRITY_EXCEPTION");
    const bad = await h.fetchApi("sobjects/Contact", { method: "POST", body: "{not json" });
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { errorCode: string }[])[0]?.errorCode, "JSON_PARSER_ERROR");
    const date = await rejection(sob.create({ LastName: "A", Birthdate: "yesterday" }));
    assert.equal(date.errorCode, "INVALID_TYPE_ON_FIELD_IN_RECORD");
  } finally {
    await h.close();
  }
});

test("OwnerId on an inactive user fails with INACTIVE_OWNER_OR_USER", async () => {
  const h = await startHarness({ users: [{ email: "former@handover.test", name: "Former Staff", isActive: false }, { email: "now@handover.test", name: "Current Staff" }] });
  try {
    const users = await h.conn.query<{ Id: string; Username: string }>("SELECT Id, Username FROM User WHERE Username LIKE '%handover.test' ORDER BY Username");
    const [former, current] = users.records;
    const err = await rejection(h.conn.sobject("Account").create({ Name: "A", OwnerId: former?.Id }));
    assert.equal(err.errorCode, "INACTIVE_OWNER_OR_USER");
    const ok = await h.conn.sobject("Account").create({ Name: "A", OwnerId: current?.Id });
    assert.equal(ok.success, true);
  } finally {
    await h.close();
  }
});

test("upsert by external id: 201 created, 200 updated, 300 on duplicates, 404 with updateOnly", async () => {
  const h = await startHarness();
  try {
    await addExternalId(h, "Contact");
    const put = (key: string, body: object, query = "") =>
      h.fetchApi(`sobjects/Contact/Handover_Source_Key__c/${encodeURIComponent(key)}${query}`, { method: "PATCH", body: JSON.stringify(body) });
    const first = await put("VP-123", { LastName: "Upserted" });
    assert.equal(first.status, 201);
    const created = (await first.json()) as { id: string; created: boolean };
    assert.equal(created.created, true);
    const second = await put("vp-123", { FirstName: "Again" });
    assert.equal(second.status, 200);
    assert.deepEqual(await second.json(), { id: created.id, success: true, errors: [], created: false });
    const row = await h.conn.sobject("Contact").retrieve(created.id);
    assert.equal(row.Name, "Again Upserted");
    assert.equal(row.Handover_Source_Key__c, "VP-123");
    assert.equal((await put("VP-999", { LastName: "X" }, "?updateOnly=true")).status, 404);
    const dup = await rejection(h.conn.sobject("Contact").create({ LastName: "Dup", Handover_Source_Key__c: "VP-123" }));
    assert.equal(dup.errorCode, "DUPLICATE_VALUE");
    assert.equal(dup.message, `duplicate value found: Handover_Source_Key__c duplicates value on record with id: ${created.id}`);
    const viaJsforce = await h.conn.sobject("Contact").upsert({ Handover_Source_Key__c: "VP-124", LastName: "Jsforce" }, "Handover_Source_Key__c");
    assert.equal(viaJsforce.success, true);

    // Non-unique external id → several matches → 300 with the record URLs.
    await h.conn.tooling.sobject("CustomField").create({ FullName: "Contact.Legacy_Ref__c", Metadata: { type: "Text", length: 20, externalId: true, label: "Legacy" } });
    await h.conn.sobject("Contact").create([{ LastName: "A", Legacy_Ref__c: "L1" }, { LastName: "B", Legacy_Ref__c: "L1" }]);
    const multi = await h.fetchApi("sobjects/Contact/Legacy_Ref__c/L1", { method: "PATCH", body: JSON.stringify({ FirstName: "Z" }) });
    assert.equal(multi.status, 300);
    const urls = (await multi.json()) as string[];
    assert.equal(urls.length, 2);
    assert.match(urls[0] ?? "", /^\/services\/data\/v60\.0\/sobjects\/Contact\/003\w{15}$/);
    assert.equal((await rejection(h.conn.sobject("Contact").upsert({ Legacy_Ref__c: "L1", LastName: "Q" }, "Legacy_Ref__c"))).errorCode, "MULTIPLE_CHOICES");
  } finally {
    await h.close();
  }
});

test("a relationship by external id in the body sets the lookup; an unknown key fails", async () => {
  const h = await startHarness();
  try {
    await addExternalId(h, "Account");
    const acc = await h.conn.sobject("Account").create({ Name: "Keyed", Handover_Source_Key__c: "A-1" });
    const c = await h.conn.sobject("Contact").create({ LastName: "Linked", Account: { Handover_Source_Key__c: "A-1" } });
    assert.equal((await h.conn.sobject("Contact").retrieve(c.id ?? "")).AccountId, acc.id);
    const miss = await rejection(h.conn.sobject("Contact").create({ LastName: "Lost", Account: { Handover_Source_Key__c: "A-2" } }));
    assert.equal(miss.errorCode, "INVALID_FIELD");
    assert.equal(miss.message, "Foreign key external ID: A-2 not found for field Handover_Source_Key__c in entity Account");
  } finally {
    await h.close();
  }
});

test("a Contact with AccountId gets the direct AccountContactRelation, which follows AccountId changes", async () => {
  const h = await startHarness();
  try {
    const [a1, a2] = await h.conn.sobject("Account").create([{ Name: "First Test Practice" }, { Name: "Second Test Practice" }]);
    const c = await h.conn.sobject("Contact").create({ LastName: "Mover", AccountId: a1?.id });
    const rels = async () => (await h.conn.query<{ AccountId: string; IsDirect: boolean; Roles: string | null }>(`SELECT AccountId, IsDirect, Roles FROM AccountContactRelation WHERE ContactId = '${c.id}' ORDER BY IsDirect DESC`)).records;
    assert.deepEqual((await rels()).map((r) => [r.AccountId, r.IsDirect]), [[a1?.id, true]]);
    await h.conn.sobject("AccountContactRelation").create({ AccountId: a2?.id, ContactId: c.id, Roles: "Decision Maker;Other" });
    assert.equal((await rejection(h.conn.sobject("AccountContactRelation").create({ AccountId: a2?.id, ContactId: c.id }))).errorCode, "DUPLICATE_VALUE");
    await h.conn.sobject("Contact").update({ Id: c.id ?? "", AccountId: a2?.id });
    assert.deepEqual((await rels()).map((r) => [r.AccountId, r.IsDirect]), [[a2?.id, true], [a1?.id, false]]);
    const isDirect = await rejection(h.conn.sobject("AccountContactRelation").create({ AccountId: a1?.id, ContactId: c.id, IsDirect: true }));
    assert.equal(isDirect.errorCode, "INVALID_FIELD_FOR_INSERT_UPDATE");
  } finally {
    await h.close();
  }
});
