import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { parse as parseCsv } from "csv-parse/sync";
import { DateTime } from "luxon";
import { parse } from "yaml";
import { generateClinicExport } from "../../sandbox/clinic/index.js";
import { startDataverseSandbox } from "../../sandbox/dataverse/index.js";
import type { MappingFile } from "../../src/config/mapping-file.js";
import { cliJson, runCli } from "./cli.js";

delete process.env.http_proxy;

type Row = Record<string, unknown>;
interface RunResult {
  verify: { mismatches: number; missingRows: number; fieldsChecked: number; reports: string[]; reconciliation: { unexplained: number; tables: { table: string; loaded: number; flagged: number }[] } };
}

/** The well-formed rows of an export file (a row with a field too many is rejected by the reader). */
function readCsv(path: string, delimiter = ","): Record<string, string>[] {
  const [header = [], ...rows] = parseCsv(readFileSync(path, "utf8").replace(/^\uFEFF/, ""), { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
  return rows.filter((r) => r.length === header.length).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));
}

test("the clinic export's Full Name lands split into first and last names, Date + Time as one start, coded values through the value map; 0 mismatches", async () => {
  const root = mkdtempSync(join(tmpdir(), "handover-clinic-rules-"));
  const exportDir = join(root, "export");
  await generateClinicExport({ patients: 120, seed: 7, outDir: exportDir });
  const sandbox = await startDataverseSandbox({ port: 0, users: [{ internalemailaddress: "crm.admin@example.com", fullname: "CRM Admin", firstname: "CRM", lastname: "Admin", isdisabled: false }] });
  try {
    const ws = join(root, "ws");
    await cliJson(["init", ws, "--source", "clinic", "--export", exportDir, "--url", sandbox.url, "--fallback-owner", "crm.admin@example.com"]);
    await cliJson(["-w", ws, "discover"]);
    await cliJson(["-w", ws, "map"]);
    const proposed = parse(readFileSync(join(ws, "mapping.yaml"), "utf8")) as MappingFile;

    // The matcher proposed both rules, and the rules' columns have no field rows of their own.
    const split = proposed.columnRules?.find((r) => r.kind === "split-name");
    assert.deepEqual(split?.sources, ["clients.Full Name"]);
    assert.ok(split?.model.includes("patient.firstName") && split.model.includes("patient.lastName"));
    const dateTime = proposed.columnRules?.find((r) => r.kind === "date-time");
    assert.deepEqual(dateTime?.sources, ["bookings.Date", "bookings.Time"]);
    assert.deepEqual(dateTime?.model, ["appointment.start"]);
    for (const source of ["clients.Full Name", "bookings.Date", "bookings.Time"]) assert.ok(!proposed.fields.some((f) => f.source === source), `${source} has no field row`);
    assert.ok(!proposed.fields.some((f) => f.model === "patient.firstName" || f.model === "patient.lastName" || f.model === "appointment.start"), "no column takes a field a rule fills");
    // Every value of the coded columns is listed, counted, with its code.
    const gender = new Map(proposed.values?.filter((v) => v.source === "clients.Gender").map((v) => [v.value, v]));
    assert.equal(gender.get("Female")?.code, "female");
    assert.equal(gender.get("Non-binary")?.code, "other");
    const status = new Map(proposed.values?.filter((v) => v.source === "bookings.Status").map((v) => [v.value, v.code]));
    assert.equal(status.get("DNA"), "noShow");
    assert.equal(status.get("Booked"), "scheduled");
    const clients = readCsv(join(exportDir, "Clients.csv"));
    assert.equal(gender.get("Female")?.count, clients.filter((c) => c.Gender === "Female").length);

    // Nothing moves while a rule or value row is undecided.
    const refused = await runCli(["-w", ws, "schema", "apply"]);
    assert.equal(refused.code, 3);
    assert.match(refused.stderr, /HO-MAP-002/);

    await cliJson(["-w", ws, "map", "review", "--accept-above", "0.8", "--reject-below", "0.8", "--confirm-rules"]);
    const reviewed = parse(readFileSync(join(ws, "mapping.yaml"), "utf8")) as MappingFile;
    assert.equal(reviewed.columnRules?.find((r) => r.kind === "split-name")?.status, "confirmed");
    await cliJson(["-w", ws, "plan"]);
    await cliJson(["-w", ws, "schema", "apply"]);
    const result = await cliJson<RunResult>(["-w", ws, "run"]);
    const v = result.verify;
    assert.equal(v.missingRows, 0);
    assert.equal(v.reconciliation.unexplained, 0);
    // The diff compares every written field, the rules' outputs and mapped codes among them, and
    // the notes' custom property (annotation.hc_locked): no mismatch anywhere.
    const diff = readCsv(v.reports.find((r) => r.endsWith("diff.csv"))!);
    const mismatched = diff.filter((d) => d.match !== "yes");
    assert.deepEqual([...new Set(mismatched.map((d) => `${d.table}.${d.target_column}`))], []);
    assert.equal(v.mismatches, 0);
    assert.ok(diff.some((d) => d.table === "annotation" && d.target_column === "hc_locked" && d.match === "yes"), "the notes' custom column is written and compared");
    const checked = (column: string) => diff.filter((d) => d.table === "contact" && d.target_column === column && d.match === "yes").length;
    assert.ok(checked("firstname") > 100 && checked("lastname") > 100 && checked("gendercode") > 100, "name parts and mapped codes compared");
    assert.ok(diff.some((d) => d.table === "appointment" && d.source_column === "Date + Time" && d.match === "yes"));

    const snap = (await (await fetch(new URL("/_sandbox/snapshot", sandbox.url))).json()) as Record<string, Row[]>;
    const contacts = new Map(snap.contact!.filter((c) => c.hc_sourcekey).map((c) => [String(c.hc_sourcekey).split(":").at(-1), c]));
    const patients = v.reconciliation.tables.find((t) => t.table === "clients")!;
    assert.equal(contacts.size, patients.loaded + patients.flagged);
    let plain = 0;
    let reversed = 0;
    for (const client of clients) {
      const contact = contacts.get(client["Client ID"]);
      if (!contact) continue;
      const name = client["Full Name"] ?? "";
      const words = name.split(" ");
      if (!name.includes(",") && words.length === 2) {
        assert.deepEqual([contact.firstname, contact.lastname], words, `client ${client["Client ID"]}`);
        plain += 1;
      } else if (/^[^,]+, [^,]+$/.test(name)) {
        const [last, first] = name.split(", ");
        assert.deepEqual([contact.firstname, contact.lastname], [first, last], `client ${client["Client ID"]}`);
        reversed += 1;
      }
      const code = { Female: 2, Male: 1 }[client.Gender ?? ""];
      assert.equal(contact.gendercode ?? null, code ?? null, `gender of client ${client["Client ID"]}`);
    }
    assert.ok(plain > 50 && reversed > 0, `${plain} "First Last" and ${reversed} "Last, First" names checked`);

    // A booking's date and its 12-hour time became one start: the clinic's Sydney local time, as UTC.
    const activities = new Map(snap.appointment!.filter((a) => a.hc_sourcekey).map((a) => [String(a.hc_sourcekey).split(":").at(-1), a]));
    const bookings = readCsv(join(exportDir, "Bookings.csv"), ";");
    let timed = 0;
    for (const booking of bookings.slice(0, 200)) {
      const activity = activities.get(booking["Booking ID"]);
      const date = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(booking.Date ?? "");
      const time = /^(\d{1,2}):(\d{2}) (am|pm)$/.exec(booking.Time ?? "");
      if (!activity || !date || !time) continue;
      const hour = (Number(time[1]) % 12) + (time[3] === "pm" ? 12 : 0);
      const local = DateTime.fromObject({ year: Number(date[3]), month: Number(date[2]), day: Number(date[1]), hour, minute: Number(time[2]) }, { zone: "Australia/Sydney" });
      assert.equal(Date.parse(String(activity.scheduledstart)), local.toMillis(), `booking ${booking["Booking ID"]}`);
      timed += 1;
    }
    assert.ok(timed > 50, `${timed} bookings checked`);
  } finally {
    await sandbox.close();
  }
});
