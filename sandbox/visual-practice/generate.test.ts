import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, readdir, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { generateVisualPracticeExport } from "./generate.js";
import type { CrmUser } from "./crm-users.js";
import type { Manifest } from "./manifest.js";

/** MM/DD/YYYY naming a day that exists (so 02/30 is not one). */
function isRealUsDate(text: string): boolean {
  const match = /^(\d\d)\/(\d\d)\/(\d{4})$/.exec(text);
  if (!match) return false;
  const [m, d, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

async function generate(patients: number, seed: number): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), "vp-gen-"));
  await generateVisualPracticeExport({ patients, seed, outDir, largeFileBytes: 300_000 });
  return outDir;
}

/** Every file under `dir` by its relative path (`files/D00000001.pdf`), sorted. */
async function filesOf(dir: string, prefix = ""): Promise<Record<string, Buffer>> {
  const out: Record<string, Buffer> = {};
  for (const name of (await readdir(dir)).sort()) {
    const path = join(dir, name);
    if ((await stat(path)).isDirectory()) Object.assign(out, await filesOf(path, `${prefix}${name}/`));
    else out[`${prefix}${name}`] = await readFile(path);
  }
  return out;
}

test("the same seed and count give byte-identical files, another seed different ones", async () => {
  const [a, b, c] = await Promise.all([generate(300, 42), generate(300, 42), generate(300, 43)]);
  const [fa, fb, fc] = await Promise.all([filesOf(a), filesOf(b), filesOf(c)]);
  const top = Object.keys(fa).filter((name) => !name.startsWith("files/"));
  assert.deepEqual(top, [
    "appointments.csv", "clinical_notes.csv", "communication_logs.csv", "crm-users.json", "documents.csv", "insurance_carriers.csv",
    "insurance_records.csv", "intake_forms.csv", "invoices.csv", "lab_results.csv", "manifest.json", "patient_practices.csv", "patients.csv",
    "practices.csv", "providers.csv", "treatment_cases.csv", "treatment_procedures.csv",
  ]);
  assert.ok(Object.keys(fa).length - top.length > 40, "the documents' files are there");
  assert.deepEqual(Object.keys(fb), Object.keys(fa));
  for (const name of Object.keys(fa)) assert.ok(fa[name]!.equals(fb[name]!), `${name} differs between runs`);
  for (const name of ["patients.csv", "appointments.csv", "clinical_notes.csv", "documents.csv", "treatment_cases.csv", "invoices.csv", "intake_forms.csv"]) {
    assert.ok(!fa[name]!.equals(fc[name]!), name);
  }
});

