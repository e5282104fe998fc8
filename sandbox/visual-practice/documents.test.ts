import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, readdir, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { formatGeneratedExportSummary, generateVisualPracticeExport, type GenerateOptions } from "./generate.js";
import { documentColumns } from "./documents.js";
import { appointmentsNow } from "./appointments.js";
import type { Manifest } from "./manifest.js";

const minutesOf = (text: string): number | undefined => {
  const match = /^(\d\d)\/(\d\d)\/(\d{4}) (\d\d):(\d\d)$/.exec(text);
  if (!match) return undefined;
  const [m, d, y, hh, mm] = match.slice(1).map(Number) as [number, number, number, number, number];
  return Date.UTC(y, m - 1, d) / 60_000 + hh * 60 + mm;
};

type Row = Record<string, string>;

async function tableOf(dir: string, name: string): Promise<Row[]> {
  return parse(await readFile(join(dir, `${name}.csv`)), { bom: true, columns: true, relax_column_count: true }) as Row[];
}

async function generated(patients: number, seed: number, extra: Partial<GenerateOptions> = {}) {
  const outDir = await mkdtemp(join(tmpdir(), "vp-docs-"));
  const summary = await generateVisualPracticeExport({ patients, seed, outDir, largeFileBytes: 300_000, ...extra });
  const manifest = JSON.parse(await readFile(join(outDir, "manifest.json"), "utf8")) as Manifest;
  return { outDir, summary, manifest };
}

const sharedExport = generated(2000, 7);

const magic: Record<string, { head: number[]; tail: number[] }> = {
  "application/pdf": { head: [...Buffer.from("%PDF-1.4")], tail: [...Buffer.from("%%EOF\n")] },
  "image/jpeg": { head: [0xff, 0xd8, 0xff], tail: [0xff, 0xd9] },
  "image/png": { head: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], tail: [...Buffer.from("IEND"), 0xae, 0x42, 0x60, 0x82] },
  "text/plain": { head: [...Buffer.from("SYNTHETIC SANDBOX DOCUMENT")], tail: [0x0a] },
};
const extensionOf: Record<string, string> = { "application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png", "text/plain": "txt" };

test("documents.csv has its columns, about one document per four patients, of every category and type", async () => {
  const { outDir, manifest } = await sharedExport;
  const bytes = await readFile(join(outDir, "documents.csv"));
  assert.notEqual(bytes[0], 0xef);
  assert.doesNotMatch(bytes.toString(), /\r/);
  assert.equal(bytes.toString().split("\n", 1)[0], documentColumns.join(","));
  const rows = await tableOf(outDir, "documents");
  assert.equal(manifest.files["documents.csv"]?.rows, rows.length);
  assert.ok(rows.length >= 400 && rows.length <= 620, `${rows.length} documents for 2,000 patients`);
  assert.equal(new Set(rows.map((r) => r["DocID"])).size, rows.length, "DocIDs are unique");
  const patientIds = new Set((await tableOf(outDir, "patients")).map((p) => p["PatientID"]));
  for (const row of rows) {
    const where = row["DocID"]!;
    assert.match(where, /^D\d{8}$/);
    const extension = extensionOf[row["MimeType"]!];
    assert.ok(extension, `${where}: ${row["MimeType"]}`);
    assert.equal(row["FilePath"], `files/${where}.${extension}`);
    assert.ok(row["FileName"]!.endsWith(`.${extension}`), `${where}: ${row["FileName"]}`);
    assert.ok(patientIds.has(row["PatientID"]), `${where}: unknown patient`);
    const uploaded = minutesOf(row["UploadedDate"]!);
    const modified = minutesOf(row["LastModified"]!);
    assert.ok(uploaded !== undefined && modified !== undefined && uploaded <= modified && modified <= appointmentsNow, `${where}: dates`);
  }
  assert.deepEqual([...new Set(rows.map((r) => r["Category"]))].sort(), ["Consent", "Form", "Imaging", "Insurance Card", "Lab", "Other"]);
  assert.deepEqual([...new Set(rows.map((r) => r["MimeType"]))].sort(), Object.keys(magic).sort());
  assert.ok(rows.some((r) => /^consent-\d{4}-\d\d-\d\d\.pdf$/.test(r["FileName"]!)), "dated consent forms");
});

