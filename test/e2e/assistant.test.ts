import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { parse, stringify } from "yaml";
import type { MappingFile } from "../../src/config/mapping-file.js";
import type { SourceCatalog } from "../../src/contracts/source.js";
import { startChatCompletionsServer, type UserRequest } from "./chat-completions-server.js";
import { cliJson, runCli } from "./cli.js";

/**
 * The matching assistant over real HTTP against a local Chat Completions server that records
 * every request body. The export's values are all distinctive (no sample shorter than 5
 * characters, none a model word), so finding one in a body means it was sent.
 */
const clients = [
  "Client ID,Given Name,Family Name,D.O.B.,E-mail,Chart Ref,Loyalty Tier,Rx Shop",
  "CLX-40017,Quillane,Vantreese,1957-03-14,quillane.vantreese@example.org,CHT-77120,Goldwing,Pharmaco-Eastgate",
  "CLX-40018,Orsolya,Brightwater,1984-11-02,orsolya.brightwater@example.net,CHT-77121,Silverline,Chemist-Harbourside",
  "CLX-40019,Thaddeus,Moorcroft,2001-07-29,thaddeus.moorcroft@example.com,CHT-77122,Bronzeleaf,Pharmaco-Eastgate",
].join("\n");
const bookings = [
  "Booking ID,Client ID,Date,Status Type,Appt Class,Session Code",
  "BKG-90001,CLX-40017,2023-05-04,Kept-Slot,Class-Alpha,Sess-Morning",
  "BKG-90002,CLX-40018,2023-06-11,Moved-Slot,Class-Delta,Sess-Evening",
  "BKG-90003,CLX-40019,2023-07-19,Kept-Slot,Class-Alpha,Sess-Morning",
].join("\n");

const KEY_ENV = "HANDOVER_TEST_ASSISTANT_KEY";
const KEY = "sk-test-4f1c9a";
process.env[KEY_ENV] = KEY;

/** The scripted model: a field for Rx Shop, "none" for Loyalty Tier, a swap in bookings, one suggestion for a column it was not asked about. */
function answer(request: UserRequest): unknown {
  const quoted = (column: string) => request.columns.find((c) => c.column === column)?.samples?.join(", ") ?? "no values shown";
  if (request.table === "clients") {
    return { suggestions: [
      { column: "Rx Shop", field: "patient.preferredPharmacy", confidence: 0.93, reason: "names of shops that fill prescriptions" },
      { column: "Loyalty Tier", field: null, confidence: 0.8, reason: "a marketing tier; no model field fits" },
      { column: "Given Name", field: "patient.suffix", confidence: 0.9, reason: "not asked" },
    ] };
  }
  return { suggestions: [
    { column: "Status Type", field: "appointment.status", confidence: 0.85, reason: `values such as ${quoted("Status Type")}` },
    { column: "Appt Class", field: "appointment.type", confidence: 0.6, reason: `values such as ${quoted("Appt Class")}` },
    { column: "Session Code", field: null, confidence: 0.7 },
  ] };
}

async function workspace(assistant: Record<string, unknown>): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), "handover-assist-"));
  const exportDir = join(root, "export");
  mkdirSync(exportDir);
  writeFileSync(join(exportDir, "Clients.csv"), clients);
  writeFileSync(join(exportDir, "Bookings.csv"), bookings);
  const ws = join(root, "ws");
  await cliJson(["init", ws, "--source", "clinic", "--export", exportDir, "--url", "http://127.0.0.1:9"]);
  const file = join(ws, "handover.yaml");
  const config = parse(readFileSync(file, "utf8")) as { options: Record<string, unknown> };
  config.options.assistant = assistant;
  writeFileSync(file, stringify(config));
  return ws;
}

/** Every sample of every column the discovery kept (what could leak). */
function allSamples(ws: string): { source: string; value: string }[] {
  const catalog = JSON.parse(readFileSync(join(ws, ".handover", "catalog.json"), "utf8")) as SourceCatalog;
  return catalog.tables.flatMap((t) => t.columns.flatMap((c) => c.samples.map((value) => ({ source: `${t.name}.${c.name}`, value }))));
}

