import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { strFromU8, unzipSync } from "fflate";
import { startDataverseSandbox } from "../../sandbox/dataverse/index.js";
import { generateVisualPracticeExport } from "../../sandbox/visual-practice/index.js";
import { createDataverseTarget, sandboxToken } from "../../src/targets/dataverse/index.js";
import { cliJson } from "./cli.js";

delete process.env.http_proxy;

test("export-metadata captures an org's schema that a new sandbox loads, and schema export writes an importable solution zip", async () => {
  const org = await startDataverseSandbox({ port: 0 });
  const root = mkdtempSync(join(tmpdir(), "handover-schema-"));
  try {
    await generateVisualPracticeExport({ patients: 40, seed: 2, outDir: join(root, "export") });
    const ws = join(root, "ws");
    await cliJson(["init", ws, "--export", join(root, "export"), "--url", org.url, "--fallback-owner", "admin@sandbox.example"]);
    await cliJson(["-w", ws, "discover"]);
    await cliJson(["-w", ws, "map"]);
    await cliJson(["-w", ws, "map", "review", "--accept-above", "0.8", "--reject-below", "0.8", "--confirm-rules"]);
    const plan = await cliJson<{ plan: { schema: { columns: { table: string; name: string }[] } } }>(["-w", ws, "plan"]);
    const planned = plan.plan.schema.columns.map((c) => `${c.table}.${c.name}`);
    assert.ok(planned.includes("contact.hc_mrn") || planned.includes("contact.hc_ssn"));

    // Schema export: a solution zip with every planned column, written before anything is applied.
    const exported = await cliJson<{ file: string }>(["-w", ws, "schema", "export", "--format", "solution", "--version", "1.2.0.0"]);
    const zip = unzipSync(new Uint8Array(readFileSync(exported.file)));
    assert.deepEqual(Object.keys(zip).sort(), ["[Content_Types].xml", "customizations.xml", "solution.xml"]);
    const customizations = strFromU8(zip["customizations.xml"]!);
    for (const c of plan.plan.schema.columns) assert.ok(customizations.toLowerCase().includes(c.name), `${c.name} in customizations.xml`);
    assert.match(strFromU8(zip["solution.xml"]!), /<Version>1\.2\.0\.0<\/Version>/);

    // Apply, then capture the org's metadata and rehearse against it offline.
    await cliJson(["-w", ws, "schema", "apply"]);
    const file = join(root, "org-metadata.json");
    const captured = await cliJson<{ tables: number }>(["-w", ws, "target", "export-metadata", "--out", file, "--tables", "account,contact,connection,connectionrole"]);
    assert.equal(captured.tables, 4);
    assert.equal(statSync(file).mode & 0o077, 0, "the capture is private to its owner");
    const rehearsal = await startDataverseSandbox({ port: 0, metadataFile: file });
    try {
      const described = await createDataverseTarget({ url: rehearsal.url, token: sandboxToken }).describe(["contact"]);
      const contact = described.tables[0]!;
      for (const name of planned.filter((p) => p.startsWith("contact.")).map((p) => p.slice(8))) {
        assert.ok(contact.columns.some((c) => c.name === name), `rehearsal sandbox has contact.${name}`);
      }
      assert.ok(contact.keys.some((k) => k.columns.includes("hc_sourcekey")), "and our alternate key");
    } finally {
      await rehearsal.close();
    }
  } finally {
    await org.close();
  }
});
