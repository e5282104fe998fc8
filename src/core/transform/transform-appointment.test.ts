import assert from "node:assert/strict";
import { test } from "node:test";
import type { MappingFile } from "../../config/mapping-file.js";
import { dataverseTemplate } from "../map/templates/dataverse.js";
import { compileMap } from "./compile-map.js";
import { transformRecord, type TransformContext } from "./transform-record.js";

const f = (source: string, model: string, target: string) => ({ source, model, target, confidence: 0.9, reasons: [], status: "confirmed" as const, phi: false });
const mapping: MappingFile = {
  version: 1, source: "vp", target: "dataverse",
  objects: [
    { source: "patients", model: "patient", target: "contact", key: ["PatientID"] },
    { source: "appointments", model: "appointment", target: "appointment", key: ["ApptID"] },
  ],
  fields: [
    f("appointments.ApptID", "appointment.sourceId", "(not written)"),
    f("appointments.PatientID", "appointment.patient", "appointment.regardingobjectid (lookup → contact)"),
    f("appointments.ProviderID", "appointment.provider", "appointment.ownerid (owner)"),
    f("appointments.ApptStart", "appointment.start", "appointment.scheduledstart"),
    f("appointments.ApptEnd", "appointment.end", "appointment.scheduledend"),
    f("appointments.ApptType", "appointment.type", "appointment.subject"),
    f("appointments.ApptStatus", "appointment.status", "appointment.statecode + statuscode"),
    f("appointments.CreatedDate", "appointment.createdAt", "appointment.overriddencreatedon"),
  ],
  rules: [],
};
const ctx: TransformContext = {
  map: compileMap(mapping, dataverseTemplate()), prefix: "vp", primaryPractice: dataverseTemplate().primaryPractice,
  dateFormats: { "appointments.ApptStart": "MM/DD/YYYY HH:mm", "appointments.ApptEnd": "MM/DD/YYYY HH:mm", "appointments.CreatedDate": "MM/DD/YYYY HH:mm" },
  ownerFor: (id) => (id === "PR1" ? { table: "systemuser", id: "u1" } : undefined),
  fallbackOwner: { table: "systemuser", id: "fallback" },
  columnLimit: () => undefined,
  derive: () => ({}),
};
const appt = (values: Record<string, string>) => transformRecord({ table: "appointments", key: "A1", file: "appointments.csv", row: 7, values: { ApptID: "A1", PatientID: "P9", ProviderID: "PR1", ApptType: "Cleaning", ...values } }, ctx);

test("a completed appointment keeps its original times and lands completed, regarding its patient, owned by its provider", () => {
  const r = appt({ ApptStart: "03/04/2025 09:30", ApptEnd: "03/04/2025 10:15", ApptStatus: "Completed", CreatedDate: "02/20/2025 16:02" });
  assert.equal(r.status, "ok");
  if (r.status !== "ok") return;
  assert.deepEqual(r.planned.row.fields, {
    scheduledstart: "2025-03-04T09:30:00Z", scheduledend: "2025-03-04T10:15:00Z", subject: "Cleaning",
    statecode: 1, statuscode: 3, overriddencreatedon: "2025-02-20T16:02:00Z",
  });
  assert.deepEqual(r.planned.createOnly, ["overriddencreatedon"], "the original creation time is sent on create only");
  assert.deepEqual(r.planned.row.lookups, { regardingobjectid: { table: "contact", sourceKey: "vp:patients:P9" }, ownerid: { table: "systemuser", id: "u1" } });
  assert.deepEqual(r.expectations.filter((e) => e.column === "statecode" || e.column === "statuscode").map((e) => e.expected), [1, 3]);
});

test("statuses map to Dataverse appointment states; an unknown one is flagged, not guessed", () => {
  const state = (status: string) => {
    const r = appt({ ApptStart: "03/04/2025 09:30", ApptStatus: status });
    return r.status === "ok" ? [r.planned.row.fields.statecode, r.planned.row.fields.statuscode] : r.status;
  };
  assert.deepEqual(state("No-Show"), [2, 4]);
  assert.deepEqual(state("Cancelled"), [2, 4]);
  assert.deepEqual(state("Confirmed"), [3, 5]);
  const odd = appt({ ApptStart: "03/04/2025 09:30", ApptStatus: "Rescheduled" });
  assert.equal(odd.status, "ok");
  assert.ok(odd.issues.some((i) => i.code === "HO-TRN-001" && i.field === "ApptStatus"));
});

test("an appointment without a start is rejected; one without a provider goes to the fallback owner", () => {
  assert.equal(appt({ ApptStart: "", ApptStatus: "Completed" }).status, "rejected");
  const noProvider = appt({ ApptStart: "03/04/2025 09:30", ProviderID: "" });
  assert.equal(noProvider.status === "ok" && noProvider.planned.row.lookups.ownerid && "id" in noProvider.planned.row.lookups.ownerid && noProvider.planned.row.lookups.ownerid.id, "fallback");
});

test("an appointment that ends before it starts keeps its start; the end is left out and flagged", () => {
  const r = appt({ ApptStart: "03/04/2025 14:30", ApptEnd: "03/04/2025 02:30", ApptStatus: "Completed" });
  assert.equal(r.status, "ok");
  if (r.status !== "ok") return;
  assert.equal(r.planned.row.fields.scheduledstart, "2025-03-04T14:30:00Z");
  assert.ok(!("scheduledend" in r.planned.row.fields));
  assert.deepEqual(r.issues.map((i) => [i.code, i.field]), [["HO-TRN-008", "ApptEnd"]]);
  assert.equal(r.expectations.find((e) => e.sourceColumn === "ApptEnd")?.expected, null);
});
