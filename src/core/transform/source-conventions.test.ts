import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { handoverConfigSchema } from "../../config/handover-config.js";
import { loadConfig, workspaceAt } from "../../config/workspace.js";
import { isHandoverError } from "../../contracts/handover-error.js";
import type { MappingFile } from "../../config/mapping-file.js";
import { dataverseTemplate } from "../map/templates/dataverse.js";
import { compileMap } from "./compile-map.js";
import { transformRecord, type TransformContext } from "./transform-record.js";
import { describeConventions, sourceConventions } from "./source-conventions.js";

const source = (extra: Record<string, unknown>) => handoverConfigSchema.parse({
  version: 1, name: "t", source: { kind: "export", path: "export", ...extra }, target: { kind: "dataverse", url: "http://127.0.0.1:7071", auth: { kind: "sandbox" } },
}).source;

test("zone and phone region come from handover.yaml, else the vendor profile, else UTC and US", () => {
  const clinic = sourceConventions(source({ profile: "clinic" }));
  assert.equal(clinic.timezone, "Australia/Sydney");
  assert.equal(clinic.timezoneFrom, "profile");
  assert.equal(clinic.defaultCountry, "AU");
  assert.deepEqual(clinic.encodedColumns["notes.Note"], { flagColumn: "Encoding", flagValues: ["base64"], encoding: "base64" });
  const perth = sourceConventions(source({ profile: "clinic", timezone: "Australia/Perth" }));
  assert.equal(perth.timezone, "Australia/Perth");
  assert.equal(perth.timezoneFrom, "handover.yaml");
  const vp = sourceConventions(source({ profile: "visual-practice" }));
  assert.equal(vp.timezone, "UTC");
  assert.equal(vp.timezoneFrom, "default");
  assert.equal(vp.defaultCountry, "US");
  assert.match(describeConventions(perth), /read in Australia\/Perth \(handover\.yaml source\.timezone\).*read as AU \(the vendor profile; set source\.defaultCountry to change\)/);
});

test("a time zone or country handover.yaml names wrongly is refused with its own code, naming the field", () => {
  const ws = workspaceAt(mkdtempSync(join(tmpdir(), "handover-conventions-")));
  const write = (extra: string) => writeFileSync(ws.configFile, `version: 1\nname: t\nsource:\n  kind: export\n  path: export\n  profile: clinic\n${extra}target:\n  kind: dataverse\n  url: http://127.0.0.1:7071\n  auth:\n    kind: sandbox\n`);
  const refusal = () => {
    try {
      loadConfig(ws);
    } catch (error) {
      return isHandoverError(error) ? `${error.code} ${error.message}` : String(error);
    }
    return "accepted";
  };
  write("  timezone: Australia/Sidney\n");
  assert.match(refusal(), /^HO-CFG-006 handover\.yaml source\.timezone: 'Australia\/Sidney' is not an IANA time zone/);
  write("  defaultCountry: AUS\n");
  assert.match(refusal(), /^HO-CFG-007 handover\.yaml source\.defaultCountry: 'AUS'/);
  write("  timezone: Australia/Sydney\n  defaultCountry: NZ\n");
  assert.equal(refusal(), "accepted");
});

const f = (source: string, model: string, target: string) => ({ source, model, target, confidence: 0.9, reasons: [], status: "confirmed" as const, phi: false });
const mapping: MappingFile = {
  version: 1, source: "clinic", target: "dataverse",
  objects: [{ source: "bookings", model: "appointment", target: "appointment", key: ["Id"] }],
  fields: [
    f("bookings.Id", "appointment.sourceId", "(not written)"),
    f("bookings.Client", "appointment.patient", "appointment.regardingobjectid"),
    f("bookings.Date", "appointment.start", "appointment.scheduledstart"),
    f("bookings.Updated", "appointment.modifiedAt", "(not written)"),
    f("bookings.Memo", "appointment.note", "appointment.hc_note"),
  ],
  rules: [],
};
const conventions = { ...sourceConventions(source({ profile: "clinic", timezone: "America/New_York" })), encodedColumns: { "bookings.Memo": { flagColumn: "Enc", flagValues: ["base64"], encoding: "base64" as const } } };
const ctx: TransformContext = {
  map: compileMap(mapping, dataverseTemplate()), prefix: "cl", primaryPractice: dataverseTemplate().primaryPractice,
  dateFormats: { "bookings.Date": "DD/MM/YYYY HH:mm", "bookings.Updated": "DD/MM/YYYY HH:mm" }, conventions,
  ownerFor: () => undefined, fallbackOwner: { table: "systemuser", id: "u1" }, columnLimit: () => undefined, derive: () => ({}),
};
const record = (values: Record<string, string>) => ({ table: "bookings", key: "B1", file: "Bookings.csv", row: 5, values });

test("transform: a local start in the source's zone; doubled and skipped local times are flagged with file, row and field", () => {
  const r = transformRecord(record({ Id: "B1", Client: "C1", Date: "03/11/2024 01:30", Updated: "10/03/2024 02:30", Memo: Buffer.from("Bring referral").toString("base64"), Enc: "base64" }), ctx);
  assert.equal(r.status, "ok");
  if (r.status !== "ok") return;
  assert.equal(r.planned.row.fields.scheduledstart, "2024-11-03T05:30:00Z", "01:30 happened twice in New York that night: the first");
  assert.equal(r.planned.row.fields.hc_note, "Bring referral", "decoded");
  assert.deepEqual(r.issues.map((i) => [i.code, i.file, i.row, i.field, i.severity]), [
    ["HO-TRN-009", "Bookings.csv", 5, "Date", "warning"],
    ["HO-TRN-010", "Bookings.csv", 5, "Updated", "warning"],
  ]);
  const skipped = transformRecord(record({ Id: "B1", Client: "C1", Date: "10/03/2024 02:15", Memo: "not base64 at all!", Enc: "base64" }), ctx);
  assert.equal(skipped.status, "rejected", "a required start that never happened rejects the booking");
  assert.deepEqual(skipped.issues.map((i) => i.code), ["HO-TRN-010", "HO-TRN-011"]);
  assert.ok(skipped.issues.every((i) => !i.message.includes("Bring") && !i.message.includes("base64 at all")), "no value in a message");
});
