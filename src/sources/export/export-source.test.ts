import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Checkpoint, SourceItem } from "../../contracts/source.js";
import { HandoverError } from "../../contracts/handover-error.js";
import { createExportSource } from "./export-source.js";
import type { VendorProfile } from "./profile.js";

async function folder(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "export-source-"));
  for (const [name, text] of Object.entries(files)) await writeFile(join(root, name), text);
  return root;
}

async function collect(items: AsyncIterable<SourceItem>): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const profile: VendorProfile = {
  id: "test",
  name: "Test",
  tables: {
    people: { file: "People.CSV", key: ["Id"], modelHint: "patient", dateFormats: { Born: "MM/DD/YYYY" } },
  },
};

test("a wrong field count is an issue on the record's first line and reading continues", async () => {
  const root = await folder({ "t.csv": 'Id,Name,Note\n1,Ann,"two\nlines"\n2,Bob\n3,Cy,ok,extra\n4,Di,fine\n' });
  const items = await collect(createExportSource({ root }).read("t"));
  assert.deepEqual(items.map((i) => (i.kind === "record" ? `r${i.row}` : i.kind === "issue" ? `${i.issue.code}@${i.issue.row}` : i.kind)), [
    "r2", "HO-SRC-003@4", "HO-SRC-003@5", "r6",
  ]);
  const last = items[3];
  assert.ok(last?.kind === "record");
  assert.deepEqual(last.values, { Id: "4", Name: "Di", Note: "fine" });
});

test("every data row ends as a record or an issue, whatever is wrong with it", async () => {
  const text = ['Id,Name', '1,Ann', '2,"Bo"b', '3', 'x"y,4', '5,Ed', '"6,Fay', '7,Gus', '', ''].join("\r\n");
  const items = await collect(createExportSource({ root: await folder({ "t.csv": text }) }).read("t"));
  const rows = items.filter((i) => i.kind !== "checkpoint");
  assert.equal(rows.length, 7);
  assert.deepEqual(rows.map((i) => (i.kind === "record" ? i.row : i.kind === "issue" ? -(i.issue.row ?? 0) : 0)), [2, -3, -4, -5, 6, -7, 8]);
  for (const item of rows) if (item.kind === "issue") assert.doesNotMatch(item.issue.message, /Bo|Fay|x"y/);
});

test("an empty key column rejects the row when the profile declares the key", async () => {
  const root = await folder({ "People.CSV": "Id,Name,Born\n1,Ann,01/02/1990\n ,Bob,\n3,Cy,\n" });
  const items = await collect(createExportSource({ root, profile }).read("people"));
  const issue = items.find((i) => i.kind === "issue");
  assert.ok(issue?.kind === "issue");
  assert.equal(issue.issue.code, "HO-SRC-005");
  assert.equal(issue.issue.row, 3);
  assert.equal(issue.issue.field, "Id");
  assert.equal(items.filter((i) => i.kind === "record").length, 2);
});

test("a header naming a column twice is refused with HO-SRC-004", async () => {
  const source = createExportSource({ root: await folder({ "t.csv": "Id,Name,Id\n1,2,3\n" }) });
  await assert.rejects(collect(source.read("t")), (error: unknown) => error instanceof HandoverError && error.code === "HO-SRC-004");
  await assert.rejects(source.discover(), (error: unknown) => error instanceof HandoverError && error.code === "HO-SRC-004");
});

test("a missing folder, a folder without table files and an unknown table are config errors", async () => {
  const code = (expected: string) => (error: unknown) => error instanceof HandoverError && error.code === expected;
  await assert.rejects(createExportSource({ root: "/nonexistent/handover" }).check(), code("HO-SRC-001"));
  await assert.rejects(createExportSource({ root: await folder({ "notes.pdf": "x" }) }).check(), code("HO-SRC-001"));
  await assert.rejects(collect(createExportSource({ root: await folder({ "t.csv": "a\n1\n" }) }).read("nope")), code("HO-SRC-006"));
});

test("checkpoints come every N rows and a read after one resumes with the next row", async () => {
  const lines = ["Id,Note"];
  for (let i = 1; i <= 25; i += 1) lines.push(i === 12 ? `${i},"multi\nline"` : i === 17 ? `${i}` : `${i},n${i}`);
  const source = createExportSource({ root: await folder({ "t.csv": `\uFEFF${lines.join("\r\n")}\r\n` }), checkpointEvery: 10 });
  const all = await collect(source.read("t"));
  const checkpoints = all.filter((i): i is Checkpoint => i.kind === "checkpoint");
  assert.equal(checkpoints.length, 2);
  const key = (i: SourceItem) => (i.kind === "record" ? `r${i.row}:${i.values["Id"]}` : i.kind === "issue" ? `i${i.issue.row}` : "c");
  const resumed = await collect(source.read("t", { after: checkpoints[0]! }));
  assert.deepEqual(resumed.map(key), all.slice(all.indexOf(checkpoints[0]!) + 1).map(key));
  assert.equal(resumed.filter((i) => i.kind === "checkpoint").length, 1, "cadence continues from the checkpoint's count");
  await assert.rejects(collect(source.read("other", { after: checkpoints[0]! })), HandoverError);
});

test("discover reports counts, samples, lengths and the profile's hints", async () => {
  const rows = ["Id,Name,Born,Extra"];
  for (let i = 1; i <= 30; i += 1) rows.push(`${i},${i % 3 === 0 ? "" : `N${i % 5}`},01/0${(i % 9) + 1}/1990,${"x".repeat(i % 7)}`);
  rows.push("31,bad,row,with,too,many");
  const root = await folder({ "People.CSV": rows.join("\n"), "other.csv": "A\n1\n", "readme.md": "ignored" });
  const catalog = await createExportSource({ root, profile }).discover();
  assert.equal(catalog.profile, "test");
  assert.deepEqual(catalog.tables.map((t) => t.name).sort(), ["other", "people"]);
  const people = catalog.tables.find((t) => t.name === "people")!;
  assert.equal(people.file, "People.CSV");
  assert.equal(people.rowCount, 31, "rejected rows count as rows");
  assert.deepEqual(people.key, ["Id"]);
  assert.equal(people.modelHint, "patient");
  const [id, name, born, extra] = people.columns;
  assert.equal(id?.samples.length, 20);
  assert.equal(id?.distinctCount, 30);
  assert.equal(name?.nonEmptyCount, 20);
  assert.deepEqual(name?.samples, ["N1", "N2", "N4", "N0", "N3"]);
  assert.equal(born?.dateFormat, "MM/DD/YYYY");
  assert.equal(extra?.maxLength, 6);
  assert.equal(catalog.tables.find((t) => t.name === "other")?.modelHint, undefined);
});
