import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { parse as parseCsv } from "csv-parse/sync";
import { DateTime } from "luxon";
import type { FieldRow } from "../../src/config/mapping-file.js";
import { generateClinicExport } from "../../sandbox/clinic/index.js";
import type { Manifest } from "../../sandbox/core-practice/index.js";
import type { DataverseSandbox, SeedUser } from "../../sandbox/dataverse/index.js";
import { assertBase64NotesDecoded, assertDirtCaught, assertNoPhi, migrateExport, writtenColumns, type Decision, type PlantedDirt } from "./export-e2e.js";

delete process.env.http_proxy;

type Row = Record<string, string>;
const readCsv = (file: string, delimiter = ","): Row[] =>
  parseCsv(readFileSync(file, "utf8"), { columns: true, relax_column_count: true, bom: true, delimiter }) as Row[];

/**
 * The reviewer's calls after `--accept-above 0.8`. Proposals naming the wrong field are rejected
 * (listed with what the matcher proposed), whether the bulk review confirmed them or not.
 */
const wrongProposals: Readonly<Record<string, string>> = {
  "clients.Medicare No.": "patient.mrn", // a Medicare card number is not the clinic's record number
  "notes.Encoding": "clinicalNote.title", // says how Note is stored; transform decodes it
  "attachments.Type": "document.category", // the file's type (PDF, JPG), not what the document is
  "staff.Start Date": "staff.createdAt", // a start date is not when the record was created
};
const wrong = (row: FieldRow) => wrongProposals[row.source] === row.model;
/** Every wrong proposal is rejected; "Full Name" ("Jane Smith", "SMITH, Jane", "Dr Jane A. Smith")
 * and the bookings' Date + Time are split/combined by the rules the matcher proposes. */
const unconfirm = wrong;
const decide = (row: FieldRow): Decision => (unconfirm(row) ? "r" : "a");

const sandboxes: DataverseSandbox[] = [];
after(async () => {
  for (const s of sandboxes) await s.close();
});

