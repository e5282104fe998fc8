import assert from "node:assert/strict";
import { test } from "node:test";
import type { Decision, Dictionary } from "./dictionary.js";
import { mergeDictionary } from "./merge-dictionary.js";

const d = (outcome: string, at: string, by = "ana@clinic.example"): Decision =>
  ({ outcome, proposed: "custom", source: "patients.ChartNo", by, at: `${at}T10:00:00.000Z`, migration: "north" });
const dict = (...entries: [string, Decision[]][]): Dictionary =>
  ({ version: 1, entries: entries.map(([column, decisions]) => ({ vendor: "visual-practice", object: "patient", column, decisions })) });

test("merging counts added, updated, conflicting and unchanged entries, and keeps every decision", () => {
  const local = dict(["chart no", [d("patient.mrn", "2025-05-01")]], ["dob", [d("patient.birthDate", "2025-01-01")]], ["notes", [d("custom", "2025-01-01")]]);
  const incoming = dict(
    ["chart no", [d("custom", "2025-02-01", "bo@clinic.example")]], // older and contrary
    ["dob", [d("patient.birthDate", "2025-03-01", "bo@clinic.example")]], // agrees
    ["notes", [d("custom", "2025-01-01")]], // already known
    ["parking", [d("rejected", "2025-01-01")]], // new
  );
  const { dictionary, report } = mergeDictionary(local, incoming);
  assert.deepEqual([report.added, report.updated, report.conflicting, report.unchanged], [1, 1, 1, 1]);
  assert.deepEqual(report.conflicts, [{ vendor: "visual-practice", object: "patient", column: "chart no", local: "patient.mrn", imported: "custom", proposes: "patient.mrn" }], "an older import never overrides a newer local decision");
  assert.equal(dictionary.entries.find((e) => e.column === "chart no")?.decisions.length, 2);
  assert.equal(dictionary.entries.find((e) => e.column === "notes")?.decisions.length, 1, "duplicates dropped");
  assert.deepEqual(dictionary.entries.map((e) => e.column), ["chart no", "dob", "notes", "parking"]);
});

test("a newer imported decision leads", () => {
  const { report } = mergeDictionary(dict(["chart no", [d("patient.mrn", "2025-01-01")]]), dict(["chart no", [d("custom", "2025-06-01")]]));
  assert.equal(report.conflicts[0]?.proposes, "custom");
});
