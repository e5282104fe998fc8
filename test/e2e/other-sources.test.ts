import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { parse, stringify } from "yaml";
import { startDataverseSandbox, type DataverseSandbox } from "../../sandbox/dataverse/index.js";
import { defaultApiKey, fileBytes, fileFiller, generateAccount, startPracticeHubSandbox } from "../../sandbox/practicehub/index.js";
import { cliJson } from "./cli.js";

delete process.env.http_proxy;

const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

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

test("a PracticeHub account migrates through its rate-limited API with every record accounted for and a clean diff; patient documents arrive with their files", async () => {
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
    const stats = (await (await fetch(new URL("/_sandbox/stats", hub.url))).json()) as { throttled: number; duringRetryAfter: number; log: { method: string; path: string }[] };
    assert.equal(stats.throttled, 0, "the client never exceeded the API's rate");
    assert.equal(stats.duringRetryAfter, 0);

    // Patient documents became notes on their contact, each carrying the file the API serves.
    const docs = v.reconciliation.tables.find((t) => t.table === "patient_documents")!;
    const expected = new Map((generateAccount({ seed: 3, patients: 40 }).get("patient_documents") ?? []).map((row) => [row.id, row]));
    assert.equal(docs.sourceRows, expected.size);
    assert.equal(docs.loaded + docs.flagged, expected.size, "every document loaded");
    const snap = (await (await fetch(new URL("/_sandbox/snapshot", sandbox.url))).json()) as Record<string, Record<string, unknown>[]>;
    const notes = snap.annotation!.filter((a) => String(a.hc_sourcekey ?? "").startsWith("ph:patient_documents:"));
    assert.equal(notes.length, expected.size, "one note per document");
    const filler = fileFiller(3);
    for (const note of notes) {
      const row = expected.get(String(note.hc_sourcekey).split(":")[2]!)!;
      assert.equal(sha256(Buffer.from(String(note.documentbody), "base64")), sha256(fileBytes(filler, row)), `${String(note.hc_sourcekey)}: the file's SHA-256`);
      assert.equal(note.filename, row.file_name);
      assert.equal(note.mimetype, row.mime_type);
    }
    const downloads = stats.log.filter((l) => l.path.startsWith("/eu/v1/files/"));
    assert.ok(downloads.some((l) => l.method === "HEAD") && downloads.some((l) => l.method === "GET"), "sized with HEAD, read with GET, at the account's region");
  } finally {
    await sandbox.close();
    await hub.close();
  }
});
