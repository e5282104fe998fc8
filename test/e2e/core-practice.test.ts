import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { parse as parseCsv } from "csv-parse/sync";
import iconv from "iconv-lite";
import { DateTime } from "luxon";
import type { FieldRow } from "../../src/config/mapping-file.js";
import { generateCorePracticeExport, type Manifest } from "../../sandbox/core-practice/index.js";
import type { DataverseSandbox, SeedUser } from "../../sandbox/dataverse/index.js";
import { assertBase64NotesDecoded, assertDirtCaught, assertNoPhi, migrateExport, writtenColumns, type Decision } from "./export-e2e.js";

delete process.env.http_proxy;

type Row = Record<string, string>;
const readCsv = (file: string, encoding = "utf8"): Row[] =>
  parseCsv(iconv.decode(readFileSync(file), encoding), { columns: true, relax_column_count: true, bom: true }) as Row[];

/**
 * What the reviewer decides after `--accept-above 0.8`: proposals that name the wrong field are
 * rejected (what the matcher proposed is listed), flag columns that only say how another column
 * is encoded are left out (transform decodes), the rest accepted.
 */
const wrongProposals: Readonly<Record<string, string>> = {
  "patients.ref_dentist_nm": "patient.suffix", // the referring dentist's name, not a name suffix
  "chart_notes.note_type": "clinicalNote.format", // Progress Note / Perio Chart, not plain/rtf/html
  "providers.hire_dt": "staff.createdAt", // a hire date is not when the record was created
};
const decide = (row: FieldRow): Decision => (wrongProposals[row.source] === row.model || row.source === "chart_notes.is_b64" ? "r" : "a");
/** is_b64 only says how note_txt is stored (transform decodes it): left out, even when the bulk review took it. */
const unconfirm = (row: FieldRow) => row.source === "chart_notes.is_b64";

const sandboxes: DataverseSandbox[] = [];
after(async () => {
  for (const s of sandboxes) await s.close();
});

