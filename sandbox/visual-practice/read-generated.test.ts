import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { createExportSource } from "../../src/sources/export/export-source.js";
import { visualPracticeProfile } from "../../src/sources/export/profiles/visual-practice.js";
import { generateVisualPracticeExport } from "./generate.js";
import type { Manifest } from "./manifest.js";
import type { SourceConnector } from "../../src/contracts/source.js";
import { mappedTables } from "../core-practice/mapped-tables.js";
import { writtenTable } from "../core-practice/written-table.js";

async function generated() {
  const outDir = await mkdtemp(join(tmpdir(), "vp-read-"));
  await generateVisualPracticeExport({ patients: 2000, seed: 11, outDir, largeFileBytes: 300_000 });
  const manifest = JSON.parse(await readFile(join(outDir, "manifest.json"), "utf8")) as Manifest;
  return { outDir, manifest, source: createExportSource({ root: outDir, profile: visualPracticeProfile }) };
}

const sharedExport = generated();

/** One table's records by key, as the export source reads them. */
async function recordsOf(source: SourceConnector, table: string, key: string): Promise<Map<string, Readonly<Record<string, string>>>> {
  const out = new Map<string, Readonly<Record<string, string>>>();
  for await (const item of source.read(table)) if (item.kind === "record") out.set(item.values[key] ?? "", item.values);
  return out;
}

test("reading a generated 2,000-patient export with the Visual Practice profile accounts for every row", async () => {
  const { manifest, source } = await sharedExport;
  await source.check();
  const catalog = await source.discover();
  assert.deepEqual(catalog.tables.map((t) => t.name).sort(), Object.keys(visualPracticeProfile.tables).sort());
  assert.equal(catalog.tables.length, 15);

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

test("the notes and documents tables carry the profile's hints: keys, references, timestamps and the file column", async () => {
  const { source } = await sharedExport;
  const catalog = await source.discover();
  const notes = catalog.tables.find((t) => t.name === "clinical_notes")!;
  assert.equal(notes.modelHint, "clinicalNote");
  assert.deepEqual(notes.key, ["NoteID"]);
  assert.deepEqual(notes.references?.map((r) => `${r.column}->${r.table}.${r.tableColumn}`), [
    "PatientID->patients.PatientID",
    "ApptID->appointments.ApptID",
    "AuthorProviderID->providers.ProviderID",
  ]);
  for (const column of ["WrittenDate", "LastModified"]) assert.equal(notes.columns.find((c) => c.name === column)?.dateFormat, "MM/DD/YYYY HH:mm", column);
  assert.ok(notes.columns.find((c) => c.name === "NoteText")!.maxLength > 100_000, "the long notes' length shows in the catalog");
  assert.equal(notes.fileColumns, undefined);

  const documents = catalog.tables.find((t) => t.name === "documents")!;
  assert.equal(documents.modelHint, "document");
  assert.deepEqual(documents.key, ["DocID"]);
  assert.deepEqual(documents.references?.map((r) => `${r.column}->${r.table}.${r.tableColumn}`), ["PatientID->patients.PatientID"]);
  for (const column of ["UploadedDate", "LastModified"]) assert.equal(documents.columns.find((c) => c.name === column)?.dateFormat, "MM/DD/YYYY HH:mm", column);
  assert.deepEqual(documents.fileColumns, ["FilePath"]);
});

test("multi-line, marked-up and long notes come back whole, exactly as written", async () => {
  const { outDir, manifest, source } = await sharedExport;
  const read = await recordsOf(source, "clinical_notes", "NoteID");
  const written = parse(await readFile(join(outDir, "clinical_notes.csv")), { columns: true }) as Record<string, string>[];
  assert.equal(read.size, written.length);
  for (const values of written) assert.deepEqual(read.get(values["NoteID"]!), values, values["NoteID"]);
  assert.ok(written.some((v) => v["NoteText"]!.includes("\n")), "some notes span lines");
  const long = manifest.dirt.flatMap((d) => (d.kind === "long-note" ? [d] : []));
  assert.ok(long.length > 0);
  for (const d of long) assert.equal(read.get(d.key)?.["NoteText"]?.length, d.length, d.key);
});

test("the export source finds every document's file at its FilePath, with the size the row gives, but the missing ones", async () => {
  const { outDir, manifest, source } = await sharedExport;
  const documents = await recordsOf(source, "documents", "DocID");
  const missing = new Set(manifest.dirt.flatMap((d) => (d.kind === "missing-file" ? [d.key] : [])));
  const large = manifest.dirt.flatMap((d) => (d.kind === "large-file" ? [d] : []));
  assert.ok(missing.size > 0 && large.length > 0);
  for (const [key, values] of documents) {
    const probe = await source.statFile!(values["FilePath"]!);
    if (missing.has(key)) assert.deepEqual(probe, { ok: false, problem: "missing" }, key);
    else assert.deepEqual(probe, { ok: true, size: Number(values["SizeBytes"]) }, key);
  }
  const content = await source.readFile!(large[0]!.path.replace("/", "\\"));
  assert.ok(content.ok);
  assert.equal(content.bytes.length, 300_000);
  assert.ok(Buffer.from(content.bytes).equals(await readFile(join(outDir, large[0]!.path))));
});

test("the new tables come back as written (intake_forms from Windows-1252), with the profile's keys, references and date formats", async () => {
  const { outDir, manifest, source } = await sharedExport;
  const catalog = await source.discover();
  const tables = ["insurance_carriers", "insurance_records", "treatment_cases", "treatment_procedures", "invoices", "communication_logs", "intake_forms", "lab_results"];
  for (const name of tables) {
    const hints = visualPracticeProfile.tables[name]!;
    const table = catalog.tables.find((t) => t.name === name)!;
    assert.deepEqual(table.key, hints.key, `${name} key`);
    assert.deepEqual(table.references, hints.references, `${name} references`);
    for (const [column, format] of Object.entries(hints.dateFormats ?? {})) assert.equal(table.columns.find((c) => c.name === column)?.dateFormat, format, `${name}.${column}`);
    const written = await writtenTable(outDir, `${name}.csv`, { encoding: manifest.files[`${name}.csv`]!.encoding });
    let records = 0;
    for await (const item of source.read(name)) {
      assert.notEqual(item.kind, "issue", `${name}: no row is rejected`);
      if (item.kind !== "record") continue;
      records += 1;
      assert.deepEqual(item.values, written.at(item.row)?.values, `${name} row ${item.row}`);
    }
    assert.equal(records, manifest.files[`${name}.csv`]!.rows, `${name}: every row read`);
  }
  const accented = manifest.dirt.flatMap((d) => (d.kind === "windows-1252-text" ? [d] : []));
  assert.ok(accented.length > 20);
  const forms = await recordsOf(source, "intake_forms", "FormID");
  for (const d of accented) assert.equal(forms.get(d.key)?.[d.column], d.text, `${d.key}: decoded as Windows-1252`);
});

test("the map places only the tables whose object the model holds: a new table never takes patients', notes' or another's place", async () => {
  const { source } = await sharedExport;
  assert.deepEqual(mappedTables(await source.discover()), {
    appointments: "appointment",
    clinical_notes: "clinicalNote",
    documents: "document",
    patient_practices: "patientPracticeLink",
    patients: "patient",
    practices: "practice",
    providers: "staff",
  });
});
