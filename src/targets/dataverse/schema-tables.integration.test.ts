/**
 * applySchema with a custom table and lookups, against the Dataverse sandbox over real HTTP;
 * then rows written into the new table bind their lookups by our key and read back.
 * Run with http_proxy unset: the library routes even localhost through it.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { startDataverseSandbox } from "../../../sandbox/dataverse/server.js";
import type { SchemaOutcome, SchemaPlan, TargetConnector, TargetRow, WriteOutcome } from "../../contracts/target.js";
import { createDataverseTarget } from "./index.js";

const sourceKey = (table: string) => ({ table, name: "hc_sourcekey", type: "string", maxLength: 100, label: "Source key", reason: "alternate key" }) as const;
const sourceKeyKey = (table: string) => ({ table, name: "hc_sourcekey_key", columns: ["hc_sourcekey"] });

const plan: SchemaPlan = {
  tables: [{
    name: "hc_patientpractice", label: "Patient practice", pluralLabel: "Patient practices", primaryName: "hc_name",
    primaryNameMaxLength: 200, hasNotes: true, reason: "which practice a patient belongs to",
  }],
  columns: [
    sourceKey("account"),
    sourceKey("contact"),
    sourceKey("hc_patientpractice"),
    { table: "hc_patientpractice", name: "hc_role", type: "string", maxLength: 50, label: "Role", reason: "custom property 'Role'" },
    { table: "hc_patientpractice", name: "hc_startdate", type: "date", label: "Start date", reason: "custom property 'StartDate'" },
    { table: "hc_patientpractice", name: "hc_patient", type: "lookup", lookupTarget: "contact", label: "Patient", reason: "link to the patient" },
    { table: "hc_patientpractice", name: "hc_practice", type: "lookup", lookupTarget: "account", label: "Practice", reason: "link to the practice" },
  ],
  keys: [sourceKeyKey("account"), sourceKeyKey("contact"), sourceKeyKey("hc_patientpractice")],
};

let sandbox: { url: string; close(): Promise<void> | void };
let target: TargetConnector;

async function api(path: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${sandbox.url.replace(/\/$/, "")}/api/data/v9.2/${path}`, { headers: { Authorization: "Bearer t" } });
  assert.ok(res.ok, `${path}: HTTP ${res.status}`);
  return (await res.json()) as Record<string, unknown>;
}

const brief = (o: SchemaOutcome) => `${o.kind} ${o.table}.${o.name} ${o.ok ? (o.created ? "created" : "exists") : `FAILED ${o.error.reason}`}`;

function okWrites(outcomes: readonly WriteOutcome[]): void {
  for (const o of outcomes) assert.ok(o.ok, `${o.table} ${o.sourceKey}: ${JSON.stringify(!o.ok && o.error)}`);
}

before(async () => {
  sandbox = await startDataverseSandbox({ port: 0 });
  target = createDataverseTarget({ url: sandbox.url, token: async () => "sandbox", sleep: async () => {}, keyWaitMs: 5_000 });
});

after(async () => {
  await sandbox?.close();
});

describe("applySchema: custom table, lookups, keys", () => {
  test("creates the table, its columns and lookups, then the keys, in that order", async () => {
    const outcomes = await target.applySchema(plan);
    assert.deepEqual(outcomes.map(brief), [
      "table hc_patientpractice.hc_patientpractice created",
      "column account.hc_sourcekey created",
      "column contact.hc_sourcekey created",
      "column hc_patientpractice.hc_sourcekey created",
      "column hc_patientpractice.hc_role created",
      "column hc_patientpractice.hc_startdate created",
      "column hc_patientpractice.hc_patient created",
      "column hc_patientpractice.hc_practice created",
      "key account.hc_sourcekey_key created",
      "key contact.hc_sourcekey_key created",
      "key hc_patientpractice.hc_sourcekey_key created",
    ]);

    const entity = await api("EntityDefinitions(LogicalName='hc_patientpractice')?$select=LogicalName,SchemaName,EntitySetName,PrimaryIdAttribute,PrimaryNameAttribute,OwnershipType");
    assert.equal(entity.LogicalName, "hc_patientpractice");
    assert.equal(entity.EntitySetName, "hc_patientpractices");
    assert.equal(entity.PrimaryIdAttribute, "hc_patientpracticeid");
    assert.equal(entity.PrimaryNameAttribute, "hc_name");
    assert.equal(entity.OwnershipType, "UserOwned");

    const rels = await api("EntityDefinitions(LogicalName='hc_patientpractice')/ManyToOneRelationships?$select=SchemaName,ReferencedEntity,ReferencingAttribute,ReferencingEntityNavigationPropertyName");
    const custom = (rels.value as Record<string, unknown>[]).filter((r) => String(r.ReferencingAttribute).startsWith("hc_"));
    assert.deepEqual(custom.map((r) => [r.SchemaName, r.ReferencedEntity, r.ReferencingAttribute, r.ReferencingEntityNavigationPropertyName]).sort(), [
      ["hc_account_patientpractice_practice", "account", "hc_practice", "hc_Practice"],
      ["hc_contact_patientpractice_patient", "contact", "hc_patient", "hc_Patient"],
    ]);

    const [described] = (await target.describe(["hc_patientpractice"])).tables;
    const col = (name: string) => described?.columns.find((c) => c.name === name);
    assert.equal(col("hc_name")?.maxLength, 200);
    assert.equal(col("hc_startdate")?.type, "date");
    assert.deepEqual(col("hc_patient")?.targets, ["contact"]);
    assert.deepEqual(described?.keys, [{ name: "hc_sourcekey_key", columns: ["hc_sourcekey"], active: true }]);
  });

  test("a second run finds everything in place", async () => {
    const again = await target.applySchema(plan);
    assert.equal(again.length, 11);
    for (const o of again) assert.ok(o.ok && !o.created, brief(o));
  });

  test("rows written into the new table bind their lookups by our key and read back with their tables", async () => {
    okWrites(await target.write([
      { table: "contact", sourceKey: "P-1", fields: { lastname: "Okafor" }, lookups: {} },
      { table: "account", sourceKey: "PR-1", fields: { name: "Northside Practice" }, lookups: {} },
    ]));
    const [patient] = await target.readBack("contact", ["P-1"], ["lastname"]);
    const [practice] = await target.readBack("account", ["PR-1"], ["name"]);
    assert.ok(patient && practice);

    const rows: TargetRow[] = [
      {
        table: "hc_patientpractice", sourceKey: "PP-1", fields: { hc_name: "Okafor at Northside", hc_role: "registered", hc_startdate: "2021-03-04" },
        lookups: { hc_patient: { table: "contact", sourceKey: "P-1" }, hc_practice: { table: "account", sourceKey: "PR-1" } },
      },
      { table: "hc_patientpractice", sourceKey: "PP-2", fields: { hc_name: "By id" }, lookups: { hc_patient: { table: "contact", id: patient.id } } },
    ];
    const written = await target.write(rows);
    okWrites(written);
    assert.deepEqual(written.map((o) => o.ok && o.created), [true, true]);

    const back = await target.readBack("hc_patientpractice", ["PP-1", "PP-2"], ["hc_name", "hc_role", "hc_startdate", "hc_patient", "hc_practice"]);
    const byKey = new Map(back.map((r) => [r.sourceKey, r]));
    assert.deepEqual(byKey.get("PP-1")?.fields, { hc_name: "Okafor at Northside", hc_role: "registered", hc_startdate: "2021-03-04" });
    assert.deepEqual(byKey.get("PP-1")?.lookups, { hc_patient: { table: "contact", id: patient.id }, hc_practice: { table: "account", id: practice.id } });
    assert.deepEqual(byKey.get("PP-2")?.lookups, { hc_patient: { table: "contact", id: patient.id }, hc_practice: null });

    // Upsert again by key: an update, and clearing a lookup works through the same property.
    const updated = await target.write([{ ...rows[0]!, lookups: { hc_practice: null } }]);
    okWrites(updated);
    assert.equal(updated[0]?.ok && updated[0].created, false);
    const [cleared] = await target.readBack("hc_patientpractice", ["PP-1"], ["hc_practice"]);
    assert.deepEqual(cleared?.lookups, { hc_practice: null });
  });

  test("what depends on a failed table is not attempted, and says why", async () => {
    const outcomes = await target.applySchema({
      tables: [{ name: "zz_visit", label: "Visit", pluralLabel: "Visits", primaryName: "zz_name", reason: "visits" }],
      columns: [
        { table: "zz_visit", name: "zz_sourcekey", type: "string", label: "Source key", reason: "alternate key" },
        { table: "contact", name: "hc_lastvisit", type: "lookup", lookupTarget: "zz_visit", label: "Last visit", reason: "link" },
        { table: "contact", name: "hc_clinic", type: "lookup", lookupTarget: "hc_nosuchtable", label: "Clinic", reason: "link" },
        { table: "contact", name: "hc_sourcekey", type: "lookup", lookupTarget: "account", label: "Wrong", reason: "clash" },
      ],
      keys: [sourceKeyKey("zz_visit")],
    });
    assert.equal(outcomes.length, 6);
    const [table, column, lookup, unknownTarget, clash, key] = outcomes;
    assert.ok(table && !table.ok && table.kind === "table" && table.error.vendorCode !== "local", table && brief(table));
    for (const o of [column, lookup, key]) assert.ok(o && !o.ok && /^not attempted: table 'zz_visit' could not be created/.test(o.error.reason), o && brief(o));
    assert.ok(unknownTarget && !unknownTarget.ok && /does not exist/.test(unknownTarget.error.reason), unknownTarget && brief(unknownTarget));
    assert.ok(clash && !clash.ok && /not a lookup to 'account'/.test(clash.error.reason), clash && brief(clash));
  });
});
