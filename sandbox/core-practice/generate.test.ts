import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, readdir, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { corePracticeTables, generateCorePracticeExport } from "./generate.js";
import type { Manifest } from "./manifest.js";
import { writtenTable } from "./written-table.js";

async function generate(patients: number, seed: number, documents = true): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), "cp-gen-"));
  await generateCorePracticeExport({ patients, seed, outDir, documents });
  return outDir;
}

/** sha256 of every file under `dir`, by relative path. */
async function hashes(dir: string, prefix = ""): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    const path = join(dir, name);
    if ((await stat(path)).isDirectory()) Object.assign(out, await hashes(path, `${prefix}${name}/`));
    else out[`${prefix}${name}`] = createHash("sha256").update(await readFile(path)).digest("hex");
  }
  return out;
}

test("the same seed and count give byte-identical files, another seed different ones", async () => {
  const [a, b, c] = await Promise.all([generate(300, 42), generate(300, 42), generate(300, 43)]);
  const [ha, hb, hc] = await Promise.all([hashes(a), hashes(b), hashes(c)]);
  const top = Object.keys(ha).filter((name) => !name.startsWith("files/"));
  assert.deepEqual(top, [...Object.keys(corePracticeTables), "manifest.json"].sort());
  assert.ok(Object.keys(ha).length - top.length > 50, "the documents' files are there");
  assert.deepEqual(hb, ha);
  for (const name of ["patients.csv", "appointments.csv", "chart_notes.csv", "ledger.csv"]) assert.notEqual(hc[name], ha[name], name);
});

test("every file has its columns and the manifest's row and byte counts", async () => {
  const dir = await generate(500, 5);
  const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as Manifest;
  assert.equal(manifest.generator, "core-practice");
  for (const [file, columns] of Object.entries(corePracticeTables)) {
    const summary = manifest.files[file]!;
    const table = await writtenTable(dir, file, { encoding: summary.encoding });
    assert.deepEqual(table.header, columns, file);
    assert.equal(table.rows.length, summary.rows, `${file} rows`);
    assert.equal((await stat(join(dir, file))).size, summary.bytes, `${file} bytes`);
  }
  const patients = await writtenTable(dir, "patients.csv", { encoding: "windows-1252" });
  assert.equal(new Set(patients.rows.map((r) => r.values["pat_id"])).size, 500, "500 distinct patients");
  const files = await readdir(join(dir, "files"));
  assert.equal(files.length, manifest.documentFiles?.count);
  // A few appointments per patient, a ledger several times that, about a third with a plan.
  const appointments = manifest.files["appointments.csv"]!.rows;
  assert.ok(appointments > 500 * 2 && appointments < 500 * 5, `${appointments} appointments`);
  const plans = manifest.files["tx_plans.csv"]!.rows;
  assert.ok(plans > 500 * 0.25 && plans < 500 * 0.45, `${plans} plans`);
});

test("patients.csv is Windows-1252 with CRLF endings; the other files are UTF-8 with LF", async () => {
  const dir = await generate(400, 3);
  const raw = await readFile(join(dir, "patients.csv"));
  assert.notEqual(raw[0], 0xef, "no BOM");
  assert.match(raw.toString("latin1", 0, 2000), /\r\n/);
  assert.doesNotMatch(raw.toString("latin1").replace(/\r\n/g, ""), /[\r\n]/, "every line break is CRLF");
  assert.throws(() => new TextDecoder("utf-8", { fatal: true }).decode(raw), "not valid UTF-8");
  for (const file of Object.keys(corePracticeTables).filter((f) => f !== "patients.csv")) {
    const bytes = await readFile(join(dir, file));
    assert.doesNotThrow(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes), file);
    const outsideQuotes = bytes.toString("utf8").replace(/"(?:[^"]|"")*"/g, "");
    assert.doesNotMatch(outsideQuotes, /\r/, `${file} ends lines with LF`);
  }
});

test("the export uses Core Practice's own conventions", async () => {
  const dir = await generate(400, 9);
  const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as Manifest;
  const planted = new Set(manifest.dirt.flatMap((d) => ((d.kind === "bad-code" || d.kind === "bad-amount") && d.table === "tx_procedures" ? [d.row] : [])));
  const patients = await writtenTable(dir, "patients.csv", { encoding: "windows-1252" });
  const good = patients.rows.filter((r) => r.fields.length === patients.header.length);
  assert.ok(good.filter((r) => /^\d{8}$/.test(r.values["birth_dt"]!)).length > good.length * 0.9, "birth_dt is YYYYMMDD");
  assert.deepEqual(new Set(good.map((r) => r.values["gender"])), new Set(["M", "F", "U"]));
  assert.deepEqual(new Set(good.map((r) => r.values["allergy_flag"])), new Set(["Yes", "No"]));
  assert.ok(good.some((r) => r.values["contact_pref"]!.includes(";")), "multi-select contact_pref");
  for (const r of good) assert.match(r.values["created_ts"]!, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  const procedures = await writtenTable(dir, "tx_procedures.csv");
  for (const r of procedures.rows.filter((row) => !planted.has(row.line))) {
    assert.match(r.values["cdt_code"]!, /^D\d{4}$/);
    assert.match(r.values["fee"]!, /^\$\d{1,3}(,\d{3})*\.\d\d$/);
    if (r.values["tooth"]) assert.ok(Number(r.values["tooth"]) >= 1 && Number(r.values["tooth"]) <= 32);
    assert.match(r.values["surfaces"]!, /^M?O?D?B?L?$/);
  }
  assert.ok(procedures.rows.some((r) => r.values["fee"]!.includes(",")), "thousands separators");
  const ledger = await writtenTable(dir, "ledger.csv");
  assert.ok(ledger.rows.some((r) => /^\(\$[\d,]+\.\d\d\)$/.test(r.values["amount"]!)), "credits in parentheses");
  const documents = await writtenTable(dir, "documents.csv");
  for (const r of documents.rows) assert.match(r.values["file_path"]!, /^files\\[\w]+\.(pdf|jpg|png|txt)$/);
});

test("switching documents off leaves the other files as they were", async () => {
  const [withDocs, without] = await Promise.all([generate(200, 4), generate(200, 4, false)]);
  const [a, b] = await Promise.all([hashes(withDocs), hashes(without)]);
  assert.ok(!("documents.csv" in b));
  for (const name of Object.keys(b).filter((n) => n !== "manifest.json")) assert.equal(b[name], a[name], name);
});

test("bad options are usage errors", async () => {
  await assert.rejects(generateCorePracticeExport({ patients: 0, seed: 1, outDir: tmpdir() }), /--patients/);
  await assert.rejects(generateCorePracticeExport({ patients: 10, seed: 1.5, outDir: tmpdir() }), /--seed/);
  await assert.rejects(generateCorePracticeExport({ patients: 10, seed: 1, outDir: tmpdir(), largeFileBytes: 10 }), /largeFileBytes/);
});
