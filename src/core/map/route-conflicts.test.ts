import assert from "node:assert/strict";
import { test } from "node:test";
import type { ColumnRuleRow, FieldRow, MappingFile } from "../../config/mapping-file.js";
import { routeConflicts } from "./route-conflicts.js";

const field = (source: string, model: string | null, target: string | null, status: FieldRow["status"] = "confirmed"): FieldRow =>
  ({ source, model, target, confidence: 0.9, reasons: [], status, phi: false });
const split: ColumnRuleRow = {
  id: "clients:split-name:Full Name", kind: "split-name", sources: ["clients.Full Name"], model: ["patient.firstName", "patient.lastName"],
  targets: ["contact.firstname", "contact.lastname"], confidence: 0.95, reasons: [], status: "confirmed", phi: true,
};
const mapping = (fields: FieldRow[], columnRules: ColumnRuleRow[] = []): MappingFile =>
  ({ version: 1, source: "t", target: "t", objects: [], fields, rules: [], ...(columnRules.length ? { columnRules } : {}) });

test("two confirmed columns of one table writing one field, or one column, conflict; rule outputs count", () => {
  assert.deepEqual(routeConflicts(mapping([field("clients.Surname", "patient.lastName", "contact.lastname")], [split])).map((c) => [c.what, c.first, c.second]), [
    ["patient.lastName", "clients.Surname", "clients.Full Name"], ["contact.lastname", "clients.Surname", "clients.Full Name"],
  ]);
  assert.deepEqual(routeConflicts(mapping([field("clients.Parking", "patient.customProperties.Parking", "contact.hc_parking"), field("clients.parking", "patient.customProperties.parking", "contact.hc_parking")])).map((c) => c.what), ["contact.hc_parking"]);
});

test("rejected or proposed rows, unwritten targets and the same column in another table don't conflict", () => {
  assert.deepEqual(routeConflicts(mapping([field("clients.Surname", "patient.lastName", "contact.lastname", "rejected")], [split])), []);
  assert.deepEqual(routeConflicts(mapping([field("notes.Type", "clinicalNote.customProperties.Type", "annotation.hc_type"), field("docs.Type", "document.customProperties.Type", "annotation.hc_type")])), []);
  assert.deepEqual(routeConflicts(mapping([field("a.x", "clinicalNote.author", "(not written) notes take the migration's identity"), field("a.y", "clinicalNote.appointment", "(not written) the note sits on the contact")])), []);
});
