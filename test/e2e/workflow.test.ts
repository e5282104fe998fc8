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

interface Reconciliation {
  unexplained: number;
  tables: { table: string; sourceRows: number; loaded: number; flagged: number; rejected: number; skipped: number }[];
  exceptions: { table: string; file: string | null; row: number | null; status: string; reason: string | null; field: string | null }[];
  flags: { table: string; file: string | null; row: number | null; code: string; field: string | null }[];
}

/** Every planted flaw of the generated export shows up with its code, file, row and field. */
function assertDirtCaught(r: Reconciliation): void {
  const at = (table: string, row: number) => [...r.flags.filter((f) => f.table === table && f.row === row), ...r.exceptions.filter((e) => e.table === table && e.row === row)];
  const dirt = manifest.dirt as unknown as { kind: string; table?: string; key?: string; row?: number; rows?: number[]; column?: string }[];
  const checked: Record<string, number> = {};
  // A table the map holds no object for (the model lacks it yet) is skipped whole, by rule: its rows' dirt is not looked at.
  const unmapped = new Set(r.exceptions.filter((e) => e.reason === "table-not-mapped").map((e) => e.table));
  for (const d of dirt) {
    if (d.table && unmapped.has(d.table)) continue;
    const hits = d.table && d.row ? at(d.table, d.row) : [];
    switch (d.kind) {
      case "bad-email": case "bad-phone": case "bad-date": {
        const caught = hits.some((h) => ("code" in h ? h.code === "HO-TRN-001" && h.field === d.column : h.status !== "loaded"));
        assert.ok(caught, `${d.kind} at ${d.table} row ${d.row} (${d.column}) was not flagged`);
        break;
      }
      case "end-before-start":
        assert.ok(hits.some((h) => ("code" in h ? h.code === "HO-TRN-008" : h.status !== "loaded")), `end before start at ${d.table} row ${d.row} not flagged`);
        break;
      case "malformed-row":
        assert.ok(hits.some((h) => "status" in h && h.status === "rejected" && h.reason === "HO-SRC-003"), `malformed row ${d.row} not rejected`);
        break;
      case "dangling-reference":
        assert.ok(hits.some((h) => "status" in h && h.status === "rejected" && h.reason === "HO-TRN-003" && h.field === d.column), `dangling reference at row ${d.row} not rejected`);
        break;
      case "duplicate-key":
        assert.ok(at(d.table!, d.rows![1]!).some((h) => "status" in h && h.status === "skipped" && h.reason === "duplicate-source-key"), `duplicate key ${d.key} not skipped`);
        break;
      case "long-note":
        assert.ok(hits.some((h) => "code" in h && h.code === "HO-LOD-004"), `long note at ${d.table} row ${d.row} not split and flagged`);
        break;
      case "missing-file":
        assert.ok(hits.some((h) => "status" in h && h.status === "rejected" && h.reason === "HO-LOD-003"), `missing file at ${d.table} row ${d.row} not rejected`);
        break;
      case "large-file":
        assert.ok(hits.some((h) => "status" in h && h.status === "rejected" && h.reason === "HO-LOD-005"), `oversize file at ${d.table} row ${d.row} not refused`);
        break;
      default:
        continue;
    }
    checked[d.kind] = (checked[d.kind] ?? 0) + 1;
  }
  for (const kind of ["bad-email", "bad-phone", "bad-date", "malformed-row", "dangling-reference", "duplicate-key", "end-before-start", "long-note", "missing-file", "large-file"]) assert.ok((checked[kind] ?? 0) > 0, `no ${kind} in the export to check`);
}

/** No patient's email or full name may reach the terminal (stdout or stderr, human or --json). */
function assertNoPhi(output: string): void {
  const lines = readFileSync(join(exportDir, "patients.csv"), "utf8").split(/\r?\n/);
  const header = lines[0]!.replace(/^\uFEFF/, "").split(",");
  const [first, last, email] = ["PatFirstName", "PatLastName", "EmailAddr"].map((c) => header.indexOf(c));
  let checked = 0;
  for (const line of lines.slice(1, 400)) {
    const cells = line.split(",");
    const name = `${cells[first!] ?? ""} ${cells[last!] ?? ""}`.trim();
    const mail = cells[email!] ?? "";
    if (mail.includes("@")) assert.ok(!output.includes(mail), "a patient email reached the terminal");
    if (name.length > 8) assert.ok(!output.includes(name), "a patient name reached the terminal");
    checked += 1;
  }
  assert.ok(checked > 100);
}

