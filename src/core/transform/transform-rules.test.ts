import assert from "node:assert/strict";
import { test } from "node:test";
import type { ColumnRuleRow, MappingFile, ValueRow } from "../../config/mapping-file.js";
import { isHandoverError } from "../../contracts/handover-error.js";
import { dataverseTemplate } from "../map/templates/dataverse.js";
import { compileMap } from "./compile-map.js";
import { transformRecord, type TransformContext } from "./transform-record.js";

const template = dataverseTemplate();
const f = (source: string, model: string, target: string) => ({ source, model, target, confidence: 0.9, reasons: [], status: "confirmed" as const, phi: false });
const value = (v: string, code: string | null, status: ValueRow["status"] = "confirmed"): ValueRow =>
  ({ source: "clients.Gender", value: v, model: "patient.sex", code, target: null, count: 1, confidence: 0.9, reasons: [], status, phi: false });
const rule = (over: Partial<ColumnRuleRow> = {}): ColumnRuleRow => ({
  id: "clients:split-name:Full Name", kind: "split-name", sources: ["clients.Full Name"], model: ["patient.firstName", "patient.middleName", "patient.lastName"],
  targets: ["contact.firstname", "contact.middlename", "contact.lastname"], confidence: 0.95, reasons: [], status: "confirmed", phi: true, ...over,
});
const when = (over: Partial<ColumnRuleRow> = {}): ColumnRuleRow => rule({
  id: "bookings:date-time:Date+Time", kind: "date-time", sources: ["bookings.Date", "bookings.Time"], model: ["appointment.start"], targets: ["appointment.scheduledstart"], phi: false, ...over,
});

function mappingWith(columnRules: ColumnRuleRow[], values: ValueRow[] = []): MappingFile {
  return {
    version: 1, source: "clinic", target: "dataverse",
    objects: [
      { source: "clients", model: "patient", target: "contact", key: ["Client ID"] },
      { source: "bookings", model: "appointment", target: "appointment", key: ["Booking ID"] },
    ],
    fields: [f("clients.Client ID", "patient.sourceId", "(not written)"), f("clients.Gender", "patient.sex", "contact.gendercode"), f("bookings.Booking ID", "appointment.sourceId", "(not written)")],
    rules: [], columnRules, values,
  };
}
function context(mapping: MappingFile): TransformContext {
  return {
    map: compileMap(mapping, template), prefix: "cl", primaryPractice: template.primaryPractice, dateFormats: { "bookings.Date": "DD/MM/YYYY" },
    ownerFor: () => undefined, fallbackOwner: { table: "systemuser", id: "u1" }, columnLimit: () => undefined, derive: () => ({}),
  };
}
const client = (values: Record<string, string>) => ({ table: "clients", key: "C1", file: "Clients.csv", row: 5, values: { "Client ID": "C1", ...values } });
const booking = (values: Record<string, string>) => ({ table: "bookings", key: "B1", file: "Bookings.csv", row: 9, values: { "Booking ID": "B1", ...values } });
/** The row's non-empty fields (an empty source value is sent as null). */
const fields = (r: ReturnType<typeof transformRecord>) => (r.status === "ok" ? Object.fromEntries(Object.entries(r.planned.row.fields).filter(([, v]) => v !== null)) : {});

test("a confirmed split-name rule fills first, middle and last name, and verify expects each part", () => {
  const ctx = context(mappingWith([rule()]));
  const r = transformRecord(client({ "Full Name": "SMITH, Jane A." }), ctx);
  assert.deepEqual(fields(r), { firstname: "Jane", middlename: "A.", lastname: "SMITH" });
  assert.deepEqual(r.expectations.filter((e) => e.sourceColumn === "Full Name").map((e) => [e.column, e.expected]), [["firstname", "Jane"], ["middlename", "A."], ["lastname", "SMITH"]]);
  assert.ok(r.expectations.every((e) => !e.transform.includes("Jane")), "the transform note names the form, not the value");
});

