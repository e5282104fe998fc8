/**
 * Delta from PracticeHub, a source that filters by change time and gives tombstones: after a full
 * run, one patient changes, two are added (one stamped exactly at the run's change cursor) and one
 * is deleted. The delta asks the API only for what changed (one page per table and one page of
 * tombstones), loads exactly those records, lists the deletion once and accounts for every record;
 * a second delta loads nothing.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import Database from "better-sqlite3";
import { startDataverseSandbox } from "../../sandbox/dataverse/index.js";
import { defaultApiKey, generateAccount, startPracticeHubSandbox, type MutateResult, type PracticeHubStats } from "../../sandbox/practicehub/index.js";
import { cliJson } from "./cli.js";
import { practiceHubWorkspace } from "./practicehub-workspace.js";

delete process.env.http_proxy;

const seed = 3;
const patientCount = 120;
const users = [{ internalemailaddress: "crm.admin@example.com", fullname: "CRM Admin", firstname: "CRM", lastname: "Admin", isdisabled: false }];

interface Table { table: string; sourceRows: number; loaded: number; flagged: number; rejected: number; skipped: number; unexplained: number }
interface DeltaResult {
  run: { runId: string; kind: string; deletedAtSource?: { table: string; count: number; keys: string[] }[] };
  verify: { mismatches: number; missingRows: number; reconciliation: { unexplained: number; tables: Table[] } };
}

type LogEntry = PracticeHubStats["log"][number];
/** List pages of objects and of tombstones, by object. */
const listPages = (log: readonly LogEntry[]) => log.filter((l) => /^\/eu\/v1\/(?!objects$|account$|files\/)[a-z_]+$/.test(l.path));

test("PracticeHub delta reads only what changed since the last run, loads exactly that, and lists a deletion once", async () => {
  const hub = await startPracticeHubSandbox({ port: 0, patients: patientCount, seed, rateLimitPerSecond: 50 });
  const dataverse = await startDataverseSandbox({ port: 0, users });
  process.env.PRACTICEHUB_API_KEY = defaultApiKey;
  try {
    const ws = await practiceHubWorkspace("ph-delta", hub.url, dataverse.url, { ratePerSecond: 50, pageSize: 20 });
    const stats = hub.stats;
    const beforeRun = stats.log.length;
    const run = await cliJson<DeltaResult>(["-w", ws, "run"]);
    const runLog = stats.log.slice(beforeRun);
    const fullPages = listPages(runLog).length;
    // The tables the map reads (the others are reconciled as table-not-mapped, never read).
    const mapped = [...new Set(listPages(runLog).map((l) => l.path.slice("/eu/v1/".length)))];
    assert.ok(mapped.includes("patients") && mapped.length >= 6, `tables read: ${mapped.join(", ")}`);

    // The run left, for patients, the newest change it read with its key.
    const patients = generateAccount({ seed, patients: patientCount }).get("patients")!;
    const newestAt = patients.map((p) => p.modified_at).sort().at(-1)!;
    const db = new Database(join(ws, ".handover", "state.db"), { readonly: true });
    const cursor = db.prepare("SELECT at, key FROM change_cursors WHERE source_table = 'patients'").get() as { at: string; key: string };
    db.close();
    assert.equal(Date.parse(cursor.at), Date.parse(newestAt), "the cursor is the newest change read");
    assert.equal(cursor.key, patients.filter((p) => p.modified_at === newestAt).map((p) => p.id).sort().at(-1));

    // A record stamped exactly at the cursor instant (its key after the cursor's), then a change, an addition and a deletion now.
    const planted = (await control<MutateResult>(hub.url, "mutate", { object: "patients", add: 1, at: cursor.at })).added[0]!;
    const edit = await control<MutateResult>(hub.url, "mutate", { object: "patients", change: 1, add: 1, delete: 1 });
    const beforeDelta = stats.log.length;
    const delta = await cliJson<DeltaResult>(["-w", ws, "delta"]);
    const deltaPages = listPages(stats.log.slice(beforeDelta));

    assert.equal(stats.throttled, 0);
    const perTable = new Map<string, number>();
    for (const page of deltaPages) {
      assert.ok(page.since, `every delta page asks only for changes (${page.path})`);
      perTable.set(page.path, (perTable.get(page.path) ?? 0) + 1);
    }
    for (const table of mapped) assert.equal(perTable.get(`/eu/v1/${table}`), 1, `${table}: one page of changes`);
    assert.equal(perTable.get("/eu/v1/deleted"), mapped.length, "one page of tombstones per table");
    assert.ok(deltaPages.length * 2 < fullPages, `far below a full read: ${deltaPages.length} pages against ${fullPages}`);
    assert.ok(stats.log.length - beforeDelta < (beforeDelta - beforeRun) / 4, `delta ${stats.log.length - beforeDelta} requests, run ${beforeDelta - beforeRun}`);

    const v = delta.verify;
    assert.equal(v.reconciliation.unexplained, 0, "every record of the delta is accounted for");
    assert.equal(v.mismatches, 0);
    assert.equal(v.missingRows, 0);
    const row = (table: string) => v.reconciliation.tables.find((t) => t.table === table)!;
    const runRow = (table: string) => run.verify.reconciliation.tables.find((t) => t.table === table)!;
    assert.equal(row("patients").loaded + row("patients").flagged, 3, "exactly the changed, the added and the planted patient are loaded");
    assert.equal(row("patients").sourceRows, runRow("patients").sourceRows + 1, "every patient the source has now (two added, one deleted) is accounted for");
    assert.equal(row("patients").rejected, runRow("patients").rejected, "records rejected last time are tried again (and rejected again)");
    for (const table of mapped.filter((t) => t !== "patients")) {
      assert.equal(row(table).loaded + row(table).flagged, 0, `${table}: nothing changed, nothing loaded`);
      assert.equal(row(table).sourceRows, runRow(table).sourceRows, `${table}: every record accounted for`);
    }
    assert.deepEqual(delta.run.deletedAtSource, [{ table: "patients", count: 1, keys: edit.deleted }], "the deletion is listed once");

    const snap = (await (await fetch(new URL("/_sandbox/snapshot", dataverse.url))).json()) as Record<string, Record<string, unknown>[]>;
    const contact = (id: string) => snap.contact!.find((c) => c.hc_sourcekey === `ph:patients:${id}`);
    assert.ok(contact(planted), "the record stamped at the cursor instant is not lost");
    assert.ok(contact(edit.added[0]!), "the new patient is a contact");
    assert.match(String(contact(edit.changed[0]!)?.firstname), /\(changed\)$/, "the change reached the contact");
    assert.ok(contact(edit.deleted[0]!), "a patient deleted at the source stays in the CRM (listed, not removed)");

    const again = await cliJson<DeltaResult>(["-w", ws, "delta"]);
    for (const t of again.verify.reconciliation.tables) assert.equal(t.loaded + t.flagged, 0, `${t.table}: a second delta loads nothing`);
    assert.equal(again.verify.reconciliation.unexplained, 0);
    assert.equal(again.run.deletedAtSource?.length ?? 0, 0, "and lists no deletion twice");
  } finally {
    await dataverse.close();
    await hub.close();
  }
});

