/**
 * exportMetadata over real HTTP against the sandbox; the file it writes loads back into a new
 * sandbox (metadataFile option) with the same tables, columns, keys and relationships.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startDataverseSandbox } from "../../../sandbox/dataverse/server.js";
import { Session } from "./client.js";
import { exportEntity, exportMetadata } from "./export-metadata.js";
import { MetadataCache } from "./metadata.js";
import { applySchema } from "./schema.js";

let sandbox: { url: string; close(): Promise<void> | void };
let session: Session;
const dir = mkdtempSync(join(tmpdir(), "handover-meta-"));

before(async () => {
  sandbox = await startDataverseSandbox({ port: 0 });
  session = new Session({ url: sandbox.url, token: async () => "sandbox", maxRetries: 2, sleep: async () => {} });
  const metadata = new MetadataCache(session);
  const out = await applySchema({
    columns: [
      { table: "contact", name: "hc_sourcekey", type: "string", maxLength: 100, label: "Source key", reason: "alternate key" },
      { table: "contact", name: "hc_visit", type: "date", label: "Visit", reason: "custom property" },
    ],
    keys: [{ table: "contact", name: "hc_sourcekey_key", columns: ["hc_sourcekey"] }],
  }, { session, metadata, sleep: async () => {}, keyWaitMs: 0 });
  assert.ok(out.every((o) => o.ok), JSON.stringify(out));
});
after(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

test("exportEntity keeps the entity properties in order and merges cast-only attribute properties", () => {
  const out = exportEntity(
    { "@odata.context": "c", LogicalName: "contact", SchemaName: "Contact", EntitySetName: "contacts", PrimaryIdAttribute: "contactid", PrimaryNameAttribute: "fullname", IsCustomEntity: false, OwnershipType: "UserOwned", MetadataId: "m", Attributes: [{ LogicalName: "firstname", AttributeType: "String" }] },
    new Map([["firstname", { MaxLength: 50 }]]),
  );
  assert.deepEqual(Object.keys(out), ["LogicalName", "SchemaName", "EntitySetName", "PrimaryIdAttribute", "PrimaryNameAttribute", "IsCustomEntity", "OwnershipType", "Attributes", "Keys", "ManyToOneRelationships"]);
  assert.deepEqual(out.Attributes, [{ LogicalName: "firstname", AttributeType: "String", MaxLength: 50 }]);
});

test("exports the named tables in the shared shape", async () => {
  const exported = await exportMetadata(session, ["contact", "account"]);
  assert.deepEqual(exported.value.map((e) => e.LogicalName), ["contact", "account"]);
  const contact = exported.value[0] as Record<string, any>;
  assert.equal(contact.EntitySetName, "contacts");
  assert.equal(contact.PrimaryIdAttribute, "contactid");
  assert.equal(contact.IsCustomEntity, false);
  const attr = (name: string) => (contact.Attributes as any[]).find((a) => a.LogicalName === name);
  assert.equal(attr("hc_sourcekey").MaxLength, 100);
  assert.equal(attr("hc_sourcekey").IsCustomAttribute, true);
  assert.equal(attr("hc_visit").Format, "DateOnly");
  assert.deepEqual(attr("parentcustomerid").Targets, ["account", "contact"]);
  assert.ok(Array.isArray(attr("gendercode").OptionSet?.Options) && attr("gendercode").OptionSet.Options.length === 2);
  assert.deepEqual(contact.Keys.map((k: any) => [k.LogicalName, k.KeyAttributes]), [["hc_sourcekey_key", ["hc_sourcekey"]]]);
  assert.ok(contact.ManyToOneRelationships.some((r: any) => r.ReferencingEntityNavigationPropertyName === "parentcustomerid_account"));
  await assert.rejects(exportMetadata(session, ["nosuchtable"]), /HO-TGT-005|nosuchtable/);
});

test("the default set is the Sales tables that exist plus every custom table", async () => {
  const exported = await exportMetadata(session);
  const names = exported.value.map((e) => e.LogicalName);
  assert.ok(names.includes("contact") && names.includes("account") && names.includes("systemuser"));
  assert.ok(!names.includes("opportunity") || names.indexOf("opportunity") > names.indexOf("contact"));
});

test("the exported file loads back into a new sandbox", async () => {
  const exported = await exportMetadata(session, ["contact", "account"]);
  const file = join(dir, "metadata.json");
  writeFileSync(file, JSON.stringify(exported, null, 2));
  const copy = await startDataverseSandbox({ port: 0, metadataFile: file } as Parameters<typeof startDataverseSandbox>[0]);
  try {
    const copySession = new Session({ url: copy.url, token: async () => "sandbox", maxRetries: 2, sleep: async () => {} });
    const again = await exportMetadata(copySession, ["contact", "account"]);
    const shape = (e: Record<string, any>) => ({
      set: e.EntitySetName,
      attrs: (e.Attributes as any[]).map((a) => [a.LogicalName, a.AttributeType, a.MaxLength ?? null]).sort(),
      keys: (e.Keys as any[]).map((k) => [k.LogicalName, k.KeyAttributes]),
      rels: (e.ManyToOneRelationships as any[]).map((r) => r.ReferencingEntityNavigationPropertyName).sort(),
    });
    assert.deepEqual(again.value.map(shape), exported.value.map(shape));
  } finally {
    await copy.close();
  }
});
