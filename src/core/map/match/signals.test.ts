import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { SourceColumn } from "../../../contracts/source.js";
import { field as defineField, model, type FieldDef, type ObjectDef } from "../../../model/index.js";
import { proposeFields } from "./index.js";
import { columnContexts, scoreField } from "./score-field.js";
import { empty, repeated, table, unique, zips } from "./test-fixtures.js";

/**
 * One focused test per matcher signal that had none, each asserting an effect on the score or the
 * proposal (issue 6: "tests cover each signal"). Names, foreign words, synonyms, the table, email,
 * dates, NPI, sex codes and the assignment are covered in names/propose-fields/table-context/
 * value-profile/value-recognisers/visual-practice tests.
 */
const patient = model.patient as ObjectDef;
const appointment = model.appointment as ObjectDef;
const fieldOf = (object: ObjectDef, name: string) => object.fields.find((f) => f.name === name) as FieldDef;

/** The score and reasons of one column against one field, in a one-column table. */
function score(column: SourceColumn, object: ObjectDef, field: FieldDef, tableName = "things") {
  const [context] = columnContexts(table(tableName, [column]), object);
  return scoreField(context!, field, object);
}
const declared = (column: SourceColumn, declaredType: string): SourceColumn => ({ ...column, declaredType } as SourceColumn);
const first = (column: SourceColumn, object: ObjectDef, threshold?: number) => proposeFields(table("things", [column]), object, threshold ? { threshold } : {})[0]!;

describe("declared and inferred types", () => {
  it("a declared date type lifts a date field for a column with no samples, and says so", () => {
    const plain = score(empty("Field7"), patient, fieldOf(patient, "birthDate"));
    const typed = score(declared(empty("Field7"), "date"), patient, fieldOf(patient, "birthDate"));
    assert.ok(typed.score > plain.score);
    assert.ok(typed.reasons.includes("the source declares it a date field"));
  });
  it("a declared type that contradicts the field costs more than a fit earns", () => {
    const birth = fieldOf(patient, "birthDate");
    const fit = score(declared(empty("BirthDate"), "date"), patient, birth).score;
    const none = score(empty("BirthDate"), patient, birth).score;
    const misfit = score(declared(empty("BirthDate"), "boolean"), patient, birth);
    assert.ok(fit - none < none - misfit.score);
    assert.ok(misfit.reasons.includes("the source declares it a boolean field, which birthDate is not"));
  });
  it("a declared reference points a column at a lookup field rather than a text field", () => {
    const ref = declared(repeated("Owner", ["a1", "a2"]), "reference");
    assert.ok(score(ref, patient, fieldOf(patient, "primaryProvider")).score > score(repeated("Owner", ["a1", "a2"]), patient, fieldOf(patient, "primaryProvider")).score);
  });
  it("inferred from samples alone, the type still decides between look-alike fields", () => {
    const dates = score(unique("Recall", ["03/14/2026", "11/02/2026", "07/30/2026"]), patient, fieldOf(patient, "recallDate"));
    const words = score(unique("Recall", ["soon", "next spring", "call first"]), patient, fieldOf(patient, "recallDate"));
    assert.ok(dates.score > words.score);
    assert.ok(dates.reasons.some((r) => r.startsWith("values look like dates (MM/DD/YYYY")));
    assert.ok(words.reasons.includes("values (free text) don't fit a date field"));
  });
});

