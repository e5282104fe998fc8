import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { parse, stringify } from "yaml";
import { startDataverseSandbox, type DataverseSandbox } from "../../sandbox/dataverse/index.js";
import { generateVisualPracticeExport } from "../../sandbox/visual-practice/index.js";
import { cliJson, runCli } from "./cli.js";

const label = (text: string) => ({ LocalizedLabels: [{ Label: text, LanguageCode: 1033 }] });

/** Creates custom tables the way an admin's earlier customizations would have. */
async function createCustomTables(sandbox: DataverseSandbox, count: number): Promise<void> {
  for (let i = 1; i <= count; i += 1) {
    const res = await fetch(new URL("/api/data/v9.2/EntityDefinitions", sandbox.url), {
      method: "POST",
      headers: { authorization: "Bearer admin", "content-type": "application/json", "odata-version": "4.0" },
      body: JSON.stringify({
        "@odata.type": "Microsoft.Dynamics.CRM.EntityMetadata", SchemaName: `new_Existing${i}`, DisplayName: label(`Existing ${i}`),
        DisplayCollectionName: label(`Existing ${i}s`), OwnershipType: "UserOwned", HasNotes: false, HasActivities: false, IsActivity: false,
        Attributes: [{ "@odata.type": "Microsoft.Dynamics.CRM.StringAttributeMetadata", SchemaName: "new_Name", IsPrimaryName: true, MaxLength: 100,
          AttributeType: "String", AttributeTypeName: { Value: "StringType" }, DisplayName: label("Name"), RequiredLevel: { Value: "None" }, FormatName: { Value: "Text" } }],
      }),
    });
    assert.equal(res.status, 204, `table ${i}: ${await res.text()}`);
  }
}

async function workspaceWithLinkTable(sandbox: DataverseSandbox, name: string): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), `handover-${name}-`));
  await generateVisualPracticeExport({ patients: 60, seed: 9, outDir: join(root, "export") });
  const ws = join(root, "ws");
  await cliJson(["init", ws, "--export", join(root, "export"), "--url", sandbox.url, "--fallback-owner", "admin@sandbox.example"]);
  const configFile = join(ws, "handover.yaml");
  const config = parse(readFileSync(configFile, "utf8")) as { target: Record<string, unknown> };
  config.target.edition = "sales-professional";
  config.target.practiceLinks = "table";
  writeFileSync(configFile, stringify(config));
  await cliJson(["-w", ws, "discover"]);
  await cliJson(["-w", ws, "map"]);
  await cliJson(["-w", ws, "map", "review", "--accept-above", "0.8", "--reject-below", "0.8", "--confirm-rules"]);
  return ws;
}

const customTableCount = async (sandbox: DataverseSandbox) =>
  ((await (await fetch(new URL("/api/data/v9.2/EntityDefinitions?$select=LogicalName&$filter=IsCustomEntity%20eq%20true", sandbox.url), { headers: { authorization: "Bearer a" } })).json()) as { value: unknown[] }).value.length;

test("on Sales Professional, plan refuses a map that needs a 16th custom table, with the counts, before anything is written", async () => {
  const sandbox = await startDataverseSandbox({ port: 0, edition: "sales-professional" });
  try {
    await createCustomTables(sandbox, 15);
    const ws = await workspaceWithLinkTable(sandbox, "edition");
    const before = await (await fetch(new URL("/_sandbox/snapshot", sandbox.url))).text();
    const r = await runCli(["-w", ws, "plan"]);
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /HO-PLN-005.*needs 16 custom tables \(15 already in the org \+ 1 new\).*Sales Professional allows 15/);
    assert.equal(await customTableCount(sandbox), 15, "no table was created");
    assert.equal(await (await fetch(new URL("/_sandbox/snapshot", sandbox.url))).text(), before, "no row was written");
    const refused = await runCli(["-w", ws, "schema", "apply"]);
    assert.equal(refused.code, 3, "with no plan, schema apply refuses too");
    assert.match(refused.stderr, /HO-PLN-001/);
  } finally {
    await sandbox.close();
  }
});

test("on Sales Professional with 14 custom tables the same map plans its 15th", async () => {
  const sandbox = await startDataverseSandbox({ port: 0, edition: "sales-professional" });
  try {
    await createCustomTables(sandbox, 14);
    const ws = await workspaceWithLinkTable(sandbox, "edition-ok");
    const plan = await cliJson<{ plan: { schema: { tables?: { name: string }[] } } }>(["-w", ws, "plan"]);
    assert.deepEqual(plan.plan.schema.tables?.map((t) => t.name), ["hc_patientpractice"]);
  } finally {
    await sandbox.close();
  }
});
