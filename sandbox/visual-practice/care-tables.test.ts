import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writtenTable, type WrittenTable } from "../core-practice/written-table.js";
import { generateVisualPracticeExport } from "./generate.js";
import type { Manifest } from "./manifest.js";
import { carrierColumns, insuranceColumns } from "./insurance.js";
import { treatmentCaseColumns, treatmentProcedureColumns } from "./treatment-cases.js";
import { invoiceColumns } from "./invoices.js";
import { communicationColumns } from "./communication-logs.js";
import { intakeFormColumns } from "./intake-forms.js";
import { labResultColumns } from "./lab-results.js";

/** The brief's objects beyond the ones the model holds: their files, columns and dirt. */
const careTables = {
  insurance_carriers: carrierColumns,
  insurance_records: insuranceColumns,
  treatment_cases: treatmentCaseColumns,
  treatment_procedures: treatmentProcedureColumns,
  invoices: invoiceColumns,
  communication_logs: communicationColumns,
  intake_forms: intakeFormColumns,
  lab_results: labResultColumns,
} as const;

async function generated() {
  const dir = await mkdtemp(join(tmpdir(), "vp-care-"));
  await generateVisualPracticeExport({ patients: 2000, seed: 7, outDir: dir, largeFileBytes: 300_000 });
  const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as Manifest;
  const tables = new Map<string, WrittenTable>();
  for (const [file, summary] of Object.entries(manifest.files)) tables.set(file.replace(/\.csv$/, ""), await writtenTable(dir, file, { encoding: summary.encoding }));
  return { manifest, table: (name: string) => tables.get(name)! };
}

const shared = generated();

