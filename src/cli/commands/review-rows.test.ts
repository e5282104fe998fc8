import assert from "node:assert/strict";
import { test } from "node:test";
import type { MappingFile, ValueRow } from "../../config/mapping-file.js";
import type { Output } from "../output.js";
import { dataverseTemplate } from "../../core/map/templates/dataverse.js";
import { auditRowChanges, describeValue, reviewValues } from "./review-rows.js";

const value = (v: string, code: string | null, confidence: number, phi = false): ValueRow =>
  ({ source: "clients.Gender", value: v, model: "patient.sex", code, target: null, count: 3, confidence, reasons: ["why"], status: "proposed", phi });
const gender = { source: "clients.Gender", model: "patient.sex", target: "contact.gendercode", confidence: 0.99, reasons: [], status: "confirmed" as const, phi: false };
const mapping = (values: ValueRow[]): MappingFile => ({ version: 1, source: "x", target: "dataverse", objects: [], fields: [gender], rules: [], values });
function script(answers: string[]): { ask: (p: string) => Promise<string>; prompts: string[]; out: Output; notes: string[] } {
  const prompts: string[] = [];
  const notes: string[] = [];
  const out = { line: () => {}, note: (t: string) => notes.push(t), result: () => {} } as unknown as Output;
  return { ask: async (p) => { prompts.push(p); return answers.shift() ?? "q"; }, prompts, out, notes };
}

test("value rows are walked lowest confidence first: accept, change a code (checked against the vocabulary), accept all above the threshold", async () => {
  const start = mapping([value("Female", "female", 0.99), value("Fem", "female", 0.7), value("??", null, 0.6), value("X", "other", 0.9)]);
  const s = script(["c", "unknown", "c", "woman", "A"]);
  const { mapping: after, quit } = await reviewValues(s.ask, s.out, start, 0.8, false, "reviewer@clinic.example", dataverseTemplate());
  assert.equal(quit, false);
  assert.deepEqual(s.notes.filter((n) => n.includes("clients.Gender")).map((n) => /value '([^']+)'/.exec(n)?.[1]), ["??", "Fem", "X"], "lowest first; A at X decided the rest");
  const by = new Map(after.values!.map((v) => [v.value, v]));
  assert.deepEqual([by.get("??")?.code, by.get("??")?.status], ["unknown", "confirmed"]);
  assert.equal(by.get("??")?.target, "(not written) contact.gendercode has no option for 'unknown'", "the target follows the new code");
  assert.ok(by.get("??")?.reasons.includes("changed by reviewer@clinic.example"));
  assert.equal(by.get("Fem")?.status, "proposed", "'woman' is not a sex code: left undecided");
  assert.ok(s.notes.some((n) => n.includes("is not one of patient.sex's codes")));
  assert.deepEqual([by.get("Female")?.status, by.get("X")?.status], ["confirmed", "confirmed"]);
});

test("a PHI field's values are masked unless asked, and the audit never holds a value", () => {
  const row = value("Maria Lopez", "other", 0.9, true);
  assert.ok(!describeValue(row, false).includes("Maria") && describeValue(row, false).includes("••"));
  assert.ok(describeValue(row, true).includes("Maria Lopez"));
  const entries = auditRowChanges(mapping([row]), mapping([{ ...row, status: "confirmed" }]), "me");
  assert.equal(entries.length, 1);
  assert.ok(!JSON.stringify(entries).includes("Maria"));
  assert.match(entries[0]!.sourceKey ?? "", /^clients\.Gender value #[0-9a-f]{12}$/);
});
