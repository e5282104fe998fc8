import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { startDataverseSandbox, type DataverseSandbox, type SeedUser } from "../../sandbox/dataverse/index.js";
import { generateVisualPracticeExport, type Manifest } from "../../sandbox/visual-practice/index.js";
import { cliJson, runCli, startCli } from "./cli.js";

type Row = Record<string, unknown>;
type Snapshot = Record<string, Row[]>;

/** The snapshot keeps lookups as { id, table }. */
const ref = (row: Row, column: string): string | undefined => (row[column] as { id?: string } | null | undefined)?.id;

const patients = 2000;
let root: string;
let exportDir: string;
let manifest: Manifest;
let users: SeedUser[];

before(async () => {
  root = mkdtempSync(join(tmpdir(), "handover-e2e-"));
  exportDir = join(root, "export");
  await generateVisualPracticeExport({ patients, seed: 42, outDir: exportDir });
  manifest = JSON.parse(readFileSync(join(exportDir, "manifest.json"), "utf8")) as Manifest;
  users = JSON.parse(readFileSync(join(exportDir, "crm-users.json"), "utf8")) as SeedUser[];
});

async function snapshot(sandbox: DataverseSandbox): Promise<Snapshot> {
  return (await (await fetch(new URL("/_sandbox/snapshot", sandbox.url))).json()) as Snapshot;
}

/** A workspace on its own sandbox, taken through init → map → review → plan → schema apply. */
async function prepared(name: string): Promise<{ ws: string; sandbox: DataverseSandbox }> {
  const sandbox = await startDataverseSandbox({ port: 0, users });
  const ws = join(root, name);
  await cliJson(["init", ws, "--export", exportDir, "--url", sandbox.url, "--fallback-owner", "crm.admin@example.com"]);
  await cliJson(["-w", ws, "discover"]);
  await cliJson(["-w", ws, "map"]);
  const refused = await runCli(["-w", ws, "schema", "apply"]);
  assert.equal(refused.code, 3, "schema apply must refuse before the map is confirmed");
  assert.match(refused.stderr, /HO-MAP-002/);
  await cliJson(["-w", ws, "map", "review", "--accept-above", "0.8", "--reject-below", "0.8", "--confirm-rules"]);
  await cliJson(["-w", ws, "plan"]);
  await cliJson(["-w", ws, "schema", "apply"]);
  return { ws, sandbox };
}

const sandboxes: DataverseSandbox[] = [];
after(async () => {
  for (const s of sandboxes) await s.close();
});

test("a 2,000-patient export migrates with every record accounted for, lookups and owners linked, and a clean diff", async () => {
  const { ws, sandbox } = await prepared("full");
  sandboxes.push(sandbox);
  const result = await cliJson<{ verify: { mismatches: number; missingRows: number; fieldsChecked: number; reconciliation: { unexplained: number; tables: { table: string; sourceRows: number; loaded: number; flagged: number; rejected: number; skipped: number }[] }; reports: string[] } }>(["-w", ws, "run"]);
  const v = result.verify;
  assert.equal(v.reconciliation.unexplained, 0);
  assert.equal(v.mismatches, 0);
  assert.equal(v.missingRows, 0);
  assert.ok(v.fieldsChecked > patients * 10);
  const patientsRow = v.reconciliation.tables.find((t) => t.table === "patients")!;
  assert.equal(patientsRow.sourceRows, manifest.files["patients.csv"]!.rows);

  const snap = await snapshot(sandbox);
  const contacts = snap.contact!.filter((c) => c.hc_sourcekey);
  assert.equal(contacts.length, patientsRow.loaded + patientsRow.flagged, "one contact per loaded patient");
  assert.equal(new Set(contacts.map((c) => c.hc_sourcekey)).size, contacts.length, "no duplicate contacts");

  // The multi-practice patients' primary account is their most recently modified practice.
  const accounts = new Map(snap.account!.map((a) => [a.accountid, a.hc_sourcekey]));
  for (const d of manifest.dirt.filter((x) => x.kind === "several-practices").slice(0, 20) as unknown as { key: string; mostRecentPracticeId: string }[]) {
    const contact = contacts.find((c) => c.hc_sourcekey === `vp:patients:${d.key}`);
    if (!contact) continue;
    assert.equal(accounts.get(ref(contact, "parentcustomerid")), `vp:practices:${d.mostRecentPracticeId}`);
  }
  // Patients without a practice land on the Unaffiliated Patients account.
  const unaffiliated = snap.account!.find((a) => a.name === "Unaffiliated Patients");
  assert.ok(unaffiliated);
  for (const d of manifest.dirt.filter((x) => x.kind === "no-practice").slice(0, 10) as unknown as { key: string }[]) {
    const contact = contacts.find((c) => c.hc_sourcekey === `vp:patients:${d.key}`);
    if (contact) assert.equal(ref(contact, "parentcustomerid"), unaffiliated.accountid);
  }
  // Owners follow the plan: a matched provider's user, else the fallback user.
  const plan = JSON.parse(readFileSync(join(ws, ".handover", "reports", "plan", "plan.json"), "utf8")) as { owners: { rows: { staffId: string; ownerId: string }[] } };
  const ownerIds = new Set(plan.owners.rows.map((o) => o.ownerId));
  for (const c of contacts) assert.ok(ownerIds.has(ref(c, "ownerid") ?? ""), "every contact owned as planned");
  // Secondary practice links became connections; reports are private.
  assert.ok(snap.connection!.filter((c) => c.hc_sourcekey).length > 0);
  for (const file of v.reports) assert.equal(statSync(file).mode & 0o077, 0, `${file} must be owner-only`);
});

