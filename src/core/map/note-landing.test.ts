import assert from "node:assert/strict";
import { test } from "node:test";
import type { MappingFile } from "../../config/mapping-file.js";
import { model } from "../../model/index.js";
import { compileMap } from "../transform/compile-map.js";
import { rowLanding } from "./row-landing.js";
import { targetFor } from "./target-for.js";
import { dataverseTemplate } from "./templates/dataverse.js";
import { salesforceTemplate } from "./templates/salesforce.js";

const mapping = (target: string): MappingFile => ({
  version: 1, source: "test", target: "t",
  objects: [{ source: "notes", model: "clinicalNote", target: "x", key: ["id"] }],
  fields: [{ source: "notes.Locked", model: "clinicalNote.customProperties.Locked", target, confidence: 0.9, reasons: [], status: "confirmed", phi: true }],
  rules: [],
});

test("a note's custom property lands in a custom column of the note table on Dataverse", () => {
  const route = compileMap(mapping("annotation.hc_locked"), dataverseTemplate()).tables.get("notes")?.routes[0];
  assert.deepEqual(route?.landing, { kind: "column", column: "hc_locked" });
});

test("on a note table that takes no custom fields the row says why and nothing is written", () => {
  const sf = salesforceTemplate();
  const target = `(not written) ${sf.objects.clinicalNote!.noCustomColumns}`;
  const route = compileMap(mapping(target), sf).tables.get("notes")?.routes[0];
  assert.deepEqual(route?.landing, { kind: "none", reason: "ContentNote takes no custom fields" });
  // A model field the template has no landing for gets the same answer, not a planned column.
  const withoutTitle = { ...sf, fields: Object.fromEntries(Object.entries(sf.fields).filter(([k]) => k !== "clinicalNote.title")) };
  assert.equal(targetFor("clinicalNote.title", model.clinicalNote!, withoutTitle), "(not written) ContentNote takes no custom fields");
  assert.equal(targetFor("clinicalNote.title", model.clinicalNote!, dataverseTemplate()), "annotation.subject");
  // A person's (or the dictionary's) choice of a custom property lands the same way as the map's.
  assert.equal(rowLanding("clinicalNote.customProperties", "Visit Type", sf)?.target, "(not written) ContentNote takes no custom fields");
  assert.equal(rowLanding("document.customProperties", "Visit Type", sf)?.target, `(not written) ${sf.objects.document!.noCustomColumns}`);
});
