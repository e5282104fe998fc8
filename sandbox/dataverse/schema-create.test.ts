import { test } from "node:test";
import assert from "node:assert/strict";
import { attr, lbl, option, tableBody } from "./schema-fixtures.js";
import { startHarness } from "./test-helpers.js";

type DvErr = { status: number; code: string; message: string };

test("custom table: created with system columns, readable in metadata, CRUD at once", async () => {
  const h = await startHarness();
  try {
    const id = await h.api.createEntity({ data: tableBody("new_BankAccount") });
    assert.match(String(id), /^[0-9a-f-]{36}$/);
    const def = await h.api.retrieveEntity({ key: "LogicalName='new_bankaccount'", select: ["EntitySetName", "PrimaryIdAttribute", "PrimaryNameAttribute", "IsCustomEntity"], expand: [{ property: "Attributes", select: ["LogicalName"] }] });
    assert.equal(def.EntitySetName, "new_bankaccounts");
    assert.equal(def.PrimaryIdAttribute, "new_bankaccountid");
    assert.equal(def.PrimaryNameAttribute, "new_name");
    const names = (def.Attributes as { LogicalName: string }[]).map((a) => a.LogicalName);
    for (const c of ["createdon", "modifiedon", "ownerid", "statecode", "statuscode", "versionnumber", "overriddencreatedon", "new_name"]) assert.ok(names.includes(c), c);
    const rowId = await h.api.create<object, string>({ collection: "new_bankaccounts", data: { new_name: "Checking" } });
    await h.api.update({ collection: "new_bankaccounts", key: rowId, data: { new_name: "Savings" } });
    const row = await h.api.retrieve({ collection: "new_bankaccounts", key: rowId, select: ["new_name", "statecode", "statuscode", "_ownerid_value"] });
    assert.deepEqual([row.new_name, row.statecode, row.statuscode], ["Savings", 0, 1]);
    await h.api.deleteRecord({ collection: "new_bankaccounts", key: rowId });
    await assert.rejects(h.api.createEntity({ data: tableBody("xyz_Thing") }), (e: DvErr) => e.status === 400 && e.code === "0x80040203");
    await assert.rejects(h.api.createEntity({ data: tableBody("new_BankAccount") }), (e: DvErr) => e.status === 400);
  } finally {
    await h.sandbox.close();
  }
});

test("every column type round-trips in its wire format", async () => {
  const h = await startHarness();
  try {
    await h.api.createEntity({ data: tableBody("new_Visit") });
    const e = "LogicalName='new_visit'";
    const add = (data: Record<string, unknown>) => h.api.createAttribute({ entityKey: e, data });
    await add(attr("String", "new_Code", { MaxLength: 10, FormatName: { Value: "Text" } }));
    await add(attr("Memo", "new_Notes", { MaxLength: 5000 }));
    await add(attr("Integer", "new_Count", { MinValue: 0, MaxValue: 10 }));
    await add(attr("Decimal", "new_Ratio", { Precision: 3 }));
    await add(attr("Money", "new_Fee", { Precision: 2 }));
    await add(attr("DateTime", "new_Day", { Format: "DateOnly", DateTimeBehavior: { Value: "DateOnly" } }));
    await add(attr("DateTime", "new_At", { Format: "DateAndTime", DateTimeBehavior: { Value: "TimeZoneIndependent" } }));
    await add(attr("Boolean", "new_Paid", { OptionSet: { TrueOption: option(1, "Paid"), FalseOption: option(0, "Unpaid") } }));
    await add(attr("Picklist", "new_Kind", { OptionSet: { IsGlobal: false, OptionSetType: "Picklist", Options: [option(100000000, "New"), option(100000001, "Follow-up")] } }));
    await add(attr("MultiSelectPicklist", "new_Tags", { OptionSet: { IsGlobal: false, OptionSetType: "Picklist", Options: [option(1, "A"), option(2, "B"), option(3, "C")] } }));
    const id = await h.api.create<object, string>({
      collection: "new_visits",
      data: { new_name: "v", new_code: "C1", new_notes: "n", new_count: 3, new_ratio: 0.12345, new_fee: 12.5, new_day: "2024-02-29", new_at: "2024-02-29T10:11:12Z", new_paid: true, new_kind: 100000001, new_tags: "3,1" },
    });
    const r = await h.api.retrieve({ collection: "new_visits", key: id, includeAnnotations: "OData.Community.Display.V1.FormattedValue" });
    assert.equal(r.new_ratio, 0.123);
    assert.equal(r.new_fee, 12.5);
    assert.equal(r.new_fee_Formatted, "$12.50");
    assert.equal(r.new_day, "2024-02-29");
    assert.equal((r.new_at as Date).toISOString(), "2024-02-29T10:11:12.000Z");
    assert.equal(r.new_paid_Formatted, "Paid");
    assert.equal(r.new_kind_Formatted, "Follow-up");
    assert.equal(r.new_tags, "3,1");
    assert.equal(r.new_tags_Formatted, "C; A");
    await assert.rejects(h.api.update({ collection: "new_visits", key: id, data: { new_tags: "1,9" } }), (x: DvErr) => x.code === "0x8004431A");
    await assert.rejects(h.api.update({ collection: "new_visits", key: id, data: { new_count: 11 } }), (x: DvErr) => x.code === "0x8004431A");
    await assert.rejects(h.api.update({ collection: "new_visits", key: id, data: { new_code: "x".repeat(11) } }), (x: DvErr) => x.code === "0x80044331");
    const meta = await h.api.retrieveAttributes({ entityKey: e, castType: "Microsoft.Dynamics.CRM.DateTimeAttributeMetadata", select: ["LogicalName", "Format", "DateTimeBehavior"] });
    const at = meta.value.find((a: { LogicalName: string }) => a.LogicalName === "new_at") as { DateTimeBehavior: { Value: string } };
    assert.equal(at.DateTimeBehavior.Value, "TimeZoneIndependent");
  } finally {
    await h.sandbox.close();
  }
});

