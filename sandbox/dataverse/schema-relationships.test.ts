import { test } from "node:test";
import assert from "node:assert/strict";
import { attr, lbl, tableBody } from "./schema-fixtures.js";
import { startHarness } from "./test-helpers.js";
import { startDataverseSandbox } from "./server.js";

type DvErr = { status: number; code: string; message: string };

test("1:N lookup binds with the SchemaName casing; N:N associate/disassociate; unknown columns; $metadata; restart keeps the schema", async () => {
  const h = await startHarness();
  try {
    await h.api.createEntity({ data: tableBody("new_Clinic") });
    await h.api.createRelationship({
      data: {
        "@odata.type": "Microsoft.Dynamics.CRM.OneToManyRelationshipMetadata", SchemaName: "new_account_new_clinic",
        ReferencedEntity: "account", ReferencedAttribute: "accountid", ReferencingEntity: "new_clinic",
        Lookup: { "@odata.type": "Microsoft.Dynamics.CRM.LookupAttributeMetadata", AttributeType: "Lookup", SchemaName: "new_AccountId", DisplayName: lbl("Account"), RequiredLevel: { Value: "None" } },
      },
    });
    const accountId = await h.api.create<object, string>({ collection: "accounts", data: { name: "Parent" } });
    await assert.rejects(h.api.create({ collection: "new_clinics", data: { new_name: "x", "new_accountid@odata.bind": `/accounts(${accountId})` } }), (e: DvErr) =>
      e.status === 400 && e.code === "0x80048d19");
    const clinicId = await h.api.create<object, string>({ collection: "new_clinics", data: { new_name: "North", "new_AccountId@odata.bind": `/accounts(${accountId})` } });
    const clinic = await h.api.retrieve({ collection: "new_clinics", key: clinicId, select: ["_new_accountid_value"] });
    assert.equal(clinic._new_accountid_value, accountId);
    const children = await h.fetchApi(`accounts(${accountId})/new_account_new_clinic?$select=new_name`);
    assert.deepEqual(((await children.json()) as { value: { new_name: string }[] }).value.map((c) => c.new_name), ["North"]);

    await h.api.createRelationship({
      data: { "@odata.type": "Microsoft.Dynamics.CRM.ManyToManyRelationshipMetadata", SchemaName: "new_contact_new_clinic", Entity1LogicalName: "contact", Entity2LogicalName: "new_clinic", IntersectEntityName: "new_contact_new_clinic" },
    });
    const contactId = await h.api.create<object, string>({ collection: "contacts", data: { lastname: "P" } });
    await h.api.associate({ collection: "contacts", primaryKey: contactId, relationshipName: "new_contact_new_clinic", relatedCollection: "new_clinics", relatedKey: clinicId });
    const linked = await h.api.retrieve({ collection: "contacts", key: contactId, select: ["lastname"], expand: [{ property: "new_contact_new_clinic", select: ["new_name"] }] });
    assert.deepEqual((linked.new_contact_new_clinic as { new_name: string }[]).map((c) => c.new_name), ["North"]);
    const rel = (await (await h.fetchApi("RelationshipDefinitions(SchemaName='new_contact_new_clinic')")).json()) as { Entity2LogicalName: string; Entity1NavigationPropertyName: string };
    assert.deepEqual([rel.Entity2LogicalName, rel.Entity1NavigationPropertyName], ["new_clinic", "new_contact_new_clinic"]);
    await h.api.disassociate({ collection: "contacts", primaryKey: contactId, relationshipName: "new_contact_new_clinic", relatedKey: clinicId });
    const from2 = await h.fetchApi(`new_clinics(${clinicId})/new_contact_new_clinic`);
    assert.equal(((await from2.json()) as { value: unknown[] }).value.length, 0);

    await assert.rejects(h.api.create({ collection: "new_clinics", data: { new_name: "y", new_bogus: 1 } }), (e: DvErr) =>
      e.status === 400 && e.code === "0x80048d19" && e.message.includes("The property 'new_bogus' does not exist on type 'Microsoft.Dynamics.CRM.new_clinic'"));
    await assert.rejects(h.api.retrieveMultiple({ collection: "new_clinics", select: ["new_bogus"] }), (e: DvErr) =>
      e.code === "0x0" && e.message === "Could not find a property named 'new_bogus' on type 'Microsoft.Dynamics.CRM.new_clinic'.");
    await assert.rejects(h.api.retrieveMultiple({ collection: "new_clinics", filter: "new_bogus eq 1" }), (e: DvErr) => e.code === "0x0");

    await h.api.createAttribute({ entityKey: "LogicalName='new_clinic'", data: attr("Integer", "new_Beds") });
    const csdl = await (await h.fetchApi("$metadata")).text();
    assert.match(csdl, /<EntityType Name="new_clinic"[^]*?<Property Name="new_beds" Type="Edm.Int32"\/>/);
    assert.match(csdl, /<NavigationProperty Name="new_AccountId" Type="mscrm.account"/);
    assert.match(csdl, /<EntitySet Name="new_clinics" EntityType="Microsoft.Dynamics.CRM.new_clinic"\/>/);
    assert.match(csdl, /<NavigationProperty Name="regardingobjectid_contact_task" Type="mscrm.contact"/);
    await h.sandbox.close();

    const again = await startDataverseSandbox({ dataFile: h.dataFile });
    try {
      const res = await fetch(`${again.url}/api/data/v9.2/new_clinics(${clinicId})?$select=new_name,new_beds,_new_accountid_value`, { headers: { Authorization: "Bearer t" } });
      const row = (await res.json()) as Record<string, unknown>;
      assert.equal(row.new_name, "North");
      assert.equal(row._new_accountid_value, accountId);
    } finally {
      await again.close();
    }
  } finally {
    await h.sandbox.close();
  }
});
