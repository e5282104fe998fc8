import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { getField, type FieldDef } from "../../../model/index.js";
import { EXACT_CONFIDENCE, LETTER_CONFIDENCE, matchValues, SYNONYM_CONFIDENCE, TRANSLATED_CONFIDENCE } from "./match-values.js";

const field = (key: string) => getField(key) as FieldDef;
const codes = (values: readonly string[], key: string) => [...matchValues(values, field(key), key)].map(([v, m]) => [v, m.code]);
const one = (value: string, key: string, column: readonly string[] = [value]) => matchValues(column, field(key), key).get(value)!;

describe("value maps", () => {
  it("match the field's own codes whatever their case and punctuation, at the highest confidence", () => {
    assert.deepEqual(codes(["Completed", "No-Show", "NO SHOW", "cancelled"], "appointment.status"), [["Completed", "completed"], ["No-Show", "noShow"], ["NO SHOW", "noShow"], ["cancelled", "cancelled"]]);
    assert.equal(one("Primary Care", "patientPracticeLink.role").confidence, EXACT_CONFIDENCE);
  });
  it("read one-letter sex codes in the language the whole column speaks", () => {
    assert.deepEqual(codes(["M", "F", "U"], "patient.sex"), [["M", "male"], ["F", "female"], ["U", "unknown"]]);
    assert.deepEqual(codes(["H", "M"], "patient.sex"), [["H", "male"], ["M", "female"]], "Spanish hombre/mujer");
    assert.deepEqual(codes(["m", "w", "d"], "patient.sex"), [["m", "male"], ["w", "female"], ["d", "other"]], "German männlich/weiblich/divers");
    assert.match(one("H", "patient.sex", ["H", "M"]).reasons[0] ?? "", /Spanish/);
    assert.equal(one("F", "patient.sex").confidence, LETTER_CONFIDENCE);
  });
  it("know the field's synonyms from the practice model's value lexicon", () => {
    assert.deepEqual(codes(["DNA", "Booked", "Did not attend"], "appointment.status"), [["DNA", "noShow"], ["Booked", "scheduled"], ["Did not attend", "noShow"]]);
    assert.deepEqual(codes(["Home clinic", "Referred from", "Also attends"], "patientPracticeLink.role"), [["Home clinic", "primaryCare"], ["Referred from", "referring"], ["Also attends", "other"]]);
    assert.deepEqual(codes(["Non-binary", "Prefer not to say"], "patient.sex"), [["Non-binary", "other"], ["Prefer not to say", "unknown"]]);
    assert.equal(one("Archived", "patient.status").confidence, SYNONYM_CONFIDENCE);
  });
  it("translate Spanish, German and French status words through the foreign lexicon", () => {
    assert.deepEqual(codes(["Inactivo", "Fallecido", "verstorben"], "patient.status"), [["Inactivo", "inactive"], ["Fallecido", "deceased"], ["verstorben", "deceased"]]);
    assert.deepEqual(codes(["abgesagt", "Cancelada", "Terminé"], "appointment.status"), [["abgesagt", "cancelled"], ["Cancelada", "cancelled"], ["Terminé", "completed"]]);
    assert.equal(one("abgesagt", "appointment.status").confidence, TRANSLATED_CONFIDENCE);
    assert.equal(one("Teléfono", "patient.preferredContactMethod").code, "phone");
  });
  it("expand a short abbreviation only when it starts exactly one code", () => {
    assert.equal(one("I", "patient.status").code, "inactive");
    assert.equal(one("Dec", "patient.status").code, "deceased");
    assert.equal(one("C", "appointment.status").code, null, "C starts confirmed, completed and cancelled");
  });
  it("find a code named by one word of a longer value, but not when two codes are named", () => {
    assert.equal(one("Cancelled by patient", "appointment.status").code, "cancelled");
    assert.equal(one("Confirmed then cancelled", "appointment.status").code, null);
  });
  it("catch misspellings by character trigrams, less sure than a real spelling", () => {
    const typo = one("Compleated", "appointment.status");
    assert.equal(typo.code, "completed");
    assert.ok(typo.confidence < SYNONYM_CONFIDENCE && typo.confidence >= 0.6, String(typo.confidence));
    assert.match(typo.reasons[0] ?? "", /spelled like 'completed'/);
  });
  it("say no code fits, surer the less the value resembles any, and never quote the value", () => {
    const none = one("Physiotherapist", "staff.role");
    assert.equal(none.code, null);
    assert.ok(none.confidence >= 0.5 && none.confidence <= 0.95);
    assert.ok(none.reasons.every((r) => !r.includes("Physiotherapist")));
    for (const [value, match] of matchValues(["Female", "DNA", "Archived"], field("patient.sex"), "patient.sex")) {
      assert.ok(match.reasons.every((r) => !r.includes(value)), value);
    }
  });
});