async function control<T>(base: string, name: string, body: unknown): Promise<T> {
  return (await (await fetch(new URL(`/_sandbox/${name}`, base), { method: "POST", body: JSON.stringify(body) })).json()) as T;
}

test("a record deleted before the run that sets the cursor is listed by that run and never reaches the CRM; keyless bad items are not counted again by each delta", async () => {
  const hub = await startPracticeHubSandbox({ port: 0, patients: 60, seed: 5, rateLimitPerSecond: 1000, badItems: { object: "patients", count: 6 } });
  const dataverse = await startDataverseSandbox({ port: 0, users });
  process.env.PRACTICEHUB_API_KEY = defaultApiKey;
  try {
    const ws = await practiceHubWorkspace("ph-delta", hub.url, dataverse.url, { ratePerSecond: 100, pageSize: 50 });
    // A sample stages every patient; then the source deletes one (two hours ago) and changes another
    // (an hour ago), so the run's cursor lies past the tombstone.
    await cliJson(["-w", ws, "sample", "--size", "5"]);
    const now = Date.now();
    const [gone] = hub.mutate({ object: "patients", delete: 1, at: new Date(now - 2 * 3600e3).toISOString() }).deleted;
    hub.mutate({ object: "patients", change: 1, at: new Date(now - 3600e3).toISOString() });
    const run = await cliJson<DeltaResult>(["-w", ws, "run"]);
    assert.deepEqual(run.run.deletedAtSource?.find((d) => d.table === "patients")?.keys, [gone], "the run's whole read finds the deletion");
    const patientsOf = (r: DeltaResult) => r.verify.reconciliation.tables.find((t) => t.table === "patients")!;
    const counted = patientsOf(run).sourceRows;
    for (let k = 0; k < 2; k += 1) {
      const delta = await cliJson<DeltaResult>(["-w", ws, "delta"]);
      assert.equal(delta.verify.reconciliation.unexplained, 0);
      assert.ok(!delta.run.deletedAtSource?.some((d) => d.keys.includes(gone!)), "listed once, by the run");
      assert.ok(patientsOf(delta).sourceRows <= counted + 1, `delta ${k + 1}: ${patientsOf(delta).sourceRows} patient rows against the run's ${counted}`);
    }
    const contacts = ((await (await fetch(new URL("/_sandbox/snapshot", dataverse.url))).json()) as { contact?: { hc_sourcekey?: string }[] }).contact ?? [];
    assert.ok(!contacts.some((c) => c.hc_sourcekey === `ph:patients:${gone}`), "the deleted patient never reaches the CRM");
  } finally {
    await dataverse.close();
    await hub.close();
  }
});
