import assert from "node:assert/strict";
import { test } from "node:test";
import type { MappingFile } from "../../config/mapping-file.js";
import { dataverseTemplate } from "../map/templates/dataverse.js";
import { compileMap } from "./compile-map.js";
import { transformRecord, type TransformContext } from "./transform-record.js";

const f = (source: string, model: string, target: string) => ({ source, model, target, confidence: 0.9, reasons: [], status: "confirmed" as const, phi: true });
const mapping: MappingFile = {
  version: 1, source: "vp", target: "dataverse",
  objects: [{ source: "patients", model: "patient", target: "contact", key: ["PatientID"] }],
  fields: [
    f("patients.PatientID", "patient.sourceId", "(not written)"),
    f("patients.Last", "patient.lastName", "contact.lastname"),
    f("patients.Email", "patient.email", "contact.emailaddress1"),
    f("patients.DOB", "patient.birthDate", "contact.birthdate"),
    f("patients.Sex", "patient.sex", "contact.gendercode"),
    f("patients.Prov", "patient.primaryProvider", "contact.ownerid"),
    { ...f("patients.Notes", "patient.customProperties.Notes", "contact.hc_notes"), status: "rejected" as const },
  ],
  rules: [],
};
const ctx: TransformContext = {
  map: compileMap(mapping, dataverseTemplate()), prefix: "vp", primaryPractice: dataverseTemplate().primaryPractice, dateFormats: { "patients.DOB": "MM/DD/YYYY" },
  ownerFor: (id) => (id === "P1" ? { table: "systemuser", id: "u1" } : undefined),
  fallbackOwner: undefined,
  columnLimit: (_t, c) => (c === "lastname" ? 10 : undefined),
  derive: () => ({}),
};
const record = (values: Record<string, string>) => ({ table: "patients", key: "7", file: "patients.csv", row: 12, values });

test("a clean record becomes one contact row with typed values, an owner and a source key", () => {
  const r = transformRecord(record({ PatientID: "7", Last: "Nakamura", Email: "k@example.com", DOB: "02/03/1980", Sex: "F", Prov: "P1", Notes: "x" }), ctx);
  assert.equal(r.status, "ok");
  if (r.status !== "ok") return;
  assert.equal(r.planned.row.sourceKey, "vp:patients:7");
  assert.deepEqual(r.planned.row.fields, { lastname: "Nakamura", emailaddress1: "k@example.com", birthdate: "1980-02-03", gendercode: 2 });
  assert.deepEqual(r.planned.row.lookups, { ownerid: { table: "systemuser", id: "u1" } });
  assert.ok(!("hc_notes" in r.planned.row.fields), "a rejected map row is not migrated");
});

test("a bad email is left out and flagged with file, row and field — never the value", () => {
  const r = transformRecord(record({ PatientID: "7", Last: "Nakamura", Email: "kenji-at-example", DOB: "13/45/1980", Prov: "P1" }), ctx);
  assert.equal(r.status, "ok");
  if (r.status !== "ok") return;
  assert.ok(!("emailaddress1" in r.planned.row.fields) && !("birthdate" in r.planned.row.fields));
  assert.deepEqual(r.issues.map((i) => [i.code, i.severity, i.file, i.row, i.field]), [
    ["HO-TRN-001", "warning", "patients.csv", 12, "Email"], ["HO-TRN-001", "warning", "patients.csv", 12, "DOB"],
  ]);
  for (const i of r.issues) assert.ok(!i.message.includes("kenji") && !i.message.includes("13/45"));
});

test("a missing required value or an unresolvable owner rejects the record with its code", () => {
  const noName = transformRecord(record({ PatientID: "7", Last: " ", Prov: "P1" }), ctx);
  assert.equal(noName.status, "rejected");
  assert.equal(noName.status === "rejected" && noName.reason, "HO-TRN-002");
  const noOwner = transformRecord(record({ PatientID: "7", Last: "Nakamura", Prov: "P9" }), ctx);
  assert.equal(noOwner.status === "rejected" && noOwner.reason, "HO-TRN-004");
  assert.equal(noOwner.issues[0]?.field, "Prov");
});

test("a value longer than the target column is left out and flagged, not truncated", () => {
  const r = transformRecord(record({ PatientID: "7", Last: "Wolfeschlegelsteinhausen", Prov: "P1" }), ctx);
  assert.equal(r.status, "rejected", "lastName is required, so leaving it out rejects the record");
  const issue = r.issues.find((i) => i.code === "HO-TRN-006");
  assert.ok(issue && issue.message.includes("10") && !issue.message.includes("Wolfe"));
});