test("every file a row names exists with its size and magic bytes, except the planted missing ones", async () => {
  const { outDir, manifest } = await sharedExport;
  const rows = await tableOf(outDir, "documents");
  const dirt = manifest.dirt.filter((d) => "table" in d && d.table === "documents" && "row" in d);
  const large = new Map(dirt.flatMap((d) => (d.kind === "large-file" ? [[d.key, d] as const] : [])));
  const missing = new Map(dirt.flatMap((d) => (d.kind === "missing-file" ? [[d.key, d] as const] : [])));
  assert.equal(large.size, 2, "one large file per 1,000 patients");
  assert.equal(missing.size, 2, "one missing file per 1,000 patients");
  assert.equal(dirt.length, large.size + missing.size);

  let files = 0;
  let total = 0;
  for (const [index, row] of rows.entries()) {
    const key = row["DocID"]!;
    const path = join(outDir, row["FilePath"]!);
    const planted = large.get(key) ?? missing.get(key);
    if (planted) {
      assert.equal(planted.row, index + 2, `${key}: manifest row`);
      assert.equal(planted.column, "FilePath");
      assert.equal(planted.path, row["FilePath"]);
    }
    if (missing.has(key)) {
      await assert.rejects(stat(path), { code: "ENOENT" }, `${key}: the missing file exists`);
      continue;
    }
    const bytes = await readFile(path);
    assert.equal(bytes.length, Number(row["SizeBytes"]), `${key}: SizeBytes`);
    if (large.has(key)) assert.equal(bytes.length, 300_000, `${key}: large file size`);
    else assert.ok(bytes.length >= 300 && bytes.length <= 6 * 1024, `${key}: ${bytes.length} bytes`);
    const { head, tail } = magic[row["MimeType"]!]!;
    assert.deepEqual([...bytes.subarray(0, head.length)], head, `${key}: magic bytes`);
    assert.deepEqual([...bytes.subarray(bytes.length - tail.length)], tail, `${key}: end`);
    files += 1;
    total += bytes.length;
  }
  assert.equal((await readdir(join(outDir, "files"))).length, files, "no files beyond the rows'");
  assert.deepEqual(manifest.documentFiles, { count: files, bytes: total });
});

test("the same seed gives byte-identical documents and files", async () => {
  const [a, b] = await Promise.all([generated(300, 5), generated(300, 5)]);
  assert.ok((await readFile(join(a.outDir, "documents.csv"))).equals(await readFile(join(b.outDir, "documents.csv"))));
  const names = (await readdir(join(a.outDir, "files"))).sort();
  assert.deepEqual((await readdir(join(b.outDir, "files"))).sort(), names);
  for (const name of names) {
    assert.ok((await readFile(join(a.outDir, "files", name))).equals(await readFile(join(b.outDir, "files", name))), name);
  }
});

test("the default large file is 6 MiB, over Dataverse's 5 MB attachment limit", async () => {
  const { outDir, manifest } = await generated(60, 2, { largeFileBytes: undefined });
  const large = manifest.dirt.find((d) => d.kind === "large-file");
  assert.ok(large?.kind === "large-file");
  assert.equal(large.bytes, 6 * 1024 * 1024);
  assert.equal((await stat(join(outDir, large.path))).size, 6 * 1024 * 1024);
});

