import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { generateAccount } from "./generate.js";

export interface PracticeHubExportSummary {
  readonly outDir: string;
  readonly files: Readonly<Record<string, { readonly rows: number; readonly bytes: number }>>;
  readonly dirtCounts: Readonly<Record<string, number>>;
}

/**
 * The generated PracticeHub account written to disk as one NDJSON file per API object (what a
 * paged read of the API returns, item by item), for a folder-based rehearsal or inspection. The
 * same seed and count give the data the sandbox serves.
 */
export async function writePracticeHubExport(options: { readonly patients: number; readonly seed: number; readonly outDir: string }): Promise<PracticeHubExportSummary> {
  await mkdir(options.outDir, { recursive: true });
  const files: Record<string, { rows: number; bytes: number }> = {};
  for (const [object, rows] of generateAccount({ seed: options.seed, patients: options.patients })) {
    const text = rows.map((r) => JSON.stringify(r)).join("\n") + (rows.length ? "\n" : "");
    await writeFile(join(options.outDir, `${object}.ndjson`), text, "utf8");
    files[`${object}.ndjson`] = { rows: rows.length, bytes: Buffer.byteLength(text) };
  }
  return { outDir: options.outDir, files, dirtCounts: {} };
}
