import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Test helpers: a temp folder of NDJSON files, and small made-up resources (no real person). */
export async function ndjsonFolder(files: Readonly<Record<string, readonly unknown[] | string>>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "fhir-ndjson-"));
  for (const [name, lines] of Object.entries(files)) await writeNdjson(join(root, name), lines);
  return root;
}

export async function writeNdjson(path: string, lines: readonly unknown[] | string): Promise<void> {
  await writeFile(path, typeof lines === "string" ? lines : lines.map((l) => (typeof l === "string" ? l : JSON.stringify(l))).join("\n") + "\n");
}

export function patient(n: number, lastUpdated = `2024-01-${String((n % 28) + 1).padStart(2, "0")}T10:00:00Z`, family = `Family${n}`): Record<string, unknown> {
  return {
    resourceType: "Patient",
    id: `p${String(n).padStart(4, "0")}`,
    meta: { lastUpdated },
    identifier: [{ type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v2-0203", code: "MR" }] }, value: `MRN${n}` }],
    name: [{ use: "official", family, given: ["Test", `G${n}`] }],
    birthDate: "1980-01-01",
    gender: n % 2 ? "female" : "male",
  };
}
