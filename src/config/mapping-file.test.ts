import assert from "node:assert/strict";
import { test } from "node:test";
import { parse, stringify } from "yaml";
import { mappingFileSchema, mappingHash, undecided, type MappingFile } from "./mapping-file.js";

/** A version-1 mapping.yaml as written before value maps and column rules existed. */
const before = `version: 1
source: visual-practice
target: dataverse
objects:
  - source: patients
    model: patient
    target: contact
    key: [PatientID]
fields:
  - source: patients.Sex
    model: patient.sex
    target: contact.gendercode
    confidence: 0.95
    reasons: [name 'Sex' matches field sex]
    status: confirmed
    phi: false
rules:
  - id: fallback-owner
    description: Records whose provider has no active CRM user are owned by this CRM user.
    value: crm.admin@example.com
    status: confirmed
`;

test("a version-1 file without values or column rules loads unchanged: same content, same hash, still decided", () => {
  const raw = parse(before) as MappingFile;
  const loaded = mappingFileSchema.parse(raw);
  assert.ok(!("values" in loaded) && !("columnRules" in loaded), "no section is added by default");
  assert.equal(mappingHash(loaded), mappingHash(raw), "a map confirmed before the sections existed stays confirmed");
  assert.equal(undecided(loaded), 0);
});

test("value rows and column rules are counted as undecided and change the hash", () => {
  const loaded = mappingFileSchema.parse(parse(before));
  const value = { source: "patients.Sex", value: "F", model: "patient.sex", code: "female", target: "contact.gendercode = 2", count: 12, confidence: 0.9, reasons: [], status: "proposed" as const, phi: false };
  const rule = { id: "patients:split-name:Name", kind: "split-name" as const, sources: ["patients.Name"], model: ["patient.firstName", "patient.lastName"], targets: ["contact.firstname", "contact.lastname"], confidence: 0.9, reasons: [], status: "proposed" as const, phi: true };
  const withRows = mappingFileSchema.parse({ ...loaded, columnRules: [rule], values: [value] });
  assert.equal(undecided(withRows), 2);
  const decided = { ...withRows, columnRules: [{ ...rule, status: "confirmed" as const }], values: [{ ...value, status: "confirmed" as const }] };
  assert.equal(undecided(decided), 0);
  const edited = { ...decided, values: [{ ...value, code: "male", status: "confirmed" as const }] };
  assert.notEqual(mappingHash(edited), mappingHash(decided), "an edited value row needs a new confirmation");
  // What is saved is what is loaded: the hash survives a round trip through YAML.
  assert.equal(mappingHash(mappingFileSchema.parse(parse(stringify(decided)))), mappingHash(decided));
});

test("a malformed value row or column rule is refused by the schema", () => {
  const loaded = parse(before) as Record<string, unknown>;
  assert.ok(!mappingFileSchema.safeParse({ ...loaded, values: [{ source: "Sex", value: "F", model: "patient.sex", code: "female", target: null, count: 1, confidence: 1, reasons: [], status: "confirmed" }] }).success);
  assert.ok(!mappingFileSchema.safeParse({ ...loaded, columnRules: [{ id: "x", kind: "merge", sources: ["a.b"], model: ["patient.firstName"], targets: [null], confidence: 1, reasons: [], status: "confirmed" }] }).success);
});
