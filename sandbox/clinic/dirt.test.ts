import { test } from "node:test";
import assert from "node:assert/strict";
import { access, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Manifest } from "../core-practice/manifest.js";
import { writtenTable, type WrittenTable } from "../core-practice/written-table.js";
import { clinicFiles, clinicTableOf, generateClinicExport } from "./generate.js";
import type { Dirt, DirtKind } from "./manifest.js";
import { payers, referringPractices } from "./care-lists.js";

async function generated() {
  const dir = await mkdtemp(join(tmpdir(), "clinic-dirt-"));
  await generateClinicExport({ patients: 2000, seed: 7, outDir: dir });
  const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as Manifest<Dirt>;
  const tables = new Map<string, WrittenTable>();
  for (const [file, shape] of Object.entries(clinicFiles)) {
    tables.set(clinicTableOf[file as keyof typeof clinicFiles], await writtenTable(dir, file, { delimiter: shape.delimiter, encoding: shape.encoding }));
  }
  return { dir, manifest, table: (name: string) => tables.get(name)! };
}

const shared = generated();

const allKinds: readonly DirtKind[] = [
  "duplicate-key", "near-duplicate", "bad-email", "bad-phone", "bad-postcode", "bad-date", "alt-date-format", "name-order",
  "mixed-separators", "malformed-row", "orphan-row", "unknown-provider", "inactive-provider", "long-note", "base64-note",
  "missing-file", "custom-column", "zoneless-timestamp", "formatted-amount", "multi-select", "bad-code", "bad-amount", "windows-1252-text",
  "name-variant",
];

/** A table's key column, for the dirt that names rows by key. */
const keyOf: Record<string, string> = { clients: "Client ID", insurance: "Policy ID" };
/** Money as the clinic prints it: "$1,234.50", credits in accounting parentheses "($5.00)". */
const money = /^(\$\d{1,3}(,\d{3})*\.\d\d|\(\$\d{1,3}(,\d{3})*\.\d\d\))$/;
const icd10 = /^[A-Z]\d\d(\.\d{1,2})?$/;

