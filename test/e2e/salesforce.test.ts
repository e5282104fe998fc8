import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { unzipSync } from "fflate";
import type { SeedUser } from "../../sandbox/dataverse/index.js";
import { startSalesforceSandbox, type SalesforceSandbox } from "../../sandbox/salesforce/index.js";
import { generateVisualPracticeExport, type Manifest } from "../../sandbox/visual-practice/index.js";
import { salesforceUsers } from "../../src/cli/commands/demo-target.js";
import { cliJson, runCli } from "./cli.js";

for (const name of ["http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"]) delete process.env[name];

type Row = Record<string, unknown>;
type Snapshot = Record<string, Row[]>;

const patients = 600;
let root: string;
let exportDir: string;
let manifest: Manifest;
let sandbox: SalesforceSandbox;

before(async () => {
  root = mkdtempSync(join(tmpdir(), "handover-sf-e2e-"));
  exportDir = join(root, "export");
  await generateVisualPracticeExport({ patients, seed: 11, outDir: exportDir });
  manifest = JSON.parse(readFileSync(join(exportDir, "manifest.json"), "utf8")) as Manifest;
  const users = JSON.parse(readFileSync(join(exportDir, "crm-users.json"), "utf8")) as SeedUser[];
  // A migration org grants "Set Audit Fields upon Record Creation", so CreatedDate keeps the source's.
  sandbox = await startSalesforceSandbox({ port: 0, users: salesforceUsers(users), auditFieldsGranted: true });
});

after(async () => {
  await sandbox?.close();
});

/** Every live row of the org; deleted rows sit in the Recycle Bin (IsDeleted) as in a real org. */
async function snapshot(): Promise<Snapshot> {
  const all = (await (await fetch(new URL("/_sandbox/snapshot", sandbox.url))).json()) as Snapshot;
  return Object.fromEntries(Object.entries(all).map(([object, rows]) => [object, rows.filter((r) => r.IsDeleted !== true)]));
}

interface Verify {
  mismatches: number;
  missingRows: number;
  fieldsChecked: number;
  reconciliation: { unexplained: number; tables: { table: string; sourceRows: number; loaded: number; flagged: number; rejected: number; skipped: number }[] };
}

/** Rows as a user sees them: no system-maintained stamps. */
const business = (rows: Row[] = []) => rows
  .map(({ LastModifiedDate, SystemModstamp, LastViewedDate, LastReferencedDate, ...rest }) => rest)
  .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