describe("value recognisers on the proposal", () => {
  it("SSN shape ddd-dd-dddd carries a meaningless name to ssn", () => {
    const proposal = first(unique("Value", ["900-12-3456", "912-44-0192", "987-65-4320", "933-10-2045"]), patient, 0.35);
    assert.equal(proposal.field, "ssn");
    assert.ok(proposal.reasons.includes("values have the SSN shape ddd-dd-dddd (100%)"));
    assert.notEqual(first(unique("Value", ["900123456", "912440192", "987654320"]), patient, 0.35).field, "ssn", "nine bare digits are not the shape");
  });
  it("phone numbers lift phone fields and keep a phone column off text fields", () => {
    const phones = unique("Number", ["(617) 555-0110", "617.555.0111", "+1 617 555 0112"]);
    assert.ok(score(phones, patient, fieldOf(patient, "phoneHome")).score > score(phones, patient, fieldOf(patient, "city")).score + 0.3);
    assert.ok(score(phones, patient, fieldOf(patient, "phoneHome")).reasons.includes("values look like phone numbers (100%)"));
  });
  it("postcodes (US, UK, Canadian) lift the postal code field", () => {
    const postal = fieldOf(patient, "postalCode");
    const codes = score(unique("Area", [...zips, "SW1A 1AA", "K1A 0B1"]), patient, postal);
    const words = score(unique("Area", ["North", "Harbour side", "Old town"]), patient, postal);
    assert.ok(codes.score > words.score);
    assert.ok(codes.reasons.some((r) => r.startsWith("values look like postal codes")));
  });
  it("ICD-10 and CDT/CPT codes don't pass for the appointment's type codes", () => {
    const type = fieldOf(appointment, "type");
    const plain = score(repeated("Type", ["Cleaning", "Exam", "Filling"]), appointment, type);
    const icd = score(repeated("Type", ["K02.9", "E11.9", "I10", "J06.9"]), appointment, type);
    const cdt = score(repeated("Type", ["D0120", "D1110", "D2391"]), appointment, type);
    assert.ok(icd.score < plain.score && cdt.score < plain.score);
    assert.ok(icd.reasons.includes("values (ICD-10 codes) don't fit a code field"));
    assert.ok(cdt.reasons.includes("values (procedure codes) don't fit a code field"));
  });
  it("money amounts fit a money field and contradict a date field", () => {
    const fee: FieldDef = defineField("fee", "money", "Fee charged.", { synonyms: ["fee"] });
    const amounts = unique("Amount", ["$1,200.00", "$35.50", "$99.00"]);
    assert.ok(score(amounts, appointment, fee).score > score(unique("Amount", ["n/a", "waived", "see notes"]), appointment, fee).score);
    assert.ok(score(amounts, appointment, fee).reasons.includes("values look like money amounts (100%)"));
    assert.ok(score(amounts, appointment, fieldOf(appointment, "start")).reasons.includes("values (money amounts) don't fit a date-time field"));
  });
  it("sentences go to long-text fields and short repeated codes to code fields (free text vs code)", () => {
    const prose = unique("Info", ["Patient reports mild sensitivity on the lower left side", "Reviewed home care routine and recommended a softer brush", "Prefers morning visits because of work"]);
    const codes = repeated("Info", ["New", "Recall", "Emergency"]);
    const note = fieldOf(appointment, "note");
    const type = fieldOf(appointment, "type");
    assert.ok(score(prose, appointment, note).score > score(prose, appointment, type).score);
    assert.ok(score(codes, appointment, type).score > score(codes, appointment, note).score);
  });
});

describe("code sets and value overlap for picklists", () => {
  it("status words make status the best field for a meaningless name, in English or Spanish", () => {
    const english = first(repeated("Field3", ["Active", "Inactive", "Deceased"]), patient, 0.3);
    assert.equal(english.field, "status");
    assert.ok(english.reasons.includes("values match status's codes (100%)"));
    assert.notEqual(first(repeated("Field3", ["Morning", "Evening", "Weekend"]), patient, 0.3).field, "status", "other words don't");
    assert.ok(score(repeated("Field3", ["Activo", "Inactivo", "Fallecido"]), patient, fieldOf(patient, "status")).reasons.includes("values match status's codes (100%)"));
  });
  it("the more values overlap a picklist's codes, the higher the score", () => {
    const contact = fieldOf(patient, "preferredContactMethod");
    const full = score(repeated("Pref", ["Email", "Phone", "SMS", "Mail"]), patient, contact);
    const none = score(repeated("Pref", ["Morning", "Evening", "Weekend", "Never"]), patient, contact);
    assert.ok(full.score > none.score);
    assert.ok(full.reasons.includes("values match preferredContactMethod's codes (100%)"));
    assert.ok(!none.reasons.some((r) => r.includes("codes (")));
  });
});

describe("names", () => {
  it("character trigrams carry a misspelt column to its field, saying how alike", () => {
    const proposal = first(empty("Adress"), patient);
    assert.equal(proposal.field, "addressLine1");
    assert.ok(proposal.reasons.includes("name 'Adress' is 72% like synonym 'address' of addressLine1"));
    assert.equal(first(empty("Parking"), patient).field, null, "an unrelated word stays far");
  });
  it("abbreviations expand on the proposal: Tel, ZipCd, Pt_EmailAddr", () => {
    assert.equal(first(empty("Tel"), patient).field, "phoneHome");
    assert.equal(first(empty("ZipCd"), patient).field, "postalCode");
    assert.equal(first(empty("Pt_EmailAddr"), patient).field, "email");
  });
  it("digits split off and tell address lines apart", () => {
    const proposals = proposeFields(table("patients", [empty("Address1"), empty("Address2")]), patient);
    assert.deepEqual(proposals.map((p) => p.field), ["addressLine1", "addressLine2"]);
  });
});
