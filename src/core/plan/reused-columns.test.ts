import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { FieldRow, MappingFile } from "../../config/mapping-file.js";
import { isHandoverError } from "../../contracts/handover-error.js";
import type { TargetCatalog } from "../../contracts/target.js";
import { dataverseTemplate } from "../map/templates/dataverse.js";
import { salesforceTemplate } from "../map/templates/salesforce.js";
import { checkReusedColumns } from "./reused-columns.js";

const row = (model: string, target: string, status: FieldRow["status"] = "confirmed"): FieldRow =>
  ({ source: "patients.ChartNo", model, target, confidence: 0.9, reasons: [], status, phi: true });
const mapping = (fields: FieldRow[]): MappingFile => ({ version: 1, source: "s", target: "dataverse", objects: [], fields, rules: [] });
const contact = (columns: string[]): TargetCatalog =>
  ({ tables: [{ name: "contact", primaryId: "contactid", primaryName: "fullname", keys: [], columns: columns.map((name) => ({ name, type: "string", required: false, custom: true, validForCreate: true, validForUpdate: true })) }] });

describe("checkReusedColumns", () => {
  const template = dataverseTemplate();
  it("passes while the org still has the column a confirmed row reuses", () => {
    assert.doesNotThrow(() => checkReusedColumns(mapping([row("patient.mrn", "contact.new_medicalrecordnumber")]), template, contact(["new_medicalrecordnumber"])));
  });
  it("stops the plan with HO-PLN-006 when the reused column is gone", () => {
    assert.throws(() => checkReusedColumns(mapping([row("patient.mrn", "contact.new_medicalrecordnumber")]), template, contact([])),
      (e: unknown) => isHandoverError(e) && e.code === "HO-PLN-006" && e.message.includes("patients.ChartNo") && e.message.includes("contact.new_medicalrecordnumber"));
  });
  it("ignores columns the plan creates, template landings and unconfirmed rows", () => {
    const rows = [row("patient.mrn", "contact.hc_mrn"), row("patient.birthDate", "contact.birthdate"), row("patient.ssn", "contact.new_ssn", "rejected")];
    assert.doesNotThrow(() => checkReusedColumns(mapping(rows), template, contact([])));
  });
  it("on Salesforce, where every custom field ends in __c, an org's Medical_Record_No__c that is gone still stops the plan; our own Mrn__c is planned", () => {
    const sf = salesforceTemplate();
    const account = (columns: string[]): TargetCatalog => ({ tables: [{ ...contact(columns).tables[0]!, name: "Contact" }] });
    assert.throws(() => checkReusedColumns(mapping([row("patient.mrn", "Contact.Medical_Record_No__c")]), sf, account([])), (e: unknown) => isHandoverError(e) && e.code === "HO-PLN-006");
    assert.doesNotThrow(() => checkReusedColumns(mapping([row("patient.mrn", `Contact.${sf.naming.column("mrn")}`)]), sf, account([])));
  });
});
