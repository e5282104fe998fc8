import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { HandoverError } from "../../contracts/handover-error.js";
import { createExportSource } from "./export-source.js";
import { collect, exportFolder, outcomes, records } from "./test-support.js";

async function workbook(root: string, file: string, sheets: Record<string, unknown[][]>): Promise<void> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  await book.xlsx.writeFile(join(root, file));
}

test("every sheet of a workbook is a table; cells become text — dates ISO, numbers as stored, formulas by result", async () => {
  const root = await exportFolder({});
  await workbook(root, "practice.xlsx", {
    Patients: [
      ["PatientID", "Name", "DOB", "Balance", "Active", "Total"],
      ["P1", "José", new Date(Date.UTC(1990, 0, 31)), 12.5, true, { formula: "D2*2", result: 25 }],
      ["P2", { richText: [{ text: "Zo" }, { text: "ë" }] }, new Date(Date.UTC(2024, 2, 4, 14, 22)), 3, false, null],
      [],
      ["P3", "Cy"],
      ["P4", "Di", null, null, null, null, "extra"],
    ],
    Visits: [["VisitID", "PatientID"], ["V1", "P1"]],
  });
  const source = createExportSource({ root });
  const catalog = await source.discover();
  assert.deepEqual(catalog.tables.map((t) => [t.name, t.file, t.rowCount]), [["patients", "practice.xlsx", 4], ["visits", "practice.xlsx", 1]]);
  const items = await collect(source.read("patients"));
  assert.deepEqual(outcomes(items), ["r2", "r3", "r5", "HO-SRC-003@6"]);
  assert.deepEqual(records(items).map((r) => r.values), [
    { PatientID: "P1", Name: "José", DOB: "1990-01-31", Balance: "12.5", Active: "TRUE", Total: "25" },
    { PatientID: "P2", Name: "Zoë", DOB: "2024-03-04T14:22:00", Balance: "3", Active: "FALSE", Total: "" },
    { PatientID: "P3", Name: "Cy", DOB: "", Balance: "", Active: "", Total: "" },
  ]);
});

test("a sheet name two workbooks share is named <file>/<sheet>; a profile can name a sheet", async () => {
  const root = await exportFolder({});
  await workbook(root, "a.xlsx", { Patients: [["Id"], ["1"]], Notes: [["Id"], ["n"]] });
  await workbook(root, "b.xlsx", { Patients: [["Id"], ["2"]] });
  const profile = { id: "p", name: "P", tables: { people: { file: "B.xlsx/patients", key: ["Id"], modelHint: "patient" } } };
  assert.deepEqual((await createExportSource({ root }).discover()).tables.map((t) => t.name).sort(), ["a/patients", "b/patients", "notes"]);
  const named = await createExportSource({ root, profile }).discover();
  assert.deepEqual(named.tables.map((t) => t.name).sort(), ["notes", "patients", "people"], "once b.xlsx's sheet is 'people', a.xlsx's is unambiguous");
  assert.deepEqual(named.tables.find((t) => t.name === "people")?.key, ["Id"]);
});

test("a file named .xlsx that isn't one is HO-SRC-013 when its table is read", async () => {
  const root = await exportFolder({ "bad.xlsx": "not a workbook", "ok.csv": "a\n1\n" });
  const source = createExportSource({ root });
  assert.equal(records(await collect(source.read("ok"))).length, 1, "other tables still read");
  await assert.rejects(collect(source.read("bad")), (e: unknown) => e instanceof HandoverError && e.code === "HO-SRC-013");
});
