import assert from "node:assert/strict";
import { test } from "node:test";
import type { Decision, DictionaryEntry } from "./dictionary.js";
import { learnedVerdict } from "./learned-verdict.js";

const decision = (outcome: string, proposed: string, at: string, by = "ana@clinic.example"): Decision =>
  ({ outcome, proposed, source: "patients.ChartNo", by, at: `${at}T10:00:00.000Z`, migration: "north" });
const entry = (...decisions: Decision[]): DictionaryEntry => ({ vendor: "visual-practice", object: "patient", column: "chart no", decisions });

test("one correction proposes its outcome at 0.75, with who, where and when", () => {
  const v = learnedVerdict(entry(decision("patient.mrn", "custom", "2025-03-02")));
  assert.equal(v.outcome, "patient.mrn");
  assert.equal(v.confidence, 0.75);
  assert.deepEqual(v.reasons, ["changed to patient.mrn by ana@clinic.example in migration north on 2025-03-02"]);
});

test("agreement raises confidence; a correction says more than a confirmation", () => {
  assert.equal(learnedVerdict(entry(decision("patient.mrn", "patient.mrn", "2025-01-01"))).confidence, 0.667);
  assert.equal(learnedVerdict(entry(decision("patient.mrn", "custom", "2025-01-01"), decision("patient.mrn", "patient.mrn", "2025-02-01"))).confidence, 0.8);
  assert.equal(learnedVerdict(entry(decision("patient.mrn", "custom", "2025-01-01"), decision("patient.mrn", "custom", "2025-02-01"))).confidence, 0.833);
  const many = Array.from({ length: 16 }, (_, i) => decision("patient.mrn", "custom", `2025-01-${String(i + 10)}`));
  assert.equal(learnedVerdict(entry(...many)).confidence, 0.97, "never certainty");
});

test("the newest decision leads whatever the file order, and older contrary ones show as conflicts", () => {
  const v = learnedVerdict(entry(
    decision("custom", "patient.mrn", "2025-06-01", "bo@clinic.example"),
    decision("patient.mrn", "custom", "2025-01-01"),
    decision("patient.mrn", "patient.mrn", "2025-02-01"),
  ));
  assert.equal(v.outcome, "custom");
  assert.equal(v.confidence, 0.429, "weights 2 for (a correction), 3 against (a correction and a confirmation): (2 + 1) / (5 + 2)");
  assert.equal(v.reasons[0], "changed to a custom property by bo@clinic.example in migration north on 2025-06-01");
  assert.equal(v.reasons[1], "learned from 3 decisions: 1 for a custom property, 2 against");
  assert.deepEqual(v.reasons.slice(2), [
    "conflict: an older decision confirmed as patient.mrn by ana@clinic.example in migration north on 2025-02-01",
    "conflict: an older decision changed to patient.mrn by ana@clinic.example in migration north on 2025-01-01",
  ]);
});

test("a rejection reads as leaving the column out", () => {
  assert.match(learnedVerdict(entry(decision("rejected", "custom", "2025-03-02"))).reasons[0]!, /^rejected \(left out of the migration\) by/);
  assert.match(learnedVerdict(entry(decision("rejected", "rejected", "2025-03-02"))).reasons[0]!, /^confirmed as left out by/);
});
