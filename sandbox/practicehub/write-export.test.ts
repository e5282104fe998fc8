import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { createExportSource } from "../../src/sources/export/index.js";
import { writePracticeHubExport } from "./write-export.js";

test("a PracticeHub account written as NDJSON reads back through the export reader, one table per API object", async () => {
  const outDir = join(mkdtempSync(join(tmpdir(), "ph-export-")), "out");
  const summary = await writePracticeHubExport({ patients: 40, seed: 9, outDir });
  const catalog = await createExportSource({ root: outDir }).discover();
  for (const [file, info] of Object.entries(summary.files)) {
    if (info.rows === 0) continue;
    const table = catalog.tables.find((t) => t.name === file.replace(/\.ndjson$/, ""));
    assert.ok(table, `${file} is a table`);
    assert.equal(table.rowCount, info.rows, `${file}: every item is a row`);
  }
  assert.ok((summary.files["patients.ndjson"]?.rows ?? 0) >= 40);
});
