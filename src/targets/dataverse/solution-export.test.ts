import { test } from "node:test";
import assert from "node:assert/strict";
import { strFromU8, unzipSync } from "fflate";
import type { SchemaPlan } from "../../contracts/target.js";
import { exportSolution, SolutionExportError, type SolutionOptions } from "./solution-export.js";

/** A tiny XML walker for the files we write: elements, attributes, text; no DTD, no CDATA. */
interface X { name: string; attrs: Record<string, string>; children: X[]; text: string }
function parseXml(xml: string): X {
  const root: X = { name: "#root", attrs: {}, children: [], text: "" };
  const stack = [root];
  const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
  const re = /<\?[^>]*\?>|<(\/?)([\w:.-]+)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>|([^<]+)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const top = stack[stack.length - 1] as X;
    if (m[5] !== undefined) { top.text += unescape(m[5].trim()); continue; }
    if (!m[2]) continue;
    if (m[1]) { assert.equal(stack.pop()?.name, m[2], "balanced tags"); continue; }
    const attrs: Record<string, string> = {};
    for (const a of (m[3] ?? "").matchAll(/([\w:.-]+)="([^"]*)"/g)) attrs[a[1] as string] = unescape(a[2] as string);
    const node: X = { name: m[2], attrs, children: [], text: "" };
    top.children.push(node);
    if (!m[4]) stack.push(node);
  }
  assert.equal(stack.length, 1, "all tags closed");
  return root.children[0] as X;
}
const kids = (x: X | undefined, name: string) => (x?.children ?? []).filter((c) => c.name === name);
const kid = (x: X | undefined, name: string) => kids(x, name)[0];
const path = (x: X | undefined, ...names: string[]) => names.reduce<X | undefined>((n, name) => kid(n, name), x);
const text = (x: X | undefined, name: string) => kid(x, name)?.text;

const plan: SchemaPlan = {
  tables: [{ name: "hc_treatmentplan", label: "Treatment plan", pluralLabel: "Treatment plans", primaryName: "hc_name", primaryNameMaxLength: 200, reason: "treatment plans" }],
  columns: [
    { table: "contact", name: "hc_sourcekey", type: "string", maxLength: 100, label: "Source key", reason: "alternate key" },
    { table: "contact", name: "hc_mrn", type: "string", maxLength: 40, label: "MRN", reason: "patient <MRN> & id", secured: true },
    { table: "contact", name: "hc_lastvisit", type: "datetime", label: "Last visit", reason: "custom property" },
    { table: "contact", name: "hc_dob", type: "date", label: "Birth", reason: "custom property" },
    { table: "contact", name: "hc_notes", type: "memo", maxLength: 4000, label: "Notes", reason: "custom property" },
    { table: "contact", name: "hc_visits", type: "integer", label: "Visits", reason: "custom property" },
    { table: "contact", name: "hc_balance", type: "decimal", label: "Balance", reason: "custom property" },
    { table: "contact", name: "hc_consent", type: "boolean", label: "Consent", reason: "custom property" },
    { table: "hc_treatmentplan", name: "hc_sourcekey", type: "string", maxLength: 100, label: "Source key", reason: "alternate key" },
  ],
  keys: [
    { table: "contact", name: "hc_sourcekey_key", columns: ["hc_sourcekey"] },
    { table: "hc_treatmentplan", name: "hc_sourcekey_key", columns: ["hc_sourcekey"] },
  ],
};
const options: SolutionOptions = {
  uniqueName: "HandoverClinicMove", displayName: "Handover – clinic move",
  publisher: { uniqueName: "Handover", prefix: "hc", optionValuePrefix: 10_000 }, version: "1.0.0.0",
};

function files(zip: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(zip)).map(([k, v]) => [k, strFromU8(v)]));
}

