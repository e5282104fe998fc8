import assert from "node:assert/strict";
import { mkdtemp, readFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import type { SourceItem } from "../../src/contracts/source.js";
import { createFhirNdjsonSource } from "../../src/sources/fhir/index.js";
import { generateFhirExport, generatedTypes } from "./generate.js";

const temp = (label: string) => mkdtemp(join(tmpdir(), `fhir-gen-${label}-`));

test("the same seed and count give byte-identical files", async () => {
  const [a, b] = [await temp("a"), await temp("b")];
  await generateFhirExport({ patients: 40, seed: 11, outDir: a });
  await generateFhirExport({ patients: 40, seed: 11, outDir: b });
  const names = (await readdir(a)).filter((f) => f.endsWith(".ndjson") || f === "manifest.json").sort();
  assert.equal(names.length, generatedTypes.length + 1);
  for (const name of names) assert.deepEqual(await readFile(join(a, name)), await readFile(join(b, name)), name);
  assert.deepEqual(await readdir(join(a, "binaries")), await readdir(join(b, "binaries")));
});

test("every file reads cleanly through the NDJSON source and the manifest's counts match", async () => {
  const outDir = await temp("read");
  const { manifest, dirtCounts } = await generateFhirExport({ patients: 60, seed: 3, outDir });
  const source = createFhirNdjsonSource({ root: outDir, filesDir: await temp("files") });
  const catalog = await source.discover();
  assert.deepEqual(catalog.tables.map((t) => t.name).sort(), [...generatedTypes, "ClinicalNote", "PatientPracticeLink"].sort());
  const notes = manifest.dirt.filter((d) => d.kind === "clinical-note").length;
  const extraAttachments = manifest.dirt.reduce((sum, d) => sum + (d.kind === "multi-attachment" ? d.attachments - 1 : 0), 0);
  for (const table of catalog.tables) {
    if (table.name === "ClinicalNote") assert.equal(table.rowCount, notes, "a row per note");
    else if (table.name === "DocumentReference") assert.equal(table.rowCount, (manifest.files["DocumentReference.ndjson"]?.rows ?? 0) - notes + extraAttachments, "a row per attachment of every other DocumentReference");
    else if (table.name !== "PatientPracticeLink") assert.equal(table.rowCount, manifest.files[`${table.name}.ndjson`]?.rows, table.name);
  }
  for (const kind of ["near-duplicate", "bad-phone", "bad-email", "bad-date", "no-timezone", "orphan-reference", "end-before-start",
    "inactive-practitioner", "inline-attachment", "binary-attachment", "url-attachment", "large-attachment", "missing-binary", "multi-attachment",
    "clinical-note", "gp-role", "gp-organization"] as const) {
    assert.ok((dirtCounts[kind] ?? 0) > 0, `plants ${kind}`);
  }
  const items: SourceItem[] = [];
  for await (const item of source.read("Patient")) items.push(item);
  assert.equal(items.filter((i) => i.kind === "issue").length, 0, "no bad lines in patients");
  const ids = new Set(items.flatMap((i) => (i.kind === "record" ? [i.key] : [])));
  for (const d of manifest.dirt) if (d.kind === "near-duplicate") for (const k of d.keys) assert.ok(ids.has(k));
  const text = await readFile(join(outDir, "Patient.ndjson"), "utf8");
  assert.doesNotMatch(text, /\b\d{3}-\d{2}-\d{4}\b/, "no SSN-shaped values");
});

test("attachments come in every way the manifest says, and large ones have the configured size", async () => {
  const outDir = await temp("docs");
  const { manifest } = await generateFhirExport({ patients: 30, seed: 5, outDir, largeAttachmentBytes: 5000 });
  const lines = (await readFile(join(outDir, "DocumentReference.ndjson"), "utf8")).trim().split("\n").map((l) => JSON.parse(l));
  const byId = new Map(lines.map((r) => [r.id, r.content[0].attachment]));
  assert.ok(manifest.dirt.some((d) => d.kind === "multi-attachment" && lines.find((r) => r.id === d.key).content.length === d.attachments));
  for (const d of manifest.dirt) {
    if (d.kind === "inline-attachment") assert.equal(Buffer.from(byId.get(d.key).data, "base64").length, d.bytes);
    if (d.kind === "binary-attachment") assert.match(byId.get(d.key).url, /^Binary\//);
    if (d.kind === "url-attachment") assert.match(byId.get(d.key).url, /^https:\/\//);
    if (d.kind === "large-attachment") assert.equal(d.bytes, 5000);
  }
});

test("clinical notes, every attachment and the practice links come out of the export as the manifest says", async () => {
  const outDir = await temp("notes");
  const { manifest } = await generateFhirExport({ patients: 60, seed: 8, outDir });
  const source = createFhirNdjsonSource({ root: outDir, filesDir: await temp("files") });
  const read = async (table: string) => {
    const items: SourceItem[] = [];
    for await (const item of source.read(table)) items.push(item);
    return { records: items.flatMap((i) => (i.kind === "record" ? [i] : [])), issues: items.flatMap((i) => (i.kind === "issue" ? [i.issue] : [])) };
  };
  const notes = manifest.dirt.flatMap((d) => (d.kind === "clinical-note" ? [d] : []));
  const noteRows = await read("ClinicalNote");
  assert.deepEqual(noteRows.records.map((r) => r.key), notes.map((d) => d.key));
  for (const d of notes) {
    const row = noteRows.records.find((r) => r.key === d.key)!.values;
    assert.equal(row.format, d.format, d.key);
    // Without the server, a note by Binary URL can't be fetched: an empty body and a warning.
    assert.equal(row.body?.length, d.how === "inline" ? d.chars : 0, d.key);
    assert.ok(row.patient?.startsWith("pat-") && row.author?.startsWith("prac-") && row.date_written !== "", d.key);
  }
  assert.ok(notes.some((d) => d.chars > 32_768 && d.how === "inline"), "one note is longer than a CRM note column");
  assert.ok(notes.some((d) => d.renditions > 1), "one note has two renditions, and is still one note");
  assert.equal(noteRows.issues.filter((i) => i.code === "HO-SRC-030").length, notes.filter((d) => d.how === "binary").length);

  const docs = await read("DocumentReference");
  const docLines = (await readFile(join(outDir, "DocumentReference.ndjson"), "utf8")).trim().split("\n").map((l) => String(JSON.parse(l).id));
  const noteKeys = new Set(notes.map((d) => d.key));
  assert.ok(docs.records.every((r) => !noteKeys.has((r.key ?? "").split("#")[0]!)), "a note is never a document too");
  for (const d of manifest.dirt) {
    if (d.kind !== "multi-attachment") continue;
    // Without the server, an attachment by URL can't be had: its row is an issue instead (HO-SRC-032).
    const rows = docs.records.filter((r) => r.key === d.key || (r.key ?? "").startsWith(`${d.key}#`));
    const expected = Array.from({ length: d.attachments }, (_, i) => (i === 0 ? d.key : `${d.key}#${i + 1}`));
    assert.ok(rows.every((r) => expected.includes(r.key ?? "")), d.key);
    const line = docLines.indexOf(d.key) + 1;
    assert.equal(rows.length + docs.issues.filter((i) => i.code === "HO-SRC-032" && i.row === line).length, d.attachments, `${d.key}: each attachment a row or an issue`);
  }
  assert.ok(manifest.dirt.some((d) => d.kind === "multi-attachment" && docs.records.filter((r) => (r.key ?? "").startsWith(`${d.key}#`)).length > 0), "some second attachment reads as its own row");

  const links = await read("PatientPracticeLink");
  const patients = (await read("Patient")).records;
  const linkedPatients = new Set(links.records.map((r) => r.values.patient));
  assert.equal(linkedPatients.size, patients.length, "every patient has a practice link");
  for (const d of manifest.dirt) {
    if (d.kind !== "gp-organization" && d.kind !== "gp-role") continue;
    assert.ok(links.records.some((r) => r.values.patient === d.key && r.values.role === "primaryCare"), `${d.kind} ${d.key} gives a primary-care link`);
  }
  const orphans = manifest.dirt.filter((d) => d.kind === "orphan-reference" && d.table === "Patient").length;
  assert.equal(links.issues.filter((i) => i.code === "HO-SRC-031").length, orphans, "a general practitioner of no known practice is a warning");
  assert.ok(links.records.every((r) => r.key === r.values.id && ["primaryCare", "other"].includes(r.values.role ?? "")));
});
