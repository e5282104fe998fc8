/**
 * Extraction killed part way and run again in the same run resumes from the reader's last saved
 * checkpoint and ends exactly as an uninterrupted extraction: the same staged rows, issues and
 * outcomes (duplicate keys, empty keys, malformed rows), none lost, none doubled. Real CSV files
 * through the export reader, real SQLite files.
 */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import type { ReadOptions, SourceConnector, SourceItem } from "../../contracts/source.js";
import { getObject } from "../../model/index.js";
import { openStore, type Store } from "../../store/open-store.js";
import { createExportSource } from "../../sources/export/index.js";
import type { TableMap } from "../transform/compile-map.js";
import { extractTable } from "./extract.js";

const table: TableMap = {
  table: "patients", object: getObject("patient")!, targetTable: "contact", keyColumns: ["id"], routes: [], rejectedColumns: [],
  columnFor: () => undefined,
};

/** 60 data rows: row 12 repeats row 5's key, 47 repeats 40's, 20 and 33 have no key, 26 has a field too many. */
function writeExport(dir: string, changed = ""): void {
  const lines = ["id,name,modified"];
  for (let i = 1; i <= 60; i += 1) {
    const id = i === 12 ? "P5" : i === 47 ? "P40" : i === 20 || i === 33 ? "" : `P${i}`;
    lines.push(i === 26 ? `P26,Name 26,2025-01-01,extra` : `${id},Name ${i}${i === 50 ? changed : ""},2025-01-0${(i % 9) + 1}`);
  }
  writeFileSync(join(dir, "patients.csv"), lines.join("\n") + "\n");
}

/** Reads through `source`, recording what each read was asked for; throws (like a kill) when
 * asked for the item after the `killAfter`-th checkpoint. */
function recording(source: SourceConnector, killAfter = Infinity): SourceConnector & { reads: { after?: unknown; records: number }[] } {
  const reads: { after?: unknown; records: number }[] = [];
  return {
    ...source,
    reads,
    read(name: string, options?: ReadOptions): AsyncIterable<SourceItem> {
      const log = { ...(options?.after ? { after: options.after } : {}), records: 0 };
      reads.push(log);
      return (async function* () {
        let checkpoints = 0;
        for await (const item of source.read(name, options)) {
          if (checkpoints >= killAfter) throw new Error("killed");
          if (item.kind === "record") log.records += 1;
          if (item.kind === "checkpoint") checkpoints += 1;
          yield item;
        }
      })();
    },
  };
}

async function contents(store: Store) {
  const staged = await store.db.selectFrom("staged_records").select(["source_key", "row", "values_json", "extract_run"]).orderBy("source_key").execute();
  const issues = await store.db.selectFrom("issues").select(["source_key", "code", "row", "severity"]).orderBy("source_key").orderBy("code").execute();
  const outcomes = await store.db.selectFrom("record_outcomes").select(["source_key", "status", "reason", "row"]).orderBy("source_key").execute();
  return { staged, issues, outcomes };
}

const tempDir = (name: string) => mkdtempSync(join(tmpdir(), `handover-extract-${name}-`));

test("an extraction killed after a few checkpoints resumes after the last one and ends as if never killed", async () => {
  const dir = tempDir("src");
  writeExport(dir);
  const whole = await openStore(join(tempDir("whole"), "state.db"));
  const expected = await extractTable(whole, createExportSource({ root: dir, checkpointEvery: 7 }), table, "run-1");

  const store = await openStore(join(tempDir("killed"), "state.db"));
  const killed = recording(createExportSource({ root: dir, checkpointEvery: 7 }), 3);
  await assert.rejects(extractTable(store, killed, table, "run-1"), /killed/);
  const resumedSource = recording(createExportSource({ root: dir, checkpointEvery: 7 }));
  const result = await extractTable(store, resumedSource, table, "run-1");

  assert.equal(result.resumed, true);
  assert.equal(resumedSource.reads.length, 1);
  assert.equal((resumedSource.reads[0]!.after as { position: { rows: number } }).position.rows, 21, "the resumed read starts after the third checkpoint (row 21)");
  assert.equal(resumedSource.reads[0]!.records, 60 - 21 - 1, "and reads only the rows after it (the malformed one is no record)");
  assert.deepEqual({ ...result, resumed: false }, { ...expected, resumed: false }, "the same counts");
  assert.deepEqual(await contents(store), await contents(whole), "the same staged rows, issues and outcomes");
  assert.equal(expected.duplicates, 2);
  assert.equal(expected.badRows, 3);
  await Promise.all([store.close(), whole.close()]);
});

test("a checkpoint the reader refuses (the file changed) starts the table over, undoing what the run had staged", async () => {
  const dir = tempDir("src2");
  writeExport(dir);
  const store = await openStore(join(tempDir("killed2"), "state.db"));
  await assert.rejects(extractTable(store, recording(createExportSource({ root: dir, checkpointEvery: 5 }), 4), table, "run-1"), /killed/);
  writeExport(dir, " (edited)");
  const resumedSource = recording(createExportSource({ root: dir, checkpointEvery: 5 }));
  const result = await extractTable(store, resumedSource, table, "run-1");

  const whole = await openStore(join(tempDir("whole2"), "state.db"));
  const expected = await extractTable(whole, createExportSource({ root: dir, checkpointEvery: 5 }), table, "run-1");
  assert.equal(result.resumed, false);
  assert.deepEqual(result, expected);
  assert.equal(resumedSource.reads.length, 2, "the resumed read was refused, then the table read from the start");
  assert.equal(resumedSource.reads[1]!.after, undefined);
  assert.deepEqual(await contents(store), await contents(whole));
  await Promise.all([store.close(), whole.close()]);
});

test("a table whose extraction finished is not read again by a resumed run", async () => {
  const dir = tempDir("src3");
  writeExport(dir);
  const store = await openStore(join(tempDir("done"), "state.db"));
  const first = await extractTable(store, createExportSource({ root: dir }), table, "run-1");
  const again = recording(createExportSource({ root: dir }));
  const second = await extractTable(store, again, table, "run-1");
  assert.equal(again.reads.length, 0);
  assert.deepEqual({ ...second, resumed: false }, first);
  await store.close();
});