test("patients.csv has a BOM and CRLF endings, intake_forms.csv is Windows-1252 with CRLF; the other files are UTF-8, LF, without a BOM", async () => {
  const files = await filesOf(await generate(200, 1));
  assert.deepEqual([...files["patients.csv"]!.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.match(files["patients.csv"]!.toString("utf8", 0, 400), /\r\n/);
  assert.match(files["intake_forms.csv"]!.toString("latin1", 0, 400), /\r\n/);
  assert.notEqual(files["intake_forms.csv"]![0], 0xef);
  for (const name of Object.keys(files).filter((n) => n.endsWith(".csv") && n !== "patients.csv" && n !== "intake_forms.csv")) {
    assert.notEqual(files[name]![0], 0xef);
    assert.doesNotMatch(files[name]!.toString(), /\r/);
  }
});

test("the manifest's dirt is really in the files", async () => {
  const dir = await generate(2000, 7);
  const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as Manifest;
  const table = async (name: string) => {
    const rows = parse(await readFile(join(dir, `${name}.csv`)), { bom: true, relax_column_count: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
    const header = rows[0]!.record;
    // info.lines is the record's last line; the generator's multi-line field spans one extra line.
    return rows.slice(1).map(({ record, info }) => ({ values: Object.fromEntries(header.map((h, i) => [h, record[i] ?? ""])), fields: record.length, end: info.lines }));
  };
  const patients = await table("patients");
  const links = await table("patient_practices");
  const practiceIds = new Set((await table("practices")).map((p) => p.values["PracticeID"]));
  const users = JSON.parse(await readFile(join(dir, "crm-users.json"), "utf8")) as CrmUser[];
  const providers = await table("providers");
  const userFor = (providerId: string) => {
    const email = providers.find((p) => p.values["ProviderID"] === providerId)?.values["ProvEmail"]?.toLowerCase();
    return users.filter((u) => u.internalemailaddress.toLowerCase() === email);
  };
  const atRow = (row: number) => patients.find((p) => p.end === row || (p.values["MedicalAlerts"]?.includes("\n") && p.end - 1 === row));

  const kinds = new Set(manifest.dirt.map((d) => d.kind));
  for (const kind of ["duplicate-key", "near-duplicate", "bad-email", "bad-phone", "bad-postcode", "bad-date", "alt-date-format", "no-practice", "several-practices", "unmatched-provider-email", "inactive-crm-user", "malformed-row", "dangling-reference", "multiline-field", "no-npi", "end-before-start", "no-provider", "long-note", "empty-note", "large-file", "missing-file"]) {
    assert.ok(kinds.has(kind as never), `no ${kind} planted`);
  }
  assert.equal(manifest.dirt.filter((d) => d.kind === "malformed-row").length, 2);
  assert.equal(manifest.dirt.filter((d) => d.kind === "inactive-crm-user").length, 1);
  assert.equal(manifest.dirt.filter((d) => d.kind === "unmatched-provider-email").length, 2);
  assert.equal(manifest.files["patients.csv"]?.rows, patients.length);

  for (const d of manifest.dirt) {
    // The other tables' dirt has its own tests (appointments.test.ts, care-tables.test.ts and so on).
    if ("table" in d && !["patients", "patient_practices", "practices"].includes(d.table)) continue;
    switch (d.kind) {
      case "duplicate-key":
        assert.deepEqual(d.rows.map((row) => atRow(row)?.values["PatientID"]), [d.key, d.key]);
        break;
      case "near-duplicate": {
        const [a, b] = d.keys.map((key) => patients.find((p) => p.values["PatientID"] === key)?.values);
        assert.deepEqual([a?.["PatFirstName"], a?.["PatLastName"], a?.["DOB"]], [b?.["PatFirstName"], b?.["PatLastName"], b?.["DOB"]]);
        break;
      }
      case "bad-email":
        assert.doesNotMatch(atRow(d.row)?.values[d.column] ?? "", /^[^@\s]+@[^@\s]+\.[a-z]+$/);
        break;
      case "bad-phone":
        assert.doesNotMatch(atRow(d.row)?.values[d.column] ?? "", /^\(\d{3}\) 555-01\d\d$/);
        break;
      case "bad-date":
        assert.ok(!isRealUsDate(atRow(d.row)?.values[d.column] ?? ""));
        break;
      case "bad-postcode":
        assert.doesNotMatch(atRow(d.row)?.values[d.column] ?? "", /^\d{5}$/);
        break;
      case "custom-column":
        assert.ok(d.column.startsWith("Custom_") && d.column in patients[0]!.values, d.column);
        break;
      case "alt-date-format":
        assert.match(atRow(d.row)?.values[d.column] ?? "", /^\d{4}-\d\d-\d\d$/);
        break;
      case "multiline-field":
        assert.match(atRow(d.row)?.values[d.column] ?? "", /\n/);
        break;
      case "malformed-row":
        assert.equal(atRow(d.row)?.fields, 26);
        break;
      case "no-practice":
        assert.equal(links.filter((l) => l.values["PatientID"] === d.key).length, 0);
        break;
      case "several-practices": {
        const mine = links.filter((l) => l.values["PatientID"] === d.key);
        assert.equal(mine.length, d.count);
        assert.equal(new Set(mine.map((l) => l.values["LastModified"])).size, d.count);
        break;
      }
      case "dangling-reference":
        assert.equal(links[d.row - 2]?.values["LinkID"], d.key);
        assert.ok(!practiceIds.has(links[d.row - 2]?.values[d.column]));
        break;
      case "unmatched-provider-email":
        assert.equal(userFor(d.key).length, 0);
        break;
      case "inactive-crm-user":
        assert.equal(userFor(d.key)[0]?.isdisabled, true);
        break;
      default:
        break;
    }
  }
  assert.equal(users.filter((u) => u.isdisabled).length, 1);
});

test("bad options are usage errors", async () => {
  await assert.rejects(generateVisualPracticeExport({ patients: 0, seed: 1, outDir: tmpdir() }), /--patients/);
  await assert.rejects(generateVisualPracticeExport({ patients: 10, seed: 1.5, outDir: tmpdir() }), /--seed/);
  await assert.rejects(generateVisualPracticeExport({ patients: 10, seed: 1, outDir: tmpdir(), largeFileBytes: 0 }), /largeFileBytes/);
});
