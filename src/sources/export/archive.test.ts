import { test } from "node:test";
import assert from "node:assert/strict";
import { zipSync, strToU8 } from "fflate";
import { HandoverError } from "../../contracts/handover-error.js";
import type { Checkpoint } from "../../contracts/source.js";
import { createExportSource } from "./export-source.js";
import { collect, exportFolder, outcomes, records } from "./test-support.js";

function patients(count: number): string {
  const lines = ["PatientID,Name,LastModified"];
  for (let i = 1; i <= count; i += 1) lines.push(`P${i},"Name ${i}",2024-01-${String((i % 28) + 1).padStart(2, "0")}T08:00:00Z`);
  return `${lines.join("\n")}\n`;
}

async function archive(files: Record<string, string | Uint8Array>): Promise<string> {
  const zip = zipSync(Object.fromEntries(Object.entries(files).map(([name, content]) => [name, typeof content === "string" ? strToU8(content) : content])));
  const folder = await exportFolder({ "export.zip": zip });
  return `${folder}/export.zip`;
}

test("a zip of CSVs in a nested folder reads like the folder would", async () => {
  const root = await archive({ "export/patients.csv": patients(5), "export/visits.csv": "VisitID,PatientID\nV1,P1\nV2,P9,extra\n", "export/files/D1.pdf": "%PDF-1.4" });
  const source = createExportSource({ root });
  await source.check();
  const catalog = await source.discover();
  assert.deepEqual(catalog.tables.map((t) => [t.name, t.file, t.rowCount]), [["patients", "export/patients.csv", 5], ["visits", "export/visits.csv", 2]]);
  assert.deepEqual(outcomes(await collect(source.read("visits"))), ["r2", "HO-SRC-003@3"]);
  assert.deepEqual(await source.statFile!("export\\files\\D1.pdf"), { ok: true, size: 8 });
  const content = await source.readFile!("export/files/D1.pdf");
  assert.ok(content.ok && Buffer.from(content.bytes).toString() === "%PDF-1.4");
  assert.deepEqual(await source.statFile!("../outside.txt"), { ok: false, problem: "outside-source" });
  assert.deepEqual(await source.statFile!("export/files/none.pdf"), { ok: false, problem: "missing" });
});

test("a read of a zip entry resumes from a checkpoint with nothing lost or repeated", async () => {
  const source = createExportSource({ root: await archive({ "patients.csv": patients(2500) }), checkpointEvery: 1000 });
  const all = records(await collect(source.read("patients"))).map((r) => r.values["PatientID"]);
  const first = (await collect(source.read("patients"))).find((i): i is Checkpoint => i.kind === "checkpoint")!;
  const rest = records(await collect(source.read("patients", { after: first }))).map((r) => r.values["PatientID"]);
  assert.deepEqual(rest, all.slice(1000));
});

test("an archive with an entry named outside it (zip slip) is refused with HO-SRC-011", async () => {
  for (const bad of ["../evil.csv", "/etc/evil.csv", "a/../../evil.csv", "C:\\evil.csv"]) {
    const source = createExportSource({ root: await archive({ "patients.csv": patients(1), [bad]: "x\n1\n" }) });
    await assert.rejects(source.discover(), (e: unknown) => e instanceof HandoverError && e.code === "HO-SRC-011" && !e.message.includes("evil"), bad);
    await assert.rejects(source.check(), (e: unknown) => e instanceof HandoverError && e.code === "HO-SRC-011", bad);
  }
});

test("a damaged archive is HO-SRC-001, not a crash", async () => {
  const folder = await exportFolder({ "export.zip": Buffer.from("PK\u0003\u0004 this is not really a zip") });
  await assert.rejects(createExportSource({ root: `${folder}/export.zip` }).check(), (e: unknown) => e instanceof HandoverError && e.code === "HO-SRC-001");
});
