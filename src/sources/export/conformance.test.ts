import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { sourceConformance } from "../../../test/conformance/source.case.js";
import { createExportSource } from "./export-source.js";
import type { VendorProfile } from "./profile.js";
import { exportFolder } from "./test-support.js";

const profile: VendorProfile = {
  id: "conformance",
  name: "Conformance",
  tables: { patients: { key: ["PatientID"], modelHint: "patient", dateFormats: { LastModified: "MM/DD/YYYY HH:mm" } } },
};

interface Patient {
  readonly id: string;
  name: string;
  modified: string;
}

const csv = (rows: readonly Patient[]) =>
  `PatientID,Name,LastModified\r\n${rows.map((p) => `${p.id},"${p.name}",${p.modified}`).join("\r\n")}\r\n`;

/**
 * The export reader over a real folder: 2,500 patients (checkpoints every 1,000), stamped in
 * Visual Practice's MM/DD/YYYY HH:mm LastModified. It can't filter by change time or report
 * deletions, so the delta case runs the key-set path: mutate() rewrites the file.
 */
sourceConformance({
  name: "export",
  async start() {
    const patients: Patient[] = Array.from({ length: 2500 }, (_, i) => ({
      id: `P${String(i + 1).padStart(5, "0")}`,
      name: `Patient, ${i + 1}`,
      modified: `01/${String((i % 28) + 1).padStart(2, "0")}/2024 09:${String(i % 60).padStart(2, "0")}`,
    }));
    const root = await exportFolder({ "patients.csv": csv(patients) });
    const brokenRoot = await exportFolder({
      "patients.csv": 'PatientID,Name,LastModified\n1,Ann,\n2,"Bo"b,\n3,Cy\n,Di,\n5,E\0d,\n6,"Fay\n7,Gus,\n',
    });
    return {
      source: createExportSource({ root, profile }),
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
        await writeFile(join(root, "patients.csv"), csv(kept));
        return { changed, added, deleted };
      },
      broken: { source: createExportSource({ root: brokenRoot, profile }), table: "patients", goodRows: 2, badRows: 5 },
      async close() {
        await rm(root, { recursive: true, force: true });
        await rm(brokenRoot, { recursive: true, force: true });
      },
    };
  },
});
