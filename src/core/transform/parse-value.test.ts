import assert from "node:assert/strict";
import { test } from "node:test";
import { getField } from "../../model/index.js";
import { parseValue } from "./parse-value.js";

const f = (key: string) => {
  const def = getField(key);
  assert.ok(def, key);
  return def;
};

test("US dates become ISO dates and impossible dates are refused", () => {
  assert.deepEqual(parseValue(f("patient.birthDate"), "04/07/1985", "MM/DD/YYYY"), { ok: true, value: "1985-04-07", change: "date MM/DD/YYYY → ISO" });
  assert.deepEqual(parseValue(f("patient.birthDate"), "1985-04-07"), { ok: true, value: "1985-04-07", change: null });
  assert.equal(parseValue(f("patient.birthDate"), "13/45/1980", "MM/DD/YYYY").ok, false);
  assert.equal(parseValue(f("patient.birthDate"), "02/30/1980", "MM/DD/YYYY").ok, false);
  assert.equal(parseValue(f("patient.birthDate"), "N/A").ok, false);
});

test("empty values are null, not errors", () => {
  assert.deepEqual(parseValue(f("patient.email"), "  "), { ok: true, value: null, change: null });
});

test("malformed emails and phones are refused, good ones kept as given", () => {
  assert.equal(parseValue(f("patient.email"), "jane.doe@example").ok, false);
  assert.equal(parseValue(f("patient.email"), "jane doe@example.com").ok, false);
  assert.deepEqual(parseValue(f("patient.email"), "jane.doe@example.com"), { ok: true, value: "jane.doe@example.com", change: null });
  assert.equal(parseValue(f("patient.phoneHome"), "555-01").ok, false);
  assert.equal(parseValue(f("patient.phoneHome"), "(415) 555-0131").ok, true);
  assert.equal(parseValue(f("patient.phoneHome"), "+1 415 555 0131 ext. 12").ok, true);
  assert.equal(parseValue(f("patient.phoneHome"), "000-000-0000").ok, false, "placeholder");
  assert.equal(parseValue(f("patient.phoneHome"), "(055) 555-0131").ok, false, "no area code starts with 0");
  assert.equal(parseValue(f("patient.phoneHome"), "555-014x").ok, false);
});

test("codes and yes/no values use the model's vocabulary", () => {
  assert.deepEqual(parseValue(f("patient.sex"), "F"), { ok: true, value: "female", change: "code → female" });
  assert.equal(parseValue(f("patient.sex"), "Q").ok, false);
  assert.deepEqual(parseValue(f("practice.active"), "Y"), { ok: true, value: true, change: "text → yes/no" });
  assert.deepEqual(parseValue(f("patientPracticeLink.role"), "Referring Practice"), { ok: true, value: "referring", change: "code → referring" });
});

test("date-times without a zone are read as UTC and written without milliseconds", () => {
  assert.deepEqual(parseValue(f("patient.createdAt"), "2021-03-04 09:15:00"), { ok: true, value: "2021-03-04T09:15:00Z", change: "date-time (no zone, read as UTC)" });
  assert.deepEqual(parseValue(f("patient.createdAt"), "03/04/2021 9:15", "MM/DD/YYYY"), { ok: true, value: "2021-03-04T09:15:00Z", change: "date-time (no zone, read as UTC)" });
});

test("phones and postcodes follow the source's country; durations, sizes and status words as exports print them", () => {
  assert.deepEqual(parseValue(f("patient.phoneMobile"), "0491 570 156", { country: "AU" }), { ok: true, value: "0491 570 156", change: null });
  assert.deepEqual(parseValue(f("patient.phoneMobile"), "0491 570 156"), { ok: false, expected: "phone number (US or international)" });
  assert.equal(parseValue(f("patient.postalCode"), "2042", { country: "AU" }).ok, true);
  assert.equal(parseValue(f("patient.postalCode"), "820", { country: "AU" }).ok, false, "a Darwin postcode that lost its leading zero");
  assert.equal(parseValue(f("patient.postalCode"), "90210-1234").ok, true);
  assert.equal(parseValue(f("patient.postalCode"), "9021O").ok, false);
  assert.equal(parseValue(f("patient.postalCode"), "SW1A 1AA", { country: "DE" }).ok, true, "a country without a known pattern keeps its codes");
  assert.deepEqual(parseValue(f("appointment.durationMinutes"), "1 hr 15 min"), { ok: true, value: 75, change: "duration text → minutes" });
  assert.equal((parseValue(f("document.sizeBytes"), "4.7 KB") as { value: number }).value, 4813);
  assert.deepEqual(parseValue(f("document.sizeBytes"), "812 B"), { ok: true, value: 812, change: "size text → bytes (to the precision shown)" });
  assert.deepEqual(parseValue(f("appointment.status"), "Broken"), { ok: true, value: "noShow", change: "code → noShow" });
  assert.deepEqual(parseValue(f("patient.status"), "Archived"), { ok: true, value: "inactive", change: "code → inactive" });
});

test("money: thousands commas, currency signs and accounting credits read; a lone sign or a decimal comma is refused, not guessed", () => {
  const amount = { name: "amount", type: "money", phi: false, description: "an amount", synonyms: [] } as const;
  const value = (text: string) => { const r = parseValue(amount, text); return r.ok ? r.value : "refused"; };
  assert.deepEqual(["$1,234.50", "($85.00)", "42", "-3.5"].map(value), [1234.5, -85, 42, -3.5]);
  assert.deepEqual(["$", "( )", "1,50", "12,34,5"].map(value), ["refused", "refused", "refused", "refused"]);
});
