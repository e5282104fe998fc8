import { test } from "node:test";
import assert from "node:assert/strict";
import { HandoverError } from "../../contracts/handover-error.js";
import type { Checkpoint } from "../../contracts/source.js";
import { zipSync, strToU8 } from "fflate";
import type { ExportContainer } from "./container.js";
import { createExportSource } from "./export-source.js";
import { createFolderContainer } from "./folder-container.js";
import type { FormatReader, FormatRow, Resume } from "./format-row.js";
import { jsonReader, ndjsonReader } from "./json-format.js";
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

test("JSON and NDJSON tables resume from a checkpoint with nothing lost or repeated, from a folder or a zip", async () => {
  const rows = Array.from({ length: 25 }, (_, i) => JSON.stringify({ id: i + 1, name: `Zoë ${i + 1}` }));
  const files = { "a.json": `\uFEFF[${rows.join(",\n")}]`, "b.ndjson": rows.join("\r\n"), "c.json": `{"meta": {"n": [1]}, "c": [${rows.join(",")}], "d": [{"id": 0}]}` };
  const folder = await exportFolder(files);
  const zip = `${await exportFolder({ "x.zip": zipSync(Object.fromEntries(Object.entries(files).map(([n, t]) => [n, strToU8(t)]))) })}/x.zip`;
  for (const root of [folder, zip]) {
    const source = createExportSource({ root, checkpointEvery: 10 });
    for (const table of ["a", "b", "c"]) {
      const checkpoints = (await collect(source.read(table))).filter((i): i is Checkpoint => i.kind === "checkpoint");
      assert.equal(checkpoints.length, 2, table);
      for (const [n, checkpoint] of checkpoints.entries()) {
        const rest = records(await collect(source.read(table, { after: checkpoint })));
        assert.deepEqual(rest.map((r) => r.values["id"]), rows.slice(10 * (n + 1)).map((_, i) => String(10 * (n + 1) + i + 1)), `${root} ${table}`);
        assert.equal(rest[0]?.values["name"], `Zoë ${10 * (n + 1) + 1}`);
        assert.equal(rest[0]?.row, table === "a" ? 10 * (n + 1) + 1 : table === "b" ? 10 * (n + 1) + 1 : 1, "rows keep their line numbers");
      }
    }
  }
});

/** A folder container that counts the bytes every `open` hands out, and where it started. */
function counting(root: string): { container: ExportContainer; reads: { start: number; bytes: number }[] } {
  const inner = createFolderContainer(root);
  const reads: { start: number; bytes: number }[] = [];
  const container: ExportContainer = {
    ...inner,
    open(path, start = 0) {
      const read = { start, bytes: 0 };
      reads.push(read);
      return (async function* () {
        for await (const chunk of inner.open(path, start)) {
          read.bytes += chunk.length;
          yield chunk;
        }
      })();
    },
  };
  return { container, reads };
}

async function rowsOf(reader: FormatReader, from?: Resume): Promise<FormatRow[]> {
  const out: FormatRow[] = [];
  for await (const row of reader.rows(from)) out.push(row);
  return out;
}

test("a resumed JSON or NDJSON read seeks to the checkpoint's byte: the rows before it are not read again", async () => {
  const count = 20_000;
  const rows = Array.from({ length: count }, (_, i) => JSON.stringify({ id: i + 1, note: "é".repeat(i % 7), pad: "x".repeat(20) }));
  const root = await exportFolder({ "big.json": `{"first": [${rows.join(",\n")}], "second": [{"id": "s1"}]}`, "big.ndjson": `${rows.join("\n")}\n` });
  for (const [file, make] of [["big.json", (c: ExportContainer) => jsonReader({ container: c, path: "big.json", member: "first" })], ["big.ndjson", (c: ExportContainer) => ndjsonReader({ container: c, path: "big.ndjson" })]] as const) {
    const whole = counting(root);
    const all = await rowsOf(make(whole.container));
    const size = whole.reads.at(-1)!.bytes;
    assert.equal(all.length, count);
    const at = all[count - 1001]!;
    assert.ok(at.kind === "values" && at.resume && typeof at.resume["byteOffset"] === "number", file);
    const resumed = counting(root);
    const rest = await rowsOf(make(resumed.container), at.resume);
    assert.deepEqual(rest.map((r) => (r.kind === "values" ? r.values["id"] : r.kind)), Array.from({ length: 1000 }, (_, i) => String(count - 1000 + i + 1)), file);
    assert.equal(rest[0]?.line, all[count - 1000]?.line, "line numbers go on from the checkpoint");
    const data = resumed.reads.filter((r) => r.start > 0);
    assert.deepEqual(data.map((r) => r.start), [at.resume["byteOffset"]], `${file}: the data is opened at the checkpoint's byte`);
    const read = resumed.reads.reduce((n, r) => n + r.bytes, 0);
    assert.ok(read < size / 4, `${file}: the resumed read took ${read} of ${size} bytes (the 64 KiB encoding sniff and what follows the checkpoint)`);
  }
});

test("a JSON file that is not an array or object, or is cut short, is told, not thrown raw", async () => {
  const source = createExportSource({ root: await exportFolder({ "a.json": '"just a string"', "b.json": '[{"id": 1}, {"id": 2, "n' }) });
  await assert.rejects(collect(source.read("a")), (e: unknown) => e instanceof HandoverError && e.code === "HO-SRC-013");
  assert.deepEqual(outcomes(await collect(source.read("b"))), ["r1", "HO-SRC-012@1"]);
});
