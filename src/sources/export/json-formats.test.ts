import { test } from "node:test";
import assert from "node:assert/strict";
import { HandoverError } from "../../contracts/handover-error.js";
import type { Checkpoint } from "../../contracts/source.js";
import { createExportSource } from "./export-source.js";
import { flattenJsonRecord } from "./json-value.js";
import { collect, exportFolder, outcomes, records } from "./test-support.js";

test("JSON records flatten: nested keys join with _, arrays with '; ', numbers stay as written, null is empty", () => {
  assert.deepEqual(flattenJsonRecord('{"id": 12345678901234567890, "fee": 1.50, "name": {"first": "Ann", "last": null}, "tags": ["a", 2, {"x": 1}], "ok": true}'), {
    ok: true,
    values: { id: "12345678901234567890", fee: "1.50", name_first: "Ann", name_last: "", tags: 'a; 2; {"x":1}', ok: "true" },
  });
  assert.deepEqual(flattenJsonRecord('{"__proto__": "x"}'), { ok: true, values: JSON.parse('{"__proto__": "x"}') });
  for (const bad of ['[1]', '{"a": 1', '{"a": 1} x', '{"a": "\u0001"}', '{"a_b": 1, "a": {"b": 2}}', "{".repeat(100)]) {
    const parsed = flattenJsonRecord(bad);
    assert.equal(parsed.ok, false, bad);
  }
});

test("a JSON array of objects is one table; a bad record is HO-SRC-012 on its line and the rest still come", async () => {
  const text = '[\n  {"PatientID": "P1", "name": {"first": "Ann"}},\n  {"PatientID": "P2", "name": oops},\n  {"PatientID": "P3", "phones": ["1", "2"]}\n]\n';
  const source = createExportSource({ root: await exportFolder({ "patients.json": text }) });
  const items = await collect(source.read("patients"));
  assert.deepEqual(outcomes(items), ["r2", "HO-SRC-012@3", "r4"]);
  assert.deepEqual(records(items).map((r) => r.values), [{ PatientID: "P1", name_first: "Ann" }, { PatientID: "P3", phones: "1; 2" }]);
  const table = (await source.discover()).tables[0]!;
  assert.deepEqual(table.columns.map((c) => c.name), ["PatientID", "name_first", "phones"]);
  assert.equal(table.rowCount, 3);
});

test("a JSON object's array members are tables, the others ignored; names clash with another file's get the file name", async () => {
  const text = '{"exportedAt": "2024-01-01", "meta": {"v": [1]}, "patients": [{"id": 1}, {"id": 2}], "visits": [{"id": "v1", "patient": 1}]}';
  const source = createExportSource({ root: await exportFolder({ "export.json": text, "visits.csv": "id\nx\n" }) });
  const catalog = await source.discover();
  assert.deepEqual(catalog.tables.map((t) => [t.name, t.rowCount]).sort(), [["export/visits", 1], ["patients", 2], ["visits", 1]]);
  assert.deepEqual(records(await collect(source.read("export/visits"))).map((r) => r.values), [{ id: "v1", patient: "1" }]);
});

test("NDJSON: one object per line; blank lines skipped; bad and oversized lines are issues on their line", async () => {
  const text = `{"id": 1}\n\n{"id": 2, "x": [1,2]}\nnot json\n{"id": "${"y".repeat(300)}"}\r\n{"id": 4}`;
  const source = createExportSource({ root: await exportFolder({ "events.ndjson": text, "more.jsonl": '{"a":1}\n', "lines.json": '{"a":1}\n{"a":2}\n' }), maxRecordBytes: 200 });
  assert.deepEqual(outcomes(await collect(source.read("events"))), ["r1", "r3", "HO-SRC-012@4", "HO-SRC-012@5", "r6"]);
  assert.equal(records(await collect(source.read("lines"))).length, 2, "NDJSON saved as .json is told apart");
  assert.equal(records(await collect(source.read("more"))).length, 1);
});

test("JSON tables resume from a checkpoint by skipping the rows read", async () => {
  const rows = Array.from({ length: 25 }, (_, i) => JSON.stringify({ id: i + 1 }));
  const source = createExportSource({ root: await exportFolder({ "a.json": `[${rows.join(",\n")}]`, "b.ndjson": rows.join("\n") }), checkpointEvery: 10 });
  for (const table of ["a", "b"]) {
    const first = (await collect(source.read(table))).find((i): i is Checkpoint => i.kind === "checkpoint")!;
    const rest = records(await collect(source.read(table, { after: first }))).map((r) => r.values["id"]);
    assert.deepEqual(rest, rows.slice(10).map((_, i) => String(i + 11)), table);
  }
});

test("a JSON file that is not an array or object, or is cut short, is told, not thrown raw", async () => {
  const source = createExportSource({ root: await exportFolder({ "a.json": '"just a string"', "b.json": '[{"id": 1}, {"id": 2, "n' }) });
  await assert.rejects(collect(source.read("a")), (e: unknown) => e instanceof HandoverError && e.code === "HO-SRC-013");
  assert.deepEqual(outcomes(await collect(source.read("b"))), ["r1", "HO-SRC-012@1"]);
});
