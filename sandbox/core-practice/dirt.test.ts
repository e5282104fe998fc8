import { test } from "node:test";
import assert from "node:assert/strict";
import { access, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { generateCorePracticeExport } from "./generate.js";
import type { Dirt, DirtKind, Manifest } from "./manifest.js";
import { writtenTable, type WrittenTable } from "./written-table.js";

async function generated() {
  const dir = await mkdtemp(join(tmpdir(), "cp-dirt-"));
  await generateCorePracticeExport({ patients: 2000, seed: 7, outDir: dir });
  const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as Manifest;
  const tables = new Map<string, WrittenTable>();
  for (const [file, summary] of Object.entries(manifest.files)) {
    tables.set(file.replace(/\.csv$/, ""), await writtenTable(dir, file, { encoding: summary.encoding }));
  }
  return { dir, manifest, table: (name: string) => tables.get(name)! };
}

const shared = generated();

const allKinds: readonly DirtKind[] = [
  "duplicate-key", "near-duplicate", "bad-email", "bad-phone", "bad-postcode", "bad-date", "alt-date-format",
  "windows-1252-text", "name-variant", "malformed-row", "orphan-row", "unknown-provider", "inactive-provider", "long-note",
  "base64-note", "ambiguous-local-time", "missing-file", "custom-column", "zoneless-timestamp", "formatted-amount", "multi-select",
  "bad-code", "bad-amount",
];

/** YYYYMMDD naming a day that exists. */
function isRealYmd(text: string): boolean {
  const match = /^(\d{4})(\d\d)(\d\d)$/.exec(text);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return y > 1800 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const isRealTimestamp = (text: string) => /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(text) && isRealYmd(text.slice(0, 10).replace(/-/g, "")) && Number(text.slice(11, 13)) < 24;

test("a 2,000-patient export plants every kind of dirt the manifest knows", async () => {
  const { manifest } = await shared;
  const kinds = new Set(manifest.dirt.map((d) => d.kind));
  for (const kind of allKinds) assert.ok(kinds.has(kind), `no ${kind} planted`);
  assert.ok(!kinds.has("large-file"), "large files only when asked for");
  assert.equal(manifest.dirt.filter((d) => d.kind === "malformed-row").length, 2);
});

test("each planted value is in the file at the row and column the manifest names", async () => {
  const { dir, manifest, table } = await shared;
  const patientsRaw = await readFile(join(dir, "patients.csv"));
  const providers = new Map(table("providers").rows.map((r) => [r.values["prov_id"], r.values]));
  const patientKeys = new Set(table("patients").rows.map((r) => r.values["pat_id"]));
  const planKeys = new Set(table("tx_plans").rows.map((r) => r.values["plan_id"]));
  const parents: Record<string, Set<string | undefined>> = { pat_id: patientKeys, plan_id: planKeys };
  const value = (d: Dirt & { row: number; column: string }) => table(d.table).at(d.row)?.values[d.column];
  const money = /^\(?\$\d{1,3}(,\d{3})*\.\d\d\)?$/;
  const badAmounts = new Set(manifest.dirt.flatMap((d) => (d.kind === "bad-amount" ? [`${d.table}:${d.column}:${d.row}`] : [])));

  for (const d of manifest.dirt) {
    const where = `${d.kind} ${"table" in d ? d.table : ""} ${"row" in d ? d.row : ""}`;
    switch (d.kind) {
      case "duplicate-key":
        assert.deepEqual(d.rows.map((row) => table(d.table).at(row)?.values["pat_id"]), [d.key, d.key], where);
        break;
      case "near-duplicate": {
        const [a, b] = d.keys.map((key) => table(d.table).rows.find((r) => r.values["pat_id"] === key)?.values);
        assert.deepEqual([a?.["first_nm"], a?.["last_nm"], a?.["birth_dt"]], [b?.["first_nm"], b?.["last_nm"], b?.["birth_dt"]], where);
        break;
      }
      case "bad-email":
        assert.doesNotMatch(value(d) ?? "", /^[^@\s]+@[^@\s]+\.[a-z]+$/, where);
        break;
      case "bad-phone":
        assert.doesNotMatch(value(d) ?? "", /^\d{3}55501\d\d$/, where);
        break;
      case "bad-postcode":
        assert.doesNotMatch(value(d) ?? "", /^\d{5}(-\d{4})?$/, where);
        break;
      case "bad-date":
        assert.ok(!isRealYmd(value(d) ?? "") && !isRealTimestamp(value(d) ?? ""), where);
        break;
      case "alt-date-format": {
        const pattern = { "MM/DD/YYYY": /^\d\d\/\d\d\/\d{4}$/, "YYYY-MM-DD": /^\d{4}-\d\d-\d\d$/, "M/D/YY": /^\d{1,2}\/\d{1,2}\/\d\d$/ }[d.format];
        assert.match(value(d) ?? "", pattern ?? /^$/, where);
        break;
      }
      case "windows-1252-text":
        assert.equal(value(d), d.text, where);
        assert.match(d.text, /[^\x00-\x7f]/, where);
        assert.ok(patientsRaw.includes(iconv.encode(d.text, "win1252")), `${where}: encoded as Windows-1252`);
        assert.ok(!patientsRaw.includes(Buffer.from(d.text, "utf8")) || /^[\x00-\x7f]*$/.test(d.text), `${where}: not as UTF-8`);
        break;
      case "name-variant":
        assert.equal(value(d), d.value, where);
        assert.notEqual(d.value, d.canonical, where);
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
        assert.ok(!providers.has(d.value), where);
        break;
      case "inactive-provider":
        assert.equal(value(d), d.value, where);
        assert.equal(providers.get(d.value)?.["active_flag"], "No", where);
        break;
      case "long-note":
        assert.equal(value(d)?.length, d.length, where);
        assert.ok(d.length > 32_768, where);
        break;
      case "base64-note": {
        const text = value(d) ?? "";
        assert.equal(table(d.table).at(d.row)?.values[d.flagColumn], "Yes", where);
        assert.match(text, /^[A-Za-z0-9+/]+=*$/, where);
        assert.equal(Buffer.from(Buffer.from(text, "base64").toString("utf8"), "utf8").toString("base64"), text, where);
        break;
      }
      case "ambiguous-local-time":
        assert.equal(value(d), d.value, where);
        break;
      case "missing-file":
        assert.equal(value(d), d.path.replace("/", "\\"), where);
        await assert.rejects(access(join(dir, d.path)), where);
        break;
      case "custom-column":
        assert.ok(table(d.table).header.includes(d.column) && d.column.startsWith("cust_"), where);
        break;
      case "zoneless-timestamp":
        for (const row of table(d.table).rows) assert.doesNotMatch(row.values[d.column] ?? "", /(Z|[+-]\d\d:?\d\d)$/, where);
        assert.ok(table(d.table).rows.some((r) => isRealTimestamp(r.values[d.column] ?? "")), where);
        break;
      case "formatted-amount":
        for (const row of table(d.table).rows.filter((r) => !badAmounts.has(`${d.table}:${d.column}:${r.line}`))) {
          assert.match(row.values[d.column] ?? "", money, where);
        }
        break;
      case "bad-amount":
        assert.equal(value(d), d.value, where);
        assert.doesNotMatch(d.value, money, where);
        break;
      case "bad-code":
        assert.equal(value(d), d.value, where);
        assert.doesNotMatch(d.value, /^D\d{4}$/, where);
        break;
      case "multi-select":
        assert.ok(table(d.table).rows.some((r) => r.values[d.column]?.includes(d.separator)), where);
        break;
      default:
        assert.fail(`unchecked ${d.kind}`);
    }
  }
});

test("references point nowhere, or at a provider who left, only where the manifest says so", async () => {
  const { manifest, table } = await shared;
  const patientKeys = new Set(table("patients").rows.map((r) => r.values["pat_id"]));
  const providers = new Map(table("providers").rows.map((r) => [r.values["prov_id"], r.values["active_flag"]]));
  const planted = (kind: DirtKind, name: string, column: string) =>
    manifest.dirt.flatMap((d) => (d.kind === kind && "row" in d && d.table === name && "column" in d && d.column === column ? [d.row] : [])).sort((a, b) => a - b);
  const found = (name: string, predicate: (values: Readonly<Record<string, string>>) => boolean) =>
    table(name).rows.filter((r) => r.fields.length === table(name).header.length && predicate(r.values)).map((r) => r.line);

  for (const name of ["appointments", "insurance", "chart_notes", "ledger", "documents"]) {
    assert.deepEqual(found(name, (v) => !patientKeys.has(v["pat_id"])), planted("orphan-row", name, "pat_id"), `${name} orphans`);
  }
  for (const [name, column] of [["patients", "prim_prov_id"], ["appointments", "prov_id"], ["chart_notes", "prov_id"]] as const) {
    assert.deepEqual(found(name, (v) => !providers.has(v[column])), planted("unknown-provider", name, column), `${name} unknown providers`);
  }
  assert.deepEqual(found("appointments", (v) => ["Sched", "Conf"].includes(v["status"]!) && providers.get(v["prov_id"]) === "No"), planted("inactive-provider", "appointments", "prov_id"));
  assert.ok(planted("orphan-row", "tx_procedures", "plan_id").length > 0);
});
