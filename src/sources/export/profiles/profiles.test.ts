import { test } from "node:test";
import assert from "node:assert/strict";
import { getProfile, profiles } from "./index.js";
import { model } from "../../../model/index.js";
import { proposeObjects } from "../../../core/map/match/propose-objects.js";
import type { SourceCatalog } from "../../../contracts/source.js";

/** Objects of the practice model page (design/practice-model.md), implemented or not yet. */
const practiceModelObjects = new Set([
  "practice", "patient", "patientPracticeLink", "staff", "appointment", "treatmentCase", "treatmentProcedure", "encounter",
  "treatmentPlan", "treatmentPlanLine", "clinicalNote", "prescription", "insuranceCarrier", "insurancePolicy", "invoice",
  "payment", "claim", "referral", "document", "communication", "labResult", "intakeForm", "policyDocument", "trainingRecord",
]);

test("the registry holds Visual Practice, Core Practice and the clinic profile by id", () => {
  assert.deepEqual(Object.keys(profiles).sort(), ["clinic", "core-practice", "visual-practice"]);
  for (const [id, profile] of Object.entries(profiles)) assert.equal(getProfile(id), profile);
  assert.equal(getProfile("toString"), undefined);
});

for (const profile of Object.values(profiles)) {
  test(`${profile.name}: keys, hints, references and files hang together`, () => {
    const files = new Set<string>();
    for (const [name, table] of Object.entries(profile.tables)) {
      const file = (table.file ?? `${name}.csv`).toLowerCase();
      assert.ok(!files.has(file), `${name}: file ${file} listed twice`);
      files.add(file);
      assert.ok(table.key.length > 0, `${name}: a key`);
      assert.ok(practiceModelObjects.has(table.modelHint), `${name}: ${table.modelHint} is a practice-model object`);
      for (const reference of table.references ?? []) {
        const target = profile.tables[reference.table];
        assert.ok(target, `${name}.${reference.column}: table ${reference.table}`);
        assert.ok(target.key.includes(reference.tableColumn), `${name}.${reference.column} points at ${reference.table}'s key`);
      }
      for (const column of table.fileColumns ?? []) assert.equal(typeof column, "string");
    }
  });
}

test("a hint naming a model object not implemented yet leaves the table to the matcher, with a note", () => {
  const catalog: SourceCatalog = {
    sourceId: "export",
    profile: "core-practice",
    tables: [{ name: "tx_plans", file: "tx_plans.csv", rowCount: 1, modelHint: "treatmentPlan", columns: [] }],
  };
  const [proposal] = proposeObjects(catalog, model);
  assert.equal(proposal?.table, "tx_plans");
  assert.ok(proposal?.reasons.some((reason) => reason.includes("'treatmentPlan', which the model doesn't have")));
});
