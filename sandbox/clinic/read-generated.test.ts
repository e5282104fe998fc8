import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createExportSource } from "../../src/sources/export/index.js";
import { clinicProfile } from "../../src/sources/export/profiles/clinic.js";
import type { Manifest } from "../core-practice/manifest.js";
import { writtenTable } from "../core-practice/written-table.js";
import { clinicFiles, generateClinicExport } from "./generate.js";
import type { Dirt } from "./manifest.js";
import { mappedTables } from "../core-practice/mapped-tables.js";

async function generated() {
  const outDir = await mkdtemp(join(tmpdir(), "clinic-read-"));
  await generateClinicExport({ patients: 1000, seed: 11, outDir });
  const manifest = JSON.parse(await readFile(join(outDir, "manifest.json"), "utf8")) as Manifest<Dirt>;
  return { outDir, manifest, source: createExportSource({ root: outDir, profile: clinicProfile }) };
}

const shared = generated();

test("the clinic profile finds every table, the ;-separated and tab-separated ones included", async () => {
  const { manifest, source } = await shared;
  await source.check();
  const catalog = await source.discover();
  assert.equal(catalog.profile, "clinic");
  const names = catalog.tables.map((t) => t.name);
  for (const name of Object.keys(clinicProfile.tables)) assert.ok(names.includes(name), `${name} found`);
  for (const table of catalog.tables.filter((t) => Object.hasOwn(clinicProfile.tables, t.name))) {
    const hints = clinicProfile.tables[table.name]!;
    assert.equal(table.rowCount, manifest.files[hints.file!]?.rows, `${table.name} rowCount`);
    assert.equal(table.modelHint, hints.modelHint);
    assert.deepEqual(table.key, hints.key, `${table.name} key`);
    assert.deepEqual(table.columns.map((c) => c.name), [...clinicFiles[hints.file as keyof typeof clinicFiles].columns], `${table.name} columns`);
  }
  assert.equal(catalog.tables.find((t) => t.name === "clients")?.columns.find((c) => c.name === "D.O.B.")?.dateFormat, "DD/MM/YYYY");
  assert.deepEqual(catalog.tables.find((t) => t.name === "attachments")?.fileColumns, ["Path"]);
});

test("every row comes back as written, and the only rejected rows are the planted malformed ones", async () => {
  const { outDir, manifest, source } = await shared;
  for (const [name, hints] of Object.entries(clinicProfile.tables)) {
    const shape = clinicFiles[hints.file as keyof typeof clinicFiles];
    const written = await writtenTable(outDir, hints.file!, { delimiter: shape.delimiter, encoding: shape.encoding });
    const issueRows: number[] = [];
    let records = 0;
    for await (const item of source.read(name)) {
      if (item.kind === "issue") issueRows.push(item.issue.row ?? -1);
      if (item.kind !== "record") continue;
      records += 1;
      assert.deepEqual(item.values, written.at(item.row)?.values, `${name} row ${item.row}`);
    }
    const malformed = manifest.dirt.flatMap((d) => (d.kind === "malformed-row" && d.table === name ? [d.row] : []));
    assert.deepEqual(issueRows, malformed, `${name}: issues only at the planted malformed rows`);
    assert.equal(records + issueRows.length, written.rows.length, `${name}: every row accounted for`);
  }
});

test("each attachment's file is served at its Path (spaces and all), but the missing ones", async () => {
  const { manifest, source } = await shared;
  const missing = new Set(manifest.dirt.flatMap((d) => (d.kind === "missing-file" ? [d.key] : [])));
  assert.ok(missing.size > 0);
  let served = 0;
  for await (const item of source.read("attachments")) {
    if (item.kind !== "record") continue;
    const probe = await source.statFile!(item.values["Path"]!);
    if (missing.has(item.values["Attachment ID"]!)) assert.deepEqual(probe, { ok: false, problem: "missing" });
    else {
      assert.ok(probe.ok, item.values["Attachment ID"]);
      served += 1;
    }
  }
  assert.equal(served, manifest.documentFiles?.count);
});

test(
  "the documents' files under files/ are content, not tables",
  async () => {
    const { source } = await shared;
    const catalog = await source.discover();
    assert.deepEqual(catalog.tables.map((t) => t.name).sort(), Object.keys(clinicProfile.tables).sort());
  },
);

test("the map places only the tables whose object the model holds: encounters, cover, scripts, claims and referrals wait for the model", async () => {
  const { manifest, source } = await shared;
  const catalog = await source.discover();
  assert.deepEqual(mappedTables(catalog), {
    attachments: "document",
    bookings: "appointment",
    client_clinics: "patientPracticeLink",
    clients: "patient",
    clinics: "practice",
    notes: "clinicalNote",
    staff: "staff",
  });
  const referrals = catalog.tables.find((t) => t.name === "referrals")!;
  assert.equal(referrals.modelHint, "referral");
  const accented = manifest.dirt.flatMap((d) => (d.kind === "windows-1252-text" ? [d] : []));
  assert.ok(accented.length > 5, "names only Windows-1252 spells");
  const read = new Map<string, Readonly<Record<string, string>>>();
  for await (const item of source.read("referrals")) if (item.kind === "record") read.set(item.values["Referral ID"]!, item.values);
  for (const d of accented) assert.equal(read.get(d.key)?.[d.column], d.text, `${d.key}: decoded as Windows-1252`);
});
