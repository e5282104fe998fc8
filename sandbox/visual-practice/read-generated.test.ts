import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createExportSource } from "../../src/sources/export/export-source.js";
import { visualPracticeProfile } from "../../src/sources/export/profiles/visual-practice.js";
import { generateVisualPracticeExport } from "./generate.js";
import type { Manifest } from "./manifest.js";

test("reading a generated 2,000-patient export with the Visual Practice profile accounts for every row", async () => {
  const outDir = await mkdtemp(join(tmpdir(), "vp-read-"));
  await generateVisualPracticeExport({ patients: 2000, seed: 11, outDir });
  const manifest = JSON.parse(await readFile(join(outDir, "manifest.json"), "utf8")) as Manifest;
  const source = createExportSource({ root: outDir, profile: visualPracticeProfile });
  await source.check();
  const catalog = await source.discover();
  assert.deepEqual(catalog.tables.map((t) => t.name).sort(), ["appointments", "patient_practices", "patients", "practices", "providers"]);

  for (const table of catalog.tables) {
    const expected = manifest.files[`${table.name}.csv`]?.rows;
    assert.equal(table.rowCount, expected, `${table.name} rowCount`);
    assert.equal(table.modelHint, visualPracticeProfile.tables[table.name]?.modelHint);
    let records = 0;
    const issueRows: number[] = [];
    for await (const item of source.read(table.name)) {
      if (item.kind === "record") records += 1;
      if (item.kind === "issue") issueRows.push(item.issue.row ?? -1);
    }
    assert.equal(records + issueRows.length, expected, `${table.name} records + issues`);
    const malformed = manifest.dirt.flatMap((d) => (d.kind === "malformed-row" && d.table === table.name ? [d.row] : []));
    assert.deepEqual(issueRows, malformed, `${table.name} issues are exactly the planted malformed rows`);
  }

  const patients = catalog.tables.find((t) => t.name === "patients")!;
  assert.ok(patients.columns.some((c) => c.name === "Custom_ParkingPermit"), "columns the profile doesn't name flow through");
  assert.equal(patients.columns.find((c) => c.name === "DOB")?.dateFormat, "MM/DD/YYYY");
  assert.equal(patients.columns[0]?.name, "PatientID", "the BOM is not part of the first column name");

  const appointments = catalog.tables.find((t) => t.name === "appointments")!;
  assert.equal(appointments.modelHint, "appointment");
  assert.deepEqual(appointments.references?.map((r) => `${r.column}->${r.table}.${r.tableColumn}`), [
    "PatientID->patients.PatientID",
    "ProviderID->providers.ProviderID",
    "PracticeID->practices.PracticeID",
  ]);
  for (const column of ["ApptStart", "ApptEnd", "CreatedDate", "LastModified"]) {
    assert.equal(appointments.columns.find((c) => c.name === column)?.dateFormat, "MM/DD/YYYY HH:mm", column);
  }
});
