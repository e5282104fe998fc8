import assert from "node:assert/strict";
import { test } from "node:test";
import type { MappingFile } from "../../config/mapping-file.js";
import { columnRuleQueue, decide, reviewQueue, valueQueue } from "./review-decisions.js";

const row = (source: string, confidence: number, status: "proposed" | "confirmed" | "rejected" = "proposed") =>
  ({ source, model: "patient.firstName", target: "contact.firstname", confidence, reasons: [], status, phi: true });
const mapping: MappingFile = {
  version: 1, source: "vp", target: "dataverse", objects: [],
  fields: [row("t.a", 0.95), row("t.b", 0.5), row("t.c", 0.3, "confirmed")],
  rules: [{ id: "fallback-owner", description: "", value: null, status: "proposed" }, { id: "x", description: "", value: "v", status: "proposed" }],
};

test("bulk decisions confirm above the threshold, reject below, and never touch decided rows", () => {
  const d = decide(mapping, { acceptAbove: 0.8, rejectBelow: 0.8, confirmRules: true });
  assert.deepEqual(d.fields.map((f) => f.status), ["confirmed", "rejected", "confirmed"]);
  assert.deepEqual(d.rules.map((r) => r.status), ["rejected", "confirmed"], "a rule with no value can only be rejected");
});

test("the review queue shows the least certain proposals first", () => {
  assert.deepEqual(reviewQueue(mapping).map((f) => f.source), ["t.b", "t.a"]);
});

test("bulk decisions cover column rules and value rows; value rows of a rejected column go", () => {
  const value = (source: string, v: string, code: string | null, confidence: number) =>
    ({ source, value: v, model: "patient.sex", code, target: null, count: 1, confidence, reasons: [], status: "proposed" as const, phi: false });
  const sexRow = { ...row("t.sex", 0.9), model: "patient.sex" };
  const lowRow = { ...row("t.g", 0.4), model: "patient.sex" };
  const rule = { id: "t:split-name:Name", kind: "split-name" as const, sources: ["t.Name"], model: ["patient.firstName"], targets: [null], confidence: 0.6, reasons: [], status: "proposed" as const, phi: true };
  const m: MappingFile = { ...mapping, fields: [sexRow, lowRow], columnRules: [rule], values: [value("t.sex", "F", "female", 0.9), value("t.sex", "?", null, 0.85), value("t.sex", "Fem", "female", 0.7), value("t.g", "M", "male", 0.9)] };
  assert.deepEqual(valueQueue(m).map((v) => v.value), ["Fem", "?", "F", "M"], "lowest confidence first");
  assert.equal(columnRuleQueue(m)[0]?.id, rule.id);
  const d = decide(m, { acceptAbove: 0.8, rejectBelow: 0.8 });
  assert.deepEqual(d.values?.map((v) => [v.value, v.status]), [["F", "confirmed"], ["?", "confirmed"], ["Fem", "rejected"]], "no-code rows confirm too; t.g's rows went with its column");
  assert.equal(d.columnRules?.[0]?.status, "rejected");
});