/** MM/DD/YYYY naming a day that exists (02/30 is not one). */
function isUsDate(text: string): boolean {
  const match = /^(\d\d)\/(\d\d)\/(\d{4})$/.exec(text);
  if (!match) return false;
  const [m, d, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
const usTimestamp = /^(0[1-9]|1[0-2])\/(0[1-9]|[12]\d|3[01])\/\d{4} ([01]\d|2[0-3]):[0-5]\d$/;
const money = /^-?\d+\.\d\d$/;
const procedureCode = /^(D\d{4}|\d{5})$/;
const keyOf: Record<string, string> = {
  insurance_carriers: "CarrierID", insurance_records: "InsuranceID", treatment_cases: "CaseID", treatment_procedures: "ProcedureID",
  invoices: "InvoiceID", communication_logs: "CommID", intake_forms: "FormID", lab_results: "LabResultID",
};

test("each new table has its columns, the manifest's counts and shape, and plausible volumes for 2,000 patients", async () => {
  const { manifest, table } = await shared;
  const expected: Record<string, readonly [number, number]> = {
    insurance_carriers: [11, 11], insurance_records: [1300, 1900], treatment_cases: [550, 900], treatment_procedures: [1300, 2400],
    invoices: [3800, 6000], communication_logs: [3000, 5500], intake_forms: [1300, 2000], lab_results: [550, 1000],
  };
  for (const [name, columns] of Object.entries(careTables)) {
    const t = table(name);
    assert.deepEqual(t.header, [...columns], `${name} header`);
    assert.equal(t.rows.length, manifest.files[`${name}.csv`]?.rows, `${name} rows`);
    const [min, max] = expected[name]!;
    assert.ok(t.rows.length >= min && t.rows.length <= max, `${t.rows.length} ${name}`);
  }
  assert.deepEqual(manifest.files["intake_forms.csv"], { ...manifest.files["intake_forms.csv"], encoding: "windows-1252", lineEnding: "crlf", bom: false });
});

test("every planted value is in its table at the row and column the manifest names", async () => {
  const { manifest, table } = await shared;
  const keys = (name: string, column: string) => new Set(table(name).rows.map((r) => r.values[column]));
  const parents: Record<string, Set<string | undefined>> = {
    PatientID: keys("patients", "PatientID"), CarrierID: keys("insurance_carriers", "CarrierID"), CaseID: keys("treatment_cases", "CaseID"),
    DocID: keys("documents", "DocID"), ProviderID: keys("providers", "ProviderID"), OrderingProviderID: keys("providers", "ProviderID"),
  };
  const providers = new Map(table("providers").rows.map((r) => [r.values["ProviderID"], r.values]));
  const carriers = new Map(table("insurance_carriers").rows.map((r) => [r.values["CarrierID"], r.values["CarrierName"]]));
  const seen = new Set<string>();
  for (const d of manifest.dirt) {
    if (!("table" in d) || !(d.table in careTables)) continue;
    seen.add(d.kind);
    const where = `${d.kind} ${d.table} ${"row" in d ? d.row : ""}`;
    const row = "row" in d ? table(d.table).at(d.row) : undefined;
    if ("row" in d && "key" in d) assert.equal(row?.values[keyOf[d.table]!], d.key, `${where}: key`);
    const value = "column" in d ? row?.values[d.column] : undefined;
    switch (d.kind) {
      case "dangling-reference":
        assert.equal(value, d.value, where);
        assert.ok(!parents[d.column]?.has(d.value), `${where}: ${d.value} exists`);
        break;
      case "inactive-provider":
        assert.equal(value, d.value, where);
        assert.equal(providers.get(d.value)?.["Active"], "N", where);
        assert.ok(["Open", "Accepted"].includes(row?.values["CaseOutcome"] ?? ""), `${where}: a live case`);
        break;
      case "bad-amount":
        assert.equal(value, d.value, where);
        assert.doesNotMatch(d.value, money, where);
        break;
      case "bad-code":
        assert.equal(value, d.value, where);
        assert.doesNotMatch(d.value, procedureCode, where);
        break;
      case "bad-date":
        assert.ok(!isUsDate(value ?? ""), where);
        break;
      case "alt-date-format":
        assert.match(value ?? "", d.column === "SentDate" ? /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/ : /^\d{4}-\d\d-\d\d$/, where);
        break;
      case "end-before-start": {
        const [start, end] = [row?.values["CoverageStart"] ?? "", value ?? ""].map((t) => Date.parse(`${t.slice(6)}-${t.slice(0, 2)}-${t.slice(3, 5)}`));
        assert.ok(end! < start!, where);
        break;
      }
      case "name-variant":
        assert.equal(value, d.value, where);
        assert.notEqual(d.value, carriers.get(row?.values["CarrierID"]), where);
        assert.equal(carriers.get(row?.values["CarrierID"]), d.canonical, where);
        break;
      case "base64-note": {
        assert.equal(row?.values[d.flagColumn], "Base64", where);
        const decoded = Buffer.from(value ?? "", "base64").toString("utf8");
        assert.equal(Buffer.from(decoded, "utf8").toString("base64"), value, where);
        assert.ok(decoded.length > 20, where);
        break;
      }
      case "bad-phone":
        assert.doesNotMatch(value ?? "", /^\(\d{3}\) 555-01\d\d$/, where);
        break;
      case "windows-1252-text":
        assert.equal(value, d.text, where);
        assert.match(d.text, /[^\x20-\x7e]/, where);
        break;
      case "duplicate-key":
        assert.deepEqual(d.rows.map((r) => table(d.table).at(r)?.values[keyOf[d.table]!]), [d.key, d.key], where);
        break;
      case "near-duplicate": {
        const [a, b] = d.keys.map((key) => table(d.table).rows.find((r) => r.values[keyOf[d.table]!] === key)?.values);
        assert.ok(a && b, where);
        const same = d.table === "invoices" ? "InvoiceNumber" : "PayerID";
        assert.equal(a[same], b[same], `${where}: same ${same}`);
        assert.notDeepEqual({ ...a, [keyOf[d.table]!]: "" }, { ...b, [keyOf[d.table]!]: "" }, `${where}: a small difference`);
        break;
      }
      case "custom-column":
        assert.ok(d.column.startsWith("Custom_") && table(d.table).header.includes(d.column), where);
        break;
      case "multi-select":
        assert.ok(table(d.table).rows.some((r) => r.values[d.column]!.includes(d.separator)), where);
        break;
      case "zoneless-timestamp": {
        const alt = new Set(manifest.dirt.flatMap((x) => (x.kind === "alt-date-format" && x.table === d.table && x.column === d.column ? [x.row] : [])));
        assert.ok(table(d.table).rows.every((r) => alt.has(r.line) || /^(\d\d\/\d\d\/\d{4} \d\d:\d\d)?$/.test(r.values[d.column] ?? "")), where);
        break;
      }
      default:
        assert.fail(`unchecked ${where}`);
    }
  }
  for (const kind of ["dangling-reference", "inactive-provider", "bad-amount", "bad-code", "bad-date", "alt-date-format", "end-before-start", "name-variant", "base64-note", "bad-phone", "windows-1252-text", "duplicate-key", "near-duplicate", "custom-column", "multi-select", "zoneless-timestamp"]) {
    assert.ok(seen.has(kind), `no ${kind} planted in the new tables`);
  }
});

test("outside the planted rows every reference resolves, every code, amount and date has its shape", async () => {
  const { manifest, table } = await shared;
  const planted = new Set(manifest.dirt.flatMap((d) => ("row" in d && "table" in d ? [`${d.table}:${d.row}`] : [])));
  const duplicated = new Set(manifest.dirt.flatMap((d) => (d.kind === "duplicate-key" ? d.rows.map((r) => `${d.table}:${r}`) : [])));
  const clean = (name: string) => table(name).rows.filter((r) => !planted.has(`${name}:${r.line}`) && !duplicated.has(`${name}:${r.line}`));
  const has = (name: string, column: string) => { const set = new Set(table(name).rows.map((r) => r.values[column])); return (v: string | undefined) => set.has(v); };
  const patient = has("patients", "PatientID");
  const provider = has("providers", "ProviderID");
  const activeProvider = new Set(table("providers").rows.filter((r) => r.values["Active"] === "Y").map((r) => r.values["ProviderID"]));
  const check = (name: string, rule: (v: Readonly<Record<string, string>>) => boolean, what: string) => {
    const bad = clean(name).filter((r) => !rule(r.values));
    assert.equal(bad.length, 0, `${name}: ${what} (rows ${bad.slice(0, 5).map((r) => r.line).join(", ")})`);
  };
  for (const name of ["insurance_records", "treatment_cases", "treatment_procedures", "invoices", "communication_logs", "intake_forms", "lab_results"]) check(name, (v) => patient(v["PatientID"]), "PatientID resolves");
  check("insurance_records", (v) => has("insurance_carriers", "CarrierID")(v["CarrierID"]) && isUsDate(v["CoverageStart"]!), "carrier and start date");
  check("treatment_cases", (v) => provider(v["ProviderID"]) && money.test(v["EstimatedValue"]!) && v["ProcedureCodes"]!.split(";").every((c) => procedureCode.test(c)), "provider, value, codes");
  check("treatment_cases", (v) => !["Open", "Accepted"].includes(v["CaseOutcome"]!) || activeProvider.has(v["ProviderID"]), "a live case has an active provider");
  check("treatment_procedures", (v) => has("treatment_cases", "CaseID")(v["CaseID"]) && procedureCode.test(v["ProcCode"]!) && money.test(v["Fee"]!), "case, code, fee");
  check("invoices", (v) => money.test(v["InvoiceAmount"]!) && isUsDate(v["InvoiceDate"]!) && has("appointments", "ApptID")(v["ApptID"]), "amount, date, visit");
  check("communication_logs", (v) => usTimestamp.test(v["SentDate"]!) && v["BodyEncoding"] === "", "plain body, US timestamp");
  check("lab_results", (v) => provider(v["OrderingProviderID"]) && (v["DocID"] === "" || has("documents", "DocID")(v["DocID"])), "provider and report");
  check("intake_forms", (v) => /^[\x20-\x7e]*$/.test(v["EmergencyContactName"]!), "names ASCII unless planted as windows-1252-text");
  const numbers = table("invoices").rows.map((r) => r.values["InvoiceNumber"]);
  const twins = manifest.dirt.filter((d) => d.kind === "near-duplicate" && d.table === "invoices").length;
  assert.equal(new Set(numbers).size, numbers.length - twins, "an invoice number repeats only for the planted near-duplicates");
});

test("a case's outcome, closing date and codes agree with its procedures", async () => {
  const { table } = await shared;
  const cases = table("treatment_cases").rows;
  assert.deepEqual([...new Set(cases.map((r) => r.values["CaseOutcome"]))].sort(), ["Accepted", "Completed", "Declined", "Open"]);
  for (const r of cases) {
    const closed = r.values["ClosedDate"] !== "";
    assert.equal(closed, ["Completed", "Declined"].includes(r.values["CaseOutcome"]!), `${r.values["CaseID"]}: ClosedDate`);
  }
  const byCase = new Map<string, string[]>();
  for (const p of table("treatment_procedures").rows) byCase.set(p.values["CaseID"]!, [...(byCase.get(p.values["CaseID"]!) ?? []), p.values["ProcCode"]!]);
  const matching = cases.filter((r) => (byCase.get(r.values["CaseID"]!) ?? []).join(";") === r.values["ProcedureCodes"]).length;
  assert.ok(matching > cases.length * 0.9, `${matching} of ${cases.length} cases list their procedures' codes`);
});
