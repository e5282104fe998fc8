/**
 * The write path by size, against the sandbox over real HTTP: UpsertMultiple for a table with
 * many rows, `$batch` for few, per-record fallback when UpsertMultiple refuses a chunk.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { startDataverseSandbox } from "../../../sandbox/dataverse/server.js";
import type { TargetConnector, TargetRow, WriteOutcome } from "../../contracts/target.js";
import { createDataverseTarget, type WritePath } from "./index.js";

delete process.env.http_proxy;

let sandbox: Awaited<ReturnType<typeof startDataverseSandbox>>;
let target: TargetConnector;
const paths: string[] = [];

before(async () => {
  sandbox = await startDataverseSandbox({ port: 0 });
  target = createDataverseTarget({
    url: sandbox.url, token: async () => "bulk", sleep: async () => undefined,
    bulk: { threshold: 10, size: 8 },
    onWritePath: (path: WritePath, rows: number) => void paths.push(`${path}:${rows}`),
  });
  const outcomes = await target.applySchema({
    columns: ["account", "contact"].map((table) => ({ table, name: "hc_sourcekey", type: "string" as const, maxLength: 100, label: "Source key", reason: "alternate key" })),
    keys: ["account", "contact"].map((table) => ({ table, name: "hc_sourcekey_key", columns: ["hc_sourcekey"] })),
  });
  assert.ok(outcomes.every((o) => o.ok));
});

after(async () => {
  await sandbox?.close();
});

const account = (n: number, name = `Practice ${n}`): TargetRow => ({ table: "account", sourceKey: `B-${n}`, fields: { name }, lookups: {} });
const summary = (outcomes: readonly WriteOutcome[]) => outcomes.map((o) => (o.ok ? (o.created ? "created" : "updated") : `failed:${o.error.reason}`));

test("a large table goes by UpsertMultiple in chunks; ids and `created` come out right, then `updated`", async () => {
  paths.length = 0;
  const rows = Array.from({ length: 12 }, (_, i) => account(i));
  const first = await target.write(rows);
  assert.deepEqual(paths, ["bulk:8", "bulk:4"]);
  assert.deepEqual(summary(first), rows.map(() => "created"));
  const ids = first.map((o) => (o.ok ? o.id : ""));
  assert.equal(new Set(ids).size, 12);
  const second = await target.write(rows.map((r) => ({ ...r, fields: { name: `${String(r.fields.name)} (moved)` } })));
  assert.deepEqual(summary(second), rows.map(() => "updated"));
  assert.deepEqual(second.map((o) => (o.ok ? o.id : "")), ids, "same rows, not duplicates");
  const stored = await target.readBack("account", rows.map((r) => r.sourceKey), ["name"]);
  assert.ok(stored.every((s) => String(s.fields.name).endsWith("(moved)")));
});

test("a small table goes by $batch", async () => {
  paths.length = 0;
  const outcomes = await target.write([account(100), account(101)]);
  assert.deepEqual(paths, ["batch:2"]);
  assert.deepEqual(summary(outcomes), ["created", "created"]);
});

test("one bad row: its chunk falls back to $batch, only that row fails (with our words), the rest land", async () => {
  paths.length = 0;
  const rows = Array.from({ length: 10 }, (_, i) => account(200 + i, i === 3 ? "x".repeat(500) : `Practice ${200 + i}`));
  const outcomes = await target.write(rows);
  assert.deepEqual(paths, ["bulk-fallback:8", "bulk:2"]);
  const s = summary(outcomes);
  assert.equal(s[3], "failed:a value is longer than the column allows");
  assert.ok(!JSON.stringify(outcomes[3]).includes("xxxxx"), "no submitted value in the outcome");
  assert.deepEqual(s.filter((x) => x === "created").length, 9);
  // Fixed and re-sent: the earlier failure is created now, the rest are updates.
  const again = await target.write(rows.map((r, i) => (i === 3 ? account(203) : r)));
  assert.deepEqual(summary(again), rows.map((_, i) => (i === 3 ? "created" : "updated")));
});

test("mixed tables in one call: each table picks its own path, outcomes stay in input order", async () => {
  paths.length = 0;
  const accounts = Array.from({ length: 10 }, (_, i) => account(300 + i));
  const contacts: TargetRow[] = [0, 1].map((i) => ({
    table: "contact", sourceKey: `BC-${i}`, fields: { lastname: `Patient ${i}` },
    lookups: { parentcustomerid: { table: "account", sourceKey: `B-${300 + i}` } },
  }));
  const outcomes = await target.write([...accounts, ...contacts]);
  assert.deepEqual(paths, ["bulk:8", "bulk:2", "batch:2"]);
  assert.deepEqual(outcomes.map((o) => `${o.table}:${o.sourceKey}:${o.ok}`), [...accounts, ...contacts].map((r) => `${r.table}:${r.sourceKey}:true`));
});
