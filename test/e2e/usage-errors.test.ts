import assert from "node:assert/strict";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { runCli } from "./cli.js";

test("init with a malformed fallback owner is a usage error naming the option, and writes nothing", async () => {
  const ws = join(mkdtempSync(join(tmpdir(), "handover-usage-")), "ws");
  const r = await runCli(["init", ws, "--fallback-owner", "a@b.c", "--url", "http://127.0.0.1:1"]);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /HO-CLI-002: Invalid option --fallback-owner/);
  assert.doesNotMatch(r.stderr, /ZodError|HO-CLI-003|at .*\.js:\d+/);
  assert.equal(existsSync(join(ws, "handover.yaml")), false);
});

test("an unknown target is a configuration error listing the known ones", async () => {
  const ws = join(mkdtempSync(join(tmpdir(), "handover-usage-")), "ws");
  const r = await runCli(["init", ws, "--target", "hubspot"]);
  assert.equal(r.code, 3, r.stderr);
  assert.match(r.stderr, /HO-CFG-005: Unknown target 'hubspot'\. Known: dataverse, salesforce/);
});
