import assert from "node:assert/strict";
import { test } from "node:test";
import type { FieldRow, MappingFile, ValueRow } from "../../config/mapping-file.js";
import type { SourceCatalog } from "../../contracts/source.js";
import { dataverseTemplate } from "./templates/dataverse.js";
import { pruneValueRows, refreshValueRows, valueRowsFor } from "./value-rows.js";

const template = dataverseTemplate();
const field = (source: string, model: string | null, status: FieldRow["status"] = "proposed"): FieldRow =>
  ({ source, model, target: null, confidence: 0.9, reasons: [], status, phi: false });
const catalog: SourceCatalog = {
  sourceId: "export",
  tables: [
    {
      name: "patients", file: "patients.csv", rowCount: 10,
      columns: [
        { name: "Sex", samples: ["F", "M"], nonEmptyCount: 9, distinctCount: 3, maxLength: 1, values: [{ value: "F", count: 5 }, { value: "M", count: 3 }, { value: " F ", count: 1 }, { value: "?", count: 1 }] },
        { name: "Status", samples: ["Active", "Gone"], nonEmptyCount: 900, distinctCount: 250, maxLength: 8 },
        { name: "Email", samples: ["a@example.org"], nonEmptyCount: 1, distinctCount: 1, maxLength: 13 },
      ],
    },
    { name: "appointments", file: "appointments.csv", rowCount: 3, columns: [{ name: "State", samples: ["Done"], nonEmptyCount: 3, distinctCount: 1, maxLength: 4, values: [{ value: "Done", count: 3 }] }] },
  ],
};
const fields = [field("patients.Sex", "patient.sex"), field("patients.Status", "patient.status"), field("patients.Email", "patient.email"), field("appointments.State", "appointment.status")];

test("every distinct value of a coded column gets a row with its count, code and landing; text columns get none", () => {
  const rows = valueRowsFor(fields, catalog, template);
  const sex = rows.filter((r) => r.source === "patients.Sex");
  assert.deepEqual(sex.map((r) => [r.value, r.count, r.code, r.target]), [["F", 6, "female", "contact.gendercode = 2"], ["M", 3, "male", "contact.gendercode = 1"], ["?", 1, null, null]]);
  assert.ok(sex.every((r) => r.status === "proposed" && r.model === "patient.sex"));
  assert.ok(!rows.some((r) => r.source === "patients.Email"));
  assert.deepEqual(rows.filter((r) => r.source === "appointments.State").map((r) => [r.code, r.target]), [["completed", "appointment.statecode 1 + statuscode 3"]]);
});

test("a column discovery kept no value list for (over the cap) gets no value rows: its values go through the built-in parse, none is copied", () => {
  assert.deepEqual(valueRowsFor(fields, catalog, template).filter((r) => r.source === "patients.Status"), []);
});

test("a value the matcher can't place but the transform's built-in vocabulary reads is proposed as that code, not as 'no code'", () => {
  const docs: SourceCatalog = { sourceId: "export", tables: [{ name: "documents", file: "documents.csv", rowCount: 4, columns: [
    { name: "doc_type", samples: ["X-Ray FMX"], nonEmptyCount: 4, distinctCount: 2, maxLength: 12, values: [{ value: "X-Ray FMX", count: 3 }, { value: "Consent Form", count: 1 }] },
  ] }] };
  const rows = valueRowsFor([field("documents.doc_type", "document.category")], docs, template);
  const xray = rows.find((r) => r.value === "X-Ray FMX")!;
  assert.equal(xray.code, "imaging");
  assert.ok(xray.reasons.some((r) => r.includes("built-in vocabulary")));
});

test("a person's decisions survive a refresh; rows of a rejected or re-routed column go", () => {
  const mapping: MappingFile = { version: 1, source: "x", target: "dataverse", objects: [], fields, rules: [], values: valueRowsFor(fields, catalog, template) };
  const decided: ValueRow[] = mapping.values!.map((v) => (v.value === "?" ? { ...v, code: "unknown", status: "confirmed" } : v));
  const refreshed = refreshValueRows({ ...mapping, values: decided }, catalog, template);
  assert.equal(refreshed.values?.find((v) => v.value === "?")?.code, "unknown");
  const rejected = pruneValueRows({ ...mapping, fields: fields.map((f) => (f.source === "patients.Sex" ? { ...f, status: "rejected" as const } : f)) });
  assert.ok(!rejected.values?.some((v) => v.source === "patients.Sex"));
  const rerouted = refreshValueRows({ ...mapping, fields: fields.map((f) => (f.source === "patients.Status" ? { ...f, model: "patient.preferredContactMethod" } : f)) }, catalog, template);
  assert.ok(rerouted.values?.filter((v) => v.source === "patients.Status").every((v) => v.model === "patient.preferredContactMethod"));
});