test("an Australian clinic export (DD/MM/YYYY, local Sydney times, separate booking date and time, AU phones, ;/tab files) migrates end to end with every planted flaw caught, a clean diff and a clean rollback", async () => {
  const root = mkdtempSync(join(tmpdir(), "handover-clinic-"));
  const exportDir = join(root, "export");
  await generateClinicExport({ patients: 300, seed: 12, outDir: exportDir });
  const manifest = JSON.parse(readFileSync(join(exportDir, "manifest.json"), "utf8")) as Manifest<PlantedDirt>;
  const staff = readCsv(join(exportDir, "Staff.csv"));
  const users: SeedUser[] = [
    { internalemailaddress: "crm.admin@example.com", fullname: "CRM Admin", firstname: "CRM", lastname: "Admin", isdisabled: false },
    ...staff.map((s) => ({ internalemailaddress: s["E-mail"]!, fullname: s.Name!, isdisabled: s.Status !== "Active" })),
  ];
  const m = await migrateExport({ name: "ws", root, source: "clinic", exportDir, users, decide, unconfirm });
  sandboxes.push(m.sandbox);
  const v = m.verify;
  assert.equal(v.reconciliation.unexplained, 0);
  assert.equal(v.mismatches, 0);
  assert.equal(v.missingRows, 0);
  assert.ok(v.fieldsChecked > 3000, `${v.fieldsChecked} fields compared`);
  const zone = "Australia/Sydney";
  assert.match(m.planText, /local times without an offset are read in Australia\/Sydney \(the vendor profile; set source\.timezone to change\)/);
  assert.match(m.planText, /phone numbers without \+country are read as AU \(the vendor profile/);

  const checked = assertDirtCaught(v.reconciliation, manifest.dirt, writtenColumns(m.ws));
  for (const kind of ["bad-email", "bad-phone", "bad-date", "alt-date-format", "malformed-row", "orphan-row", "unknown-provider", "base64-note", "name-order", "missing-file"]) {
    assert.ok((checked[kind] ?? 0) > 0, `no ${kind} in the export to check`);
  }
  // Australian numbers (0491 570 156, (02) 5550 1234, +61 …) pass: the only phones flagged are the planted ones.
  const mobileFlags = new Set(v.reconciliation.flags.filter((f) => f.table === "clients" && f.field === "Mobile").map((f) => f.row));
  const badMobiles = new Set(manifest.dirt.filter((d) => d.kind === "bad-phone" && d.column === "Mobile").map((d) => d.row));
  assert.deepEqual(mobileFlags, badMobiles);

  const clients = readCsv(join(exportDir, "Clients.csv"));
  const contacts = new Map(m.snapshot.contact!.filter((c) => c.hc_sourcekey).map((c) => [String(c.hc_sourcekey), c]));
  const loaded = (table: string) => v.reconciliation.tables.find((t) => t.table === table)!;
  assert.equal(contacts.size, loaded("clients").loaded + loaded("clients").flagged, "one contact per loaded client");
  // (Values compared with assert.ok: a failure names the client, not its data.)
  let checkedClients = 0;
  const seen = new Set<string>(manifest.dirt.filter((d) => d.table === "clients" && d.key).map((d) => d.key!)); // planted rows checked above
  for (const c of clients.slice(0, 80)) {
    const key = c["Client ID"]!;
    const contact = contacts.get(`cl:clients:${key}`);
    const born = DateTime.fromFormat(c["D.O.B."] ?? "", "dd/MM/yyyy", { zone: "UTC" });
    if (seen.has(key) || (seen.add(key), !contact) || !born.isValid) continue;
    assert.ok(String(contact.birthdate).startsWith(born.toISODate()!), `client ${key}: DD/MM/YYYY read day first`);
    const whole = (c["Full Name"] ?? "").toLowerCase();
    assert.ok(contact.lastname && whole.includes(String(contact.lastname).toLowerCase()) && (!contact.firstname || whole.includes(String(contact.firstname).toLowerCase())), `client ${key}: the full name split into its parts`);
    if (c.Mobile) assert.ok(contact.mobilephone === c.Mobile, `client ${key}: the mobile kept as written`);
    checkedClients += 1;
  }
  assert.ok(checkedClients > 30, "clients checked");
  // A booking's Date and its 12-hour Time are one start, a Sydney local time, stored as UTC.
  const bookings = readCsv(join(exportDir, "Bookings.csv"), ";");
  const activities = new Map(m.snapshot.appointment!.filter((a) => a.hc_sourcekey).map((a) => [String(a.hc_sourcekey), a]));
  let starts = 0;
  for (const b of bookings.slice(0, 100)) {
    const activity = activities.get(`cl:bookings:${b["Booking ID"]}`);
    const local = DateTime.fromFormat(`${b.Date} ${b.Time}`, "dd/MM/yyyy h:mm a", { zone, locale: "en-US" });
    if (!activity || !local.isValid) continue;
    assert.equal(Date.parse(String(activity.scheduledstart)), local.toMillis(), `booking ${b["Booking ID"]} starts at its Sydney time`);
    starts += 1;
  }
  assert.ok(starts > 30, "booking starts checked");
  // Notes stored base64 (Encoding = base64) arrive decoded.
  assertBase64NotesDecoded(m.snapshot.annotation!, manifest.dirt, readCsv(join(exportDir, "Notes.csv")), { prefix: "cl:notes", id: "Note ID", text: "Note" });

  // No client's name, email or phone on the terminal (values staff share prove nothing).
  const staffValues = new Set(staff.flatMap((s) => [s.Name, s.Mobile]));
  assertNoPhi(m.output, clients.flatMap((c) => [
    { kind: "name", value: c["Full Name"] ?? "" }, { kind: "email", value: c["E-mail"] ?? "" },
    { kind: "mobile", value: c.Mobile ?? "" }, { kind: "home phone", value: c["Home Phone"] ?? "" },
  ]).filter((x) => !staffValues.has(x.value)));
  assert.equal(m.rollback.failed, 0);
  assert.equal(m.rollback.residue, 0);
  for (const [table, rows] of Object.entries(m.afterRollback)) assert.equal(rows.filter((r) => r.hc_sourcekey).length, 0, `${table} rows left after rollback`);
  assert.ok(m.decided.length > 0, "some rows needed a person");
});