test("global option set: created, read by name, used by a picklist via GlobalOptionSet@odata.bind", async () => {
  const h = await startHarness();
  try {
    const gid = await h.api.createGlobalOptionSet({
      data: { "@odata.type": "Microsoft.Dynamics.CRM.OptionSetMetadata", Name: "new_colour", DisplayName: lbl("Colour"), IsGlobal: true, OptionSetType: "Picklist", Options: [option(1, "Red"), option(2, "Green")] },
    });
    const got = await h.api.retrieveGlobalOptionSet({ key: "Name='new_colour'" });
    assert.equal(got.MetadataId, gid);
    assert.deepEqual((got.Options as { Value: number }[]).map((o) => o.Value), [1, 2]);
    await h.api.createAttribute({ entityKey: "LogicalName='contact'", data: attr("Picklist", "new_Colour", { "GlobalOptionSet@odata.bind": `/GlobalOptionSetDefinitions(${String(gid)})` }) });
    const id = await h.api.create<object, string>({ collection: "contacts", data: { lastname: "C", new_colour: 2 } });
    assert.equal((await h.api.retrieve({ collection: "contacts", key: id, select: ["new_colour"] })).new_colour, 2);
    await assert.rejects(h.api.update({ collection: "contacts", key: id, data: { new_colour: 3 } }), (e: DvErr) => e.code === "0x8004431A");
    const res = await h.fetchApi("EntityDefinitions(LogicalName='contact')/Attributes(LogicalName='new_colour')/Microsoft.Dynamics.CRM.PicklistAttributeMetadata?$select=LogicalName&$expand=GlobalOptionSet($select=Name)");
    const body = (await res.json()) as { GlobalOptionSet: { Name: string; IsGlobal: boolean } };
    assert.equal(body.GlobalOptionSet.Name, "new_colour");
  } finally {
    await h.sandbox.close();
  }
});

test("Sales Professional refuses the 16th custom table; /_sandbox/settings switches the edition", async () => {
  const h = await startHarness({ edition: "sales-professional" });
  try {
    for (let i = 1; i <= 15; i++) await h.api.createEntity({ data: tableBody(`new_T${i}`) });
    await assert.rejects(h.api.createEntity({ data: tableBody("new_T16") }), (e: DvErr) => e.status === 400 && e.message.includes("15 custom tables"));
    const set = await fetch(`${h.sandbox.url}/_sandbox/settings`, { method: "POST", body: JSON.stringify({ edition: "enterprise" }) });
    assert.equal(((await set.json()) as { edition: string }).edition, "enterprise");
    await h.api.createEntity({ data: tableBody("new_T16") });
  } finally {
    await h.sandbox.close();
  }
});