const contains = (text: string, value: string) => text.toLowerCase().includes(value.toLowerCase());
const mappingOf = (ws: string) => parse(readFileSync(join(ws, "mapping.yaml"), "utf8")) as MappingFile;
/** mapping.yaml without its value map: the value rows hold a coded column's values by design
 * (reviewed like fields, owner-only when the field is PHI); nothing else may quote a value. */
const mappingText = (ws: string) => {
  const { values: _values, ...rest } = mappingOf(ws);
  return stringify(rest);
};

async function auditRows(ws: string, operation: string): Promise<{ source_key: string | null; outcome: string }[]> {
  const Database = (await import("better-sqlite3")).default;
  const db = new Database(join(ws, ".handover", "state.db"), { readonly: true });
  try {
    return db.prepare("SELECT source_key, outcome FROM audit WHERE operation = ?").all(operation) as { source_key: string | null; outcome: string }[];
  } finally {
    db.close();
  }
}

test("without opt-in, no sample value of any column reaches the assistant; names, types and the key do", async () => {
  const server = await startChatCompletionsServer(answer, KEY);
  try {
    const ws = await workspace({ url: server.url, model: "test-model", apiKeyEnv: KEY_ENV, allowSamples: true });
    const r = await runCli(["-w", ws, "map"]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(server.requests.length, 2, "one request per table with unsure columns");
    const samples = allSamples(ws);
    assert.ok(samples.length >= 30 && samples.every((s) => s.value.length >= 5), "every sample is distinctive enough for a substring check");
    for (const request of server.requests) {
      assert.equal(request.authorization, `Bearer ${KEY}`);
      for (const s of samples) assert.ok(!contains(request.body, s.value), `a sample of ${s.source} was sent without opt-in`);
      assert.match(request.body, /"response_format":\{"type":"json_object"\}/);
    }
    const body = server.requests.map((q) => q.body).join("\n");
    assert.match(body, /Rx Shop/);
    assert.match(body, /patient\.preferredPharmacy/, "candidate fields are offered");
    assert.match(body, /Preferred pharmacy\./, "with the model's description");
    for (const text of [r.stdout, r.stderr, mappingText(ws)]) {
      for (const s of samples) assert.ok(!contains(text, s.value), `a sample of ${s.source} was shown or written`);
      assert.ok(!text.includes(KEY));
    }
    assert.equal((await auditRows(ws, "map.assist.samples")).length, 0);
  } finally {
    await server.close();
  }
});

test("with opt-in, only the samples of columns not flagged PHI are sent, and the assistant's words about them are not kept", async () => {
  const server = await startChatCompletionsServer(answer, KEY);
  try {
    const ws = await workspace({ url: server.url, model: "test-model", apiKeyEnv: KEY_ENV, allowSamples: true });
    // The map without the assistant says which rows are PHI-flagged.
    assert.equal((await runCli(["-w", ws, "map", "--no-assistant"])).code, 0);
    assert.equal(server.requests.length, 0, "--no-assistant asks nothing");
    const phi = new Set(mappingOf(ws).fields.filter((f) => f.phi).map((f) => f.source));
    const r = await runCli(["-w", ws, "map", "--force", "--assistant-samples"]);
    assert.equal(r.code, 0, r.stderr);
    const body = server.requests.map((q) => q.body).join("\n");
    const samples = allSamples(ws);
    const sent = samples.filter((s) => contains(body, s.value));
    assert.ok(sent.length > 0, "some samples went");
    for (const s of sent) assert.ok(!phi.has(s.source), `PHI-flagged ${s.source} had a value sent`);
    for (const s of samples.filter((x) => phi.has(x.source))) assert.ok(!contains(body, s.value), `PHI-flagged ${s.source} had a value sent`);
    assert.ok(sent.some((s) => s.source === "bookings.Status Type"), "a non-PHI code column the matcher was torn on got its values sent");
    // Every column whose values went is in the audit log, and only those.
    const audited = new Set((await auditRows(ws, "map.assist.samples")).map((a) => a.source_key));
    assert.deepEqual([...new Set(sent.map((s) => s.source))].sort(), [...audited].sort());
    // The scripted model quoted the values in its reason: mapping.yaml and the terminal never show them.
    for (const text of [r.stdout, r.stderr, mappingText(ws)]) {
      for (const s of samples) assert.ok(!contains(text, s.value), `a sample of ${s.source} was shown or written`);
    }
  } finally {
    await server.close();
  }
});

test("opting in to samples the config doesn't allow is refused before anything is sent", async () => {
  const server = await startChatCompletionsServer(answer, KEY);
  try {
    const ws = await workspace({ url: server.url, model: "test-model", apiKeyEnv: KEY_ENV });
    const r = await runCli(["-w", ws, "map", "--assistant-samples"]);
    assert.equal(r.code, 3);
    assert.match(r.stderr, /HO-CFG-010/);
    const phi = await runCli(["-w", ws, "map", "--assistant-phi-samples"]);
    assert.match(phi.stderr, /HO-CFG-010/);
    assert.equal(server.requests.length, 0);
  } finally {
    await server.close();
  }
});

test("the assistant's suggestions become proposals with reasons and a capped confidence, and need a person's decision", async () => {
  const server = await startChatCompletionsServer(answer, KEY);
  try {
    const ws = await workspace({ url: server.url, model: "test-model", apiKeyEnv: KEY_ENV });
    const r = await runCli(["-w", ws, "map"]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /warning HO-MAP-013: .*table clients.*1 suggestion\(s\) ignored/, "the suggestion for a column not asked about is ignored, and said so");
    const row = (source: string) => mappingOf(ws).fields.find((f) => f.source === source)!;
    const rx = row("clients.Rx Shop");
    assert.equal(rx.model, "patient.preferredPharmacy");
    assert.equal(rx.target, "contact.hc_preferredpharmacy");
    assert.equal(rx.status, "proposed");
    assert.ok(rx.confidence <= 0.7, `capped: ${rx.confidence}`);
    assert.match(rx.reasons[0]!, /^suggested by test-model \(language model; its confidence is capped at 0\.7\): names of shops/);
    assert.ok(rx.reasons.includes("the matcher alone proposed patient.customProperties.Rx Shop (" + rx.reasons.at(-1)!.match(/\(([\d.]+)\)$/)![1] + ")"));
    assert.ok(row("clients.Loyalty Tier").reasons.some((x) => x.startsWith("test-model (language model) agrees")));
    assert.equal(row("clients.Given Name").model, "patient.firstName", "not asked, not changed");
    assert.equal(row("bookings.Status Type").model, "appointment.status");
    assert.equal(row("bookings.Appt Class").model, "appointment.type");
    assert.match(r.stdout, /row\(s\) proposed by the assistant/);

    // Accept-all at the review threshold leaves the assistant's proposals for a person.
    await cliJson(["-w", ws, "map", "review", "--accept-above", "0.8", "--confirm-rules"]);
    assert.equal(row("clients.Rx Shop").status, "proposed");
    const assisted = await auditRows(ws, "map.propose.assisted");
    assert.ok(assisted.some((a) => a.source_key === "clients.Rx Shop" && a.outcome.startsWith("patient.preferredPharmacy at 0.7")));
    assert.equal((await auditRows(ws, "map.assist")).filter((a) => a.outcome.includes("asked of test-model")).length, 2);
  } finally {
    await server.close();
  }
});

test("an endpoint that is down: the map is proposed anyway, with a warning, exit 0", async () => {
  const server = await startChatCompletionsServer(answer);
  const url = server.url;
  await server.close();
  const ws = await workspace({ url, model: "test-model", timeoutSeconds: 5 });
  const r = await runCli(["-w", ws, "map", "--json"]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /warning HO-MAP-012: The matching assistant at http:\/\/127\.0\.0\.1:\d+\/v1 did not answer \(cannot connect \(ECONNREFUSED\)\); the map was proposed without it\./);
  const result = JSON.parse(r.stdout) as { rows: number; warnings: { code: string }[] };
  assert.equal(result.rows, 14);
  assert.deepEqual(result.warnings.map((w) => w.code), ["HO-MAP-012"]);
  assert.equal(mappingOf(ws).fields.length, 14);
});
