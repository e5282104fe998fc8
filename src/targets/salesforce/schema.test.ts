import assert from "node:assert/strict";
import { test } from "node:test";
import { strFromU8, unzipSync } from "fflate";
import type { SchemaPlan } from "../../contracts/target.js";
import { KEY, startOrg } from "./test-support.js";

const plan: SchemaPlan = {
  tables: [{ name: "Treatment_Case__c", label: "Treatment Case", pluralLabel: "Treatment Cases", primaryName: "Name", reason: "cases" }],
  columns: [
    { table: "Contact", name: KEY, type: "string", maxLength: 255, label: "Handover Source Key", reason: "key" },
    { table: "Contact", name: "MRN__c", type: "string", maxLength: 40, label: "MRN", reason: "custom property", secured: true },
    { table: "Treatment_Case__c", name: KEY, type: "string", maxLength: 255, label: "Handover Source Key", reason: "key" },
    { table: "Treatment_Case__c", name: "Summary__c", type: "memo", maxLength: 50_000, label: "Summary", reason: "x" },
    { table: "Treatment_Case__c", name: "Opened__c", type: "date", label: "Opened", reason: "x" },
    { table: "Treatment_Case__c", name: "Seen_At__c", type: "datetime", label: "Seen at", reason: "x" },
    { table: "Treatment_Case__c", name: "Visits__c", type: "integer", label: "Visits", reason: "x" },
    { table: "Treatment_Case__c", name: "Fee__c", type: "decimal", label: "Fee", reason: "x" },
    { table: "Treatment_Case__c", name: "Closed__c", type: "boolean", label: "Closed", reason: "x" },
    { table: "Treatment_Case__c", name: "Patient__c", type: "lookup", lookupTarget: "Contact", label: "Patient", reason: "x" },
  ],
  keys: [{ table: "Contact", name: "mrn_key", columns: ["MRN__c"] }],
};

test("applySchema creates a custom object and typed fields, keys as External ID + Unique, and is idempotent", async () => {
  const org = await startOrg();
  try {
    const first = await org.target.applySchema(plan);
    assert.equal(first.length, 1 + plan.columns.length + plan.keys.length);
    assert.ok(first.every((o) => o.ok && o.created), JSON.stringify(first.filter((o) => !o.ok)));
    const again = await org.target.applySchema(plan);
    assert.ok(again.every((o) => o.ok && !o.created));
    const grants = await org.api<{ records: unknown[] }>(`query?q=${encodeURIComponent("SELECT Id FROM FieldPermissions WHERE Parent.Name = 'Handover_Migration'")}`);
    assert.equal(grants.records.length, plan.columns.length, "the migration user may read and write every new field");
    const { tables: [cases, contact] } = await org.target.describe(["Treatment_Case__c", "Contact"]);
    const type = (name: string) => cases!.columns.find((c) => c.name === name)?.type;
    assert.deepEqual(["Summary__c", "Opened__c", "Seen_At__c", "Visits__c", "Fee__c", "Closed__c", "Patient__c"].map(type),
      ["memo", "date", "datetime", "decimal", "decimal", "boolean", "lookup"]);
    assert.deepEqual(cases!.columns.find((c) => c.name === "Patient__c")?.targets, ["Contact"]);
    assert.deepEqual(contact!.keys.map((k) => k.name).sort(), [KEY, "MRN__c"]);

    const out = await org.target.write([
      { table: "Contact", sourceKey: "c:1", fields: { LastName: "Case", MRN__c: "M-1" }, lookups: {} },
      { table: "Treatment_Case__c", sourceKey: "t:1", fields: { Name: "Knee", Visits__c: 3, Closed__c: true }, lookups: { Patient__c: { table: "Contact", sourceKey: "c:1" } } },
    ]);
    assert.ok(out.every((o) => o.ok), JSON.stringify(out));
    const [back] = await org.target.readBack("Treatment_Case__c", ["t:1"], ["Visits__c", "Closed__c", "Patient__c"]);
    assert.deepEqual([back?.fields.Visits__c, back?.fields.Closed__c, back?.lookups.Patient__c?.table], [3, true, "Contact"]);
  } finally {
    await org.close();
  }
});

