import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { runCli } from "./cli.js";

interface DemoResult {
  run: { mismatches: number; missingRows: number; reconciliation: { unexplained: number } };
  rollback: { failed: number; residue: number } | null;
}

for (const target of ["dataverse", "salesforce"] as const) {
  test(`the demo runs the whole workflow against the ${target} sandbox: clean diff, every record accounted for, rolled back`, async () => {
    const dir = join(mkdtempSync(join(tmpdir(), `handover-demo-${target}-`)), "demo");
    const r = await runCli(["demo", "--target", target, "--patients", "150", "--dir", dir, "--json"]);
    assert.equal(r.code, 0, r.stderr);
    const result = JSON.parse(r.stdout) as DemoResult;
    assert.equal(result.run.mismatches, 0);
    assert.equal(result.run.missingRows, 0);
    assert.equal(result.run.reconciliation.unexplained, 0);
    assert.equal(result.rollback?.failed, 0);
    assert.equal(result.rollback?.residue, 0);
  });
}
