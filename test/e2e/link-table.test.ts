import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { parse, stringify } from "yaml";
import { startDataverseSandbox, type SeedUser } from "../../sandbox/dataverse/index.js";
import { generateVisualPracticeExport } from "../../sandbox/visual-practice/index.js";
import { cliJson } from "./cli.js";

type Row = Record<string, unknown>;

test("practice links in a custom table: schema apply creates it with its lookups, run fills it, verify matches, rollback empties it", async () => {
  const root = mkdtempSync(join(tmpdir(), "handover-linktable-"));
  await generateVisualPracticeExport({ patients: 300, seed: 11, outDir: join(root, "export") });
  const users = JSON.parse(readFileSync(join(root, "export", "crm-users.json"), "utf8")) as SeedUser[];
  const sandbox = await startDataverseSandbox({ port: 0, users });
  try {
    const ws = join(root, "ws");
    await cliJson(["init", ws, "--export", join(root, "export"), "--url", sandbox.url, "--fallback-owner", "crm.admin@example.com"]);
    const configFile = join(ws, "handover.yaml");
    const config = parse(readFileSync(configFile, "utf8")) as { target: Record<string, unknown> };
    config.target.practiceLinks = "table";
    writeFileSync(configFile, stringify(config));
    await cliJson(["-w", ws, "discover"]);
    await cliJson(["-w", ws, "map"]);
    await cliJson(["-w", ws, "map", "review", "--accept-above", "0.8", "--reject-below", "0.8", "--confirm-rules"]);
    await cliJson(["-w", ws, "plan"]);
    const applied = await cliJson<{ outcomes: { ok: boolean; kind: string; name: string }[] }>(["-w", ws, "schema", "apply"]);
    assert.ok(applied.outcomes.some((o) => o.ok && o.kind === "table" && o.name === "hc_patientpractice"));
    const run = await cliJson<{ verify: { mismatches: number; missingRows: number; reconciliation: { unexplained: number; tables: { table: string; loaded: number }[] } } }>(["-w", ws, "run"]);
    assert.equal(run.verify.mismatches, 0);
    assert.equal(run.verify.missingRows, 0);
    assert.equal(run.verify.reconciliation.unexplained, 0);

    const snap = (await (await fetch(new URL("/_sandbox/snapshot", sandbox.url))).json()) as Record<string, Row[]>;
    const links = snap.hc_patientpractice ?? [];
    assert.ok(links.length > 0, "secondary links landed in the custom table");
    const contacts = new Set(snap.contact!.map((c) => c.contactid));
    const accounts = new Set(snap.account!.map((a) => a.accountid));
    for (const l of links) {
      assert.ok(contacts.has((l.hc_patient as { id: string }).id), "link → its contact");
      assert.ok(accounts.has((l.hc_practice as { id: string }).id), "link → its account");
    }
    assert.equal(snap.connection?.filter((c) => c.hc_sourcekey).length ?? 0, 0, "no connections in this mode");

    const rolled = await cliJson<{ residue: number; failed: number }>(["-w", ws, "rollback"]);
    assert.equal(rolled.residue + rolled.failed, 0);
    const after = (await (await fetch(new URL("/_sandbox/snapshot", sandbox.url))).json()) as Record<string, Row[]>;
    assert.equal(after.hc_patientpractice?.length ?? 0, 0);
  } finally {
    await sandbox.close();
  }
});
