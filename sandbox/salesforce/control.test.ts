/** `/_sandbox/*` controls, persistence across restarts and the CLI entry. */
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { runSalesforceSandboxCli } from "./cli.js";
import { startSalesforceSandbox } from "./server.js";
import { startHarness } from "./test-helpers.js";

const control = async (url: string, path: string, body?: unknown): Promise<Record<string, unknown>> => {
  const res = await fetch(`${url}/_sandbox/${path}`, body === undefined ? {} : { method: "POST", body: JSON.stringify(body) });
  return (await res.json()) as Record<string, unknown>;
};

test("stats, snapshot, settings, seed-users and token controls are neither authenticated nor counted", async () => {
  const h = await startHarness();
  try {
    await h.conn.sobject("Contact").create({ LastName: "Counted" });
    const before = await control(h.sandbox.url, "stats");
    assert.deepEqual((before.rows as Record<string, number>).Contact, 1);
    const usage = (before.apiUsage as { used: number }).used;
    await control(h.sandbox.url, "snapshot");
    assert.equal(((await control(h.sandbox.url, "stats")).apiUsage as { used: number }).used, usage);
    const snap = await control(h.sandbox.url, "snapshot");
    assert.equal((snap.Contact as { LastName: string }[])[0]?.LastName, "Counted");
    assert.deepEqual(await control(h.sandbox.url, "settings", { lockDelayMs: 5, dailyApiLimit: 99 }), { auditFieldsGranted: false, dailyApiLimit: 99, lockDelayMs: 5, apiUsed: usage });
    assert.deepEqual(await control(h.sandbox.url, "settings", { lockDelayMs: -1 }), { error: "lockDelayMs must be a non-negative integer" });
    const seeded = await control(h.sandbox.url, "seed-users", [{ email: "seeded@handover.test", name: "Seeded Person" }]);
    assert.equal(seeded.created, 1);
    const token = await control(h.sandbox.url, "token", { username: "seeded@handover.test" });
    const me = await fetch(`${h.sandbox.url}/services/oauth2/userinfo`, { headers: { Authorization: `Bearer ${String(token.access_token)}` } });
    assert.equal(((await me.json()) as { name: string }).name, "Seeded Person");
    const stats = await control(h.sandbox.url, "stats");
    assert.ok(((stats.byResource as Record<string, number>).sobjects ?? 0) >= 1);
  } finally {
    await h.close();
  }
});

test("the data file keeps rows, custom schema, settings and sessions across restarts", async () => {
  const dataFile = join(mkdtempSync(join(tmpdir(), "sf-sandbox-")), "org.json");
  const h = await startHarness({ dataFile, auditFieldsGranted: true });
  await h.conn.tooling.sobject("CustomField").create({ FullName: "Contact.Handover_Source_Key__c", Metadata: { type: "Text", length: 80, externalId: true, unique: true, label: "Key" } });
  await h.conn.sobject("Contact").create({ LastName: "Persisted", Handover_Source_Key__c: "P-1" });
  await h.close();
  const again = await startSalesforceSandbox({ dataFile });
  try {
    assert.equal(again.orgId, h.sandbox.orgId);
    const res = await fetch(`${again.url}/services/data/v60.0/query?q=${encodeURIComponent("SELECT LastName FROM Contact WHERE Handover_Source_Key__c = 'P-1'")}`, { headers: { Authorization: `Bearer ${h.token}` } });
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { records: { LastName: string }[] }).records[0]?.LastName, "Persisted");
    assert.equal(again.state.settings.auditFieldsGranted, true);
  } finally {
    await again.close();
  }
});

test("the CLI prints one listening line and stops when asked", async () => {
  const lines: string[] = [];
  let stop: () => void = () => undefined;
  const until = new Promise<void>((resolve) => (stop = resolve));
  const running = runSalesforceSandboxCli({ port: 0, log: (l) => lines.push(l), until });
  for (let i = 0; i < 100 && lines.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
  assert.match(lines[0] ?? "", /^Salesforce sandbox listening on http:\/\/127\.0\.0\.1:\d+ \(data: in-memory\)$/);
  const url = /(http:\/\/\S+)/.exec(lines[0] ?? "")?.[1] ?? "";
  assert.equal((await fetch(`${url}/services/data`)).status, 200);
  stop();
  await running;
  assert.equal(lines.length, 1);
});
