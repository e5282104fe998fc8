/**
 * The note path over real HTTP (Dataverse sandbox) and a real SQLite store: a note's custom
 * columns are written, kept in the journal's before-image (so rollback restores them), and a note
 * that names a file it doesn't have is flagged rather than losing the name quietly.
 */
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { startDataverseSandbox } from "../../../sandbox/dataverse/index.js";
import type { TargetRow } from "../../contracts/target.js";
import { openStore } from "../../store/open-store.js";
import { createDataverseTarget, sandboxToken } from "../../targets/dataverse/index.js";
import { dataverseTemplate } from "../map/templates/dataverse.js";
import type { RecordResult } from "../transform/transform-record.js";
import { writeNoteBatch } from "./write-notes.js";
import type { BatchItem } from "./write-batch.js";

delete process.env.http_proxy;

const columns = dataverseTemplate().objects.clinicalNote!.notes!;
const item = (key: string, row: number, fields: TargetRow["fields"]): BatchItem => {
  const planned = { row: { table: "annotation", sourceKey: key, fields, lookups: { objectid: { table: "contact", sourceKey: "cl:clients:C1" } } }, createOnly: [], lookupSources: {} };
  const record: RecordResult = { sourceTable: "notes", sourceKey: key, file: "Notes.csv", row, issues: [], expectations: [], status: "ok", planned };
  return { planned, sourceTable: "notes", record };
};

test("a note's custom columns are written and kept in the before-image; a note naming a file it lacks is flagged HO-LOD-007", async () => {
  const sandbox = await startDataverseSandbox({ port: 0 });
  const target = createDataverseTarget({ url: sandbox.url, token: sandboxToken, sleep: async () => undefined });
  const store = await openStore(join(mkdtempSync(join(tmpdir(), "handover-notes-")), "state.db"));
  try {
    await target.applySchema({
      columns: ["contact", "annotation"].map((table) => ({ table, name: "hc_sourcekey", type: "string" as const, maxLength: 200, label: "Key", reason: "key" }))
        .concat([{ table: "annotation", name: "hc_locked", type: "string", maxLength: 20, label: "Locked", reason: "custom property" }]),
      keys: ["contact", "annotation"].map((table) => ({ table, name: "hc_sourcekey_key", columns: ["hc_sourcekey"] })),
    });
    await target.write([{ table: "contact", sourceKey: "cl:clients:C1", fields: { lastname: "Test" }, lookups: {} }]);
    const deps = { store, target, runId: "run-1", actor: "test" };
    // A note that was there before this run, with its custom column set.
    await writeNoteBatch({ ...deps, runId: "run-0" }, "annotation", columns, [item("cl:notes:N1", 2, { subject: "Visit", notetext: "first", hc_locked: "no" })]);

    await writeNoteBatch(deps, "annotation", columns, [
      item("cl:notes:N1", 2, { subject: "Visit", notetext: "second", hc_locked: "yes" }),
      item("cl:notes:N2", 3, { subject: "Scan", notetext: null, filename: "scan.pdf", mimetype: "application/pdf" }),
    ]);
    const [n1] = await target.readBack("annotation", ["cl:notes:N1"], ["hc_locked", "notetext"]);
    assert.deepEqual([n1?.fields.hc_locked, n1?.fields.notetext], ["yes", "second"]);
    const journal = await store.db.selectFrom("journal").select(["source_key", "before_image"]).where("run_id", "=", "run-1").where("source_key", "=", "cl:notes:N1").executeTakeFirstOrThrow();
    assert.equal((JSON.parse(journal.before_image!) as { fields: Record<string, unknown> }).fields.hc_locked, "no", "rollback can put the custom column back");
    const flagged = await store.db.selectFrom("issues").select(["code", "file", "row", "field", "severity"]).where("run_id", "=", "run-1").execute();
    assert.deepEqual(flagged, [{ code: "HO-LOD-007", file: "Notes.csv", row: 3, field: "documentbody", severity: "warning" }]);
    const outcome = await store.db.selectFrom("record_outcomes").select("status").where("run_id", "=", "run-1").where("source_key", "=", "N2").executeTakeFirstOrThrow();
    assert.equal(outcome.status, "flagged");
  } finally {
    await store.close();
    await sandbox.close();
  }
});