test("the zip holds the three solution files at its root, deterministically", () => {
  const zip = exportSolution(plan, options);
  assert.deepEqual(Object.keys(files(zip)).sort(), ["[Content_Types].xml", "customizations.xml", "solution.xml"]);
  assert.deepEqual(exportSolution(plan, options), zip);
  const types = parseXml(files(zip)["[Content_Types].xml"] as string);
  assert.equal(types.name, "Types");
  assert.deepEqual(kid(types, "Default")?.attrs, { Extension: "xml", ContentType: "application/octet-stream" });
});

test("solution.xml: manifest, unmanaged, publisher, one root component per table", () => {
  const xml = parseXml(files(exportSolution(plan, options))["solution.xml"] as string);
  assert.equal(xml.name, "ImportExportXml");
  const manifest = kid(xml, "SolutionManifest");
  assert.equal(text(manifest, "UniqueName"), "HandoverClinicMove");
  assert.equal(path(manifest, "LocalizedNames", "LocalizedName")?.attrs.description, "Handover – clinic move");
  assert.equal(text(manifest, "Version"), "1.0.0.0");
  assert.equal(text(manifest, "Managed"), "0");
  const publisher = kid(manifest, "Publisher");
  assert.equal(text(publisher, "UniqueName"), "Handover");
  assert.equal(text(publisher, "CustomizationPrefix"), "hc");
  assert.equal(text(publisher, "CustomizationOptionValuePrefix"), "10000");
  const roots = kids(kid(manifest, "RootComponents"), "RootComponent").map((r) => r.attrs);
  assert.deepEqual(roots, [
    { type: "1", schemaName: "hc_treatmentplan", behavior: "0" },
    { type: "1", schemaName: "Contact", behavior: "2" },
  ]);
});

test("customizations.xml: every planned column with its type and length, keys, and the custom table", () => {
  const xml = parseXml(files(exportSolution(plan, options))["customizations.xml"] as string);
  const entities = kids(kid(xml, "Entities"), "Entity");
  const entity = (name: string) => entities.find((e) => text(e, "Name") === name);
  const info = (name: string) => path(entity(name), "EntityInfo", "entity");
  const attrs = (name: string) => new Map(kids(kid(info(name), "attributes"), "attribute").map((a) => [a.attrs.PhysicalName as string, a]));

  const contact = attrs("Contact");
  assert.deepEqual([...contact.keys()], plan.columns.filter((c) => c.table === "contact").map((c) => c.name));
  const expect = (name: string, type: string, extra: Record<string, string>) => {
    const a = contact.get(name);
    assert.equal(text(a, "Type"), type, name);
    assert.equal(text(a, "LogicalName"), name);
    for (const [k, v] of Object.entries(extra)) assert.equal(text(a, k), v, `${name}.${k}`);
  };
  expect("hc_sourcekey", "nvarchar", { MaxLength: "100", Format: "text", IsSecured: "0" });
  expect("hc_mrn", "nvarchar", { MaxLength: "40", IsSecured: "1" });
  expect("hc_lastvisit", "datetime", { Format: "datetime", Behavior: "1" });
  expect("hc_dob", "datetime", { Format: "date", Behavior: "2" });
  expect("hc_notes", "ntext", { MaxLength: "4000", Format: "textarea" });
  expect("hc_visits", "int", { MinValue: "-2147483648", MaxValue: "2147483647" });
  expect("hc_balance", "decimal", { Precision: "2" });
  expect("hc_consent", "bit", { DefaultValue: "0" });
  assert.equal(path(contact.get("hc_consent"), "optionset", "OptionSetType")?.text, "bool");
  // Labels and reasons are escaped text, read back intact.
  assert.equal(path(contact.get("hc_mrn"), "Descriptions", "Description")?.attrs.description, "patient <MRN> & id");
  assert.equal(path(contact.get("hc_mrn"), "displaynames", "displayname")?.attrs.description, "MRN");

  const contactKey = path(info("Contact"), "EntityKeys", "EntityKey");
  assert.equal(text(contactKey, "Name"), "hc_sourcekey_key");
  assert.deepEqual(kids(kid(contactKey, "EntityKeyAttributes"), "AttributeName").map((a) => a.text), ["hc_sourcekey"]);
  // A standard table carries no entity-level definition of its own.
  assert.equal(kid(info("Contact"), "EntitySetName"), undefined);

  const custom = attrs("hc_treatmentplan");
  assert.deepEqual([...custom.keys()], ["hc_treatmentplanid", "hc_name", "hc_sourcekey"]);
  assert.equal(text(custom.get("hc_treatmentplanid"), "Type"), "primarykey");
  assert.equal(text(custom.get("hc_name"), "MaxLength"), "200");
  assert.match(text(custom.get("hc_name"), "DisplayMask") ?? "", /^PrimaryName\|/);
  assert.equal(text(info("hc_treatmentplan"), "EntitySetName"), "hc_treatmentplans");
  assert.equal(text(info("hc_treatmentplan"), "OwnershipTypeMask"), "UserOwned");
  assert.equal(path(info("hc_treatmentplan"), "LocalizedCollectionNames", "LocalizedCollectionName")?.attrs.description, "Treatment plans");
  assert.equal(text(kid(xml, "Languages"), "Language"), "1033");
});

