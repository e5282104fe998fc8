import { test } from "node:test";
import assert from "node:assert/strict";
import { columnType, toTable } from "./metadata.js";
import { plainValue, toStoredRow } from "./read-back.js";
import { attributeDefinition } from "./schema.js";

test("attribute types map to our column types", () => {
  const cases: [string, boolean, string][] = [
    ["String", false, "string"], ["Memo", false, "memo"], ["Integer", false, "integer"], ["Decimal", false, "decimal"],
    ["Double", false, "decimal"], ["Money", false, "money"], ["Boolean", false, "boolean"], ["DateTime", true, "date"],
    ["DateTime", false, "datetime"], ["Picklist", false, "choice"], ["State", false, "choice"], ["Status", false, "choice"],
    ["Lookup", false, "lookup"], ["Customer", false, "lookup"], ["Owner", false, "lookup"], ["Uniqueidentifier", false, "id"],
    ["Virtual", false, "other"], ["EntityName", false, "other"],
  ];
  for (const [type, dateOnly, expected] of cases) assert.equal(columnType(type, dateOnly), expected, type);
});

test("toTable: columns with extras, keys, relationships", () => {
  const t = toTable(
    {
      LogicalName: "contact", EntitySetName: "contacts", PrimaryIdAttribute: "contactid", PrimaryNameAttribute: "fullname",
      Attributes: [
        { LogicalName: "lastname", AttributeType: "String", RequiredLevel: { Value: "ApplicationRequired" }, IsCustomAttribute: false, IsValidForCreate: true, IsValidForUpdate: true },
        { LogicalName: "birthdate", AttributeType: "DateTime", RequiredLevel: { Value: "None" } },
        { LogicalName: "parentcustomerid", AttributeType: "Customer", RequiredLevel: { Value: "None" } },
        { LogicalName: "fullname", AttributeType: "String", IsValidForCreate: false, IsValidForUpdate: false },
      ],
      Keys: [{ LogicalName: "hc_sourcekey_key", KeyAttributes: ["hc_sourcekey"], EntityKeyIndexStatus: "Active" }],
      ManyToOneRelationships: [{ ReferencingAttribute: "parentcustomerid", ReferencedEntity: "account", ReferencingEntityNavigationPropertyName: "parentcustomerid_account" }],
    },
    { maxLength: new Map([["lastname", 50]]), dateOnly: new Set(["birthdate"]), targets: new Map([["parentcustomerid", ["account", "contact"]]]) },
  );
  assert.deepEqual(t.columns[0], { name: "lastname", type: "string", maxLength: 50, required: true, custom: false, validForCreate: true, validForUpdate: true });
  assert.equal(t.columns[1]?.type, "date");
  assert.deepEqual(t.columns[2]?.targets, ["account", "contact"]);
  assert.equal(t.columns[3]?.validForUpdate, false);
  assert.deepEqual(t.keys, [{ name: "hc_sourcekey_key", columns: ["hc_sourcekey"], active: true }]);
  assert.equal(t.relations[0]?.navProp, "parentcustomerid_account");
});

test("read-back values: revived Dates become ISO text again", () => {
  const d = new Date(Date.UTC(2024, 4, 1, 13, 45, 0));
  const col = (type: "date" | "datetime") => ({ name: "x", type, required: false, custom: false, validForCreate: true, validForUpdate: true });
  assert.equal(plainValue(d, col("datetime")), "2024-05-01T13:45:00Z");
  assert.equal(plainValue(new Date(Date.UTC(2024, 4, 1)), col("date")), "2024-05-01");
  assert.equal(plainValue("2024-05-01", col("date")), "2024-05-01");
  assert.equal(plainValue(undefined, undefined), null);
  assert.equal(plainValue(12.5, undefined), 12.5);
});

test("toStoredRow: lookups carry the annotated table", () => {
  const meta = toTable(
    { LogicalName: "contact", EntitySetName: "contacts", PrimaryIdAttribute: "contactid", PrimaryNameAttribute: "fullname",
      Attributes: [{ LogicalName: "parentcustomerid", AttributeType: "Customer" }, { LogicalName: "ownerid", AttributeType: "Owner" }, { LogicalName: "lastname", AttributeType: "String" }] },
    { maxLength: new Map(), dateOnly: new Set(), targets: new Map([["parentcustomerid", ["account", "contact"]], ["ownerid", ["systemuser", "team"]]]) },
  );
  const id = "5f1c0000-0000-0000-0000-000000000001";
  const row = toStoredRow(
    { contactid: "0b7e0000-0000-0000-0000-000000000002", hc_sourcekey: "C-1", lastname: "L", _parentcustomerid_value: id, _parentcustomerid_value_LogicalName: "account", _ownerid_value: null },
    meta, "hc_sourcekey", ["lastname", "parentcustomerid", "ownerid"],
  );
  assert.deepEqual(row, {
    table: "contact", id: "0b7e0000-0000-0000-0000-000000000002", sourceKey: "C-1",
    fields: { lastname: "L" }, lookups: { parentcustomerid: { table: "account", id }, ownerid: null },
  });
});

test("attribute definitions carry the type-specific parts", () => {
  const s = attributeDefinition({ table: "contact", name: "hc_sourcekey", type: "string", maxLength: 100, label: "Source key", reason: "alternate key" });
  assert.equal(s["@odata.type"], "Microsoft.Dynamics.CRM.StringAttributeMetadata");
  assert.equal(s.MaxLength, 100);
  assert.deepEqual(s.FormatName, { Value: "Text" });
  assert.equal(attributeDefinition({ table: "contact", name: "hc_dob", type: "date", label: "DOB", reason: "r" }).Format, "DateOnly");
  assert.equal(attributeDefinition({ table: "contact", name: "hc_seen", type: "datetime", label: "Seen", reason: "r" }).Format, "DateAndTime");
  const b = attributeDefinition({ table: "contact", name: "hc_flag", type: "boolean", label: "Flag", reason: "r" });
  assert.equal((b.OptionSet as { TrueOption: { Value: number } }).TrueOption.Value, 1);
  for (const type of ["memo", "integer", "decimal"] as const) {
    assert.match(String(attributeDefinition({ table: "t", name: "hc_x", type, label: "X", reason: "r" })["@odata.type"]), /AttributeMetadata$/);
  }
});
