import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { parse } from "yaml";
import { startDataverseSandbox, type SeedUser } from "../../sandbox/dataverse/index.js";
import { generateVisualPracticeExport } from "../../sandbox/visual-practice/index.js";
import { cliJson, runCli, runCliWithInput } from "./cli.js";
import type { MappingFile } from "../../src/config/mapping-file.js";

const sandbox = await startDataverseSandbox({ port: 0 });
after(() => sandbox.close());

/** Answers the review's prompts from a script of lines, as a person at the terminal would. */
const review = (ws: string, answers: readonly string[]) => runCliWithInput(["-w", ws, "map", "review"], answers, { HANDOVER_ACTOR: "reviewer@clinic.example" });

test("map review in the terminal: rules, then lowest confidence first; a reject, a change, accept-all, and the map is confirmed and audited", async () => {
  const root = mkdtempSync(join(tmpdir(), "handover-review-"));
  const exportDir = join(root, "export");
  await generateVisualPracticeExport({ patients: 150, seed: 3, outDir: exportDir });
  const users = JSON.parse(readFileSync(join(exportDir, "crm-users.json"), "utf8")) as SeedUser[];
  await fetch(new URL("/_sandbox/seed-users", sandbox.url), { method: "POST", body: JSON.stringify(users) });
  const ws = join(root, "ws");
  await cliJson(["init", ws, "--export", exportDir, "--url", sandbox.url, "--fallback-owner", "crm.admin@example.com"]);
  await cliJson(["-w", ws, "discover"]);
  await cliJson(["-w", ws, "map"]);
  const proposed = parse(readFileSync(join(ws, "mapping.yaml"), "utf8")) as MappingFile;
  const queue = [...proposed.fields].sort((a, b) => a.confidence - b.confidence);

  // Four rules accepted; the least certain row rejected; the next one changed (to a field no other
  // column holds); then accept all ≥ 0.8.
  const r = await review(ws, ["a", "a", "a", "a", "r", "c", "patient.emergencyContact", "A"]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /The map is confirmed\./);
  const after = parse(readFileSync(join(ws, "mapping.yaml"), "utf8")) as MappingFile;
  const status = (source: string) => after.fields.find((f) => f.source === source);
  assert.equal(status(queue[0]!.source)?.status, "rejected");
  assert.equal(status(queue[1]!.source)?.model, "patient.emergencyContact");
  assert.equal(status(queue[1]!.source)?.status, "confirmed");
  assert.ok(after.fields.every((f) => f.status !== "proposed"));
  assert.ok(after.rules.every((x) => x.status === "confirmed"));

  // Shown lowest confidence first, with reasons; PHI samples masked.
  const first = r.stderr.indexOf(queue[0]!.source);
  const second = r.stderr.indexOf(queue[1]!.source);
  assert.ok(first >= 0 && second > first, "lowest confidence first");
  assert.match(r.stderr, /samples: •+/);
  const patients = readFileSync(join(exportDir, "patients.csv"), "utf8");
  const someEmail = /[\w.+-]+@example\.(com|org|net)/.exec(patients)?.[0];
  assert.ok(someEmail && !r.stderr.includes(someEmail), "no patient email shown while masked");

  // Confirmation is recorded with who did it, and the map can now drive a plan.
  const planned = await runCli(["-w", ws, "plan"]);
  assert.equal(planned.code, 0, planned.stderr);
  const Database = (await import("better-sqlite3")).default;
  const db = new Database(join(ws, ".handover", "state.db"), { readonly: true });
  const confirmations = db.prepare("SELECT confirmed_by FROM confirmations").all() as { confirmed_by: string }[];
  const reviewed = db.prepare("SELECT count(*) AS n FROM audit WHERE operation = 'map.review' AND actor = 'reviewer@clinic.example'").get() as { n: number };
  db.close();
  assert.deepEqual(confirmations.map((c) => c.confirmed_by), ["reviewer@clinic.example"]);
  assert.ok(reviewed.n >= after.fields.length - 1);
});

test("editing mapping.yaml after confirmation makes sample refuse with HO-MAP-003", async () => {
  const root = mkdtempSync(join(tmpdir(), "handover-review-"));
  const exportDir = join(root, "export");
  await generateVisualPracticeExport({ patients: 50, seed: 4, outDir: exportDir });
  const ws = join(root, "ws");
  await cliJson(["init", ws, "--export", exportDir, "--url", sandbox.url]);
  await cliJson(["-w", ws, "discover"]);
  await cliJson(["-w", ws, "map"]);
  await cliJson(["-w", ws, "map", "review", "--accept-above", "0", "--confirm-rules"]);
  const file = join(ws, "mapping.yaml");
  const { writeFileSync } = await import("node:fs");
  writeFileSync(file, readFileSync(file, "utf8").replace("contact.firstname", "contact.lastname"));
  const r = await runCli(["-w", ws, "sample"]);
  assert.equal(r.code, 3);
  assert.match(r.stderr, /HO-MAP-003/);
  const stats = (await (await fetch(new URL("/_sandbox/stats", sandbox.url))).json()) as { rows?: Record<string, number> };
  assert.equal(stats.rows?.contact ?? 0, 0, "nothing was written");
});

test("a change that makes two confirmed columns write one field is saved but not confirmed (HO-MAP-017), and nothing can run", async () => {
  const root = mkdtempSync(join(tmpdir(), "handover-review-"));
  const exportDir = join(root, "export");
  await generateVisualPracticeExport({ patients: 50, seed: 6, outDir: exportDir });
  const ws = join(root, "ws");
  await cliJson(["init", ws, "--export", exportDir, "--url", sandbox.url, "--fallback-owner", "crm.admin@example.com"]);
  await cliJson(["-w", ws, "discover"]);
  await cliJson(["-w", ws, "map"]);
  const proposed = parse(readFileSync(join(ws, "mapping.yaml"), "utf8")) as MappingFile;
  const lowest = [...proposed.fields].sort((a, b) => a.confidence - b.confidence)[0]!;
  const r = await review(ws, ["a", "a", "a", "a", "c", "patient.preferredName", "A"]);
  assert.equal(r.code, 3, r.stderr);
  assert.match(r.stderr, new RegExp(`HO-MAP-017: mapping\\.yaml: patients\\.PreferredName and ${lowest.source.replace(".", "\\.")} are both confirmed to write patient\\.preferredName`));
  const after = parse(readFileSync(join(ws, "mapping.yaml"), "utf8")) as MappingFile;
  assert.equal(after.fields.find((f) => f.source === lowest.source)?.model, "patient.preferredName", "the decisions are saved");
  const sample = await runCli(["-w", ws, "sample", "--size", "5"]);
  assert.equal(sample.code, 3);
  assert.match(sample.stderr, /HO-MAP-002|HO-MAP-017/);
});