test("a Core Practice export (YYYYMMDD dates, local timestamps, Windows-1252, base64 notes) migrates end to end: every record accounted for, a clean diff, each planted flaw caught, and a clean rollback", async () => {
  const root = mkdtempSync(join(tmpdir(), "handover-core-practice-"));
  const exportDir = join(root, "export");
  await generateCorePracticeExport({ patients: 300, seed: 11, outDir: exportDir });
  const manifest = JSON.parse(readFileSync(join(exportDir, "manifest.json"), "utf8")) as Manifest;
  // CRM users for the providers; those who left (active_flag No) are disabled users.
  const providers = readCsv(join(exportDir, "providers.csv"));
  const users: SeedUser[] = [
    { internalemailaddress: "crm.admin@example.com", fullname: "CRM Admin", firstname: "CRM", lastname: "Admin", isdisabled: false },
    ...providers.map((p) => ({ internalemailaddress: p.email!, firstname: p.first_nm!, lastname: p.last_nm!, fullname: `${p.first_nm} ${p.last_nm}`, isdisabled: p.active_flag !== "Yes" })),
  ];
  const zone = "America/Chicago";
  const m = await migrateExport({
    name: "ws", root, source: "core-practice", exportDir, users, decide, unconfirm,
    configure: (config) => Object.assign(config.source as Record<string, unknown>, { timezone: zone }),
  });
  sandboxes.push(m.sandbox);
  const v = m.verify;
  assert.equal(v.reconciliation.unexplained, 0);
  assert.equal(v.mismatches, 0);
  assert.equal(v.missingRows, 0);
  assert.ok(v.fieldsChecked > 3000, `${v.fieldsChecked} fields compared`);
  assert.match(m.planText, new RegExp(`local times without an offset are read in ${zone} \\(handover\\.yaml source\\.timezone\\)`));
  assert.match(m.planText, /phone numbers without \+country are read as US \(the vendor profile/);

  // Every planted flaw caught with its code, row and field, or shown not to be an error here.
  const checked = assertDirtCaught(v.reconciliation, manifest.dirt, writtenColumns(m.ws));
  for (const kind of ["bad-email", "bad-phone", "bad-date", "malformed-row", "duplicate-key", "orphan-row", "unknown-provider", "base64-note", "ambiguous-local-time", "missing-file"]) {
    assert.ok((checked[kind] ?? 0) > 0, `no ${kind} in the export to check`);
  }

  const patients = readCsv(join(exportDir, "patients.csv"), "windows-1252");
  const contacts = new Map(m.snapshot.contact!.filter((c) => c.hc_sourcekey).map((c) => [String(c.hc_sourcekey), c]));
  const loaded = (table: string) => v.reconciliation.tables.find((t) => t.table === table)!;
  assert.equal(contacts.size, loaded("patients").loaded + loaded("patients").flagged, "one contact per loaded patient");
  // YYYYMMDD birth dates arrive as dates; names in Windows-1252 arrive as written.
  let births = 0;
  for (const p of patients.slice(0, 80)) {
    const contact = contacts.get(`cp:patients:${p.pat_id}`);
    if (!contact || !/^\d{8}$/.test(p.birth_dt ?? "")) continue;
    assert.ok(String(contact.birthdate).startsWith(`${p.birth_dt!.slice(0, 4)}-${p.birth_dt!.slice(4, 6)}-${p.birth_dt!.slice(6)}`), `patient ${p.pat_id}: YYYYMMDD birth date`);
    births += 1;
  }
  assert.ok(births > 30, "birth dates checked");
  for (const d of manifest.dirt) {
    if (d.kind !== "windows-1252-text") continue;
    const contact = contacts.get(`cp:patients:${d.key}`);
    assert.ok(contact?.[d.column === "first_nm" ? "firstname" : "lastname"] === d.text, `patient ${d.key}: Windows-1252 text arrives as written`);
  }
  // Offset-less office times are read in the configured zone and written as UTC instants.
  const appointments = readCsv(join(exportDir, "appointments.csv"));
  const activities = new Map(m.snapshot.appointment!.filter((a) => a.hc_sourcekey).map((a) => [String(a.hc_sourcekey), a]));
  let starts = 0;
  for (const a of appointments.slice(0, 100)) {
    const activity = activities.get(`cp:appointments:${a.appt_id}`);
    const local = DateTime.fromFormat(a.appt_start_ts ?? "", "yyyy-MM-dd HH:mm:ss", { zone });
    if (!activity || !local.isValid) continue;
    assert.equal(Date.parse(String(activity.scheduledstart)), local.toMillis(), `appointment ${a.appt_id} starts at its ${zone} time`);
    starts += 1;
  }
  assert.ok(starts > 30, "appointment starts checked");
  // base64 note bodies (is_b64 = Yes) arrive decoded.
  assertBase64NotesDecoded(m.snapshot.annotation!, manifest.dirt, readCsv(join(exportDir, "chart_notes.csv")), { prefix: "cp:chart_notes", id: "note_id", text: "note_txt" });
  // contact_pref is multi-select ("Email;Text") and the model's preferred contact method is one
  // choice: a row with two is flagged HO-TRN-001 (the method left out), a row with one loads it.
  const outcome = (row: number) => v.reconciliation.exceptions.some((e) => e.table === "patients" && e.row === row);
  const prefFlags = new Set(v.reconciliation.flags.filter((f) => f.table === "patients" && f.field === "contact_pref").map((f) => f.row));
  let prefs = 0;
  patients.forEach((p, k) => {
    const row = k + 2; // one line per record in patients.csv, after the header
    if (outcome(row) || !p.contact_pref) return;
    assert.equal(prefFlags.has(row), p.contact_pref.includes(";"), `patients row ${row}: contact_pref flagged only with several choices`);
    prefs += 1;
  });
  assert.ok(prefs > 50, "contact preferences checked");
  // The practice's own cust_* columns became custom columns.
  assert.ok([...contacts.values()].some((c) => typeof c.hc_custschoolnm === "string" && c.hc_custschoolnm !== ""), "cust_school_nm migrated");

  // No patient name, email or phone on the terminal; the rollback leaves nothing behind.
  // Names the export also holds as a provider's or a referring dentist's (not patient data; the
  // review shows those columns' samples) prove nothing either way.
  const otherNames = new Set([...providers.map((p) => `${p.first_nm} ${p.last_nm}`), ...patients.map((p) => (p.ref_dentist_nm ?? "").replace(/^Dr\. /, ""))]);
  assertNoPhi(m.output, patients.filter((p) => !otherNames.has(`${p.first_nm} ${p.last_nm}`)).flatMap((p) => [
    { kind: "name", value: `${p.first_nm} ${p.last_nm}` }, { kind: "email", value: p.email ?? "" },
    { kind: "mobile", value: p.cell_ph ?? "" }, { kind: "home phone", value: p.home_ph ?? "" },
  ]));
  assert.equal(m.rollback.failed, 0);
  assert.equal(m.rollback.residue, 0);
  for (const [table, rows] of Object.entries(m.afterRollback)) assert.equal(rows.filter((r) => r.hc_sourcekey).length, 0, `${table} rows left after rollback`);
  assert.ok(m.decided.length > 0, "some rows needed a person");
});
