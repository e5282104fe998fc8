import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createExportSource } from "../../src/sources/export/index.js";
import { corePracticeProfile } from "../../src/sources/export/profiles/core-practice.js";
import { generateCorePracticeExport } from "./generate.js";
import type { Manifest } from "./manifest.js";
import { writtenTable } from "./written-table.js";
import { mappedTables } from "./mapped-tables.js";

async function generated() {
  const outDir = await mkdtemp(join(tmpdir(), "cp-read-"));
  await generateCorePracticeExport({ patients: 1000, seed: 11, outDir });
  const manifest = JSON.parse(await readFile(join(outDir, "manifest.json"), "utf8")) as Manifest;
  return { outDir, manifest, source: createExportSource({ root: outDir, profile: corePracticeProfile }) };
}

const shared = generated();

test("the Core Practice profile finds every table with its row count, hint, key, references and file column", async () => {
  const { manifest, source } = await shared;
  await source.check();
  const catalog = await source.discover();
  assert.equal(catalog.profile, "core-practice");
  const names = catalog.tables.map((t) => t.name);
  for (const name of Object.keys(corePracticeProfile.tables)) assert.ok(names.includes(name), `${name} found`);
  for (const table of catalog.tables.filter((t) => Object.hasOwn(corePracticeProfile.tables, t.name))) {
    const hints = corePracticeProfile.tables[table.name]!;
    assert.equal(table.rowCount, manifest.files[hints.file!]?.rows, `${table.name} rowCount`);
    assert.equal(table.modelHint, hints.modelHint);
    assert.deepEqual(table.key, hints.key);
    assert.deepEqual(table.references ?? [], hints.references ?? [], `${table.name} references`);
  }
  const patients = catalog.tables.find((t) => t.name === "patients")!;
  for (const column of ["cust_parking_spot", "cust_school_nm", "cust_sports_guard"]) assert.ok(patients.columns.some((c) => c.name === column), column);
  assert.equal(patients.columns[0]?.name, "pat_id");
  assert.equal(catalog.tables.find((t) => t.name === "documents")?.fileColumns?.[0], "file_path");
  assert.ok(catalog.tables.find((t) => t.name === "chart_notes")!.columns.find((c) => c.name === "note_txt")!.maxLength > 32_768);
});

test("every row comes back as written, and the only rejected rows are the planted malformed ones", async () => {
  const { outDir, manifest, source } = await shared;
  for (const [name, hints] of Object.entries(corePracticeProfile.tables)) {
    const written = await writtenTable(outDir, hints.file!, { encoding: manifest.files[hints.file!]!.encoding });
    const issueRows: number[] = [];
    let records = 0;
    for await (const item of source.read(name)) {
      if (item.kind === "issue") issueRows.push(item.issue.row ?? -1);
      if (item.kind !== "record") continue;
      records += 1;
      const expected = written.at(item.row)?.values;
      // Names outside ASCII in the Windows-1252 file are compared in the test for encodings below.
      if (name !== "patients") assert.deepEqual(item.values, expected, `${name} row ${item.row}`);
      else assert.equal(item.values["pat_id"], expected?.["pat_id"], `${name} row ${item.row}`);
    }
    const malformed = manifest.dirt.flatMap((d) => (d.kind === "malformed-row" && d.table === name ? [d.row] : []));
    assert.deepEqual(issueRows, malformed, `${name}: issues only at the planted malformed rows`);
    assert.equal(records + issueRows.length, written.rows.length, `${name}: every row accounted for`);
  }
});

test("patients.csv's Windows-1252 names come back decoded", async () => {
  const { outDir, manifest, source } = await shared;
  const written = await writtenTable(outDir, "patients.csv", { encoding: "windows-1252" });
  const read = new Map<number, Readonly<Record<string, string>>>();
  for await (const item of source.read("patients")) if (item.kind === "record") read.set(item.row, item.values);
  const planted = manifest.dirt.flatMap((d) => (d.kind === "windows-1252-text" ? [d] : []));
  assert.ok(planted.length > 0);
  for (const d of planted) assert.equal(read.get(d.row)?.[d.column], d.text, `row ${d.row}`);
  for (const row of written.rows) if (read.has(row.line)) assert.deepEqual(read.get(row.line), row.values, `row ${row.line}`);
});

test("each document's file is served at its Windows-style path with the size in KiB the row gives, but the missing ones", async () => {
  const { manifest, source } = await shared;
  const missing = new Set(manifest.dirt.flatMap((d) => (d.kind === "missing-file" ? [d.key] : [])));
  assert.ok(missing.size > 0);
  let served = 0;
  for await (const item of source.read("documents")) {
    if (item.kind !== "record") continue;
    const probe = await source.statFile!(item.values["file_path"]!);
    if (missing.has(item.values["doc_id"]!)) {
      assert.deepEqual(probe, { ok: false, problem: "missing" });
      continue;
    }
    assert.ok(probe.ok, item.values["doc_id"]);
    assert.equal(Math.ceil(probe.size / 1024), Number(item.values["file_sz_kb"]));
    served += 1;
  }
  assert.equal(served, manifest.documentFiles?.count);
});

test(
  "the documents' files under files/ are content, not tables",
  async () => {
    const { source } = await shared;
    const catalog = await source.discover();
    assert.deepEqual(catalog.tables.map((t) => t.name).sort(), Object.keys(corePracticeProfile.tables).sort());
  },
);

test("the map places only the tables whose object the model holds: plans, procedures, insurance and the ledger wait for the model", async () => {
  const { source } = await shared;
  assert.deepEqual(mappedTables(await source.discover()), {
    appointments: "appointment",
    chart_notes: "clinicalNote",
    documents: "document",
    offices: "practice",
    patients: "patient",
    providers: "staff",
  });
});