const sandboxes: DataverseSandbox[] = [];
after(async () => {
  for (const s of sandboxes) await s.close();
});

test("a 2,000-patient export migrates with every record accounted for, lookups and owners linked, and a clean diff", async () => {
  const { ws, sandbox } = await prepared("full");
  sandboxes.push(sandbox);
  const raw = await runCli(["-w", ws, "run", "--json"]);
  assert.equal(raw.code, 0, raw.stderr);
  const result = JSON.parse(raw.stdout) as { verify: { mismatches: number; missingRows: number; fieldsChecked: number; reconciliation: Reconciliation; reports: string[] } };
  const v = result.verify;
  const human = await runCli(["-w", ws, "verify"]);
  assert.equal(human.code, 0, human.stderr);
  assertNoPhi([raw.stdout, raw.stderr, human.stdout, human.stderr].join("\n"));
  assertDirtCaught(v.reconciliation);
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
  // Appointments became appointment activities regarding their contact, with their state.
  const appointmentsRow = v.reconciliation.tables.find((t) => t.table === "appointments")!;
  const activities = snap.appointment!.filter((a) => a.hc_sourcekey);
  assert.ok(appointmentsRow.loaded > patients, "appointments loaded");
  assert.equal(activities.length, appointmentsRow.loaded + appointmentsRow.flagged);
  assert.equal(new Set(activities.map((a) => a.hc_sourcekey)).size, activities.length, "no duplicate activity");
  const contactIds = new Set(contacts.map((c) => c.contactid));
  assert.ok(activities.every((a) => contactIds.has(ref(a, "regardingobjectid"))), "every activity regards a migrated contact");
  assert.ok(activities.some((a) => a.statecode === 1) && activities.some((a) => a.statecode === 3), "completed and scheduled states both present");
  // Clinical notes and documents became notes on their contact; long ones in numbered parts.
  const notesRow = v.reconciliation.tables.find((t) => t.table === "clinical_notes")!;
  const docsRow = v.reconciliation.tables.find((t) => t.table === "documents")!;
  const notes = snap.annotation!.filter((a) => typeof a.hc_sourcekey === "string");
  const whole = notes.filter((a) => !String(a.hc_sourcekey).includes("#part"));
  assert.equal(whole.length, notesRow.loaded + notesRow.flagged + docsRow.loaded + docsRow.flagged, "one note per loaded clinical note and document");
  assert.ok(notes.length > whole.length, "long notes have continuation parts");
  assert.equal(new Set(notes.map((a) => a.hc_sourcekey)).size, notes.length, "no duplicate note");
  assert.ok(notes.every((a) => contactIds.has(ref(a, "objectid"))), "every note sits on a migrated contact");
  const withFiles = notes.filter((a) => a.documentbody);
  assert.equal(withFiles.length, docsRow.loaded + docsRow.flagged, "every loaded document carries its file");
  assert.ok(withFiles.every((a) => a.filename && a.mimetype), "files keep their name and type");
  // The plan flagged the oversize files before anything was written.
  const planNotes = (JSON.parse(readFileSync(join(ws, ".handover", "reports", "plan", "plan.json"), "utf8")) as { notes: { table: string; oversizeCount: number; missingCount: number; longTextCount: number }[] }).notes;
  const largeFiles = manifest.dirt.filter((d) => d.kind === "large-file").length;
  assert.equal(planNotes.find((n) => n.table === "documents")?.oversizeCount, largeFiles, "the plan names every file over the upload limit");
  assert.equal(planNotes.find((n) => n.table === "documents")?.missingCount, manifest.dirt.filter((d) => d.kind === "missing-file").length);
  assert.equal(planNotes.find((n) => n.table === "clinical_notes")?.longTextCount, manifest.dirt.filter((d) => d.kind === "long-note").length);
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
