import assert from "node:assert/strict";
import { test } from "node:test";
import type { TargetConnector, TargetRow } from "../../src/contracts/target.js";

/**
 * The conformance suite every TargetConnector passes. A target's own test calls it with a
 * factory that starts a fresh target (a sandbox over real HTTP) and names the tables and
 * columns to use, so the same cases serve Dataverse and, later, Salesforce.
 * A case the target can't run is skipped with its reason, never silently.
 */
export interface TargetFixture {
  readonly target: TargetConnector;
  /** A parent table and a child table with a lookup to it (account/contact). */
  readonly parent: { readonly table: string; readonly name: string; readonly text: string; readonly textMax: number };
  readonly child: { readonly table: string; readonly name: string; readonly lookup: string; readonly date: string; readonly owner: string };
  /** Users present in the target: one active, one inactive; emails as the target holds them. */
  readonly users: { readonly active: string; readonly inactive: string };
  close(): Promise<void>;
}

export interface TargetFactory {
  readonly name: string;
  start(): Promise<TargetFixture>;
  /** Cases this target can't run, with the reason. */
  readonly skip?: Readonly<Record<string, string>>;
}

export function targetConformance(factory: TargetFactory): void {
  const run = (name: string, body: (f: TargetFixture) => Promise<void>) => {
    const reason = factory.skip?.[name];
    test(`${factory.name} conformance: ${name}`, reason ? { skip: reason } : {}, async () => {
      const f = await factory.start();
      try {
        await body(f);
      } finally {
        await f.close();
      }
    });
  };

  const prepare = async (f: TargetFixture) => {
    const key = f.target.capabilities.sourceKeyColumn;
    const outcomes = await f.target.applySchema({
      columns: [f.parent.table, f.child.table].map((table) => ({ table, name: key, type: "string" as const, maxLength: 200, label: "Source key", reason: "conformance" })),
      keys: [f.parent.table, f.child.table].map((table) => ({ table, name: `${key}_key`, columns: [key] })),
    });
    assert.ok(outcomes.every((o) => o.ok), "schema applies");
  };
  const parentRow = (f: TargetFixture, n: number, extra: Record<string, string> = {}): TargetRow =>
    ({ table: f.parent.table, sourceKey: `conf:parent:${n}`, fields: { [f.parent.name]: `Practice ${n}`, ...extra }, lookups: {} });
  const childRow = (f: TargetFixture, n: number, parent: number): TargetRow => ({
    table: f.child.table, sourceKey: `conf:child:${n}`, fields: { [f.child.name]: `Patient${n}`, [f.child.date]: "1980-02-03" },
    lookups: { [f.child.lookup]: { table: f.parent.table, sourceKey: `conf:parent:${parent}` } },
  });

  run("check passes and describe lists the tables with their columns", async (f) => {
    await f.target.check();
    const catalog = await f.target.describe([f.parent.table, f.child.table]);
    assert.deepEqual(catalog.tables.map((t) => t.name).sort(), [f.parent.table, f.child.table].sort());
    const child = catalog.tables.find((t) => t.name === f.child.table)!;
    assert.ok(child.columns.some((c) => c.name === f.child.lookup && c.type === "lookup" && c.targets?.includes(f.parent.table)));
    assert.equal(catalog.tables.find((t) => t.name === f.parent.table)!.columns.find((c) => c.name === f.parent.text)?.maxLength, f.parent.textMax);
  });

  run("describe of an unknown table is a catalogued error", async (f) => {
    await assert.rejects(f.target.describe(["no_such_table_x"]), (e: { code?: string }) => e.code === "HO-TGT-005");
  });

  run("applySchema is idempotent", async (f) => {
    await prepare(f);
    const key = f.target.capabilities.sourceKeyColumn;
    const again = await f.target.applySchema({ columns: [{ table: f.parent.table, name: key, type: "string", maxLength: 200, label: "k", reason: "x" }], keys: [{ table: f.parent.table, name: `${key}_key`, columns: [key] }] });
    assert.ok(again.every((o) => o.ok && !o.created));
  });

  run("write upserts by source key: one outcome per row in order, created then updated, never duplicated", async (f) => {
    await prepare(f);
    const rows = [parentRow(f, 1), parentRow(f, 2), childRow(f, 1, 1)];
    const first = await f.target.write(rows);
    assert.deepEqual(first.map((o) => [o.sourceKey, o.ok && o.created]), [["conf:parent:1", true], ["conf:parent:2", true], ["conf:child:1", true]]);
    const second = await f.target.write(rows);
    assert.deepEqual(second.map((o) => o.ok && !o.created), [true, true, true]);
    assert.deepEqual(second.map((o) => o.ok && o.id), first.map((o) => o.ok && o.id), "same rows, same ids");
    const back = await f.target.readBack(f.parent.table, ["conf:parent:1", "conf:parent:2"], [f.parent.name]);
    assert.equal(back.length, 2);
  });

  run("a bad row fails alone, with our words and no submitted value", async (f) => {
    await prepare(f);
    const secret = "X".repeat(f.parent.textMax + 5);
    const out = await f.target.write([parentRow(f, 1), parentRow(f, 2, { [f.parent.text]: secret }), parentRow(f, 3)]);
    assert.deepEqual(out.map((o) => o.ok), [true, false, true]);
    const failed = out[1]!;
    assert.ok(!failed.ok && !failed.error.transient && !JSON.stringify(failed.error).includes("XXXXXXXXXX"));
  });

  run("readBack returns fields, dates as ISO text and lookups with their table", async (f) => {
    await prepare(f);
    await f.target.write([parentRow(f, 1), childRow(f, 1, 1)]);
    const [child] = await f.target.readBack(f.child.table, ["conf:child:1"], [f.child.name, f.child.date, f.child.lookup]);
    assert.equal(child?.fields[f.child.name], "Patient1");
    assert.equal(child?.fields[f.child.date], "1980-02-03");
    const [parent] = await f.target.readBack(f.parent.table, ["conf:parent:1"], []);
    assert.deepEqual(child?.lookups[f.child.lookup], { table: f.parent.table, id: parent!.id });
    assert.deepEqual(await f.target.readBack(f.child.table, ["conf:child:404"], []), []);
  });

  run("remove deletes by id and treats a missing row as already gone", async (f) => {
    await prepare(f);
    const [w] = await f.target.write([parentRow(f, 1)]);
    assert.ok(w?.ok);
    const out = await f.target.remove(f.parent.table, [w.id, w.id]);
    assert.deepEqual(out.map((o) => o.ok), [true, true]);
    assert.deepEqual(await f.target.readBack(f.parent.table, ["conf:parent:1"], []), []);
  });

  run("restore puts a before-image back, clearing what it did not have", async (f) => {
    await prepare(f);
    await f.target.write([parentRow(f, 1, { [f.parent.text]: "before" })]);
    const [before] = await f.target.readBack(f.parent.table, ["conf:parent:1"], [f.parent.name, f.parent.text]);
    await f.target.write([parentRow(f, 1, { [f.parent.name]: "Changed", [f.parent.text]: "after" })]);
    const restored = await f.target.restore(f.parent.table, [before!]);
    assert.ok(restored.every((o) => o.ok));
    const [now] = await f.target.readBack(f.parent.table, ["conf:parent:1"], [f.parent.name, f.parent.text]);
    assert.deepEqual(now?.fields, before!.fields);
  });

  run("findUsers matches emails whatever their case and reports inactive users", async (f) => {
    const found = await f.target.findUsers([f.users.active.toUpperCase(), f.users.inactive, "nobody@example.invalid"]);
    assert.equal(found.length, 2);
    assert.equal(found.find((u) => u.email.toLowerCase() === f.users.active.toLowerCase())?.active, true);
    assert.equal(found.find((u) => u.email.toLowerCase() === f.users.inactive.toLowerCase())?.active, false);
  });
}