test("killing run part way and running it again leaves no duplicate and no missing row", async () => {
  const { ws, sandbox } = await prepared("crash");
  sandboxes.push(sandbox);
  const child = startCli(["-w", ws, "run"]);
  const exited = new Promise((resolve) => child.on("exit", resolve));
  for (let i = 0; i < 600; i += 1) {
    const stats = (await (await fetch(new URL("/_sandbox/stats", sandbox.url))).json()) as { rows?: Record<string, number> };
    if ((stats.rows?.contact ?? 0) > 300) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  child.kill("SIGKILL");
  await exited;
  const mid = (await snapshot(sandbox)).contact!.filter((c) => c.hc_sourcekey).length;
  assert.ok(mid > 0 && mid < patients, `killed part way (${mid} contacts written)`);

  const resumed = await cliJson<{ run: { resumed: boolean }; verify: { mismatches: number; missingRows: number; reconciliation: { unexplained: number; tables: { table: string; loaded: number; flagged: number }[] } } }>(["-w", ws, "run"]);
  assert.equal(resumed.run.resumed, true);
  assert.equal(resumed.verify.reconciliation.unexplained, 0);
  assert.equal(resumed.verify.missingRows, 0);
  assert.equal(resumed.verify.mismatches, 0);
  const snap = await snapshot(sandbox);
  const keys = snap.contact!.map((c) => c.hc_sourcekey).filter(Boolean);
  assert.equal(new Set(keys).size, keys.length, "no duplicate contact");
  const t = resumed.verify.reconciliation.tables.find((x) => x.table === "patients")!;
  assert.equal(keys.length, t.loaded + t.flagged, "no missing contact");
  const conn = snap.connection!.map((c) => c.hc_sourcekey).filter(Boolean);
  assert.equal(new Set(conn).size, conn.length, "no duplicate connection");
});

test("rollback returns the sandbox to exactly the rows it had before the migration", async () => {
  const { ws, sandbox } = await prepared("rollback");
  sandboxes.push(sandbox);
  // A practice that was already in the CRM under our key (an earlier attempt): it must come back as it was.
  const practiceId = manifest.dirt.find((d) => d.kind === "no-npi")?.key ?? "1";
  await fetch(new URL(`/api/data/v9.2/accounts(hc_sourcekey='vp:practices:${practiceId}')`, sandbox.url), {
    method: "PATCH", headers: { authorization: "Bearer t", "content-type": "application/json" }, body: JSON.stringify({ name: "Old name", telephone1: "555-0100" }),
  });
  const beforeSnap = await snapshot(sandbox);
  await cliJson(["-w", ws, "sample", "--size", "50"]);
  await cliJson(["-w", ws, "run"]);
  const during = await snapshot(sandbox);
  assert.ok(during.contact!.length > beforeSnap.contact!.length);
  const rolled = await cliJson<{ deleted: number; restored: number; failed: number; residue: number }>(["-w", ws, "rollback"]);
  assert.equal(rolled.failed, 0);
  assert.equal(rolled.residue, 0);
  assert.equal(rolled.restored, 1);
  const afterSnap = await snapshot(sandbox);
  // Dataverse reads an unset column as null: absent and null are the same state.
  const business = (rows: Row[] = []) => rows.map(({ versionnumber, modifiedon, ...rest }) => Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== null))).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  for (const table of new Set([...Object.keys(beforeSnap), ...Object.keys(afterSnap)])) {
    assert.deepEqual(business(afterSnap[table]), business(beforeSnap[table]), `table ${table} differs after rollback`);
  }
});
