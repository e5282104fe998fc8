/** Custom fields and objects via the Tooling API, used at once by describe, REST, SOQL and Bulk; permission sets. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { rejection, startHarness } from "./test-helpers.js";

test("tooling CustomField of each type shows in describe and works in REST and SOQL", async () => {
  const h = await startHarness();
  try {
    const cf = h.conn.tooling.sobject("CustomField");
    const made = await cf.create({ FullName: "Contact.Handover_Source_Key__c", Metadata: { type: "Text", length: 80, externalId: true, unique: true, label: "Handover Source Key" } });
    assert.match(String(made.id), /^00N\w{15}$/);
    await cf.create({ FullName: "Contact.Clinical_Note__c", Metadata: { type: "LongTextArea", length: 32768, visibleLines: 5, label: "Clinical Note" } });
    await cf.create({ FullName: "Contact.Visits__c", Metadata: { type: "Number", precision: 5, scale: 0, label: "Visits" } });
    await cf.create({ FullName: "Contact.Balance__c", Metadata: { type: "Currency", precision: 10, scale: 2, label: "Balance" } });
    await cf.create({ FullName: "Contact.First_Visit__c", Metadata: { type: "Date", label: "First Visit" } });
    await cf.create({ FullName: "Contact.Last_Seen__c", Metadata: { type: "DateTime", label: "Last Seen" } });
    await cf.create({ FullName: "Contact.Consent__c", Metadata: { type: "Checkbox", defaultValue: false, label: "Consent" } });
    await cf.create({ FullName: "Contact.Channel__c", Metadata: { type: "Picklist", label: "Channel", valueSet: { restricted: true, valueSetDefinition: { value: [{ fullName: "SMS", label: "SMS" }, { fullName: "Email", label: "Email", default: true }] } } } });
    await cf.create({ FullName: "Contact.Tags__c", Metadata: { type: "MultiselectPicklist", label: "Tags", visibleLines: 4, valueSet: { valueSetDefinition: { value: [{ fullName: "A" }, { fullName: "B" }] } } } });
    await cf.create({ FullName: "Contact.Alt_Email__c", Metadata: { type: "Email", label: "Alt Email" } });
    await cf.create({ FullName: "Contact.Alt_Phone__c", Metadata: { type: "Phone", label: "Alt Phone" } });
    await cf.create({ FullName: "Contact.Referrer__c", Metadata: { type: "Lookup", referenceTo: "Account", relationshipName: "Referred_Contacts", label: "Referrer" } });
    const dup = await rejection(cf.create({ FullName: "Contact.Visits__c", Metadata: { type: "Number", label: "Visits" } }));
    assert.equal(dup.errorCode, "DUPLICATE_DEVELOPER_NAME");
    assert.equal((await rejection(cf.create({ FullName: "Contact.Bad__c", Metadata: { type: "Text", length: 300, label: "Bad" } }))).errorCode, "FIELD_INTEGRITY_EXCEPTION");

    const fields = (await h.conn.describe("Contact")).fields;
    const f = (n: string) => fields.find((x) => x.name === n);
    assert.deepEqual([f("Handover_Source_Key__c")?.externalId, f("Handover_Source_Key__c")?.unique, f("Handover_Source_Key__c")?.idLookup, f("Handover_Source_Key__c")?.length], [true, true, true, 80]);
    assert.deepEqual([f("Clinical_Note__c")?.type, f("Clinical_Note__c")?.length], ["textarea", 32768]);
    assert.deepEqual([f("Balance__c")?.type, f("Balance__c")?.scale], ["currency", 2]);
    assert.deepEqual([f("Consent__c")?.type, f("Consent__c")?.nillable, f("Consent__c")?.defaultedOnCreate], ["boolean", false, true]);
    assert.equal(f("Channel__c")?.restrictedPicklist, true);
    assert.deepEqual([f("Referrer__c")?.referenceTo, f("Referrer__c")?.relationshipName], [["Account"], "Referrer__r"]);

    const acc = await h.conn.sobject("Account").create({ Name: "Referring Test Clinic" });
    const c = await h.conn.sobject("Contact").create({
      LastName: "Custom", Visits__c: 3, Balance__c: 12.345, First_Visit__c: "2024-02-03", Last_Seen__c: "2024-02-03T10:00:00Z",
      Tags__c: "A;B", Referrer__c: acc.id, Handover_Source_Key__c: "VP-1",
    });
    const rows = await h.conn.query<Record<string, unknown>>("SELECT Visits__c, Balance__c, Consent__c, Channel__c, Last_Seen__c, Referrer__r.Name FROM Contact WHERE Tags__c INCLUDES ('B') AND Visits__c >= 3");
    assert.deepEqual(rows.records.map(({ attributes: _a, Referrer__r, ...r }) => [r, (Referrer__r as { Name: string }).Name]), [[
      { Visits__c: 3, Balance__c: 12.35, Consent__c: false, Channel__c: "Email", Last_Seen__c: "2024-02-03T10:00:00.000+0000" }, "Referring Test Clinic",
    ]]);
    assert.equal((await rejection(h.conn.sobject("Contact").update({ Id: c.id ?? "", Channel__c: "Fax" }))).errorCode, "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
    const tq = await h.conn.tooling.query<{ Id: string; DeveloperName: string }>("SELECT Id, DeveloperName FROM CustomField WHERE TableEnumOrId = 'Contact'");
    assert.equal(tq.totalSize, 12);
    assert.ok(tq.records.some((r) => r.DeveloperName === "Handover_Source_Key" && r.Id === made.id));
  } finally {
    await h.close();
  }
});

test("tooling CustomObject becomes a queryable, bulk-loadable object with a name field and activities", async () => {
  const h = await startHarness();
  try {
    const made = await h.conn.tooling.sobject("CustomObject").create({
      FullName: "Treatment_Case__c",
      Metadata: { label: "Treatment Case", pluralLabel: "Treatment Cases", nameField: { type: "Text", label: "Case Name" }, deploymentStatus: "Deployed", sharingModel: "ReadWrite" },
    });
    assert.match(String(made.id), /^01I\w{15}$/);
    await h.conn.tooling.sobject("CustomField").create({ FullName: "Treatment_Case__c.Patient__c", Metadata: { type: "Lookup", referenceTo: "Contact", relationshipName: "Treatment_Cases", label: "Patient" } });
    const d = await h.conn.describe("Treatment_Case__c");
    const contact = await h.conn.describe("Contact");
    assert.ok(contact.childRelationships.some((c) => c.childSObject === "Treatment_Case__c" && c.relationshipName === "Treatment_Cases__r"));
    assert.equal(d.custom, true);
    assert.equal(d.keyPrefix, "a00");
    assert.equal(d.labelPlural, "Treatment Cases");
    assert.equal(d.fields.find((x) => x.name === "Name")?.label, "Case Name");
    const patient = await h.conn.sobject("Contact").create({ LastName: "Casey" });
    const r = await h.conn.bulk2.loadAndWaitForResults({ object: "Treatment_Case__c", operation: "insert", input: [{ Name: "Case 1", Patient__c: patient.id }], pollInterval: 20 });
    const caseId = String(r.successfulResults[0]?.sf__Id);
    assert.match(caseId, /^a00\w{15}$/);
    const q = await h.conn.query<{ Patient__r: { Name: string } }>("SELECT Name, Patient__r.Name FROM Treatment_Case__c");
    assert.equal(q.records[0]?.Patient__r.Name, "Casey");
    const task = await h.conn.sobject("Task").create({ Subject: "Follow up", WhatId: caseId, WhoId: patient.id });
    assert.equal(task.success, true);
    const objs = await h.conn.tooling.query<{ DeveloperName: string }>("SELECT Id, DeveloperName FROM CustomObject");
    assert.deepEqual(objs.records.map((o) => o.DeveloperName), ["Treatment_Case"]);
  } finally {
    await h.close();
  }
});

test("permission sets, field permissions and assignments are stored through normal REST", async () => {
  const h = await startHarness();
  try {
    const ps = await h.conn.sobject("PermissionSet").create({ Name: "Handover_Migration", Label: "Handover Migration" });
    const fp = await h.conn.sobject("FieldPermissions").create({ ParentId: ps.id, SobjectType: "Contact", Field: "Contact.Handover_Source_Key__c", PermissionsRead: true, PermissionsEdit: true });
    const psa = await h.conn.sobject("PermissionSetAssignment").create({ PermissionSetId: ps.id, AssigneeId: h.conn.userInfo?.id });
    assert.ok(fp.success && psa.success);
    const q = await h.conn.query<{ Field: string; Parent: { Name: string } }>("SELECT Field, PermissionsEdit, Parent.Name FROM FieldPermissions WHERE SobjectType = 'Contact'");
    assert.equal(q.records[0]?.Parent.Name, "Handover_Migration");
    assert.equal((await rejection(h.conn.sobject("PermissionSet").create({ Name: "Handover_Migration", Label: "Again" }))).errorCode, "DUPLICATE_VALUE");
  } finally {
    await h.close();
  }
});