test("a generated Visual Practice export migrates into the Salesforce sandbox, verifies field by field, and rolls back to the org as it was", async () => {
  const beforeSnap = await snapshot();
  const ws = join(root, "ws");
  await cliJson(["init", ws, "--target", "salesforce", "--export", exportDir, "--url", sandbox.url, "--fallback-owner", "crm.admin@example.com"]);
  await cliJson(["-w", ws, "discover"]);
  await cliJson(["-w", ws, "map"]);
  await cliJson(["-w", ws, "map", "review", "--accept-above", "0.8", "--reject-below", "0.8", "--confirm-rules"]);
  // Without "Set Audit Fields upon Record Creation" the plan says CreatedDate won't arrive.
  await fetch(new URL("/_sandbox/settings", sandbox.url), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ auditFieldsGranted: false }) });
  const warned = await runCli(["-w", ws, "plan"]);
  assert.equal(warned.code, 0, warned.stderr);
  assert.match(warned.stdout, /Warning: Contact\.CreatedDate .*Set Audit Fields upon Record Creation/);
  await fetch(new URL("/_sandbox/settings", sandbox.url), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ auditFieldsGranted: true }) });
  const planned = await runCli(["-w", ws, "plan"]);
  assert.doesNotMatch(planned.stdout, /Warning: .*CreatedDate/);
  // The admin's alternative to schema apply: a deployable metadata package.
  const exported = await cliJson<{ file: string }>(["-w", ws, "schema", "export"]);
  const entries = Object.keys(unzipSync(readFileSync(exported.file)));
  assert.ok(entries.includes("package.xml"), "the package has a manifest");
  assert.ok(entries.some((e) => e.endsWith("Contact/fields/Handover_Source_Key__c.field-meta.xml")), `the key field is in the package (${entries.slice(0, 5).join(", ")}…)`);
  const schema = await cliJson<{ outcomes?: { ok: boolean }[] }>(["-w", ws, "schema", "apply"]);
  assert.ok(!schema.outcomes || schema.outcomes.every((o) => o.ok), "schema applies");

  const raw = await runCli(["-w", ws, "run", "--json"]);
  assert.equal(raw.code, 0, raw.stderr);
  const v = (JSON.parse(raw.stdout) as { verify: Verify }).verify;
  assert.equal(v.mismatches, 0, "every compared field matches");
  assert.equal(v.missingRows, 0);
  assert.equal(v.reconciliation.unexplained, 0, "every source record is loaded, rejected with a reason or skipped by a rule");
  assert.ok(v.fieldsChecked > patients * 10);
  const table = (name: string) => v.reconciliation.tables.find((t) => t.table === name)!;

  const snap = await snapshot();
  const ours = (object: string) => (snap[object] ?? []).filter((r) => typeof r.Handover_Source_Key__c === "string");
  const contacts = ours("Contact");
  assert.equal(contacts.length, table("patients").loaded + table("patients").flagged, "one Contact per loaded patient");
  assert.equal(new Set(contacts.map((c) => c.Handover_Source_Key__c)).size, contacts.length, "no duplicate Contact");
  const accounts = new Map((snap.Account ?? []).map((a) => [a.Id, a]));
  assert.ok(contacts.every((c) => accounts.has(c.AccountId)), "every Contact has its primary practice or the Unaffiliated account");
  assert.ok([...accounts.values()].some((a) => a.Name === "Unaffiliated Patients"));
  const contactIds = new Set(contacts.map((c) => c.Id));
  const events = ours("Event");
  assert.equal(events.length, table("appointments").loaded + table("appointments").flagged, "one Event per loaded appointment");
  assert.ok(events.every((e) => contactIds.has(e.WhoId)), "every Event is on its patient's Contact");
  const users = new Set((snap.User ?? []).filter((u) => u.IsActive).map((u) => u.Id));
  assert.ok([...contacts, ...events].every((r) => users.has(r.OwnerId)), "every record is owned by an active user");
  const relations = ours("AccountContactRelation");
  assert.ok(relations.length > 0, "secondary practice links became AccountContactRelations");
  assert.ok(relations.every((r) => contactIds.has(r.ContactId) && accounts.has(r.AccountId) && r.IsDirect === false), "each relates a migrated Contact to a practice, besides its primary one");
  // Notes and files sit on their Contact; nothing is cut.
  const notes = (snap.ContentVersion ?? []).filter((r) => typeof r.Handover_Source_Key__c === "string");
  assert.equal(notes.length, table("clinical_notes").loaded + table("clinical_notes").flagged + table("documents").loaded + table("documents").flagged, "one version per loaded note and file");
  assert.ok(manifest.dirt.some((d) => d.kind === "long-note"), "the export has notes longer than 32,000 characters");

  const rolled = await cliJson<{ deleted: number; restored: number; failed: number; residue: number }>(["-w", ws, "rollback"]);
  assert.equal(rolled.failed, 0);
  assert.equal(rolled.residue, 0);
  const afterSnap = await snapshot();
  for (const object of new Set([...Object.keys(beforeSnap), ...Object.keys(afterSnap)])) {
    // Our custom fields and permission set stay (schema is not data); every record we wrote is gone.
    if (["CustomField", "CustomObject", "PermissionSet", "FieldPermissions", "PermissionSetAssignment"].includes(object)) continue;
    const left = (afterSnap[object] ?? []).length;
    assert.equal(left, (beforeSnap[object] ?? []).length, `${object}: ${left} rows after rollback, ${(beforeSnap[object] ?? []).length} before (${JSON.stringify((afterSnap[object] ?? []).map((r) => r.Handover_Source_Key__c ?? r.Name ?? r.Id).slice(0, 5))})`);
    assert.deepEqual(business(afterSnap[object]), business(beforeSnap[object]), `${object} differs after rollback`);
  }
});
