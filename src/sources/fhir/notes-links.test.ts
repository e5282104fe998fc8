import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import type { SourceConnector, SourceItem, SourceRecord } from "../../contracts/source.js";
import type { Issue } from "../../contracts/handover-error.js";
import { createFhirNdjsonSource } from "./ndjson-source.js";
import { ndjsonFolder, patient } from "./test-files.js";

const b64 = (text: string, encoding: BufferEncoding = "utf8") => Buffer.from(text, encoding).toString("base64");
const noteCategory = [{ coding: [{ system: "http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category", code: "clinical-note" }] }];
const loinc = (code: string, display: string) => ({ coding: [{ system: "http://loinc.org", code, display }], text: display });
const docRef = (id: string, content: unknown[], extra: Record<string, unknown> = {}) => ({
  resourceType: "DocumentReference", id, meta: { lastUpdated: "2024-04-01T10:00:00Z" }, status: "current", subject: { reference: "Patient/p0001" },
  date: "2024-03-31T09:00:00Z", author: [{ reference: "PractitionerRole/role1" }], content: content.map((attachment) => ({ attachment })), ...extra,
});
const role = { resourceType: "PractitionerRole", id: "role1", practitioner: { reference: "Practitioner/dr1" }, organization: { reference: "Organization/o1" }, active: true };

async function read(source: SourceConnector, table: string): Promise<{ records: SourceRecord[]; issues: Issue[] }> {
  const out = { records: [] as SourceRecord[], issues: [] as Issue[] };
  for await (const item of source.read(table) as AsyncIterable<SourceItem>) {
    if (item.kind === "record") out.records.push(item);
    else if (item.kind === "issue") out.issues.push(item.issue);
  }
  return out;
}

