import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { generateVisualPracticeExport } from "./generate.js";
import { clinicalNoteColumns, noteTextLimit } from "./clinical-notes.js";
import { appointmentsNow } from "./appointments.js";
import type { Dirt, Manifest } from "./manifest.js";

/** "MM/DD/YYYY HH:mm" naming a real day and time, as minutes since 1970-01-01; undefined otherwise. */
function minutesOf(text: string): number | undefined {
  const match = /^(\d\d)\/(\d\d)\/(\d{4}) (\d\d):(\d\d)$/.exec(text);
  if (!match) return undefined;
  const [m, d, y, hh, mm] = match.slice(1).map(Number) as [number, number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || hh > 23 || mm > 59) return undefined;
  return date.getTime() / 60_000 + hh * 60 + mm;
}

type Row = { readonly values: Record<string, string>; readonly line: number };

/** Rows with the line each starts on (header = line 1), the numbering the manifest uses. */
async function tableOf(dir: string, name: string): Promise<Row[]> {
  const records = parse(await readFile(join(dir, `${name}.csv`)), { bom: true, relax_column_count: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
  const header = records[0]!.record;
  let line = records[0]!.info.lines + 1;
  return records.slice(1).map(({ record, info }) => {
    const row = { values: Object.fromEntries(header.map((h, i) => [h, record[i] ?? ""])), line };
    line = info.lines + 1;
    return row;
  });
}

async function generated(patients: number, seed: number) {
  const outDir = await mkdtemp(join(tmpdir(), "vp-notes-"));
  await generateVisualPracticeExport({ patients, seed, outDir, largeFileBytes: 300_000 });
  const manifest = JSON.parse(await readFile(join(outDir, "manifest.json"), "utf8")) as Manifest;
  return { outDir, manifest };
}

const sharedExport = generated(2000, 7);

test("clinical_notes.csv has its columns, about one note per patient in all three formats, LF and no BOM", async () => {
  const { outDir, manifest } = await sharedExport;
  const bytes = await readFile(join(outDir, "clinical_notes.csv"));
  assert.notEqual(bytes[0], 0xef);
  assert.doesNotMatch(bytes.toString(), /\r/);
  assert.equal(bytes.toString().split("\n", 1)[0], clinicalNoteColumns.join(","));
  const rows = await tableOf(outDir, "clinical_notes");
  assert.equal(manifest.files["clinical_notes.csv"]?.rows, rows.length);
  assert.ok(rows.length >= 1700 && rows.length <= 2500, `${rows.length} notes for 2,000 patients`);
  assert.ok(rows.every((r) => /^N\d{8}$/.test(r.values["NoteID"]!)));
  assert.equal(new Set(rows.map((r) => r.values["NoteID"])).size, rows.length, "NoteIDs are unique");

  const byFormat = (format: string) => rows.filter((r) => r.values["NoteFormat"] === format);
  // A note stored encrypted is exported base64: its format is that of the text inside.
  const text = (r: Row) => (r.values["NoteEncoding"] === "Base64" ? Buffer.from(r.values["NoteText"]!, "base64").toString("utf8") : r.values["NoteText"]!);
  assert.ok(byFormat("RTF").length > 100 && byFormat("RTF").every((r) => text(r) === "" || text(r).startsWith("{\\rtf1")));
  assert.ok(byFormat("HTML").length > 100 && byFormat("HTML").every((r) => text(r) === "" || text(r).startsWith("<p>")));
  assert.ok(rows.every((r) => ["", "Base64"].includes(r.values["NoteEncoding"]!)));
  assert.equal(byFormat("Plain").length + byFormat("RTF").length + byFormat("HTML").length, rows.length);
  assert.ok(byFormat("Plain").some((r) => r.values["NoteText"]!.includes("\n")), "some plain notes span lines");
  const blankAppt = rows.filter((r) => r.values["ApptID"] === "").length / rows.length;
  assert.ok(blankAppt > 0.2 && blankAppt < 0.45, `${blankAppt} of notes without an appointment`);
});

test("every clean note points at its own patient, a visit of that patient and a real provider, and no date is after now", async () => {
  const { outDir, manifest } = await sharedExport;
  const rows = await tableOf(outDir, "clinical_notes");
  const patientIds = new Set((await tableOf(outDir, "patients")).map((p) => p.values["PatientID"]));
  const providerIds = new Set((await tableOf(outDir, "providers")).map((p) => p.values["ProviderID"]));
  const appointments = new Map((await tableOf(outDir, "appointments")).map((a) => [a.values["ApptID"], a.values]));
  const planted = new Set(manifest.dirt.flatMap((d) => ("table" in d && d.table === "clinical_notes" && "row" in d ? [d.row] : [])));
  const malformed = new Set(manifest.dirt.flatMap((d) => (d.kind === "malformed-row" ? [d.key] : [])));

  for (const { values, line } of rows) {
    const where = `${values["NoteID"]} (row ${line})`;
    const written = minutesOf(values["WrittenDate"]!);
    const modified = minutesOf(values["LastModified"]!);
    assert.ok(written !== undefined && modified !== undefined && written <= modified && modified <= appointmentsNow, `${where}: dates`);
    assert.ok(providerIds.has(values["AuthorProviderID"]), `${where}: author`);
    assert.ok(!malformed.has(values["PatientID"]!), `${where}: note for a malformed patient row`);
    if (planted.has(line)) continue;
    assert.ok(patientIds.has(values["PatientID"]), `${where}: unknown patient`);
    assert.notEqual(values["NoteText"], "", `${where}: empty text`);
    assert.ok(values["NoteText"]!.length <= noteTextLimit, `${where}: unplanned long note`);
    if (values["ApptID"] === "") continue;
    const appointment = appointments.get(values["ApptID"]);
    assert.equal(appointment?.["PatientID"], values["PatientID"], `${where}: visit of another patient`);
    const start = minutesOf(appointment?.["ApptStart"] ?? "");
    if (start !== undefined) assert.ok(start <= written && start < appointmentsNow, `${where}: written before the visit`);
  }
});

test("the manifest's note dirt is at its rows: long notes, notes of purged patients and empty notes", async () => {
  const { outDir, manifest } = await sharedExport;
  const rows = new Map((await tableOf(outDir, "clinical_notes")).map((r) => [r.line, r.values]));
  const patientIds = new Set((await tableOf(outDir, "patients")).map((p) => p.values["PatientID"]));
  const notesDirt = manifest.dirt.filter((d): d is Extract<Dirt, { row: number }> => "table" in d && d.table === "clinical_notes" && "row" in d);
  const count = (kind: string) => notesDirt.filter((d) => d.kind === kind).length;
  assert.equal(count("long-note"), 2, "one per 700 patients");
  assert.ok(count("dangling-reference") >= 2 && count("dangling-reference") <= 30, `${count("dangling-reference")} dangling`);
  assert.ok(count("empty-note") >= 2 && count("empty-note") <= 30, `${count("empty-note")} empty`);
  assert.ok(count("base64-note") >= 15 && count("base64-note") <= 80, `${count("base64-note")} base64`);
  const encoded = [...rows.values()].filter((v) => v["NoteEncoding"] === "Base64").length;
  assert.equal(encoded, count("base64-note"), "every Base64 note is in the manifest");
  for (const d of notesDirt) {
    const values = rows.get(d.row);
    assert.equal(values?.["NoteID"], d.key, `manifest key at row ${d.row}`);
    switch (d.kind) {
      case "long-note":
        assert.equal(d.column, "NoteText");
        assert.equal(values[d.column]!.length, d.length);
        assert.ok(d.length > noteTextLimit && d.length <= 250_000, `${d.length} characters`);
        assert.ok(patientIds.has(values["PatientID"]));
        break;
      case "dangling-reference":
        assert.equal(d.column, "PatientID");
        assert.equal(values[d.column], d.value);
        assert.ok(!patientIds.has(d.value));
        assert.equal(values["ApptID"], "");
        break;
      case "empty-note":
        assert.equal(values["NoteTitle"], "");
        assert.equal(values["NoteText"], "");
        break;
      case "base64-note": {
        assert.equal(values[d.flagColumn], "Base64");
        const decoded = Buffer.from(values[d.column]!, "base64").toString("utf8");
        assert.equal(Buffer.from(decoded, "utf8").toString("base64"), values[d.column], `${d.key}: base64 of UTF-8 text`);
        assert.ok(decoded.length > 20, `${d.key}: a real note inside`);
        break;
      }
      default:
        assert.fail(`unexpected ${d.kind} on clinical_notes`);
    }
  }
});

test("long notes are planted from 50 patients on and not below", async () => {
  const [small, tiny] = await Promise.all([generated(50, 3), generated(49, 3)]);
  assert.equal(small.manifest.dirt.filter((d) => d.kind === "long-note").length, 1);
  assert.equal(tiny.manifest.dirt.filter((d) => d.kind === "long-note").length, 0);
});
