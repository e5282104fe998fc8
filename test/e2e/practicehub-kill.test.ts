/**
 * `handover run` from PracticeHub is SIGKILLed part way through a multi-page table and run again.
 * The sandbox's own request log proves the resume: no page the killed process had finished is
 * asked for again (only the page in flight at the kill may be), no request over both processes was
 * refused with a 429, and the target ends with exactly one row per source record.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { startDataverseSandbox } from "../../sandbox/dataverse/index.js";
import { defaultApiKey, generateAccount, startPracticeHubSandbox, type PracticeHubStats } from "../../sandbox/practicehub/index.js";
import { cliJson, startCli } from "./cli.js";
import { practiceHubWorkspace } from "./practicehub-workspace.js";

delete process.env.http_proxy;

const rate = 25;
const seed = 6;
const patientCount = 50;
const users = [{ internalemailaddress: "crm.admin@example.com", fullname: "CRM Admin", firstname: "CRM", lastname: "Admin", isdisabled: false }];

interface RunResult {
  run: { resumed: boolean };
  verify: { mismatches: number; missingRows: number; reconciliation: { unexplained: number; tables: { table: string; sourceRows: number; loaded: number; flagged: number; rejected: number; skipped: number }[] } };
}

type LogEntry = PracticeHubStats["log"][number];
/** A list page as the API knows it: object, delta instant and cursor. Other calls (account, objects, files) are not pages. */
const pageOf = (l: LogEntry): string | undefined => {
  const object = /^\/eu\/v1\/([a-z_]+)$/.exec(l.path)?.[1];
  return object && object !== "objects" && object !== "account" ? `${object} since=${l.since ?? ""} cursor=${l.cursor ?? "(first)"}` : undefined;
};

test("PracticeHub: a run killed mid-table resumes without re-reading finished pages, never exceeds the rate, and loads each record once", async () => {
  const hub = await startPracticeHubSandbox({ port: 0, patients: patientCount, seed, rateLimitPerSecond: rate });
  const dataverse = await startDataverseSandbox({ port: 0, users });
  process.env.PRACTICEHUB_API_KEY = defaultApiKey;
  try {
    const ws = await practiceHubWorkspace("ph-kill", hub.url, dataverse.url, { ratePerSecond: rate, pageSize: 10 });
    const stats = hub.stats;
    const before = stats.log.length;

    const child = startCli(["-w", ws, "run"]);
    const exited = new Promise((resolve) => child.on("exit", resolve));
    const patientPages = () => stats.log.slice(before).filter((l) => pageOf(l)?.startsWith("patients ")).length;
    for (let i = 0; i < 3000 && patientPages() < 3; i += 1) await new Promise((r) => setTimeout(r, 5));
    child.kill("SIGKILL");
    await exited;
    const killed = stats.log.slice(before);
    const afterKill = stats.log.length;
    const killedPages = killed.flatMap((l) => pageOf(l) ?? []);
    assert.ok(killedPages.filter((p) => p.startsWith("patients ")).length >= 3, "killed after several pages of patients");
    assert.ok(killedPages.length < 40, `killed part way (${killedPages.length} pages read)`);

    const result = await cliJson<RunResult>(["-w", ws, "run"]);
    const resumed = stats.log.slice(afterKill).flatMap((l) => pageOf(l) ?? []);

    // Every page the killed process finished stays finished: only the last one it asked for (in flight) may come again.
    const inFlight = killedPages.at(-1)!;
    const again = resumed.filter((p) => killedPages.includes(p) && p !== inFlight);
    assert.deepEqual(again, [], "no finished page is requested again");
    assert.ok(!resumed.includes("patients since= cursor=(first)"), "patients resumed from its checkpoint, not from the first page");
    assert.ok(resumed.some((p) => p.startsWith("patients ")), "and went on with the patients table");
    const pages = [...killedPages.filter((p) => p !== inFlight), ...resumed];
    assert.equal(new Set(pages).size, pages.length, "over both processes, every page once (bar the one in flight)");
    assert.equal(stats.throttled, 0, "no request over both processes was answered 429");
    assert.equal(stats.duringRetryAfter, 0);

    assert.equal(result.run.resumed, true);
    const v = result.verify;
    assert.equal(v.reconciliation.unexplained, 0);
    assert.equal(v.mismatches, 0);
    assert.equal(v.missingRows, 0);
    const account = generateAccount({ seed, patients: patientCount });
    const snap = (await (await fetch(new URL("/_sandbox/snapshot", dataverse.url))).json()) as Record<string, Record<string, unknown>[]>;
    const keysIn = (table: string, object: string) => (snap[table] ?? []).map((r) => String(r.hc_sourcekey ?? "")).filter((k) => k.startsWith(`ph:${object}:`) && !k.includes("#part"));
    for (const [object, table] of [["patients", "contact"], ["appointments", "appointment"], ["clinical_notes", "annotation"], ["patient_documents", "annotation"]] as const) {
      const row = v.reconciliation.tables.find((t) => t.table === object)!;
      const keys = keysIn(table, object);
      assert.equal(row.sourceRows, account.get(object)!.length, `${object}: every source record counted once`);
      assert.equal(new Set(keys).size, keys.length, `${object}: no duplicate in the target`);
      assert.equal(keys.length, row.loaded + row.flagged, `${object}: none missing from the target`);
      const ids = new Set(account.get(object)!.map((r) => r.id));
      assert.ok(keys.every((k) => ids.has(k.split(":")[2]!)), `${object}: only source records in the target`);
    }
  } finally {
    await dataverse.close();
    await hub.close();
  }
});