function isRealAuDate(text: string): boolean {
  const match = /^(\d\d)\/(\d\d)\/(\d{4})$/.exec(text);
  if (!match) return false;
  const [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return y > 1800 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

test("a 2,000-client export plants every kind of dirt the manifest knows", async () => {
  const { manifest } = await shared;
  const kinds = new Set(manifest.dirt.map((d) => d.kind));
  for (const kind of allKinds) assert.ok(kinds.has(kind), `no ${kind} planted`);
  assert.ok(!kinds.has("large-file"), "large files only when asked for");
});

test("each planted value is in the file at the row and column the manifest names", async () => {
  const { dir, manifest, table } = await shared;
  const staff = new Map(table("staff").rows.map((r) => [r.values["Staff ID"], r.values["Status"]]));
  const parents: Record<string, Set<string | undefined>> = {
    "Client ID": new Set(table("clients").rows.map((r) => r.values["Client ID"])),
    "Clinic ID": new Set(table("clinics").rows.map((r) => r.values["Clinic ID"])),
    "Booking ID": new Set(table("bookings").rows.map((r) => r.values["Booking ID"])),
    "Invoice No": new Set(table("invoices").rows.map((r) => r.values["Invoice No"])),
  };
  const amountPlanted = new Set(manifest.dirt.flatMap((d) => (d.kind === "bad-amount" ? [`${d.table}:${d.column}:${d.row}`] : [])));
  const value = (d: { table: string; row: number; column: string }) => table(d.table).at(d.row)?.values[d.column];
  const wellFormed = (name: string) => table(name).rows.filter((r) => r.fields.length === table(name).header.length);

  for (const d of manifest.dirt) {
    const where = `${d.kind} ${"table" in d ? d.table : ""} ${"row" in d ? d.row : ""}`;
    switch (d.kind) {
      case "duplicate-key":
        assert.deepEqual(d.rows.map((row) => table(d.table).at(row)?.values["Client ID"]), [d.key, d.key], where);
        break;
      case "near-duplicate": {
        const [a, b] = d.keys.map((key) => table(d.table).rows.find((r) => r.values[keyOf[d.table]!] === key)?.values);
        if (d.table === "insurance") {
          assert.equal(a?.["Policy No."], b?.["Policy No."], `${where}: one policy`);
          assert.notEqual(a?.["Checked On"], b?.["Checked On"], `${where}: checked again`);
          break;
        }
        assert.equal(a?.["D.O.B."], b?.["D.O.B."], where);
        assert.notEqual(a?.["Full Name"], b?.["Full Name"], `${where}: the name is typed another way`);
        const words = (name = "") => name.toLowerCase().replace(",", "").split(" ").sort().join(" ");
        assert.equal(words(a?.["Full Name"]), words(b?.["Full Name"]), where);
        break;
      }
      case "bad-email":
        assert.doesNotMatch(value(d) ?? "", /^[^@\s]+@[^@\s]+\.[a-z.]+$/, where);
        break;
      case "bad-phone":
        assert.doesNotMatch(value(d) ?? "", /^(0491 57\d \d{3}|\+61 491 57\d \d{3})$/, where);
        break;
      case "bad-postcode":
        assert.doesNotMatch(value(d) ?? "", /^\d{4}$/, where);
        break;
      case "bad-date":
        assert.ok(!isRealAuDate(value(d) ?? ""), where);
        break;
      case "alt-date-format":
        assert.match(value(d) ?? "", { "YYYY-MM-DD": /^\d{4}-\d\d-\d\d$/, "D/M/YY": /^\d{1,2}\/\d{1,2}\/\d\d$/, "D MMM YYYY": /^\d{1,2} [A-Z][a-z]{2} \d{4}$/ }[d.format]!, where);
        break;
      case "bad-code":
        assert.equal(value(d), d.value, where);
        assert.ok(d.value.split(";").some((code) => !icd10.test(code)), where);
        break;
      case "bad-amount":
        assert.equal(value(d), d.value, where);
        assert.doesNotMatch(d.value, money, where);
        break;
      case "windows-1252-text":
        assert.equal(value(d), d.text, where);
        assert.match(d.text, /[^\x20-\x7e]/, where);
        break;
      case "name-variant": {
        assert.equal(value(d), d.value, where);
        assert.notEqual(d.value, d.canonical, where);
        const variants = d.table === "insurance" ? payers[d.canonical]?.variants : referringPractices.find((p) => p.name === d.canonical)?.variants;
        assert.ok(variants?.includes(d.value as never), `${where}: another spelling of ${d.canonical}`);
        break;
      }
      case "name-order":
        assert.match(value(d) ?? "", d.form === "last-first" ? /^[^,]+, / : /^(Dr|Mr|Mrs|Ms|Miss) /, where);
        break;
      case "mixed-separators":
        assert.ok((value(d) ?? "").includes(";") && (value(d) ?? "").includes(","), where);
        break;
      case "malformed-row":
        assert.equal(table(d.table).at(d.row)?.fields.length, table(d.table).header.length + 1, where);
        break;
      case "orphan-row":
        assert.equal(value(d), d.value, where);
        assert.ok(!parents[d.column]?.has(d.value), `${where}: parent exists`);
        break;
      case "unknown-provider":
        assert.equal(value(d), d.value, where);
        assert.ok(!staff.has(d.value), where);
        break;
      case "inactive-provider":
        assert.equal(value(d), d.value, where);
        assert.equal(staff.get(d.value), "Inactive", where);
        break;
      case "long-note":
        assert.equal(value(d)?.length, d.length, where);
        assert.ok(d.length > 32_768, where);
        break;
      case "base64-note": {
        const text = value(d) ?? "";
        assert.equal(table(d.table).at(d.row)?.values[d.flagColumn], "base64", where);
        assert.equal(Buffer.from(Buffer.from(text, "base64").toString("utf8"), "utf8").toString("base64"), text, where);
        break;
      }
      case "missing-file":
        assert.equal(value(d), d.path, where);
        await assert.rejects(access(join(dir, d.path)), where);
        break;
      case "custom-column":
        assert.ok(table(d.table).header.includes(d.column) && d.column.startsWith("Custom: "), where);
        break;
      case "zoneless-timestamp":
        assert.ok(wellFormed(d.table).every((r) => /^(\d\d\/\d\d\/\d{4} \d\d:\d\d)?$/.test(r.values[d.column] ?? "")), where);
        break;
      case "formatted-amount":
        assert.ok(table(d.table).rows.every((r) => amountPlanted.has(`${d.table}:${d.column}:${r.line}`) || money.test(r.values[d.column] ?? "")), where);
        break;
      case "multi-select":
        assert.ok(table(d.table).rows.some((r) => r.values[d.column]?.includes(d.separator)), where);
        break;
      default:
        assert.fail(`unchecked ${d.kind}`);
    }
  }
});

test("references point nowhere, or at someone who left, only where the manifest says so", async () => {
  const { manifest, table } = await shared;
  const clientKeys = new Set(table("clients").rows.map((r) => r.values["Client ID"]));
  const staff = new Map(table("staff").rows.map((r) => [r.values["Staff ID"], r.values["Status"]]));
  const planted = (kind: DirtKind, name: string, column: string) =>
    manifest.dirt.flatMap((d) => (d.kind === kind && "row" in d && d.table === name && "column" in d && d.column === column ? [d.row] : [])).sort((a, b) => a - b);
  const found = (name: string, predicate: (values: Readonly<Record<string, string>>) => boolean) =>
    table(name).rows.filter((r) => r.fields.length === table(name).header.length && predicate(r.values)).map((r) => r.line);

  for (const name of ["bookings", "notes", "invoices", "attachments", "insurance", "prescriptions", "referrals"]) {
    assert.deepEqual(found(name, (v) => !clientKeys.has(v["Client ID"])), planted("orphan-row", name, "Client ID"), `${name} orphans`);
  }
  const bookingKeys = new Set(table("bookings").rows.map((r) => r.values["Booking ID"]));
  assert.deepEqual(found("encounters", (v) => !bookingKeys.has(v["Booking ID"])), planted("orphan-row", "encounters", "Booking ID"), "encounters of no booking");
  const invoiceKeys = new Set(table("invoices").rows.map((r) => r.values["Invoice No"]));
  assert.deepEqual(found("claims", (v) => !invoiceKeys.has(v["Invoice No"])), planted("orphan-row", "claims", "Invoice No"), "claims of no invoice");
  assert.deepEqual(found("prescriptions", (v) => !staff.has(v["Prescriber ID"])), planted("unknown-provider", "prescriptions", "Prescriber ID"), "scripts by no one");
  assert.deepEqual(found("prescriptions", (v) => staff.get(v["Prescriber ID"]) === "Inactive"), planted("inactive-provider", "prescriptions", "Prescriber ID"), "scripts by a GP who left");
  for (const [name, column] of [["clients", "Practitioner ID"], ["bookings", "Practitioner ID"]] as const) {
    assert.deepEqual(found(name, (v) => !staff.has(v[column])), planted("unknown-provider", name, column), `${name} unknown`);
    const live = (v: Readonly<Record<string, string>>) => (name === "clients" || ["Booked", "Confirmed"].includes(v["Status"]!)) && staff.get(v[column]) === "Inactive";
    assert.deepEqual(found(name, live), planted("inactive-provider", name, column), `${name} inactive`);
  }
});
