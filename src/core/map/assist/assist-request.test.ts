import assert from "node:assert/strict";
import { test } from "node:test";
import { handoverConfigSchema } from "../../../config/handover-config.js";
import type { SourceCatalog } from "../../../contracts/source.js";
import { buildMapping } from "../build-mapping.js";
import { emails, firstNames, ids, repeated, stamps, table, unique } from "../match/test-fixtures.js";
import { dataverseTemplate } from "../templates/dataverse.js";
import { assistPlan } from "./assist-request.js";

const catalog: SourceCatalog = {
  sourceId: "export",
  profile: "clinic",
  tables: [
    table("patients", [unique("PatientID", ids(1000)), unique("FirstName", firstNames), unique("Email", emails), repeated("Loyalty Tier", ["Goldwing", "Silverline"])], { key: ["PatientID"], modelHint: "patient" }),
    table("appointments", [unique("ApptID", ids(5000)), unique("PatientID", ids(1000)), unique("ApptStart", stamps), repeated("Status Type", ["Kept-Slot", "Moved-Slot"])], { key: ["ApptID"], modelHint: "appointment" }),
  ],
};
const config = handoverConfigSchema.parse({ version: 1, name: "t", source: { kind: "export", path: "x" }, target: { kind: "dataverse", url: "http://127.0.0.1:9", auth: { kind: "sandbox" } } });
const mapping = buildMapping(catalog, dataverseTemplate(), config);
const allSamples = catalog.tables.flatMap((t) => t.columns.flatMap((c) => c.samples));

test("only unsure columns are asked about, one request per table, with names, shapes and the free fields", () => {
  const plan = assistPlan(catalog, mapping, new Set(), "none");
  const asked = Object.fromEntries(plan.requests.map((r) => [r.table, r.columns.map((c) => c.column)]));
  assert.deepEqual(asked, { patients: ["Loyalty Tier"], appointments: ["Status Type"] });
  const patients = plan.requests.find((r) => r.table === "patients")!;
  assert.ok(!patients.candidates.some((c) => c.field === "patient.firstName"), "a field a surer column holds is not offered");
  assert.ok(patients.candidates.some((c) => c.field === "patient.status" && c.codes?.includes("active")));
  assert.equal(patients.columns[0]!.matcherProposal, "custom property");
  assert.match(patients.columns[0]!.inferredType, /short codes/);
  const text = JSON.stringify(plan.requests);
  for (const s of allSamples) assert.ok(!text.includes(s), `sample ${s} in a request`);
  assert.deepEqual(plan.sampled, []);
});

test("with samples allowed, only columns not PHI-sensitive carry them; rows the dictionary proposed are skipped", () => {
  const plan = assistPlan(catalog, mapping, new Set(), "non-phi");
  assert.deepEqual(plan.sampled, ["appointments.Status Type"], "a custom property counts as PHI");
  assert.deepEqual(plan.requests.find((r) => r.table === "appointments")!.columns[0]!.samples, ["Kept-Slot", "Moved-Slot"]);
  assert.deepEqual(assistPlan(catalog, mapping, new Set(), "all").sampled, ["patients.Loyalty Tier", "appointments.Status Type"]);
  assert.deepEqual(assistPlan(catalog, mapping, new Set(["patients.Loyalty Tier"]), "none").requests.map((r) => r.table), ["appointments"]);
});
