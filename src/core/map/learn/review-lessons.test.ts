import assert from "node:assert/strict";
import { test } from "node:test";
import type { FieldRow, MappingFile } from "../../../config/mapping-file.js";
import { emptyDictionary } from "./dictionary.js";
import { addLessons, reviewLessons } from "./review-lessons.js";

const row = (source: string, model: string | null, status: FieldRow["status"] = "proposed"): FieldRow =>
  ({ source, model, target: null, confidence: 0.9, reasons: [], status, phi: false });
const mapping = (fields: FieldRow[]): MappingFile =>
  ({ version: 1, source: "visual-practice", target: "dataverse", objects: [{ source: "patients", model: "patient", target: "contact", key: ["PatientID"] }], fields, rules: [] });
const context = { by: "ana@clinic.example", at: "2025-03-02T10:00:00.000Z", migration: "north" };

test("a review teaches every row it decided: the proposal seen and the outcome chosen", () => {
  const before = mapping([
    row("patients.DOB", "patient.birthDate"),
    row("patients.Custom_Flag", "patient.customProperties.Custom_Flag"),
    row("patients.Chart_No", "patient.customProperties.Chart_No"),
    row("patients.Parking", "patient.customProperties.Parking"),
    row("patients.Other", "patient.firstName"),
    row("patients.Later", "patient.lastName"),
    row("patients.Already", "patient.city", "confirmed"),
  ]);
  const after = mapping([
    row("patients.DOB", "patient.birthDate", "confirmed"),
    row("patients.Custom_Flag", "patient.customProperties.Custom_Flag", "confirmed"),
    row("patients.Chart_No", "patient.mrn", "confirmed"),
    row("patients.Parking", "patient.customProperties.Parking", "rejected"),
    row("patients.Other", "staff.npi", "confirmed"), // another object's field: the load can't route it; not remembered
    row("patients.Later", "patient.lastName"), // skipped
    row("patients.Already", "patient.city", "confirmed"),
  ]);
  const lessons = reviewLessons(before, after, context);
  assert.deepEqual(lessons.map((l) => [l.key.column, l.decision.proposed, l.decision.outcome]), [
    ["dob", "patient.birthDate", "patient.birthDate"],
    ["custom flag", "custom", "custom"],
    ["chart no", "custom", "patient.mrn"],
    ["parking", "custom", "rejected"],
  ]);
  assert.deepEqual(lessons[2]!.key, { vendor: "visual-practice", object: "patient", column: "chart no" });
  assert.equal(lessons[2]!.decision.source, "patients.Chart_No");

  const once = addLessons(emptyDictionary, lessons);
  const twice = addLessons(once, lessons);
  assert.equal(once.entries.length, 4);
  assert.deepEqual(twice, once, "the same decision is remembered once");
});