test("field security: a permission set per profile with field permissions and assignments; teams are reported, re-runs create nothing", async () => {
  const org = await startOrg({ users: [{ email: "dr.who@example.com", name: "Doctor Who" }] });
  try {
    await org.target.applySchema(plan);
    const secured: SchemaPlan = {
      ...plan,
      securityProfiles: [{
        name: "Clinical staff (PHI)", teams: ["Front desk"], users: ["DR.WHO@example.com", "nobody@example.com"],
        permissions: [{ table: "Contact", column: "MRN__c", read: true, create: true, update: true }, { table: "Contact", column: "Birthdate", read: true, create: false, update: false }],
      }],
    };
    const first = await org.target.applyFieldSecurity!(secured);
    assert.deepEqual(first.map((o) => [o.kind, o.ok, o.ok && o.created]), [
      ["secure-column", true, false], ["profile", true, true], ["permission", true, true], ["permission", true, true],
      ["team", false, false], ["user", true, true], ["user", false, false],
    ]);
    const again = await org.target.applyFieldSecurity!(secured);
    assert.ok(again.every((o) => !o.ok || !o.created));
    const sets = await org.api<{ records: { Id: string; Name: string }[] }>(`query?q=${encodeURIComponent("SELECT Id, Name FROM PermissionSet ORDER BY Name")}`);
    assert.deepEqual(sets.records.map((r) => r.Name), ["Clinical_staff_PHI", "Handover_Migration"]);
    const perms = await org.api<{ records: { Field: string; PermissionsRead: boolean; PermissionsEdit: boolean }[] }>(`query?q=${encodeURIComponent(`SELECT Field, PermissionsRead, PermissionsEdit FROM FieldPermissions WHERE ParentId = '${sets.records[0]!.Id}' ORDER BY Field`)}`);
    assert.deepEqual(perms.records.map((r) => [r.Field, r.PermissionsRead, r.PermissionsEdit]), [["Contact.Birthdate", true, false], ["Contact.MRN__c", true, true]]);
  } finally {
    await org.close();
  }
});

test("the metadata export is a source-format project with package.xml, object and field files; other formats are refused", async () => {
  const org = await startOrg();
  try {
    const { fileName, bytes } = org.target.exportSchema!(plan, "metadata", "1.0.0");
    assert.equal(fileName, "handover-metadata_1.0.0.zip");
    const files = unzipSync(bytes);
    const dir = "force-app/main/default/objects";
    assert.ok(files["sfdx-project.json"] && files[`${dir}/Treatment_Case__c/Treatment_Case__c.object-meta.xml`]);
    const pkg = strFromU8(files["package.xml"]!);
    assert.match(pkg, /<members>Treatment_Case__c<\/members>\s*<name>CustomObject<\/name>/);
    assert.match(pkg, /<members>Contact\.MRN__c<\/members>/);
    assert.match(pkg, /<version>60\.0<\/version>/);
    const mrn = strFromU8(files[`${dir}/Contact/fields/MRN__c.field-meta.xml`]!);
    for (const part of ["<fullName>MRN__c</fullName>", "<type>Text</type>", "<length>40</length>", "<externalId>true</externalId>", "<unique>true</unique>"]) assert.ok(mrn.includes(part), part);
    const lookup = strFromU8(files[`${dir}/Treatment_Case__c/fields/Patient__c.field-meta.xml`]!);
    assert.match(lookup, /<referenceTo>Contact<\/referenceTo>/);
    assert.match(strFromU8(files[`${dir}/Treatment_Case__c/fields/Summary__c.field-meta.xml`]!), /<type>LongTextArea<\/type>[\s\S]*<visibleLines>3<\/visibleLines>/);
    assert.throws(() => org.target.exportSchema!(plan, "solution", "1"), (e: { code?: string }) => e.code === "HO-CLI-002");
  } finally {
    await org.close();
  }
});
