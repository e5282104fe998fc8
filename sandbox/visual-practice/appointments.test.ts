import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { formatGeneratedExportSummary, generateVisualPracticeExport } from "./generate.js";
import { appointmentColumns, appointmentsNow } from "./appointments.js";
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

type Row = Record<string, string>;

async function tableOf(dir: string, name: string): Promise<Row[]> {
  return parse(await readFile(join(dir, `${name}.csv`)), { bom: true, columns: true, relax_column_count: true }) as Row[];
}

async function generated(patients: number, seed: number) {
  const outDir = await mkdtemp(join(tmpdir(), "vp-appt-"));
  const summary = await generateVisualPracticeExport({ patients, seed, outDir });
  const manifest = JSON.parse(await readFile(join(outDir, "manifest.json"), "utf8")) as Manifest;
  return { outDir, summary, manifest };
}

const sharedExport = generated(2000, 7);

test("appointments.csv has the vendor's columns, ~3 appointments per patient, LF and no BOM", async () => {
  const { outDir, manifest } = await sharedExport;
  const bytes = await readFile(join(outDir, "appointments.csv"));
  assert.notEqual(bytes[0], 0xef);
  assert.doesNotMatch(bytes.toString(), /\r/);
  assert.equal(bytes.toString().split("\n", 1)[0], appointmentColumns.join(","));
  const rows = await tableOf(outDir, "appointments");
  assert.equal(manifest.files["appointments.csv"]?.rows, rows.length);
  assert.equal(manifest.files["appointments.csv"]?.lineEnding, "lf");
  assert.ok(rows.length >= 2 * 2000 && rows.length <= 4 * 2000, `${rows.length} appointments for 2,000 patients`);
  assert.equal(new Set(rows.map((r) => r["ApptID"])).size, rows.length, "ApptIDs are unique");
  assert.ok(rows.some((r) => /[,"]/.test(r["ApptNotes"] ?? "")), "some notes need quoting");
  for (const column of ["ApptType", "ApptStatus", "PaymentStatus"]) {
    const seen = new Set(rows.map((r) => r[column]));
    const expected = {
      ApptType: ["Cleaning", "Exam", "Filling", "Crown Prep", "Consultation", "Follow-up", "X-Ray"],
      ApptStatus: ["Scheduled", "Confirmed", "Completed", "Cancelled", "No-Show"],
      PaymentStatus: ["Paid", "Pending", "Failed", ""],
    }[column]!;
    for (const value of expected) assert.ok(seen.has(value), `${column} never '${value}'`);
  }
});

test("the manifest's appointment dirt is at its rows, and every other appointment is clean", async () => {
  const { outDir, manifest } = await sharedExport;
  const rows = await tableOf(outDir, "appointments");
  const patients = await tableOf(outDir, "patients");
  const providers = await tableOf(outDir, "providers");
  const practiceIds = new Set((await tableOf(outDir, "practices")).map((p) => p["PracticeID"]));
  const links = await tableOf(outDir, "patient_practices");
  const patientIds = new Set(patients.map((p) => p["PatientID"]));
  const providerById = new Map(providers.map((p) => [p["ProviderID"], p]));
  const linked = new Map<string, Set<string>>();
  for (const link of links) {
    if (!practiceIds.has(link["PracticeID"])) continue;
    const set = linked.get(link["PatientID"]!) ?? new Set<string>();
    set.add(link["PracticeID"]!);
    linked.set(link["PatientID"]!, set);
  }

  const planted = new Map<number, Dirt>();
  for (const d of manifest.dirt) {
    if (!("table" in d) || d.table !== "appointments" || d.kind === "zoneless-timestamp") continue;
    assert.ok("row" in d, `${d.kind} on appointments names a row`);
    assert.ok(!planted.has(d.row), `row ${d.row} planted twice`);
    planted.set(d.row, d);
  }
  const count = (kind: string, column?: string) =>
    [...planted.values()].filter((d) => d.kind === kind && (column === undefined || ("column" in d && d.column === column))).length;
  // ~1% of ~6,300 rows each, ~0.5% dangling patients, a few without a provider.
  for (const [kind, column, min, max] of [
    ["end-before-start", "ApptEnd", 25, 130],
    ["dangling-reference", "ProviderID", 25, 130],
    ["bad-date", "ApptStart", 25, 130],
    ["dangling-reference", "PatientID", 10, 70],
    ["no-provider", "ProviderID", 2, 40],
  ] as const) {
    const n = count(kind, column);
    assert.ok(n >= min && n <= max, `${n} ${kind} on ${column}`);
  }

  rows.forEach((row, index) => {
    const line = index + 2; // one line per appointment, header on line 1
    const d = planted.get(line);
    const start = minutesOf(row["ApptStart"]!);
    const end = minutesOf(row["ApptEnd"]!);
    const where = `${row["ApptID"]} (row ${line})`;
    if (d) {
      assert.equal("key" in d && d.key, row["ApptID"], `manifest key at row ${line}`);
      switch (d.kind) {
        case "end-before-start":
          assert.ok(start !== undefined && end !== undefined && end < start, `${where}: end not before start`);
          break;
        case "bad-date":
          assert.equal(start, undefined, `${where}: ApptStart '${row["ApptStart"]}' parses`);
          assert.doesNotMatch(row["ApptStart"]!, /^\d{4}-\d\d-\d\d/);
          break;
        case "no-provider":
          assert.equal(row["ProviderID"], "");
          break;
        case "dangling-reference":
          assert.equal(row[d.column], d.value);
          assert.ok(d.column === "PatientID" ? !patientIds.has(d.value) : !providerById.has(d.value), `${where}: ${d.column} ${d.value} exists`);
          break;
        default:
          assert.fail(`unexpected ${d.kind} on appointments`);
      }
      return;
    }
    // Clean rows: every reference resolves and the times agree with each other and with "now".
    assert.ok(patientIds.has(row["PatientID"]), `${where}: unknown patient ${row["PatientID"]}`);
    assert.ok(practiceIds.has(row["PracticeID"]), `${where}: unknown practice`);
    const provider = providerById.get(row["ProviderID"]);
    assert.ok(provider, `${where}: unknown or blank provider`);
    assert.ok(start !== undefined && end !== undefined, `${where}: unparseable times`);
    assert.equal(end - start, Number(row["DurationMin"]), `${where}: duration`);
    const created = minutesOf(row["CreatedDate"]!);
    const modified = minutesOf(row["LastModified"]!);
    assert.ok(created !== undefined && modified !== undefined && created <= start && created <= modified && modified <= appointmentsNow, `${where}: created/modified`);
    const isPast = start < appointmentsNow;
    assert.equal(["Completed", "Cancelled", "No-Show"].includes(row["ApptStatus"]!), isPast, `${where}: ${row["ApptStatus"]} vs now`);
    if (!isPast) assert.ok(["Scheduled", "Confirmed"].includes(row["ApptStatus"]!), `${where}: upcoming but ${row["ApptStatus"]}`);
    const mine = linked.get(row["PatientID"]!);
    if (mine) assert.ok(mine.has(row["PracticeID"]!), `${where}: practice not one of the patient's`);
    const home = providers.filter((p) => p["HomePracticeID"] === row["PracticeID"] && p["ProvNPI"] !== "" && (isPast || p["Active"] === "Y"));
    if (home.length > 0) assert.equal(provider["HomePracticeID"], row["PracticeID"], `${where}: provider from another practice`);
  });

  // The planted malformed patient rows (which a reader rejects) get no appointments.
  const malformed = new Set(manifest.dirt.flatMap((d) => (d.kind === "malformed-row" ? [d.key] : [])));
  assert.ok(!rows.some((r) => malformed.has(r["PatientID"]!)));
  // Past visits are mostly completed; both kinds of upcoming status occur.
  const past = rows.filter((r, i) => !planted.has(i + 2) && minutesOf(r["ApptStart"]!)! < appointmentsNow);
  assert.ok(past.filter((r) => r["ApptStatus"] === "Completed").length / past.length > 0.75);
});

test("the same seed gives a byte-identical appointments.csv", async () => {
  const [a, b] = await Promise.all([generated(400, 99), generated(400, 99)]);
  const [fa, fb] = await Promise.all([readFile(join(a.outDir, "appointments.csv")), readFile(join(b.outDir, "appointments.csv"))]);
  assert.ok(fa.equals(fb));
  assert.deepEqual(a.manifest, b.manifest);
});

test("the summary lists appointments.csv and the new dirt kinds with their tables", async () => {
  const { summary, manifest } = await sharedExport;
  const text = formatGeneratedExportSummary(summary);
  assert.match(text, new RegExp(`appointments\\.csv\\s+${manifest.files["appointments.csv"]!.rows} rows`));
  assert.match(text, /end-before-start\s+\d+\s+\(appointments \d+, insurance_records \d+\)/);
  assert.match(text, /no-provider\s+\d+\s+\(appointments\)/);
  assert.match(text, /bad-date\s+\d+\s+\(appointments \d+, insurance_records \d+, invoices \d+, lab_results \d+, patients \d+\)/);
  assert.match(text, /dangling-reference\s+\d+\s+\(appointments \d+, clinical_notes \d+, communication_logs \d+, insurance_records \d+, intake_forms \d+, invoices \d+, lab_results \d+, patient_practices 1, treatment_cases \d+, treatment_procedures \d+\)/);
  assert.match(text, /zoneless-timestamp\s+\d+\s+\(appointments 4, /);
});
