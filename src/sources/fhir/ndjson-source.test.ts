import assert from "node:assert/strict";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import type { Checkpoint, SourceItem } from "../../contracts/source.js";
import { HandoverError } from "../../contracts/handover-error.js";
import { createFhirNdjsonSource } from "./ndjson-source.js";
import { ndjsonFolder, patient } from "./test-files.js";

async function collect(items: AsyncIterable<SourceItem>): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}
const filesDir = () => mkdtemp(join(tmpdir(), "fhir-files-"));
const records = (items: SourceItem[]) => items.filter((i) => i.kind === "record");

test("parts are read in numeric order, with CRLF, a BOM and blank lines, and rows are line numbers", async () => {
  const root = await mkdtemp(join(tmpdir(), "fhir-parts-"));
  await writeFile(join(root, "Patient.2.ndjson"), `${JSON.stringify(patient(3))}\n`);
  await writeFile(join(root, "Patient.10.ndjson"), `${JSON.stringify(patient(4))}\n`);
  await writeFile(join(root, "Patient.1.ndjson"), `\uFEFF${JSON.stringify(patient(1))}\r\n\r\n${JSON.stringify(patient(2))}\r\n`);
  const items = await collect(createFhirNdjsonSource({ root, filesDir: await filesDir() }).read("Patient"));
  assert.deepEqual(records(items).map((r) => r.kind === "record" && `${r.file}:${r.row}:${r.key}`), [
    "Patient.1.ndjson:1:p0001", "Patient.1.ndjson:3:p0002", "Patient.2.ndjson:1:p0003", "Patient.10.ndjson:1:p0004",
  ]);
});

test("a checkpoint resumes at the exact byte across parts, and a changed file refuses it", async () => {
  const root = await ndjsonFolder({
    "Patient.000.ndjson": [patient(1), patient(2), patient(3)],
    "Patient.001.ndjson": [patient(4), "oops", patient(5)],
  });
  const source = createFhirNdjsonSource({ root, filesDir: await filesDir(), checkpointEvery: 2 });
  const all = await collect(source.read("Patient"));
  const checkpoints = all.filter((i): i is Checkpoint => i.kind === "checkpoint");
  assert.equal(checkpoints.length, 3);
  const rest = await collect(source.read("Patient", { after: checkpoints[1]! }));
  assert.deepEqual(rest.filter((i) => i.kind !== "checkpoint").map((i) => (i.kind === "record" ? i.key : i.kind === "issue" ? `!${i.issue.row}` : "")), ["!2", "p0005"]);
  await writeFile(join(root, "Patient.001.ndjson"), `${JSON.stringify(patient(4))}\n`);
  await assert.rejects(collect(source.read("Patient", { after: checkpoints[1]! })), (e: unknown) => e instanceof HandoverError && e.code === "HO-SRC-008");
});

test("discover lists every resource type with key id, model hint, references and file columns", async () => {
  const root = await ndjsonFolder({
    "Patient.ndjson": [patient(1), patient(2)],
    "Organization.ndjson": [{ resourceType: "Organization", id: "o1", name: "Main Clinic" }],
    "Observation.ndjson": [{ resourceType: "Observation", id: "ob1", status: "final", subject: { reference: "Patient/p0001" } }],
    "DocumentReference.ndjson": [{ resourceType: "DocumentReference", id: "d1", subject: { reference: "Patient/p0001" } }],
    "notes.txt": "ignored",
  });
  const catalog = await createFhirNdjsonSource({ root, filesDir: await filesDir() }).discover();
  assert.deepEqual(catalog.tables.map((t) => [t.name, t.rowCount, t.modelHint ?? "-"]), [
    ["DocumentReference", 1, "document"], ["ClinicalNote", 0, "clinicalNote"], ["Observation", 1, "-"], ["Organization", 1, "practice"],
    ["Patient", 2, "patient"], ["PatientPracticeLink", 0, "patientPracticeLink"],
  ]);
  const patients = catalog.tables.find((t) => t.name === "Patient")!;
  assert.deepEqual(patients.key, ["id"]);
  assert.ok(patients.references?.some((r) => r.column === "managingOrganization" && r.table === "Organization" && r.tableColumn === "id"));
  assert.deepEqual(patients.columns.find((c) => c.name === "name_family")?.samples, ["Family1", "Family2"]);
  assert.deepEqual(catalog.tables.find((t) => t.name === "DocumentReference")?.fileColumns, ["attachment_path"]);
  assert.deepEqual(catalog.tables.find((t) => t.name === "Observation")?.columns.map((c) => c.name), ["id", "status", "subject", "meta_lastUpdated"]);
});

test("changedAt is meta.lastUpdated as a UTC instant, and a delta keeps records at the cursor's instant only past its key", async () => {
  const root = await ndjsonFolder({
    "Patient.ndjson": [patient(1, "2024-02-01T12:00:00+02:00"), patient(2, "2024-02-01T10:00:00Z"), patient(3, "2024-02-01T10:00:00.000Z"), patient(4, "2024-01-01T00:00:00Z"), { ...patient(5), meta: {} }],
  });
  const source = createFhirNdjsonSource({ root, filesDir: await filesDir() });
  const all = records(await collect(source.read("Patient")));
  assert.deepEqual(all.map((r) => r.kind === "record" && r.changedAt), ["2024-02-01T10:00:00.000Z", "2024-02-01T10:00:00.000Z", "2024-02-01T10:00:00.000Z", "2024-01-01T00:00:00.000Z", undefined]);
  const delta = records(await collect(source.read("Patient", { changedSince: { at: "2024-02-01T10:00:00Z", key: "p0002" } })));
  assert.deepEqual(delta.map((r) => r.kind === "record" && r.key), ["p0003", "p0005"]);
});

test("issues carry file, row and a code but never the line's content", async () => {
  const root = await ndjsonFolder({ "Patient.ndjson": ['{"resourceType":"Patient","id":"p1","name":[{"family":"Secret"}]', JSON.stringify({ ...patient(9), resourceType: "Person" })] });
  const items = await collect(createFhirNdjsonSource({ root, filesDir: await filesDir() }).read("Patient"));
  assert.deepEqual(items.map((i) => (i.kind === "issue" ? `${i.issue.code}@${i.issue.file}:${i.issue.row}` : i.kind)), ["HO-SRC-012@Patient.ndjson:1", "HO-SRC-017@Patient.ndjson:2"]);
  for (const item of items) if (item.kind === "issue") assert.doesNotMatch(item.issue.message, /Secret|Family9/);
});

test("a missing folder or one without NDJSON is HO-SRC-001; an unknown table HO-SRC-006", async () => {
  const code = (expected: string) => (e: unknown) => e instanceof HandoverError && e.code === expected;
  await assert.rejects(createFhirNdjsonSource({ root: "/nonexistent/fhir", filesDir: "/tmp" }).check(), code("HO-SRC-001"));
  await assert.rejects(createFhirNdjsonSource({ root: await ndjsonFolder({ "x.txt": "" }), filesDir: "/tmp" }).discover(), code("HO-SRC-001"));
  const root = await ndjsonFolder({ "Patient.ndjson": [patient(1)] });
  await assert.rejects(collect(createFhirNdjsonSource({ root, filesDir: "/tmp" }).read("Claim")), code("HO-SRC-006"));
});
