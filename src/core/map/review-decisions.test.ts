import assert from "node:assert/strict";
import { test } from "node:test";
import type { MappingFile } from "../../config/mapping-file.js";
import { decide, reviewQueue } from "./review-decisions.js";

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
