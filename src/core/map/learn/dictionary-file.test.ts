import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { isHandoverError } from "../../../contracts/handover-error.js";
import { readDictionary, writeDictionary } from "./dictionary-file.js";
import { normalizeColumn } from "./dictionary.js";

const dir = mkdtempSync(join(tmpdir(), "handover-dictionary-"));
const decision = { outcome: "patient.mrn", proposed: "custom", source: "patients.ChartNo", by: "ana@clinic.example", at: "2025-03-02T10:00:00.000Z", migration: "north" };

test("column names are compared as words: case and separators don't matter", () => {
  assert.equal(normalizeColumn("Custom_NewsletterOptIn"), "custom newsletter opt in");
  assert.equal(normalizeColumn("chart-no"), normalizeColumn("ChartNo"));
  assert.equal(normalizeColumn("Patient #"), "patient no");
});

test("a hand-edited file is normalized: column spellings fold and same-key entries merge, oldest decision first", () => {
  const file = join(dir, "hand.yaml");
  writeFileSync(file, [
    "version: 1",
    "entries:",
    "  - { vendor: visual-practice, object: patient, column: ChartNo, decisions: [" + JSON.stringify({ ...decision, at: "2025-05-01T10:00:00Z" }) + "] }",
    "  - { vendor: visual-practice, object: patient, column: chart_no, decisions: [" + JSON.stringify(decision) + "] }",
  ].join("\n"));
  const read = readDictionary(file);
  assert.equal(read.entries.length, 1);
  assert.equal(read.entries[0]!.column, "chart no");
  assert.deepEqual(read.entries[0]!.decisions.map((d) => d.at), ["2025-03-02T10:00:00.000Z", "2025-05-01T10:00:00Z"]);
  const out = join(dir, "out.yaml");
  writeDictionary(out, read);
  assert.match(readFileSync(out, "utf8"), /^# Handover matching dictionary/);
  assert.deepEqual(readDictionary(out), read, "written and read back unchanged");
});

test("problems name the file and the entry", () => {
  const cases: [string, RegExp][] = [
    ["version: 2\nentries: []", /^HO-MAP-011 version:/],
    ["entries: [", /^HO-MAP-011 not valid YAML/],
    [JSON.stringify({ version: 1, entries: [{ vendor: "vp", object: "pet", column: "x", decisions: [decision] }] }), /^HO-MAP-010 1 \(vp pet 'x'\) object 'pet' is not in the practice model/],
    [JSON.stringify({ version: 1, entries: [{ vendor: "vp", object: "patient", column: "x", decisions: [{ ...decision, proposed: "staff.npi" }] }] }), /^HO-MAP-010 1 \(vp patient 'x'\) decisions\.0\.proposed: 'staff\.npi' is not a field of patient/],
    [JSON.stringify({ version: 1, entries: [{ vendor: "vp", object: "patient", column: "x", decisions: [{ ...decision, at: "yesterday" }] }] }), /^HO-MAP-010 1 \(vp patient 'x'\) decisions\.0\.at:/],
    [JSON.stringify({ version: 1, entries: [{ vendor: "vp", object: "patient", column: "x", decisions: [] }] }), /^HO-MAP-010 1 \(vp patient 'x'\) decisions:/],
  ];
  for (const [text, expected] of cases) {
    const file = join(dir, "bad.yaml");
    writeFileSync(file, text);
    assert.throws(() => readDictionary(file), (e) => {
      assert.ok(isHandoverError(e));
      assert.match(`${e.code} ${e.params.entry ?? e.params.problem} ${e.params.entry ? e.params.problem : ""}`.replace(/\s+$/, ""), expected);
      assert.equal(e.params.file, "bad.yaml");
      return true;
    });
  }
});
