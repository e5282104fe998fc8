import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { startDataverseSandbox } from "../../sandbox/dataverse/index.js";
import { generateVisualPracticeExport } from "../../sandbox/visual-practice/index.js";
import { cliJson } from "./cli.js";

test("a source table the map holds nothing for is reconciled as skipped by rule, never silently dropped", async () => {
  const root = mkdtempSync(join(tmpdir(), "handover-unmapped-"));
  await generateVisualPracticeExport({ patients: 40, seed: 21, outDir: join(root, "export") });
  writeFileSync(join(root, "export", "sterilizer_cycles.csv"), "CycleNo,Autoclave,TempC,Passed\n1,AC-1,134,Y\n2,AC-1,121,Y\n3,AC-2,134,N\n");
  const sandbox = await startDataverseSandbox({ port: 0 });
  try {
    const ws = join(root, "ws");
    await cliJson(["init", ws, "--export", join(root, "export"), "--url", sandbox.url, "--fallback-owner", "admin@sandbox.example"]);
    await cliJson(["-w", ws, "discover"]);
    await cliJson(["-w", ws, "map"]);
    const mapping = readFileSync(join(ws, "mapping.yaml"), "utf8");
    assert.ok(!/source: sterilizer_cycles\n/.test(mapping), "the matcher places it on no model object");
    await cliJson(["-w", ws, "map", "review", "--accept-above", "0.8", "--reject-below", "0.8", "--confirm-rules"]);
    await cliJson(["-w", ws, "plan"]);
    await cliJson(["-w", ws, "schema", "apply"]);
    const run = await cliJson<{ verify: { reconciliation: { unexplained: number; tables: { table: string; sourceRows: number; skipped: number }[]; exceptions: { table: string; reason: string | null }[] } } }>(["-w", ws, "run"]);
    const r = run.verify.reconciliation;
    assert.equal(r.unexplained, 0);
    assert.deepEqual(r.tables.find((t) => t.table === "sterilizer_cycles"), { table: "sterilizer_cycles", sourceRows: 3, loaded: 0, flagged: 0, rejected: 0, skipped: 3, unexplained: 0 });
    assert.ok(r.exceptions.some((e) => e.table === "sterilizer_cycles" && e.reason === "table-not-mapped"));
  } finally {
    await sandbox.close();
  }
});