test("without documents there is no documents.csv, no files folder and no document dirt, and the rest is unchanged", async () => {
  const [plain, full] = await Promise.all([generated(300, 9, { documents: false }), generated(300, 9)]);
  const names = (await readdir(plain.outDir)).sort();
  assert.ok(!names.includes("documents.csv") && !names.includes("files"), names.join(", "));
  assert.equal(plain.manifest.documentFiles, undefined);
  assert.ok(!plain.manifest.dirt.some((d) => "table" in d && d.table === "documents"));
  // lab_results links its reports in documents.csv: without them DocID is blank but for the planted dangling ones.
  for (const name of names.filter((n) => n.endsWith(".csv") || n.endsWith(".json")).filter((n) => n !== "manifest.json" && n !== "lab_results.csv")) {
    assert.ok((await readFile(join(plain.outDir, name))).equals(await readFile(join(full.outDir, name))), `${name} changed`);
  }
  const [labsPlain, labsFull] = await Promise.all([tableOf(plain.outDir, "lab_results"), tableOf(full.outDir, "lab_results")]);
  const dangling = new Set(plain.manifest.dirt.flatMap((d) => (d.kind === "dangling-reference" && d.column === "DocID" ? [d.key] : [])));
  assert.equal(labsPlain.length, labsFull.length);
  assert.ok(labsFull.some((r) => r["DocID"] !== "" && !dangling.has(r["LabResultID"]!)), "with documents, results link their reports");
  labsPlain.forEach((row, index) => {
    assert.equal(row["DocID"] !== "", dangling.has(row["LabResultID"]!), `${row["LabResultID"]}: DocID`);
    assert.deepEqual({ ...row, DocID: "" }, { ...labsFull[index], DocID: "" }, `${row["LabResultID"]} changed`);
  });
});

test("files over 25 MB and 128 MB are planted sparse when asked for, and switching them on changes nothing else", async () => {
  const [on, off] = await Promise.all([generated(1100, 3, { largeFiles: true }), generated(1100, 3)]);
  const sizes = (m: Manifest) => m.dirt.flatMap((d) => (d.kind === "large-file" ? [d.bytes] : [])).sort((a, b) => a - b);
  assert.deepEqual(sizes(on.manifest), [...sizes(off.manifest), 26 * 1024 * 1024, 129 * 1024 * 1024]);
  for (const d of on.manifest.dirt.flatMap((x) => (x.kind === "large-file" && x.key.startsWith("DXL") ? [x] : []))) {
    const info = await stat(join(on.outDir, d.path));
    assert.equal(info.size, d.bytes);
    assert.ok(info.blocks * 512 < 1024 * 1024, `${d.path} takes ${info.blocks * 512} bytes on disk`);
  }
  for (const name of (await readdir(off.outDir)).filter((n) => n.endsWith(".csv") && n !== "documents.csv")) {
    assert.ok((await readFile(join(on.outDir, name))).equals(await readFile(join(off.outDir, name))), `${name} changed`);
  }
  const rest = (await readFile(join(on.outDir, "documents.csv"), "utf8")).split("\n").filter((line) => !line.startsWith("DXL")).join("\n");
  assert.equal(rest, await readFile(join(off.outDir, "documents.csv"), "utf8"));
});

test("a missing file stays missing when an earlier run left a file at its path", async () => {
  const { outDir, manifest } = await generated(60, 4);
  const missing = manifest.dirt.find((d) => d.kind === "missing-file");
  assert.ok(missing?.kind === "missing-file");
  await writeFile(join(outDir, missing.path), "left over");
  await generateVisualPracticeExport({ patients: 60, seed: 4, outDir, largeFileBytes: 300_000 });
  await assert.rejects(stat(join(outDir, missing.path)), { code: "ENOENT" });
});

test("the summary lists the new files, the documents' files and the new dirt kinds", async () => {
  const { summary, manifest } = await sharedExport;
  const text = formatGeneratedExportSummary(summary);
  assert.match(text, new RegExp(`clinical_notes\\.csv\\s+${manifest.files["clinical_notes.csv"]!.rows} rows`));
  assert.match(text, new RegExp(`documents\\.csv\\s+${manifest.files["documents.csv"]!.rows} rows`));
  assert.match(text, new RegExp(`files/\\s+${manifest.documentFiles!.count} files\\s+${manifest.documentFiles!.bytes} bytes`));
  for (const kind of ["long-note", "empty-note"]) assert.match(text, new RegExp(`${kind}\\s+\\d+\\s+\\(clinical_notes\\)`));
  for (const kind of ["large-file", "missing-file"]) assert.match(text, new RegExp(`${kind}\\s+2\\s+\\(documents\\)`));
});
