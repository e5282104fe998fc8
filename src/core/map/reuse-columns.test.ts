import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { FieldRow } from "../../config/mapping-file.js";
import type { TargetColumn, TargetTable } from "../../contracts/target.js";
import { reuseExistingColumns } from "./reuse-columns.js";
import { dataverseTemplate } from "./templates/dataverse.js";
import { salesforceTemplate } from "./templates/salesforce.js";

const row = (source: string, model: string, target: string, confidence = 0.97): FieldRow =>
  ({ source, model, target, confidence, reasons: ["name matches"], status: "proposed", phi: true });
const column = (name: string, extra: Partial<TargetColumn> = {}): TargetColumn =>
  ({ name, type: "string", required: false, custom: true, validForCreate: true, validForUpdate: true, ...extra });
const table = (name: string, columns: TargetColumn[]): TargetTable => ({ name, primaryId: `${name}id`, primaryName: "fullname", columns, keys: [] });

describe("reuseExistingColumns (map's second hop)", () => {
  const dataverse = dataverseTemplate();
  const rows = [
    row("patients.ChartNo", "patient.mrn", "contact.hc_mrn"),
    row("patients.SSN", "patient.ssn", "contact.hc_ssn"),
    row("patients.DOB", "patient.birthDate", "contact.birthdate"),
    row("patients.Custom_Parking", "patient.customProperties.Custom_Parking", "contact.hc_customparking", 0.9),
  ];

  it("sends a model field the template would add a column for to the org's own column with that meaning, and says so", () => {
    const existing = { tables: [table("contact", [column("birthdate", { custom: false, type: "date" }), column("new_medicalrecordnumber", { label: "Medical Record Number" }), column("new_favouritecolour", { label: "Favourite Colour" })])] };
    const out = reuseExistingColumns(rows, dataverse, existing);
    const mrn = out.find((r) => r.model === "patient.mrn")!;
    assert.equal(mrn.target, "contact.new_medicalrecordnumber");
    assert.equal(mrn.status, "proposed");
    assert.ok(mrn.confidence >= 0.8 && mrn.confidence <= 0.97);
    assert.match(mrn.reasons.at(-1)!, /^the org already has new_medicalrecordnumber \('Medical Record Number'\) for mrn: reuses it instead of adding contact\.hc_mrn \(name 'Medical Record Number' matches synonym 'medical record number' of mrn/);
    // Everything else as it was: no fitting column for ssn, standard landings and custom properties untouched.
    assert.deepEqual(out.filter((r) => r.model !== "patient.mrn"), rows.filter((r) => r.model !== "patient.mrn"));
  });

  it("reads the name when there is no label, and leaves alone columns that are ours, standard, read-only or unlike any field", () => {
    const existing = { tables: [table("contact", [
      column("new_socialsecuritynumber"),
      column("hc_mrn", { label: "Medical Record Number" }),
      column("mrn_readonly", { label: "MRN", validForUpdate: false }),
      column("new_notes", { label: "Notes", type: "memo" }),
    ])] };
    const out = reuseExistingColumns(rows, dataverse, existing);
    assert.equal(out.find((r) => r.model === "patient.ssn")?.target, "contact.new_socialsecuritynumber");
    assert.equal(out.find((r) => r.model === "patient.mrn")?.target, "contact.hc_mrn", "hc_mrn is the column we would add anyway: no reuse reason");
    assert.equal(out.find((r) => r.model === "patient.mrn")?.reasons.length, 1);
  });

  it("reuses a Salesforce org's MRN__c for patient.mrn", () => {
    const existing = { tables: [table("Contact", [column("MRN__c", { label: "MRN" }), column("Handover_Source_Key__c", { label: "Handover Source Key" })])] };
    const out = reuseExistingColumns([row("patients.ChartNo", "patient.mrn", "Contact.Mrn__c")], salesforceTemplate(), existing);
    assert.equal(out[0]?.target, "Contact.MRN__c");
    assert.match(out[0]?.reasons.at(-1) ?? "", /^the org already has MRN__c \('MRN'\) for mrn: reuses it instead of adding Contact\.Mrn__c/);
  });

  it("proposes nothing when the org's tables are not described", () => {
    assert.deepEqual(reuseExistingColumns(rows, dataverse, { tables: [] }), rows);
  });
});
