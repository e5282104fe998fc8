import assert from "node:assert/strict";
import { test } from "node:test";
import type { FieldRow, MappingFile } from "../../../config/mapping-file.js";
import { dataverseTemplate } from "../templates/dataverse.js";
import { applyDictionary } from "./apply-dictionary.js";
import type { Decision, Dictionary } from "./dictionary.js";

const template = dataverseTemplate();
const row = (source: string, model: string | null, confidence: number, phi = false): FieldRow =>
  ({ source, model, target: "contact.x", confidence, reasons: ["matcher reason"], status: "proposed", phi });
const mapping = (table: string, fields: FieldRow[], source = "visual-practice"): MappingFile =>
  ({ version: 1, source, target: "dataverse", objects: [{ source: table, model: "patient", target: "contact", key: ["PatientID"] }], fields, rules: [] });
const decided = (outcome: string, at: string, proposed = "custom"): Decision =>
  ({ outcome, proposed, source: "patients.ChartNo", by: "ana@clinic.example", at: `${at}T10:00:00.000Z`, migration: "north" });
const dictionary = (...entries: [string, Decision[]][]): Dictionary =>
  ({ version: 1, entries: entries.map(([column, decisions]) => ({ vendor: "visual-practice", object: "patient", column, decisions })) });

test("a learned decision applies to the same column of a differently named table holding the same object", () => {
  const m = mapping("Patient List", [row("Patient List.Chart_No", "patient.customProperties.Chart_No", 0.9, true)]);
  const { mapping: out, learned } = applyDictionary(m, dictionary(["chart no", [decided("patient.mrn", "2025-03-02")]]), template);
  const r = out.fields[0]!;
  assert.equal(r.model, "patient.mrn");
  assert.equal(r.target, "contact.hc_mrn");
  assert.equal(r.phi, true);
  assert.equal(r.status, "proposed", "learning never confirms");
  assert.equal(r.confidence, 0.75);
  assert.deepEqual(r.reasons, ["changed to patient.mrn by ana@clinic.example in migration north on 2025-03-02", "the matcher alone proposed patient.customProperties.Chart_No (0.9)"]);
  assert.deepEqual(learned, [{ source: "Patient List.Chart_No", model: "patient.mrn", confidence: 0.75, agreed: false }]);
});

test("another vendor's decisions, and decided rows, are left alone", () => {
  const dict = dictionary(["chart no", [decided("patient.mrn", "2025-03-02")]]);
  assert.equal(applyDictionary(mapping("patients", [row("patients.ChartNo", null, 0.9)], "core-practice"), dict, template).learned.length, 0);
  const confirmed = { ...row("patients.ChartNo", "patient.customProperties.ChartNo", 0.9), status: "confirmed" as const };
  assert.equal(applyDictionary(mapping("patients", [confirmed]), dict, template).mapping.fields[0], confirmed);
});

test("a column the matcher gave the learned field becomes a custom property, never dropped", () => {
  const m = mapping("patients", [row("patients.ChartNo", "patient.customProperties.ChartNo", 0.9, true), row("patients.RecordNo", "patient.mrn", 0.7, true)]);
  const out = applyDictionary(m, dictionary(["chart no", [decided("patient.mrn", "2025-03-02")]]), template).mapping.fields;
  assert.equal(out[0]!.model, "patient.mrn");
  assert.equal(out[1]!.model, "patient.customProperties.RecordNo");
  assert.equal(out[1]!.target, "contact.hc_recordno");
  assert.equal(out[1]!.confidence, 0.5);
  assert.match(out[1]!.reasons[0]!, /^patient\.mrn went to column 'ChartNo', as people decided in earlier migrations$/);
});

test("of two columns that learned the same field, the newer decision keeps it", () => {
  const m = mapping("patients", [row("patients.ChartNo", null, 0.9), row("patients.RecordNo", null, 0.9)]);
  const dict = dictionary(["chart no", [decided("patient.mrn", "2025-01-01")]], ["record no", [decided("patient.mrn", "2025-05-01")]]);
  const out = applyDictionary(m, dict, template).mapping.fields;
  assert.equal(out[1]!.model, "patient.mrn");
  assert.equal(out[0]!.model, null, "the older claim leaves the matcher's proposal");
  assert.match(out[0]!.reasons[0]!, /holds it by a newer decision/);
});

test("agreeing with the matcher keeps its confidence and reasons; a rejection proposes leaving the column out", () => {
  const m = mapping("patients", [row("patients.DOB", "patient.birthDate", 0.99, true), row("patients.Parking", "patient.customProperties.Parking", 0.93, true)]);
  const dict = dictionary(["dob", [decided("patient.birthDate", "2025-01-01", "patient.birthDate")]], ["parking", [decided("rejected", "2025-01-01")]]);
  const [dob, parking] = applyDictionary(m, dict, template).mapping.fields;
  assert.equal(dob!.confidence, 0.99);
  assert.deepEqual(dob!.reasons.slice(1), ["matcher reason"]);
  assert.equal(parking!.model, null);
  assert.equal(parking!.target, null);
  assert.ok(parking!.reasons.includes("accept to leave this column out of the migration"));
});
