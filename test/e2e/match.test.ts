import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { startDataverseSandbox } from "../../sandbox/dataverse/index.js";
import { generateVisualPracticeExport } from "../../sandbox/visual-practice/index.js";
import type { SchemaMatch } from "../../src/core/map/match/match-schemas.js";
import { cliJson, runCli } from "./cli.js";

delete process.env.http_proxy;

const fixture = (name: string) => fileURLToPath(new URL(`../../../test/fixtures/schemas/${name}`, import.meta.url));
const proposal = (m: SchemaMatch, table: string, column: string) => m.tables.find((t) => t.table === table)?.columns.find((c) => c.column === column);

describe("handover match", () => {
  it("pairs a legacy SQL schema with FHIR StructureDefinitions and proposes real columns, with reasons", async () => {
    const m = await cliJson<SchemaMatch>(["match", "--from", fixture("legacy-clinic.sql"), "--to", fixture("fhir-r4-abridged.json")]);
    assert.deepEqual(m.tables.map((t) => [t.table, t.target]), [["patients", "Patient"], ["appts", "Appointment"]]);
    const dob = proposal(m, "patients", "pt_dob");
    assert.equal(dob?.field, "birthDate");
    assert.ok((dob?.confidence ?? 0) >= 0.9);
    assert.ok(dob?.reasons.some((r) => r.includes("'dob'")) && dob.reasons.includes("the source declares it a date field"), dob?.reasons.join(" | "));
    const expected: Record<string, string> = { pt_fname: "name.given", pt_lname: "name.family", pt_sex: "gender", pt_city: "address.city", pt_zip: "address.postalCode", pt_active: "active" };
    for (const [column, field] of Object.entries(expected)) assert.equal(proposal(m, "patients", column)?.field, field, column);
    for (const [column, field] of Object.entries({ appt_start: "start", appt_end: "end", appt_status: "status", appt_notes: "comment" })) {
      assert.equal(proposal(m, "appts", column)?.field, field, column);
    }
    // One-to-one: no target column is proposed twice within a table.
    for (const t of m.tables) {
      const fields = t.columns.flatMap((c) => (c.field ? [c.field] : []));
      assert.equal(new Set(fields).size, fields.length, t.table);
    }
  });

  it("prints per table the pairing and per column the proposal, confidence, reasons and alternatives", async () => {
    const r = await runCli(["match", "--from", fixture("legacy-clinic.sql"), "--to", fixture("fhir-r4-abridged.json")]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^patients → Patient +\d+%/m);
    assert.match(r.stdout, /^ {2}pt_dob +→ birthDate +\d+%$/m);
    assert.match(r.stdout, /· name 'pt_dob' matches synonym 'dob' of birthDate/);
    assert.match(r.stdout, /alternatives: /);
  });

  it("matches a columns table (CSV) against another (JSON) by names, labels and sample values, never printing the samples", async () => {
    const r = await runCli(["match", "--from", fixture("clinic-columns.csv"), "--to", fixture("clinic-columns.json")]);
    assert.equal(r.code, 0, r.stderr);
    for (const sample of ["Amara", "Quill", "1952-03-14", "example.org", "555-0110"]) assert.ok(!r.stdout.includes(sample) && !r.stderr.includes(sample), `sample ${sample} printed`);
    const m = await cliJson<SchemaMatch>(["match", "--from", fixture("clinic-columns.csv"), "--to", fixture("clinic-columns.json")]);
    assert.equal(m.tables.find((t) => t.table === "clients")?.target, "contact_people");
    assert.equal(m.tables.find((t) => t.table === "bookings")?.target, null, "no people table holds bookings");
    for (const [column, field] of Object.entries({ Surname: "family_name", Born: "date_of_birth", Mail: "e_mail", Cell: "mobile", Given: "first_name" })) {
      assert.equal(proposal(m, "clients", column)?.field, field, column);
    }
    assert.ok(proposal(m, "clients", "Mail")?.reasons.some((r) => r.startsWith("values look like email addresses")));
  });

  it("reads MySQL and SQL Server DDL with their column comments, and --threshold leaves weaker proposals out", async () => {
    const m = await cliJson<SchemaMatch>(["match", "--from", fixture("legacy-clinic-mssql.sql"), "--to", fixture("legacy-clinic-mysql.sql")]);
    assert.equal(m.tables[0]?.target, "patients");
    for (const [column, field] of Object.entries({ PatientID: "pt_id", DOB: "pt_dob", LastName: "pt_lname", EMailAddr: "pt_email" })) {
      assert.equal(proposal(m, "Patients", column)?.field, field, column);
    }
    const strict = await cliJson<SchemaMatch>(["match", "--from", fixture("legacy-clinic.sql"), "--to", fixture("fhir-r4-abridged.json"), "--threshold", "0.9"]);
    const street = proposal(strict, "patients", "pt_street");
    assert.equal(street?.field, null, "a 78% proposal is left out at --threshold 0.9");
    assert.ok(street?.reasons.includes("no column of Patient scored above 0.9"), street?.reasons.join(" | "));
  });

  it("names the file and line (or element) of bad input, with a catalogued error and no stack trace", async () => {
    const cases: [string[], RegExp][] = [
      [["--from", fixture("broken.sql")], /^error HO-MAP-006: .*broken\.sql line 5: the SQL could not be parsed as postgresql DDL \(unexpected text at column \d+\)/],
      [["--from", fixture("broken-columns.csv")], /^error HO-MAP-005: .*broken-columns\.csv line 3: the row in table 'clients' names no column\./],
      [["--from", fixture("broken-structure-definition.json")], /^error HO-MAP-007: .*broken-structure-definition\.json: FHIR StructureDefinition element element\[1\]: has neither path nor id\./],
      [["--from", fixture("no-such-file.sql")], /^error HO-MAP-004: .*no-such-file\.sql: no such file\./],
      [["--from", "source:"], /^error HO-CLI-004: Invalid --from 'source:': name the workspace folder after 'source:'\./],
    ];
    for (const [args, expected] of cases) {
      const r = await runCli(["match", ...args, "--to", fixture("clinic-columns.json")]);
      assert.match(r.stderr, expected);
      assert.ok(!r.stderr.includes("    at "), "no stack trace");
      assert.notEqual(r.code, 0);
    }
    const bad = await runCli(["match", "--from", fixture("legacy-clinic.sql"), "--to", fixture("clinic-columns.json"), "--threshold", "2"]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /HO-CLI-002: Invalid option --threshold/);
  });

  it("matches a workspace's live source against its live target through their connectors", async () => {
    const root = mkdtempSync(join(tmpdir(), "handover-match-live-"));
    await generateVisualPracticeExport({ patients: 20, seed: 5, outDir: join(root, "export") });
    const sandbox = await startDataverseSandbox({ port: 0, users: [] });
    try {
      const ws = join(root, "ws");
      await cliJson(["init", ws, "--export", join(root, "export"), "--url", sandbox.url]);
      const m = await cliJson<SchemaMatch>(["match", "--from", `source:${ws}`, "--to", `target:${ws}`]);
      assert.equal(m.from, `source:${ws}`);
      assert.equal(m.tables.find((t) => t.table === "patients")?.target, "contact");
      const patients = m.tables.find((t) => t.table === "patients")!;
      const firstName = patients.columns.find((c) => c.field === "firstname");
      assert.ok(firstName, patients.columns.map((c) => `${c.column}→${c.field}`).join(", "));
      assert.ok(patients.columns.some((c) => c.field === "birthdate"));
    } finally {
      await sandbox.close();
    }
  });
});
