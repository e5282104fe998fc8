import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { model, type ObjectDef } from "../../../model/index.js";
import { proposeFields, proposeTable } from "./index.js";
import { proposeRules } from "./propose-rules.js";
import { birthDates, emails, empty, firstNames, ids, lastNames, repeated, stamps, table, unique } from "./test-fixtures.js";

const patient = model.patient as ObjectDef;
const appointment = model.appointment as ObjectDef;
const fullNames = firstNames.map((f, i) => (i % 4 === 3 ? `${lastNames[i % lastNames.length]!.toUpperCase()}, ${f}` : `${f} ${lastNames[i % lastNames.length]}`));
const rulesOf = (t: ReturnType<typeof table>, object: ObjectDef) => proposeRules(t, object, proposeFields(t, object));

describe("split-name rule", () => {
  const clients = table("clients", [unique("Client ID", ids(1)), unique("Full Name", fullNames), unique("DOB", birthDates), unique("E-mail", emails)], { key: ["Client ID"] });

  it("is proposed for a whole-name column whose values split, when no column maps to first or last name", () => {
    const [rule] = rulesOf(clients, patient);
    assert.equal(rule?.kind, "split-name");
    assert.deepEqual(rule?.columns, ["Full Name"]);
    assert.deepEqual(rule?.fields, ["firstName", "middleName", "lastName", "suffix"]);
    assert.ok((rule?.confidence ?? 0) >= 0.9);
    assert.ok(rule?.reasons.includes("no other column maps to firstName or lastName"));
    assert.ok(rule?.reasons.every((r) => fullNames.every((n) => !r.includes(n))), "reasons never quote a value");
  });
  it("reads 'Patient Name' in a patients table as a whole name too, less surely than 'Full Name'", () => {
    const t = table("patients", [unique("Patient Name", fullNames)]);
    const [rule] = rulesOf(t, patient);
    assert.deepEqual(rule?.columns, ["Patient Name"]);
    assert.ok((rule?.confidence ?? 1) < (rulesOf(clients, patient)[0]?.confidence ?? 0));
  });
  it("is not proposed when first and last name columns exist", () => {
    const t = table("clients", [unique("Full Name", fullNames), unique("First Name", firstNames), unique("Last Name", lastNames)]);
    assert.deepEqual(rulesOf(t, patient), []);
  });
  it("is not proposed when the values are single words (a last-name column misnamed)", () => {
    const t = table("clients", [unique("Full Name", lastNames)]);
    assert.deepEqual(rulesOf(t, patient), []);
  });
  it("takes a bare 'Name' of whole names in a staff table, though plainly it drew firstName", () => {
    const t = table("staff", [unique("Staff ID", ids(1)), unique("Name", fullNames), unique("E-mail", emails)]);
    assert.equal(proposeFields(t, model.staff as ObjectDef).find((p) => p.column === "Name")?.field, "firstName");
    const [rule] = rulesOf(t, model.staff as ObjectDef);
    assert.deepEqual([rule?.columns, rule?.fields], [["Name"], ["firstName", "lastName"]]);
  });
  it("leaves out name parts another column already fills", () => {
    const t = table("clients", [unique("Full Name", fullNames), repeated("Middle Initial", ["A", "J", "K"])]);
    assert.deepEqual(rulesOf(t, patient)[0]?.fields, ["firstName", "lastName", "suffix"]);
  });
});

describe("date-time rule", () => {
  const times = ["9:30 am", "11:15 am", "2:00 pm", "3:45 pm", "8:00 am"];
  const dates = ["15/03/2024", "02/11/2023", "30/07/2024", "09/01/2025"];

  it("combines a date column and a time column into the appointment's start", () => {
    const t = table("bookings", [unique("Booking ID", ids(1)), unique("Date", dates), repeated("Time", times), repeated("Status", ["Booked", "DNA"])]);
    const [rule] = rulesOf(t, appointment);
    assert.equal(rule?.kind, "date-time");
    assert.deepEqual([rule?.columns, rule?.fields], [["Date", "Time"], ["start"]]);
    assert.ok(rule?.reasons.includes("'Time' holds times of day (100% of samples)"));
  });
  it("pairs columns by their other words: appt_date + appt_time, end_date + end_time", () => {
    const t = table("appointments", [unique("appt_date", dates), repeated("appt_time", times), unique("end_date", dates), repeated("end_time", times)]);
    const rules = rulesOf(t, appointment);
    assert.deepEqual(rules.map((r) => [r.columns, r.fields]), [[["appt_date", "appt_time"], ["start"]], [["end_date", "end_time"], ["end"]]]);
  });
  it("is not proposed when a column already holds the start with its time", () => {
    const t = table("bookings", [unique("Start", stamps), unique("Date", dates), repeated("Time", times)]);
    assert.deepEqual(rulesOf(t, appointment).filter((r) => r.fields.includes("start")), []);
  });
  it("needs times of day, not codes, in the time column", () => {
    const t = table("bookings", [unique("Date", dates), repeated("Time", ["AM", "PM"])]);
    assert.deepEqual(rulesOf(t, appointment), []);
  });
});

describe("proposeTable", () => {
  it("declares the proposed rules to the assignment: the rule's columns take no field, no other column takes the rule's fields", () => {
    const t = table("bookings", [unique("Booking ID", ids(1)), unique("Date", ["15/03/2024", "02/11/2023", "30/07/2024"]), repeated("Time", ["9:30 am", "2:00 pm"])]);
    const plain = proposeFields(t, appointment);
    assert.equal(plain.find((p) => p.column === "Date")?.field, "start", "without the rule, the date alone takes start");
    assert.equal(plain.find((p) => p.column === "Time")?.field, "end", "and the time wrongly takes end");
    const { fields, rules } = proposeTable(t, appointment);
    assert.equal(rules.length, 1);
    const byColumn = new Map(fields.map((p) => [p.column, p]));
    assert.equal(byColumn.get("Date")?.rule, rules[0]?.id);
    assert.equal(byColumn.get("Time")?.rule, rules[0]?.id);
    assert.equal(byColumn.get("Time")?.field, null);
    assert.ok(fields.every((p) => p.field !== "start"));
  });
  it("is the plain proposal when no rule is called for", () => {
    const t = table("patients", [unique("First Name", firstNames), unique("Last Name", lastNames), empty("DOB")]);
    assert.deepEqual(proposeTable(t, patient), { fields: proposeFields(t, patient), rules: [] });
  });
});
