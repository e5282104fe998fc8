import { test } from "node:test";
import assert from "node:assert/strict";
import iconv from "iconv-lite";
import { HandoverError } from "../../contracts/handover-error.js";
import type { Checkpoint } from "../../contracts/source.js";
import { createExportSource } from "./export-source.js";
import { collect, exportFolder, outcomes, records } from "./test-support.js";

const names = "Id,Name,Town\n1,José Muñoz,Málaga\n2,Zoë Ñandú,5 € store\n";
const expected = [
  { Id: "1", Name: "José Muñoz", Town: "Málaga" },
  { Id: "2", Name: "Zoë Ñandú", Town: "5 € store" },
];

test("UTF-16 LE with a BOM, UTF-16 BE with a BOM, Windows-1252 and UTF-8 with a BOM read the same", async () => {
  const root = await exportFolder({
    "le.csv": Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(names, "utf-16le")]),
    "be.csv": Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(names, "utf-16be")]),
    "ansi.csv": iconv.encode(names, "windows-1252"),
    "bom.csv": `\uFEFF${names}`,
  });
  const source = createExportSource({ root });
  for (const table of ["le", "be", "ansi", "bom"]) {
    assert.deepEqual(records(await collect(source.read(table))).map((r) => r.values), expected, table);
  }
  const catalog = await source.discover();
  assert.deepEqual(catalog.tables.find((t) => t.name === "le")?.columns.map((c) => c.name), ["Id", "Name", "Town"]);
});

test("a semicolon CSV, a TSV and a pipe-delimited .txt are split on their own delimiter", async () => {
  const root = await exportFolder({
    "semi.csv": 'Id;Name;Note\n1;Ann;"a; b, c"\n2;Bob;x,y\n',
    "tabs.tsv": "Id\tName\tNote\n1\tAnn\ta; b, c\n2\tBob\tx,y\n",
    "pipes.txt": "Id|Name|Note\n1|Ann|a; b, c\n2|Bob|x,y\n",
  });
  const source = createExportSource({ root });
  for (const table of ["semi", "tabs", "pipes"]) {
    assert.deepEqual(records(await collect(source.read(table))).map((r) => r.values), [
      { Id: "1", Name: "Ann", Note: "a; b, c" },
      { Id: "2", Name: "Bob", Note: "x,y" },
    ], table);
  }
});

test("a row holding a NUL byte is rejected with HO-SRC-010 and its row; the rows around it come", async () => {
  const root = await exportFolder({ "t.csv": Buffer.from("Id,Name\n1,Ann\n2,B\0b\n3,Cy\n") });
  const items = await collect(createExportSource({ root }).read("t"));
  assert.deepEqual(outcomes(items), ["r2", "HO-SRC-010@3", "r4"]);
  const issue = items.find((i) => i.kind === "issue");
  assert.ok(issue?.kind === "issue" && issue.issue.file === "t.csv");
});

test("ragged rows, short and long, are HO-SRC-003 issues on their row, in every delimited format", async () => {
  const root = await exportFolder({
    "c.csv": "a,b,c\n1,2,3\n1,2\n1,2,3,4\n\n5,6,7\n",
    "t.tsv": "a\tb\tc\n1\t2\t3\n1\t2\n1\t2\t3\t4\n\n5\t6\t7\n",
  });
  const source = createExportSource({ root });
  for (const table of ["c", "t"]) assert.deepEqual(outcomes(await collect(source.read(table))), ["r2", "HO-SRC-003@3", "HO-SRC-003@4", "r6"]);
});

test("a Windows-1252 file resumes from a checkpoint though its offsets are not the file's", async () => {
  const lines = ["Id,Name"];
  for (let i = 1; i <= 30; i += 1) lines.push(`${i},Ñandú ${"é".repeat(i % 4)}`);
  const source = createExportSource({ root: await exportFolder({ "t.csv": iconv.encode(lines.join("\r\n"), "windows-1252") }), checkpointEvery: 7 });
  const all = await collect(source.read("t"));
  const checkpoint = all.filter((i): i is Checkpoint => i.kind === "checkpoint")[1]!;
  const resumed = await collect(source.read("t", { after: checkpoint }));
  assert.deepEqual(records(resumed).map((r) => r.values["Id"]), records(all).slice(14).map((r) => r.values["Id"]));
  assert.equal(records(resumed)[0]?.values["Name"], "Ñandú ééé", "row 15 decoded from Windows-1252");
});

test("changedAt comes from a conventionally named column, or the profile's, in its declared format", async () => {
  const root = await exportFolder({
    "iso.csv": "Id,updated_at\n1,2024-03-04T10:00:00Z\n2,2024-03-05\n3,not a date\n",
    "vp.csv": "Id,Stamp\n1,03/04/2024 14:22\n",
  });
  const profile = { id: "p", name: "P", tables: { vp: { key: ["Id"], modelHint: "patient", modifiedColumn: "Stamp", dateFormats: { Stamp: "MM/DD/YYYY HH:mm" as const } } } };
  const source = createExportSource({ root, profile });
  assert.deepEqual(records(await collect(source.read("iso"))).map((r) => r.changedAt), ["2024-03-04T10:00:00.000Z", "2024-03-05T00:00:00.000Z", undefined]);
  const [vp] = records(await collect(source.read("vp")));
  assert.equal(vp?.changedAt, "2024-03-04T14:22:00.000Z");
  assert.equal(vp?.key, "1");
});

test("with a profile, files in formats the profile doesn't list are not tables; without one, they are", async () => {
  const root = await exportFolder({ "patients.csv": "Id\n1\n", "manifest.json": '{"files": {"a": 1}, "dirt": [{"kind": "x"}]}', "users.json": '[{"email": "a@b"}]' });
  const profile = { id: "p", name: "P", tables: { patients: { key: ["Id"], modelHint: "patient" } } };
  assert.deepEqual((await createExportSource({ root, profile }).discover()).tables.map((t) => t.name), ["patients"]);
  assert.deepEqual((await createExportSource({ root }).discover()).tables.map((t) => t.name).sort(), ["dirt", "patients", "users"]);
});

test("files in nested folders are tables too, named by their file name", async () => {
  const root = await exportFolder({ "2024/patients.csv": "Id\n1\n", "files/D1.pdf": "%PDF" });
  const catalog = await createExportSource({ root }).discover();
  assert.deepEqual(catalog.tables.map((t) => [t.name, t.file]), [["patients", "2024/patients.csv"]]);
});

test("a header naming a column twice is refused for every format", async () => {
  const root = await exportFolder({ "a.tsv": "x\tx\n1\t2\n" });
  await assert.rejects(collect(createExportSource({ root }).read("a")), (e: unknown) => e instanceof HandoverError && e.code === "HO-SRC-004");
});
