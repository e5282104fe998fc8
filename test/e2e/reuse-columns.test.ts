import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { parse } from "yaml";
import { startDataverseSandbox } from "../../sandbox/dataverse/index.js";
import { generateFhirExport } from "../../sandbox/fhir/index.js";
import { startHarness } from "../../sandbox/salesforce/test-helpers.js";
import { salesforceUsers } from "../../src/cli/commands/demo-target.js";
import type { MappingFile } from "../../src/config/mapping-file.js";
import { cliJson, runCli } from "./cli.js";

delete process.env.http_proxy;

const users = [{ internalemailaddress: "crm.admin@example.com", fullname: "CRM Admin", firstname: "CRM", lastname: "Admin", isdisabled: false }];
const label = (text: string) => ({ LocalizedLabels: [{ Label: text, LanguageCode: 1033 }] });

test("map's second hop reuses the org's own MRN column: the plan adds no hc_mrn, the run writes the org's column and verify reads it back", async () => {
  const root = mkdtempSync(join(tmpdir(), "handover-reuse-"));
  await generateFhirExport({ patients: 25, seed: 4, outDir: join(root, "export") });
  const sandbox = await startDataverseSandbox({ port: 0, users });
  const api = (path: string, init: RequestInit = {}) =>
    fetch(new URL(`/api/data/v9.2/${path}`, sandbox.url), { ...init, headers: { authorization: "Bearer org-admin", "content-type": "application/json", accept: "application/json" } });
  try {
    // The org made its own column before Handover came, through the metadata API, as admins do.
    const created = await api("EntityDefinitions(LogicalName='contact')/Attributes", {
      method: "POST",
      body: JSON.stringify({
        "@odata.type": "Microsoft.Dynamics.CRM.StringAttributeMetadata", SchemaName: "new_MedicalRecordNumber", AttributeType: "String",
        AttributeTypeName: { Value: "StringType" }, MaxLength: 100, FormatName: { Value: "Text" }, RequiredLevel: { Value: "None" },
        DisplayName: label("Medical Record Number"), Description: label("The chart number printed on the patient's records"),
      }),
    });
    assert.equal(created.status, 204, await created.text());

    const ws = join(root, "ws");
    await cliJson(["init", ws, "--source", "fhir", "--export", join(root, "export"), "--url", sandbox.url, "--fallback-owner", "crm.admin@example.com"]);
    await cliJson(["-w", ws, "discover"]);
    const mapped = await runCli(["-w", ws, "map"]);
    assert.equal(mapped.code, 0, mapped.stderr);
    assert.match(mapped.stdout, /Reusing 1 of the org's existing column\(s\) instead of adding new ones: contact\.new_medicalrecordnumber/);
    const mapping = parse(readFileSync(join(ws, "mapping.yaml"), "utf8")) as MappingFile;
    const mrn = mapping.fields.find((f) => f.model === "patient.mrn");
    assert.ok(mrn, "the source's MRN column maps to patient.mrn");
    assert.equal(mrn.target, "contact.new_medicalrecordnumber");
    assert.equal(mrn.status, "proposed", "a reuse is a proposal, confirmed like any row");
    assert.ok(mrn.reasons.some((r) => r.startsWith("the org already has new_medicalrecordnumber ('Medical Record Number') for mrn: reuses it instead of adding contact.hc_mrn")), mrn.reasons.join(" | "));
    assert.ok(mrn.confidence >= 0.8, `confidence ${mrn.confidence}`);
    // Other fields the template has no column for still get new ones.
    assert.equal(mapping.fields.find((f) => f.model === "patient.ssn")?.target, "contact.hc_ssn");

    await cliJson(["-w", ws, "map", "review", "--accept-above", "0.8", "--reject-below", "0.8", "--confirm-rules"]);
    const plan = await cliJson<{ plan: { schema: { columns: { table: string; name: string }[] } } }>(["-w", ws, "plan"]);
    const planned = plan.plan.schema.columns.map((c) => `${c.table}.${c.name}`);
    assert.ok(!planned.includes("contact.hc_mrn") && !planned.includes("contact.new_medicalrecordnumber"), planned.join(", "));
    assert.ok(planned.includes("contact.hc_ssn"), "a field with no org column still gets one");
    await cliJson(["-w", ws, "schema", "apply"]);
    const run = await cliJson<{ verify: { mismatches: number; missingRows: number; fieldsChecked: number; reconciliation: { unexplained: number } } }>(["-w", ws, "run"]);
    assert.equal(run.verify.mismatches, 0);
    assert.equal(run.verify.missingRows, 0);
    assert.equal(run.verify.reconciliation.unexplained, 0);

    const contacts = ((await (await api("contacts?$select=new_medicalrecordnumber&$filter=hc_sourcekey%20ne%20null")).json()) as { value: Record<string, unknown>[] }).value;
    // Verify compared every value with the source (0 mismatches); here: they sit in the org's column.
    const withMrn = contacts.filter((c) => typeof c.new_medicalrecordnumber === "string" && /^MRN\d+$/.test(c.new_medicalrecordnumber));
    assert.ok(withMrn.length >= 20, `${withMrn.length} contacts have an MRN in the org's column`);
    const attributes = ((await (await api("EntityDefinitions(LogicalName='contact')/Attributes?$select=LogicalName")).json()) as { value: { LogicalName: string }[] }).value;
    assert.ok(!attributes.some((a) => a.LogicalName === "hc_mrn"), "no duplicate MRN column was created");

    // The review's decisions are remembered (dictionary.yaml); proposing the map again applies them
    // first and the second hop after, so the learned row still goes to the org's column.
    await cliJson(["-w", ws, "map", "--force"]);
    const again = parse(readFileSync(join(ws, "mapping.yaml"), "utf8")) as MappingFile;
    const learned = again.fields.find((f) => f.model === "patient.mrn")!;
    assert.ok(learned.reasons.some((r) => /confirmed as patient\.mrn/.test(r)), learned.reasons.join(" | "));
    assert.equal(learned.target, "contact.new_medicalrecordnumber");
  } finally {
    await sandbox.close();
  }
});

test("on Salesforce, the org's own MRN__c takes patient.mrn: no Mrn__c is planned, the run fills MRN__c and verify reads it back", async () => {
  const root = mkdtempSync(join(tmpdir(), "handover-reuse-sf-"));
  await generateFhirExport({ patients: 25, seed: 4, outDir: join(root, "export") });
  const h = await startHarness({ users: salesforceUsers(users), auditFieldsGranted: true });
  try {
    await h.conn.tooling.sobject("CustomField").create({ FullName: "Contact.MRN__c", Metadata: { type: "Text", length: 40, label: "MRN" } });
    const ws = join(root, "ws");
    await cliJson(["init", ws, "--source", "fhir", "--target", "salesforce", "--export", join(root, "export"), "--url", h.sandbox.url, "--fallback-owner", "crm.admin@example.com"]);
    await cliJson(["-w", ws, "discover"]);
    await cliJson(["-w", ws, "map"]);
    const mapping = parse(readFileSync(join(ws, "mapping.yaml"), "utf8")) as MappingFile;
    const mrn = mapping.fields.find((f) => f.model === "patient.mrn");
    assert.equal(mrn?.target, "Contact.MRN__c");
    assert.ok(mrn?.reasons.some((r) => r.startsWith("the org already has MRN__c ('MRN') for mrn: reuses it instead of adding Contact.Mrn__c")), mrn?.reasons.join(" | "));
    await cliJson(["-w", ws, "map", "review", "--accept-above", "0.8", "--reject-below", "0.8", "--confirm-rules"]);
    const plan = await cliJson<{ plan: { schema: { columns: { table: string; name: string }[] } } }>(["-w", ws, "plan"]);
    const planned = plan.plan.schema.columns.map((c) => `${c.table}.${c.name}`.toLowerCase());
    assert.ok(!planned.includes("contact.mrn__c"), planned.join(", "));
    await cliJson(["-w", ws, "schema", "apply"]);
    const run = await cliJson<{ verify: { mismatches: number; missingRows: number; reconciliation: { unexplained: number } } }>(["-w", ws, "run"]);
    assert.equal(run.verify.mismatches, 0);
    assert.equal(run.verify.missingRows, 0);
    assert.equal(run.verify.reconciliation.unexplained, 0);
    const contacts = (await h.conn.query<{ MRN__c: string | null }>("SELECT MRN__c FROM Contact WHERE Handover_Source_Key__c != null")).records;
    assert.ok(contacts.filter((c) => typeof c.MRN__c === "string" && /^MRN\d+$/.test(c.MRN__c)).length >= 20, "the MRNs sit in the org's MRN__c");
  } finally {
    await h.close();
  }
});