test("clinical notes are their own table: text decoded by charset and format, one row per note, and never a document too", async () => {
  const long = "Progress noted. ".repeat(2500);
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? "");
    if (req.url === "/fhir/Binary/n5") return void res.writeHead(200, { "Content-Type": "text/plain" }).end("Fetched note text.");
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fhir`;
  try {
    const root = await ndjsonFolder({
      "PractitionerRole.ndjson": [role],
      "DocumentReference.ndjson": [
        docRef("n1", [{ contentType: "text/plain; charset=iso-8859-1", data: b64("Café visit, no distress.", "latin1") }], { category: noteCategory, description: "Visit note" }),
        docRef("n2", [{ contentType: "text/html", data: b64("<p>Seen <b>today</b>.</p>") }], { type: loinc("11506-3", "Progress note") }),
        docRef("n3", [{ contentType: "application/rtf", data: b64("{\\rtf1 Plan: recall.\\par}") }], { category: noteCategory }),
        docRef("n4", [{ contentType: "text/html", data: b64("<p>Same note</p>") }, { contentType: "text/plain", data: b64("Same note") }], { category: noteCategory }),
        docRef("n5", [{ contentType: "text/plain", url: "Binary/n5" }], { category: noteCategory }),
        docRef("n6", [{ contentType: "text/plain", data: b64(long) }], { category: noteCategory }),
        docRef("n7", [{ contentType: "text/plain", url: "Binary/gone" }], { category: noteCategory }),
        docRef("d1", [{ contentType: "application/pdf", data: b64("%PDF-1.4") }], { category: noteCategory }),
        docRef("d2", [{ contentType: "text/plain", data: b64("a scanned form") }], { type: loinc("59284-0", "Consent") }),
      ],
    });
    const source = createFhirNdjsonSource({ root, filesDir: await mkdtemp(join(tmpdir(), "fhir-files-")), attachmentBaseUrl: base });
    const notes = await read(source, "ClinicalNote");
    const byKey = new Map(notes.records.map((r) => [r.key, r.values]));
    assert.deepEqual([...byKey.keys()], ["n1", "n2", "n3", "n4", "n5", "n6", "n7"]);
    assert.deepEqual(["n1", "n2", "n3", "n4", "n5"].map((k) => [byKey.get(k)?.body, byKey.get(k)?.format]), [
      ["Café visit, no distress.", "plain"], ["<p>Seen <b>today</b>.</p>", "html"], ["{\\rtf1 Plan: recall.\\par}", "rtf"], ["Same note", "plain"], ["Fetched note text.", "plain"],
    ]);
    assert.equal(byKey.get("n6")?.body, long, "a note longer than 32,768 characters comes whole");
    const n1 = byKey.get("n1")!;
    assert.deepEqual([n1.title, n1.patient, n1.author, n1.author_type, n1.date_written, n1.content_count], ["Visit note", "p0001", "dr1", "Practitioner", "2024-03-31T09:00:00Z", "1"]);
    assert.equal(byKey.get("n2")?.title, "Progress note", "no description: the type's name is the title");
    assert.deepEqual([byKey.get("n7")?.body, notes.issues.map((i) => [i.code, i.severity, i.row])], ["", [["HO-SRC-030", "warning", 7]]]);
    assert.ok(!notes.issues.some((i) => i.message.includes("gone")), "no URL in messages");

    const docs = await read(source, "DocumentReference");
    assert.deepEqual(docs.records.map((r) => r.key), ["d1", "d2"], "a PDF filed as a note, and text that is not a note, are documents");
    const again = await read(source, "ClinicalNote");
    assert.deepEqual(again.records.map((r) => r.values.body), notes.records.map((r) => r.values.body));
    assert.equal(hits.filter((h) => h === "/fhir/Binary/n5").length, 1, "a note's text by URL is fetched once");
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

test("practice links come out of each Patient: general practitioners by their practice (primaryCare), the managing organization (other)", async () => {
  const p = (n: number, extra: Record<string, unknown>) => ({ ...patient(n), ...extra });
  const root = await ndjsonFolder({
    "PractitionerRole.ndjson": [role, { resourceType: "PractitionerRole", id: "role2", practitioner: { reference: "Practitioner/dr2" }, organization: { reference: "Organization/o2" }, active: false },
      { resourceType: "PractitionerRole", id: "role3", practitioner: { reference: "Practitioner/dr2" }, organization: { reference: "Organization/o3" } }],
    "Patient.ndjson": [
      p(1, { generalPractitioner: [{ reference: "Practitioner/dr1" }], managingOrganization: { reference: "Organization/o1" } }),
      p(2, { generalPractitioner: [{ reference: "PractitionerRole/role1" }, { reference: "Organization/o9" }], managingOrganization: { reference: "Organization/o2" } }),
      p(3, { generalPractitioner: [{ reference: "Practitioner/dr2" }] }),
      p(4, { generalPractitioner: [{ reference: "Practitioner/unknown" }], managingOrganization: { reference: "Organization/o1" } }),
      p(5, {}),
      "not json",
    ],
  });
  const source = createFhirNdjsonSource({ root, filesDir: await mkdtemp(join(tmpdir(), "fhir-files-")) });
  const links = await read(source, "PatientPracticeLink");
  assert.deepEqual(links.records.map((r) => [r.key, r.values.patient, r.values.practice, r.values.role, r.values.source_element, r.changedAt]), [
    ["p0001#primaryCare#o1", "p0001", "o1", "primaryCare", "generalPractitioner", "2024-01-02T10:00:00.000Z"],
    ["p0002#primaryCare#o1", "p0002", "o1", "primaryCare", "generalPractitioner", "2024-01-03T10:00:00.000Z"],
    ["p0002#primaryCare#o9", "p0002", "o9", "primaryCare", "generalPractitioner", "2024-01-03T10:00:00.000Z"],
    ["p0002#other#o2", "p0002", "o2", "other", "managingOrganization", "2024-01-03T10:00:00.000Z"],
    ["p0003#primaryCare#o3", "p0003", "o3", "primaryCare", "generalPractitioner", "2024-01-04T10:00:00.000Z"],
    ["p0004#other#o1", "p0004", "o1", "other", "managingOrganization", "2024-01-05T10:00:00.000Z"],
  ]);
  assert.ok(links.records.every((r) => r.values.id === r.key && r.file === "Patient.ndjson"));
  assert.deepEqual(links.issues.map((i) => [i.code, i.severity, i.row, i.field]), [["HO-SRC-031", "warning", 4, "generalPractitioner"]], "the bad line is the Patient table's to report");
  const patients = await read(source, "Patient");
  assert.equal(patients.issues.filter((i) => i.code === "HO-SRC-012").length, 1);
  assert.deepEqual(patients.records.slice(0, 2).map((r) => r.values.generalPractitioner), ["dr1", "dr1"], "a role is its practitioner");
});