test("refuses names outside the publisher prefix and malformed options", () => {
  assert.throws(() => exportSolution(plan, { ...options, publisher: { ...options.publisher, prefix: "new" } }), SolutionExportError);
  assert.throws(() => exportSolution(plan, { ...options, version: "one" }), /version/);
  assert.throws(() => exportSolution(plan, { ...options, publisher: { ...options.publisher, optionValuePrefix: 5 } }), /option value prefix/);
});

test("customizations.xml: a lookup is a lookup attribute plus a OneToMany EntityRelationship", () => {
  const withLookups: SchemaPlan = {
    ...plan,
    columns: [
      ...plan.columns,
      { table: "hc_treatmentplan", name: "hc_patient", type: "lookup", lookupTarget: "contact", label: "Patient", reason: "the patient" },
    ],
  };
  const xml = parseXml(files(exportSolution(withLookups, options))["customizations.xml"] as string);
  const entity = kids(kid(xml, "Entities"), "Entity").find((e) => text(e, "Name") === "hc_treatmentplan");
  const attr = kids(path(entity, "EntityInfo", "entity", "attributes"), "attribute").find((a) => text(a, "LogicalName") === "hc_patient");
  assert.equal(attr?.attrs.PhysicalName, "hc_Patient");
  assert.equal(text(attr, "Type"), "lookup");
  assert.equal(text(attr, "LookupStyle"), "single");
  const rels = kids(kid(xml, "EntityRelationships"), "EntityRelationship");
  assert.equal(rels.length, 1);
  const rel = rels[0];
  assert.equal(rel?.attrs.Name, "hc_contact_treatmentplan_patient");
  assert.equal(text(rel, "EntityRelationshipType"), "OneToMany");
  assert.equal(text(rel, "ReferencingEntityName"), "hc_treatmentplan");
  assert.equal(text(rel, "ReferencedEntityName"), "Contact");
  assert.equal(text(rel, "ReferencingAttributeName"), "hc_patient");
  assert.equal(text(rel, "CascadeDelete"), "RemoveLink");
  assert.equal(text(rel, "CascadeAssign"), "NoCascade");
  const roles = kids(kid(rel, "EntityRelationshipRoles"), "EntityRelationshipRole").map((r) => [text(r, "RelationshipRoleType"), text(r, "NavigationPropertyName")]);
  assert.deepEqual(roles, [["1", "hc_Patient"], ["0", "hc_contact_treatmentplan_patient"]]);
  // Without the table it points at, the lookup can't be exported.
  const noTarget: SchemaPlan = { ...plan, columns: [{ table: "contact", name: "hc_plan", type: "lookup", label: "Plan", reason: "r" }] };
  assert.throws(() => exportSolution(noTarget, options), /does not say which table/);
});
