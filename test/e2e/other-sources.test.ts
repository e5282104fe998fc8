import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { parse, stringify } from "yaml";
import { startDataverseSandbox, type DataverseSandbox } from "../../sandbox/dataverse/index.js";
import { defaultApiKey, startPracticeHubSandbox } from "../../sandbox/practicehub/index.js";
import { cliJson } from "./cli.js";

delete process.env.http_proxy;

interface RunResult {
  verify: { mismatches: number; missingRows: number; fieldsChecked: number; reconciliation: { unexplained: number; tables: { table: string; sourceRows: number; loaded: number; flagged: number }[] } };
}

const users = [
  { internalemailaddress: "crm.admin@example.com", fullname: "CRM Admin", firstname: "CRM", lastname: "Admin", isdisabled: false },
];

/** init (with `source` options) → discover → map → review → plan → schema apply → run, on a fresh sandbox. */
async function migrate(name: string, init: string[], edit?: (config: Record<string, unknown>) => void): Promise<{ result: RunResult; sandbox: DataverseSandbox }> {
  const sandbox = await startDataverseSandbox({ port: 0, users });
  const ws = join(mkdtempSync(join(tmpdir(), `handover-${name}-`)), "ws");
  await cliJson(["init", ws, ...init, "--url", sandbox.url, "--fallback-owner", "crm.admin@example.com"]);
  if (edit) {
    const file = join(ws, "handover.yaml");
    const config = parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    edit(config);
    writeFileSync(file, stringify(config));
  }
  await cliJson(["-w", ws, "discover"]);
  await cliJson(["-w", ws, "map"]);
  await cliJson(["-w", ws, "map", "review", "--accept-above", "0.8", "--reject-below", "0.8", "--confirm-rules"]);
  await cliJson(["-w", ws, "plan"]);
  await cliJson(["-w", ws, "schema", "apply"]);
  return { result: await cliJson<RunResult>(["-w", ws, "run"]), sandbox };
}

test("a PracticeHub account migrates through its rate-limited API with every record accounted for and a clean diff", async () => {
  const hub = await startPracticeHubSandbox({ port: 0, patients: 40, seed: 3, rateLimitPerSecond: 40 });
  process.env.PRACTICEHUB_API_KEY = defaultApiKey;
  const { result, sandbox } = await migrate("practicehub", ["--source", "practicehub", "--source-url", hub.url], (config) => {
    (config.source as Record<string, unknown>).ratePerSecond = 40;
  });
  try {
    const v = result.verify;
    assert.equal(v.reconciliation.unexplained, 0);
    assert.equal(v.mismatches, 0);
    assert.equal(v.missingRows, 0);
    const patients = v.reconciliation.tables.find((t) => t.table === "patients")!;
    assert.ok(patients.loaded + patients.flagged > 30, "patients loaded");
    const stats = (await (await fetch(new URL("/_sandbox/stats", hub.url))).json()) as { throttled: number; duringRetryAfter: number };
    assert.equal(stats.throttled, 0, "the client never exceeded the API's rate");
    assert.equal(stats.duringRetryAfter, 0);
  } finally {
    await sandbox.close();
    await hub.close();
  }
});
