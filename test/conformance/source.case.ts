import assert from "node:assert/strict";
import { test } from "node:test";
import type { Checkpoint, SourceConnector, SourceItem, SourceRecord } from "../../src/contracts/source.js";

/**
 * The conformance suite every SourceConnector passes. A reader's own test calls it with a factory
 * that builds a fresh source over real data (files in a temp folder, or a sandbox over real HTTP)
 * and says what that data holds, so one set of cases serves every reader. A case the reader
 * can't run is skipped with its reason, never silently.
 */
export interface SourceFixture {
  readonly source: SourceConnector;
  /** A table with at least `minRows` good records, and the column(s) of its key. */
  readonly table: { readonly name: string; readonly keyColumns: readonly string[]; readonly minRows: number };
  /** Makes the source change: `changed` keys get a new value and a later change time, `added`
   * keys are new, `deleted` keys are removed. Needed by the delta case. */
  mutate?(): Promise<{ readonly changed: readonly string[]; readonly added: readonly string[]; readonly deleted: readonly string[] }>;
  /** A source over broken input (bad rows in the same table): issues must name file and row. */
  readonly broken?: { readonly source: SourceConnector; readonly table: string; readonly goodRows: number; readonly badRows: number };
  close(): Promise<void>;
}

export interface SourceFactory {
  readonly name: string;
  start(): Promise<SourceFixture>;
  /** Case names this reader can't run, with the reason. */
  readonly skip?: Readonly<Record<string, string>>;
}

async function collect(items: AsyncIterable<SourceItem>, stopAfterCheckpoints = Infinity): Promise<{ records: SourceRecord[]; checkpoints: Checkpoint[]; issues: SourceItem[]; deleted: string[] }> {
  const out = { records: [] as SourceRecord[], checkpoints: [] as Checkpoint[], issues: [] as SourceItem[], deleted: [] as string[] };
  for await (const item of items) {
    if (item.kind === "record") out.records.push(item);
    else if (item.kind === "checkpoint") {
      out.checkpoints.push(item);
      if (out.checkpoints.length >= stopAfterCheckpoints) break;
    } else if (item.kind === "deleted") out.deleted.push(item.key);
    else out.issues.push(item);
  }
  return out;
}

const keyOf = (r: SourceRecord, keyColumns: readonly string[]) => r.key ?? keyColumns.map((c) => (r.values[c] ?? "").trim()).join("|");

export function sourceConformance(factory: SourceFactory): void {
  const run = (name: string, body: (f: SourceFixture) => Promise<void>) => {
    const reason = factory.skip?.[name];
    test(`${factory.name} source conformance: ${name}`, reason ? { skip: reason } : {}, async () => {
      const f = await factory.start();
      try {
        await body(f);
      } finally {
        await f.close();
      }
    });
  };

  run("check passes and discover lists the table with its columns, count and samples", async (f) => {
    await f.source.check();
    const catalog = await f.source.discover();
    const table = catalog.tables.find((t) => t.name === f.table.name);
    assert.ok(table, `discover lists ${f.table.name}`);
    assert.ok(table.rowCount >= f.table.minRows, `counts at least ${f.table.minRows} rows (saw ${table.rowCount})`);
    for (const key of f.table.keyColumns) assert.ok(table.columns.some((c) => c.name === key), `key column ${key} is listed`);
    assert.ok(table.columns.some((c) => c.samples.length > 0 && c.nonEmptyCount > 0), "columns carry samples and counts");
  });

  run("read yields every record once, with file and row, in a stable order", async (f) => {
    const first = await collect(f.source.read(f.table.name));
    const second = await collect(f.source.read(f.table.name));
    assert.ok(first.records.length >= f.table.minRows);
    const keys = first.records.map((r) => keyOf(r, f.table.keyColumns));
    assert.equal(new Set(keys).size, keys.length, "no record twice");
    assert.deepEqual(second.records.map((r) => keyOf(r, f.table.keyColumns)), keys, "the same order on every read");
    for (const r of first.records) {
      assert.equal(r.table, f.table.name);
      assert.ok(r.file.length > 0 && Number.isInteger(r.row) && r.row > 0, "every record names its file and row");
    }
  });

  run("a read resumed from a checkpoint continues where it stopped, with nothing lost or repeated", async (f) => {
    const whole = await collect(f.source.read(f.table.name));
    const partial = await collect(f.source.read(f.table.name), 1);
    assert.ok(partial.checkpoints.length === 1, "the reader emits checkpoints");
    const rest = await collect(f.source.read(f.table.name, { after: partial.checkpoints[0]! }));
    const keys = [...partial.records, ...rest.records].map((r) => keyOf(r, f.table.keyColumns));
    assert.deepEqual(keys, whole.records.map((r) => keyOf(r, f.table.keyColumns)));
  });

  run("a delta read from the last cursor returns the changed and added records and the deletions", async (f) => {
    assert.ok(f.mutate, "the fixture can change the source");
    const caps = f.source.capabilities;
    const before = await collect(f.source.read(f.table.name));
    const newest = before.records.reduce<SourceRecord | undefined>((a, r) => (!a || (r.changedAt ?? "") > (a.changedAt ?? "") ? r : a), undefined);
    assert.ok(newest?.changedAt, "records carry changedAt");
    const { changed, added, deleted } = await f.mutate();
    const after = await collect(f.source.read(f.table.name, { changedSince: { at: newest.changedAt, key: keyOf(newest, f.table.keyColumns) } }));
    const got = new Set(after.records.map((r) => keyOf(r, f.table.keyColumns)));
    for (const k of [...changed, ...added]) assert.ok(got.has(k), `delta returns ${k}`);
    if (caps?.changedSince) assert.ok(after.records.length <= changed.length + added.length + 5, `delta reads only what changed (read ${after.records.length})`);
    if (caps?.tombstones) for (const k of deleted) assert.ok(after.deleted.includes(k), `delta reports ${k} deleted`);
    else {
      const keys = new Set((await collect(f.source.read(f.table.name))).records.map((r) => keyOf(r, f.table.keyColumns)));
      for (const k of deleted) assert.ok(!keys.has(k), `a deleted record (${k}) is absent from a full read`);
    }
  });

  run("bad input comes as issues naming file and row; good rows still come; nothing is thrown", async (f) => {
    assert.ok(f.broken, "the fixture has broken input");
    const { source, table, goodRows, badRows } = f.broken;
    const got = await collect(source.read(table));
    assert.equal(got.records.length, goodRows, "every good row is read");
    assert.equal(got.issues.length, badRows, "every bad row is an issue");
    for (const item of got.issues) {
      assert.equal(item.kind, "issue");
      if (item.kind !== "issue") continue;
      assert.match(item.issue.code, /^HO-SRC-\d{3}$/, "a catalogued code");
      assert.ok(item.issue.file && item.issue.row, "the issue names file and row");
    }
  });
}
