import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sourceConformance } from "../../../test/conformance/source.case.js";
import { createFhirNdjsonSource } from "./ndjson-source.js";
import { ndjsonFolder, patient, writeNdjson } from "./test-files.js";
import { bulkConformanceFactory } from "./bulk-conformance.js";

/** 30 patients over January 2024; mutate rewrites the file as a new export would. */
sourceConformance({
  name: "fhir-ndjson",
  async start() {
    let patients = Array.from({ length: 30 }, (_, i) => patient(i + 1));
    const root = await ndjsonFolder({ "Patient.ndjson": patients });
    const filesDir = await mkdtemp(join(tmpdir(), "fhir-files-"));
    const brokenRoot = await ndjsonFolder({
      "Patient.000.ndjson": [patient(1), "{not json", patient(2), JSON.stringify({ ...patient(3), resourceType: "Practitioner" })],
      "Patient.001.ndjson": [JSON.stringify({ ...patient(4), id: "" }), "[1,2]", patient(5)],
    });
    return {
      source: createFhirNdjsonSource({ root, filesDir, checkpointEvery: 7 }),
      table: { name: "Patient", keyColumns: ["id"], minRows: 30 },
      async mutate() {
        const now = new Date().toISOString();
        patients = patients.filter((p) => p.id !== "p0003").map((p) => (p.id === "p0005" || p.id === "p0010" ? patient(Number(String(p.id).slice(1)), now, "Changed") : p));
        patients.push(patient(31, now), patient(32, now));
        await writeNdjson(join(root, "Patient.ndjson"), patients);
        return { changed: ["p0005", "p0010"], added: ["p0031", "p0032"], deleted: ["p0003"] };
      },
      broken: { source: createFhirNdjsonSource({ root: brokenRoot, filesDir }), table: "Patient", goodRows: 3, badRows: 4 },
      async close() {
        await Promise.all([root, brokenRoot, filesDir].map((dir) => rm(dir, { recursive: true, force: true })));
      },
    };
  },
});

sourceConformance(bulkConformanceFactory());