test("an ambiguous full name is loaded as best read and flagged once, naming file, row and field, never the value", () => {
  const r = transformRecord(client({ "Full Name": "Cher" }), context(mappingWith([rule()])));
  assert.equal(r.status, "ok");
  assert.deepEqual(fields(r), { lastname: "Cher" });
  const flags = r.issues.filter((i) => i.code === "HO-TRN-015");
  assert.deepEqual(flags.map((i) => [i.severity, i.file, i.row, i.field]), [["warning", "Clients.csv", 5, "Full Name"]]);
  assert.ok(!flags[0]!.message.includes("Cher"));
});

test("an empty full name leaves the required last name missing: the record is rejected", () => {
  const r = transformRecord(client({ "Full Name": "" }), context(mappingWith([rule()])));
  assert.equal(r.status === "rejected" && r.reason, "HO-TRN-002");
});

test("a rejected rule routes nothing and its column is reported as left out by decision", () => {
  const ctx = context(mappingWith([rule({ status: "rejected" })]));
  assert.ok(ctx.map.tables.get("clients")?.rejectedColumns.includes("Full Name"));
  assert.deepEqual(fields(transformRecord(client({ "Full Name": "Jane Smith" }), ctx)), {}, "no name part without the rule");
});

test("a date-time rule combines the date (in its declared format) and a 12-hour time into one start", () => {
  const ctx = context(mappingWith([when()]));
  assert.equal(fields(transformRecord(booking({ Date: "15/03/2024", Time: "2:30 pm" }), ctx)).scheduledstart, "2024-03-15T14:30:00Z");
  const noTime = transformRecord(booking({ Date: "15/03/2024", Time: "" }), ctx);
  assert.equal(fields(noTime).scheduledstart, "2024-03-15T00:00:00Z");
  assert.deepEqual(noTime.issues.map((i) => [i.code, i.field]), [["HO-TRN-016", "Time"]]);
  const badTime = transformRecord(booking({ Date: "15/03/2024", Time: "soon" }), ctx);
  assert.equal(badTime.status === "rejected" && badTime.reason, "HO-TRN-001", "start is required");
  assert.equal(badTime.issues[0]?.field, "Time", "the column whose value failed");
});

test("a confirmed value map is used before the built-in parse; a value mapped to no code is flagged, never named", () => {
  const ctx = context(mappingWith([rule()], [value("Frau", "female"), value("Divers", "other"), value("Keine Angabe", null), value("M", "female", "rejected")]));
  const at = (sex: string) => transformRecord(client({ "Full Name": "Jane Smith", Gender: sex }), ctx);
  assert.equal(fields(at("Frau")).gendercode, 2, "mapped code lands through the template's option");
  assert.ok(at("Frau").expectations.some((e) => e.column === "gendercode" && e.expected === 2 && e.transform.includes("value map → female")));
  assert.ok(!("gendercode" in fields(at("Divers"))), "other has no gendercode option: left out");
  const none = at("Keine Angabe");
  assert.deepEqual(none.issues.map((i) => [i.code, i.field]), [["HO-TRN-001", "Gender"]]);
  assert.ok(!none.issues[0]!.message.includes("Keine"));
  assert.equal(fields(at("M")).gendercode, 1, "a rejected value row is not used: the built-in parse reads M as male");
  assert.equal(fields(at("W")).gendercode, undefined, "a value with no row goes through the built-in parse (W is no built-in code)");
});

test("a value row naming a code outside the field's vocabulary, or a malformed rule, is a configuration error", () => {
  const code = (fn: () => unknown) => { try { fn(); return undefined; } catch (e) { return isHandoverError(e) ? e.code : String(e); } };
  assert.equal(code(() => compileMap(mappingWith([], [value("Frau", "woman")]), template)), "HO-MAP-015");
  assert.equal(code(() => compileMap(mappingWith([rule({ model: ["patient.email"] })]), template)), "HO-MAP-016");
  assert.equal(code(() => compileMap(mappingWith([when({ sources: ["bookings.Date"] })]), template)), "HO-MAP-016");
});

test("a time with no date is flagged on the date column, not dropped quietly", () => {
  const r = transformRecord(booking({ Date: "", Time: "9:30 am" }), context(mappingWith([when()])));
  assert.deepEqual(r.issues.map((i) => [i.code, i.field]), [["HO-TRN-001", "Date"]]);
});
