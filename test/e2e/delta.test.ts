import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { startDataverseSandbox, type SeedUser } from "../../sandbox/dataverse/index.js";
import { generateVisualPracticeExport } from "../../sandbox/visual-practice/index.js";
import { cliJson, runCli } from "./cli.js";

delete process.env.http_proxy;

type Row = Record<string, unknown>;

interface DeltaResult {
  run: { runId: string; kind: string; deletedAtSource?: { table: string; count: number; keys: string[] }[] };
  verify: { mismatches: number; missingRows: number; reconciliation: { unexplained: number; tables: { table: string; sourceRows: number; loaded: number; flagged: number; rejected: number; skipped: number }[] } };
}

/** Edits the export the way a practice keeps working during cutover: one patient's phone changes,
 * one new patient arrives, one patient is deleted. Only simple (unquoted, one-line) rows are touched. */
function editPatients(file: string): { changed: string; added: string; deleted: string; phone: string } {
  const text = readFileSync(file, "utf8");
  const lines = text.split("\r\n");
  const header = lines[0]!.replace(/^\uFEFF/, "").split(",");
  const at = (name: string) => header.indexOf(name);
  const simple = lines.map((l, i) => ({ l, i })).filter(({ l, i }) => i > 0 && l && !l.includes('"') && l.split(",").length === header.length && /^P\d+,/.test(l));
  const change = simple[3]!;
  const remove = simple[7]!;
  const cells = change.l.split(",");
  const phone = "(503) 555-0199";
  cells[at("HomePhone")] = phone;
  cells[at("LastModified")] = "06/29/2025 10:00";
  lines[change.i] = cells.join(",");
  const added = [...simple[5]!.l.split(",")];
  added[at("PatientID")] = "P9999999";
  added[at("LastModified")] = "06/29/2025 11:00";
  const deleted = remove.l.split(",")[0]!;
  const out = lines.filter((_, i) => i !== remove.i);
  out.splice(out.length - (out[out.length - 1] === "" ? 1 : 0), 0, added.join(","));
  writeFileSync(file, out.join("\r\n"));
  return { changed: cells[0]!, added: "P9999999", deleted, phone };
}

test("delta after a full run loads only what changed or is new, skips the rest by rule, and lists what the source deleted", async () => {
  const root = mkdtempSync(join(tmpdir(), "handover-delta-"));
  const exportDir = join(root, "export");
  await generateVisualPracticeExport({ patients: 300, seed: 5, outDir: exportDir, documents: false });
  const users = JSON.parse(readFileSync(join(exportDir, "crm-users.json"), "utf8")) as SeedUser[];
  const sandbox = await startDataverseSandbox({ port: 0, users });
  try {
    const ws = join(root, "ws");
    await cliJson(["init", ws, "--export", exportDir, "--url", sandbox.url, "--fallback-owner", "crm.admin@example.com"]);
    await cliJson(["-w", ws, "discover"]);
    await cliJson(["-w", ws, "map"]);
    await cliJson(["-w", ws, "map", "review", "--accept-above", "0.8", "--reject-below", "0.8", "--confirm-rules"]);
    await cliJson(["-w", ws, "plan"]);
    const early = await runCli(["-w", ws, "delta"]);
    assert.equal(early.code, 3, "delta needs a completed run first");
    assert.match(early.stderr, /HO-LOD-006/);
    await cliJson(["-w", ws, "schema", "apply"]);
    await cliJson(["-w", ws, "run"]);

    const edit = editPatients(join(exportDir, "patients.csv"));
    const delta = await cliJson<DeltaResult>(["-w", ws, "delta"]);
    assert.equal(delta.run.kind, "delta");
    assert.equal(delta.verify.mismatches, 0);
    assert.equal(delta.verify.missingRows, 0);
    assert.equal(delta.verify.reconciliation.unexplained, 0, "every record of the delta is accounted for");
    const patients = delta.verify.reconciliation.tables.find((t) => t.table === "patients")!;
    assert.equal(patients.loaded + patients.flagged, 2, "only the changed and the new patient are loaded");
    assert.ok(patients.skipped > 250, "the unchanged ones are skipped by rule");
    const appointments = delta.verify.reconciliation.tables.find((t) => t.table === "appointments")!;
    assert.equal(appointments.loaded + appointments.flagged, 0, "unchanged appointments are not sent again");
    assert.deepEqual(delta.run.deletedAtSource?.find((d) => d.table === "patients")?.keys, [edit.deleted]);

    const snap = (await (await fetch(new URL("/_sandbox/snapshot", sandbox.url))).json()) as Record<string, Row[]>;
    const byKey = new Map(snap.contact!.map((c) => [c.hc_sourcekey, c]));
    assert.equal(byKey.get(`vp:patients:${edit.changed}`)?.telephone2, edit.phone, "the change reached the contact");
    assert.ok(byKey.get(`vp:patients:${edit.added}`), "the new patient is a contact");
    assert.ok(byKey.get(`vp:patients:${edit.deleted}`), "a patient deleted at the source stays in the CRM (listed, not removed)");

    const again = await cliJson<DeltaResult>(["-w", ws, "delta"]);
    const second = again.verify.reconciliation.tables.find((t) => t.table === "patients")!;
    assert.equal(second.loaded + second.flagged, 0, "a second delta with no change loads nothing");
    assert.equal(again.run.deletedAtSource?.length ?? 0, 0, "and reports no deletion twice");
  } finally {
    await sandbox.close();
  }
});
