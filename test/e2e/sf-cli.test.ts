/**
 * The real Salesforce CLI (`sf`, npm `@salesforce/cli`), unchanged, against the local Salesforce sandbox:
 * access-token login, SOQL query, Bulk API 2.0 import and upsert on a custom external id.
 * The CLI must be installed (devDependency, or SF_CLI_BIN=/path/to/@salesforce/cli/bin/run.js); without it
 * the suite fails rather than skips.
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { startSalesforceSandbox } from "../../sandbox/salesforce/index.js";
import type { SalesforceSandbox } from "../../sandbox/salesforce/index.js";
import { findSfCli, runSf, sfOk } from "./sf-cli-helpers.js";
import type { SfRunOptions } from "./sf-cli-helpers.js";

const ALIAS = "sbx";

let bin: string;
let sandbox: SalesforceSandbox;
let home: string;
let token: string;
let opts: SfRunOptions;

type Row = Record<string, unknown>;

async function rest(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${sandbox.url}/services/data/v60.0/${path}`, {
    ...init, headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", ...(init.headers as Record<string, string> | undefined) },
  });
}

async function snapshot(object: string): Promise<Row[]> {
  const res = await fetch(`${sandbox.url}/_sandbox/snapshot`);
  return ((await res.json()) as Record<string, Row[]>)[object] ?? [];
}

before(async () => {
  bin = findSfCli();
  home = mkdtempSync(join(tmpdir(), "handover-sf-cli-"));
  opts = { home, timeoutMs: 60_000 };
  sandbox = await startSalesforceSandbox({ port: 0, persistDebounceMs: 20 });
  const res = await fetch(`${sandbox.url}/services/oauth2/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: "handover-e2e", client_secret: "secret" }),
  });
  token = ((await res.json()) as { access_token: string }).access_token;
  // The shape the CLI insists on for `org login access-token` (sfdc.matchesAccessToken).
  assert.match(token, /^00D\w{12,15}![.\w]*$/);
});

after(async () => {
  await sandbox?.close();
  if (home) rmSync(home, { recursive: true, force: true });
});

test("sf logs in with an access token and stores the sandbox org in an isolated home", async (t) => {
  const version = await runSf(bin, ["--version"], opts);
  assert.equal(version.code, 0, version.stderr);
  t.diagnostic(version.stdout.trim());
  const login = await sfOk<Row>(bin, ["org", "login", "access-token", "--instance-url", sandbox.url, "--alias", ALIAS, "--no-prompt"], {
    ...opts, env: { SF_ACCESS_TOKEN: token },
  });
  assert.equal(login.orgId, sandbox.orgId);
  assert.equal(login.username, "admin@handover-sandbox.example");
  assert.equal(String(login.instanceUrl).replace(/\/$/, ""), sandbox.url);
  assert.equal(login.isDevHub, false);
  assert.equal(login.name, "Handover Sandbox");
  assert.ok(existsSync(join(home, ".sfdx", "admin@handover-sandbox.example.json")), "auth file written under the temporary HOME");
});

test("sf data query returns the sandbox's Accounts", async () => {
  const ids: string[] = [];
  for (const Name of ["Acme Dental", "Globex Clinic", "Initech Health"]) {
    const res = await rest("sobjects/Account", { method: "POST", body: JSON.stringify({ Name }) });
    assert.equal(res.status, 201);
    ids.push(((await res.json()) as { id: string }).id);
  }
  const result = await sfOk<{ totalSize: number; done: boolean; records: Row[] }>(
    bin, ["data", "query", "--query", "SELECT Id, Name, Owner.Name FROM Account ORDER BY Name", "--target-org", ALIAS], opts,
  );
  assert.equal(result.totalSize, 3);
  assert.equal(result.done, true);
  assert.deepEqual(result.records.map((r) => r.Id), ids);
  assert.deepEqual(result.records.map((r) => r.Name), ["Acme Dental", "Globex Clinic", "Initech Health"]);
  assert.equal((result.records[0]?.Owner as Row | undefined)?.Name, "Sandbox Admin");
});

test("sf data import bulk loads a CSV of Contacts through Bulk API 2.0", async () => {
  const csv = join(home, "contacts.csv");
  writeFileSync(csv, "FirstName,LastName,Email\nAda,Lovelace,ada@example.test\nAlan,Turing,alan@example.test\nGrace,Hopper,grace@example.test\n");
  const result = await sfOk<{ jobId: string; processedRecords: number; successfulRecords: number; failedRecords: number }>(
    bin, ["data", "import", "bulk", "--sobject", "Contact", "--file", csv, "--target-org", ALIAS, "--wait", "5"], opts,
  );
  assert.match(result.jobId, /^750\w{15}$/);
  assert.deepEqual([result.processedRecords, result.successfulRecords, result.failedRecords], [3, 3, 0]);
  const contacts = await snapshot("Contact");
  assert.deepEqual(contacts.map((c) => c.Name).sort(), ["Ada Lovelace", "Alan Turing", "Grace Hopper"]);
  const stats = (await (await fetch(`${sandbox.url}/_sandbox/stats`)).json()) as { bulkJobs: { id: string; operation: string; state: string }[] };
  assert.deepEqual(stats.bulkJobs.find((j) => j.id === result.jobId), { id: result.jobId, object: "Contact", operation: "insert", state: "JobComplete", processed: 3, failed: 0 });
});

test("sf data upsert bulk matches a custom external id and reports the rows that fail", async () => {
  const field = await rest("tooling/sobjects/CustomField", {
    method: "POST",
    body: JSON.stringify({ FullName: "Contact.Handover_Source_Key__c", Metadata: { label: "Handover Source Key", type: "Text", length: 50, externalId: true, unique: true } }),
  });
  assert.equal(field.status, 201);
  const upsert = ["data", "upsert", "bulk", "--sobject", "Contact", "--external-id", "Handover_Source_Key__c", "--target-org", ALIAS, "--wait", "5"];

  const first = join(home, "upsert-1.csv");
  writeFileSync(first, "Handover_Source_Key__c,FirstName,LastName\nK-1,Edsger,Dijkstra\nK-2,Barbara,Liskov\n");
  const created = await sfOk<{ jobInfo: { state: string; numberRecordsProcessed: number }; records: { successfulResults: Row[] } }>(
    bin, [...upsert, "--file", first], opts,
  );
  assert.equal(created.jobInfo.state, "JobComplete");
  assert.deepEqual(created.records.successfulResults.map((r) => [r.Handover_Source_Key__c, r.sf__Created]), [["K-1", "true"], ["K-2", "true"]]);

  // K-1 is updated, K-3 inserted, K-4 lacks the required LastName: the CLI exits 1 and names the job.
  const second = join(home, "upsert-2.csv");
  writeFileSync(second, "Handover_Source_Key__c,FirstName,LastName\nK-1,Edsger W.,Dijkstra\nK-3,Frances,Allen\nK-4,Nobody,\n");
  const partial = await runSf(bin, [...upsert, "--file", second, "--json"], opts);
  assert.equal(partial.code, 1, partial.stdout + partial.stderr);
  assert.equal(partial.json?.name, "FailedRecordDetailsError");
  assert.match(partial.json?.message ?? "", /failed to process 1 records/);
  const jobId = (partial.json?.data as { jobId?: string } | undefined)?.jobId ?? "";
  assert.match(jobId, /^750/);

  const results = await sfOk<{ processedRecords: number; successfulRecords: number; failedRecords: number; status: string }>(
    bin, ["data", "bulk", "results", "--job-id", jobId, "--target-org", ALIAS], opts,
  );
  assert.deepEqual([results.status, results.processedRecords, results.successfulRecords, results.failedRecords], ["JobComplete", 3, 2, 1]);

  const keyed = (await snapshot("Contact")).filter((c) => c.Handover_Source_Key__c !== null && c.Handover_Source_Key__c !== undefined);
  assert.deepEqual(keyed.map((c) => [c.Handover_Source_Key__c, c.Name]).sort(), [["K-1", "Edsger W. Dijkstra"], ["K-2", "Barbara Liskov"], ["K-3", "Frances Allen"]]);
});
