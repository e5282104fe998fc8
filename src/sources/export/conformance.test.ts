import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { sourceConformance } from "../../../test/conformance/source.case.js";
import { createExportSource } from "./export-source.js";
import type { VendorProfile } from "./profile.js";
import { exportFolder } from "./test-support.js";

const profileFor = (file: string): VendorProfile => ({
  id: "conformance",
  name: "Conformance",
  tables: { patients: { file, key: ["PatientID"], modelHint: "patient", dateFormats: { LastModified: "MM/DD/YYYY HH:mm" } } },
});

interface Patient {
  readonly id: string;
  name: string;
  modified: string;
}

const csv = (rows: readonly Patient[]) =>
  `PatientID,Name,LastModified\r\n${rows.map((p) => `${p.id},"${p.name}",${p.modified}`).join("\r\n")}\r\n`;
const record = (p: Patient) => JSON.stringify({ PatientID: p.id, Name: p.name, LastModified: p.modified });
const ndjson = (rows: readonly Patient[]) => `${rows.map(record).join("\n")}\n`;
const json = (rows: readonly Patient[]) => `{"exported": "2024-07-01", "patients": [\n${rows.map(record).join(",\n")}\n]}\n`;

/** Each format the export reader reads as text, with a file of bad rows for the broken case (good rows: 1 and 3). */
const formats = {
  csv: { file: "patients.csv", write: csv, broken: 'PatientID,Name,LastModified\n1,Ann,\n2,"Bo"b,\n3,Cy\n,Di,\n5,E\0d,\n6,"Fay\n7,Gus,\n', good: 2, bad: 5 },
  ndjson: { file: "patients.ndjson", write: ndjson, broken: '{"PatientID": "1", "Name": "Ann"}\n{"PatientID": "2", "Name": oops}\n{"PatientID": "3", "Name": "Cy"}\n{"PatientID": "", "Name": "Di"}\n{"PatientID": "5", "Name": "E\\u0000d"}\n[1]\n', good: 2, bad: 4 },
  json: { file: "patients.json", write: json, broken: '{"patients": [{"PatientID": "1", "Name": "Ann"}, {"PatientID": "2", "Name": oops}, {"PatientID": "3", "Name": "Cy"}, {"PatientID": "", "Name": "Di"}, {"PatientID": "5", "Name": "E\\u0000d"}, 7]}', good: 2, bad: 4 },
} as const;

/**
 * The export reader over a real folder: 2,500 patients (checkpoints every 1,000), stamped in
 * Visual Practice's MM/DD/YYYY HH:mm LastModified, as CSV, NDJSON and a JSON object's array. It
 * can't filter by change time or report deletions, so the delta case runs the key-set path:
 * mutate() rewrites the file.
 */
for (const [name, format] of Object.entries(formats)) {
  sourceConformance({
    name: name === "csv" ? "export" : `export (${name})`,
    async start() {
      const patients: Patient[] = Array.from({ length: 2500 }, (_, i) => ({
        id: `P${String(i + 1).padStart(5, "0")}`,
        name: `Patient, ${i + 1}`,
        modified: `01/${String((i % 28) + 1).padStart(2, "0")}/2024 09:${String(i % 60).padStart(2, "0")}`,
      }));
      const root = await exportFolder({ [format.file]: format.write(patients) });
      const brokenRoot = await exportFolder({ [format.file]: format.broken });
      return {
        source: createExportSource({ root, profile: profileFor(format.file) }),
        table: { name: "patients", keyColumns: ["PatientID"], minRows: 2500 },
        async mutate() {
          const changed = ["P00010", "P01234"];
          for (const p of patients.filter((p) => changed.includes(p.id))) {
            p.name = `${p.name} (renamed)`;
            p.modified = "06/30/2024 12:00";
          }
          const deleted = ["P00002", "P02000"];
          const kept = patients.filter((p) => !deleted.includes(p.id));
          const added = ["P09001", "P09002"];
          for (const id of added) kept.push({ id, name: "New", modified: "07/01/2024 08:00" });
          await writeFile(join(root, format.file), format.write(kept));
          return { changed, added, deleted };
        },
        broken: { source: createExportSource({ root: brokenRoot, profile: profileFor(format.file) }), table: "patients", goodRows: format.good, badRows: format.bad },
        async close() {
          await rm(root, { recursive: true, force: true });
          await rm(brokenRoot, { recursive: true, force: true });
        },
      };
    },
  });
}
