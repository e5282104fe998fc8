import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, readdir, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hugeFileBytes } from "../core-practice/documents.js";
import type { Manifest } from "../core-practice/manifest.js";
import { writtenTable } from "../core-practice/written-table.js";
import { clinicFiles, generateClinicExport, type GenerateClinicOptions } from "./generate.js";
import type { Dirt } from "./manifest.js";

async function generate(patients: number, seed: number, extra: Partial<GenerateClinicOptions> = {}) {
  const dir = await mkdtemp(join(tmpdir(), "clinic-gen-"));
  await generateClinicExport({ patients, seed, outDir: dir, ...extra });
  return { dir, manifest: JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as Manifest<Dirt> };
}

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
  const [ha, hb, hc] = await Promise.all([hashes(a.dir), hashes(b.dir), hashes(c.dir)]);
  const top = Object.keys(ha).filter((name) => !name.startsWith("files/"));
  assert.deepEqual(top, [...Object.keys(clinicFiles), "manifest.json"].sort());
  assert.ok(Object.keys(ha).length - top.length > 50, "the attachments' files are there");
  assert.deepEqual(hb, ha);
  for (const name of ["Clients.csv", "Bookings.csv", "Notes.csv", "Invoices.tsv", "Encounters.csv", "Insurance.csv", "Claims.csv", "Referrals.csv"]) {
    assert.notEqual(hc[name], ha[name], name);
  }
});

test("each file has its delimiter, BOM, line endings, columns and the manifest's counts", async () => {
  const { dir, manifest } = await generate(500, 5);
  for (const [file, shape] of Object.entries(clinicFiles)) {
    const bytes = await readFile(join(dir, file));
    assert.equal(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), shape.bom, `${file} BOM`);
    const firstLine = bytes.toString("utf8").replace(/^\uFEFF/, "").split("\n", 1)[0]!;
    assert.equal(firstLine.endsWith("\r"), shape.eol === "crlf", `${file} line ending`);
    assert.equal(firstLine.replace(/\r$/, ""), shape.columns.join(shape.delimiter), `${file} header`);
    const table = await writtenTable(dir, file, { delimiter: shape.delimiter, encoding: shape.encoding });
    assert.equal(table.rows.length, manifest.files[file]?.rows, `${file} rows`);
    assert.equal(bytes.length, manifest.files[file]?.bytes, `${file} bytes`);
  }
  const clients = await writtenTable(dir, "Clients.csv");
  assert.equal(new Set(clients.rows.map((r) => r.values["Client ID"])).size, 500);
});

test("the export uses the clinic's conventions: one name column, day-first dates, 12-hour times, text durations and sizes", async () => {
  const { dir } = await generate(400, 9);
  const clients = (await writtenTable(dir, "Clients.csv")).rows.filter((r) => r.fields.length === clinicFiles["Clients.csv"].columns.length);
  assert.ok(clients.some((r) => Number(r.values["D.O.B."]!.slice(0, 2)) > 12), "D.O.B. is day first");
  assert.ok(clients.filter((r) => /^\d\d\/\d\d\/\d{4}$/.test(r.values["D.O.B."]!)).length > clients.length * 0.9);
  assert.ok(clients.every((r) => !("First Name" in r.values)) && clients.some((r) => r.values["Full Name"]!.includes(", ")));
  assert.ok(clients.some((r) => /^0491 57\d \d{3}$/.test(r.values["Mobile"]!)) && clients.some((r) => r.values["Mobile"]!.startsWith("+61 ")));
  assert.ok(clients.some((r) => r.values["Tags"]!.includes(";")));
  const bookings = await writtenTable(dir, "Bookings.csv", { delimiter: ";" });
  for (const r of bookings.rows) {
    assert.match(r.values["Time"]!, /^\d{1,2}:\d\d (am|pm)$/);
    assert.match(r.values["Duration"]!, /^(\d+ min|\d+ hr( \d+ min)?)$/);
  }
  assert.ok(bookings.rows.some((r) => r.values["Notes"]!.includes(",")), "commas inside unquoted fields of the ;-file");
  const referrals = await readFile(join(dir, "Referrals.csv"));
  assert.throws(() => new TextDecoder("utf-8", { fatal: true }).decode(referrals), "Referrals.csv is not UTF-8");
  const attachments = await writtenTable(dir, "Attachments.csv");
  for (const r of attachments.rows) assert.match(r.values["Size"]!, /^\d+(\.\d)? (B|KB|MB)$/);
  assert.ok(attachments.rows.some((r) => r.values["Path"]!.includes(" ")), "paths with spaces");
});

test("large attachments are sparse files of the exact size, and switching them on changes nothing else", async () => {
  const [on, off] = await Promise.all([generate(1100, 3, { largeFiles: true, largeFileBytes: 26_000_000 }), generate(1100, 3)]);
  const large = on.manifest.dirt.flatMap((d) => (d.kind === "large-file" ? [d] : []));
  assert.deepEqual(large.map((d) => d.bytes).sort((a, b) => a - b), [26_000_000, hugeFileBytes]);
  for (const d of large) {
    const info = await stat(join(on.dir, d.path));
    assert.equal(info.size, d.bytes);
    assert.ok(info.blocks * 512 < 1024 * 1024, `${d.path} takes ${info.blocks * 512} bytes on disk`);
  }
  const [hOn, hOff] = await Promise.all([hashes(on.dir), hashes(off.dir)]);
  for (const name of Object.keys(hOff).filter((n) => n !== "manifest.json" && n !== "Attachments.csv")) assert.equal(hOn[name], hOff[name], name);
  const rest = (await readFile(join(on.dir, "Attachments.csv"), "utf8")).split("\n").filter((line) => !line.startsWith("XL")).join("\n");
  assert.equal(rest, await readFile(join(off.dir, "Attachments.csv"), "utf8"));
});

test("bad options are usage errors", async () => {
  await assert.rejects(generateClinicExport({ patients: 0, seed: 1, outDir: tmpdir() }), /--patients/);
  await assert.rejects(generateClinicExport({ patients: 10, seed: Number.NaN, outDir: tmpdir() }), /--seed/);
});
