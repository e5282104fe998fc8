import assert from "node:assert/strict";
import { test } from "node:test";
import type { FieldRow, MappingFile } from "../../../config/mapping-file.js";
import { dataverseTemplate } from "../templates/dataverse.js";
import { applySuggestions } from "./apply-suggestions.js";
import type { AssistRequest } from "./match-assistant.js";

const row = (column: string, model: string | null, confidence: number): FieldRow =>
  ({ source: `patients.${column}`, model, target: "contact.x", confidence, reasons: ["matcher"], status: "proposed", phi: true });
const mapping: MappingFile = {
  version: 1, source: "clinic", target: "dataverse", objects: [{ source: "patients", model: "patient", target: "contact", key: ["ID"] }],
  fields: [row("ID", "patient.sourceId", 0.99), row("Rx Shop", "patient.customProperties.Rx Shop", 0.8), row("Tier", "patient.customProperties.Tier", 0.8), row("Pharm", "patient.customProperties.Pharm", 0.8), row("Kind", "patient.status", 0.6)],
  rules: [],
};
const column = (name: string) => ({ column: name, inferredType: "values look like short codes", matcherProposal: "custom property", matcherConfidence: 0.8, alternatives: [] });
const request: AssistRequest = {
  table: "patients", object: { name: "patient", description: "" },
  candidates: ["patient.preferredPharmacy", "patient.status", "patient.language"].map((field) => ({ field, type: "text", description: "" })),
  columns: ["Rx Shop", "Tier", "Pharm", "Kind"].map(column),
};
const options = { assistant: "m1", cap: 0.7, sampled: new Set<string>(), template: dataverseTemplate() };

test("a differing suggestion becomes the proposal at a capped confidence; an agreeing one adds a reason", () => {
  const { mapping: out, applied, ignored } = applySuggestions(mapping, request, [
    { column: "Rx Shop", field: "patient.preferredPharmacy", confidence: 0.95, reason: "  shops\nthat fill prescriptions " },
    { column: "Tier", field: null, confidence: 0.9 },
  ], options);
  const rx = out.fields[1]!;
  assert.deepEqual([rx.model, rx.target, rx.phi, rx.confidence, rx.status], ["patient.preferredPharmacy", "contact.hc_preferredpharmacy", false, 0.7, "proposed"]);
  assert.deepEqual(rx.reasons, ["suggested by m1 (language model; its confidence is capped at 0.7): shops that fill prescriptions", "the matcher alone proposed patient.customProperties.Rx Shop (0.8)"]);
  assert.deepEqual(out.fields[2]!.reasons, ["matcher", "m1 (language model) agrees"]);
  assert.equal(ignored, 0);
  assert.deepEqual(applied.map((a) => a.agreed), [false, true]);
});

test("suggestions outside the request, for a field another column keeps, or a second column for one field are ignored", () => {
  const { mapping: out, ignored } = applySuggestions(mapping, request, [
    { column: "ID", field: "patient.language", confidence: 0.9 }, // not asked
    { column: "Tier", field: "patient.mrn", confidence: 0.9 }, // not offered
    { column: "Rx Shop", field: "patient.status", confidence: 0.9 }, // Kind keeps it (no suggestion for Kind)
    { column: "Pharm", field: "patient.preferredPharmacy", confidence: 0.6 },
    { column: "Pharm", field: "patient.language", confidence: 0.8 }, // a second suggestion for Pharm
  ], options);
  assert.equal(ignored, 4);
  assert.equal(out.fields[0]!.model, "patient.sourceId");
  assert.equal(out.fields[1]!.model, "patient.customProperties.Rx Shop");
  assert.equal(out.fields[2]!.model, "patient.customProperties.Tier");
  assert.equal(out.fields[3]!.model, "patient.preferredPharmacy");
  assert.equal(out.fields[4]!.model, "patient.status");
});

test("the assistant's words about a column whose values it saw are not kept", () => {
  const { mapping: out } = applySuggestions(mapping, request, [{ column: "Rx Shop", field: "patient.preferredPharmacy", confidence: 0.9, reason: "values like Pharmaco-Eastgate" }], { ...options, sampled: new Set(["patients.Rx Shop"]) });
  assert.equal(out.fields[1]!.reasons[0], "suggested by m1 (language model; its confidence is capped at 0.7)");
});

test("of two columns suggested one field, the surer suggestion keeps it", () => {
  const { mapping: out, ignored } = applySuggestions(mapping, request, [
    { column: "Pharm", field: "patient.preferredPharmacy", confidence: 0.6 },
    { column: "Rx Shop", field: "patient.preferredPharmacy", confidence: 0.8 },
  ], options);
  assert.equal(ignored, 1);
  assert.equal(out.fields[1]!.model, "patient.preferredPharmacy");
  assert.equal(out.fields[3]!.model, "patient.customProperties.Pharm");
});
