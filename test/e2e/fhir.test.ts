import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { parse } from "yaml";
import { startDataverseSandbox, type DataverseSandbox } from "../../sandbox/dataverse/index.js";
import { generateFhirExport, startFhirSandbox, type FhirDirt } from "../../sandbox/fhir/index.js";
import { cliJson } from "./cli.js";

delete process.env.http_proxy;

type Row = Record<string, unknown>;
interface Verify {
  mismatches: number;
  missingRows: number;
  reports: string[];
  reconciliation: {
    unexplained: number;
    tables: { table: string; sourceRows: number; loaded: number; flagged: number; rejected: number; skipped: number }[];
    exceptions: { table: string; sourceKey: string; status: string; reason: string | null }[];
  };
}

const users = [{ internalemailaddress: "crm.admin@example.com", fullname: "CRM Admin", firstname: "CRM", lastname: "Admin", isdisabled: false }];

/**
 * init → discover → map → review (`--accept-above 0.8 --confirm-rules`, nothing edited: patient,
 * document, note and link refs are the matcher's) → plan → schema apply → run. Custom properties of
 * the tables that land as notes go to custom columns on the note, as anywhere else.
 */
async function migrate(name: string, init: readonly string[]): Promise<{ verify: Verify; snapshot: Record<string, Row[]>; sandbox: DataverseSandbox }> {
  const sandbox = await startDataverseSandbox({ port: 0, users });
  const ws = join(mkdtempSync(join(tmpdir(), `handover-${name}-`)), "ws");
  await cliJson(["init", ws, ...init, "--url", sandbox.url, "--fallback-owner", "crm.admin@example.com"]);
  await cliJson(["-w", ws, "discover"]);
  await cliJson(["-w", ws, "map"]);
  const file = join(ws, "mapping.yaml");
  await cliJson(["-w", ws, "map", "review", "--accept-above", "0.8", "--reject-below", "0.8", "--confirm-rules"]);
  const reviewed = parse(readFileSync(file, "utf8")) as { fields: { source: string; model: string; status: string }[] };
  for (const [source, model] of [["DocumentReference.patient", "document.patient"], ["ClinicalNote.patient", "clinicalNote.patient"], ["ClinicalNote.body", "clinicalNote.body"],
    ["PatientPracticeLink.patient", "patientPracticeLink.patient"], ["PatientPracticeLink.practice", "patientPracticeLink.practice"], ["DocumentReference.attachment_path", "document.content"]]) {
    assert.equal(reviewed.fields.find((f) => f.source === source)?.model, model, source);
    assert.equal(reviewed.fields.find((f) => f.source === source)?.status, "confirmed", `${source} is confirmed by --accept-above 0.8`);
  }
  await cliJson(["-w", ws, "plan"]);
  await cliJson(["-w", ws, "schema", "apply"]);
  const run = await cliJson<{ verify: Verify }>(["-w", ws, "run"]);
  const snapshot = (await (await fetch(new URL("/_sandbox/snapshot", sandbox.url))).json()) as Record<string, Row[]>;
  return { verify: run.verify, snapshot, sandbox };
}

const id = (lookup: unknown) => (lookup as { id?: string } | undefined)?.id;

/** What both runs must show: every record accounted for, no diff, every note and file there, contacts under their practice. */
function checkMigration(verify: Verify, snapshot: Record<string, Row[]>, dirt: readonly FhirDirt[], dataDir: string) {
  assert.equal(verify.reconciliation.unexplained, 0);
  assert.equal(verify.mismatches, 0, "verify compares every field, note texts and file digests (SHA-256) included");
  assert.equal(verify.missingRows, 0);
  const exceptions = verify.reconciliation.exceptions;
  assert.ok(!exceptions.some((e) => e.reason === "HO-TRN-002"), "no note or document lacks its parent column");
  const table = (name: string) => verify.reconciliation.tables.find((t) => t.table === name)!;
  // Notes, documents and links are rejected only when their patient was (a planted orphan reference), or a document's bytes are gone.
  for (const name of ["ClinicalNote", "DocumentReference", "PatientPracticeLink"]) {
    const reasons = new Set(exceptions.filter((e) => e.table === name).map((e) => e.reason));
    assert.ok([...reasons].every((r) => r === "HO-LOD-001" || r === "HO-SRC-032"), `${name}: ${[...reasons].join(", ")}`);
  }

  const notes = dirt.filter((d): d is Extract<FhirDirt, { kind: "clinical-note" }> => d.kind === "clinical-note");
  const noteTable = table("ClinicalNote");
  assert.equal(noteTable.sourceRows, notes.length, "every clinical note is a ClinicalNote row");
  const annotations = snapshot.annotation ?? [];
  const noteRows = annotations.filter((a) => String(a.hc_sourcekey).startsWith("fhir:ClinicalNote:"));
  assert.equal(noteRows.filter((a) => !String(a.hc_sourcekey).includes("#part")).length, noteTable.loaded + noteTable.flagged);
  const long = notes.find((d) => d.chars > 32_768)!;
  const longParts = noteRows.filter((a) => String(a.hc_sourcekey).startsWith(`fhir:ClinicalNote:${long.key}`));
  assert.equal(longParts.reduce((n, a) => n + String(a.notetext ?? "").length, 0), long.chars, "the long note arrives whole");

  const docs = table("DocumentReference");
  const multi = dirt.filter((d) => d.kind === "multi-attachment");
  assert.ok(multi.length > 0);
  const files = annotations.filter((a) => String(a.hc_sourcekey).startsWith("fhir:DocumentReference:") && a.documentbody);
  assert.equal(files.length, docs.loaded + docs.flagged, "every document loaded carries its file");
  const diff = JSON.parse(readFileSync(verify.reports.find((r) => r.endsWith("diff.json"))!, "utf8")) as { columns: { column: string; checked: number; matched: number }[] };
  const bodies = diff.columns.find((c) => c.column === "annotation.documentbody");
  assert.deepEqual(bodies, { column: "annotation.documentbody", checked: files.length, matched: files.length }, "verify compared every file by SHA-256");
  for (const d of multi) {
    if (d.kind !== "multi-attachment") continue;
    const mine = (key: string) => key === `fhir:DocumentReference:${d.key}` || key.startsWith(`fhir:DocumentReference:${d.key}#`);
    const arrived = files.filter((a) => mine(String(a.hc_sourcekey))).length;
    const parentGone = exceptions.filter((e) => e.table === "DocumentReference" && e.reason === "HO-LOD-001" && mine(`fhir:DocumentReference:${e.sourceKey}`)).length;
    assert.equal(arrived + parentGone, d.attachments, `${d.key}: every attachment is a file on the contact`);
  }

  // Contacts get their primary account: a practice, and for a patient whose general practitioner is a practice, that one.
  const accounts = new Map((snapshot.account ?? []).map((a) => [a.accountid, String(a.hc_sourcekey)]));
  const contacts = snapshot.contact ?? [];
  assert.ok(contacts.length > 0);
  for (const c of contacts) assert.match(accounts.get(id(c.parentcustomerid)) ?? "", /^fhir:Organization:org-\d+$/, String(c.hc_sourcekey));
  const patients = new Map(readFileSync(join(dataDir, "Patient.ndjson"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { id: string; generalPractitioner: { reference: string }[] }).map((p) => [p.id, p]));
  const byGpPractice = dirt.filter((d) => d.kind === "gp-organization");
  assert.ok(byGpPractice.length > 0);
  for (const d of byGpPractice) {
    if (d.kind !== "gp-organization") continue;
    const contact = contacts.find((c) => c.hc_sourcekey === `fhir:Patient:${d.key}`);
    if (!contact) continue; // rejected with its reason (a planted orphan); the reconciliation says so
    assert.equal(accounts.get(id(contact.parentcustomerid)), `fhir:${patients.get(d.key)!.generalPractitioner[0]!.reference.replace("/", ":")}`, `${d.key}: the general practitioner's practice is the primary account`);
  }
  const links = (snapshot.connection ?? []).filter((c) => String(c.hc_sourcekey).startsWith("fhir:PatientPracticeLink:"));
  assert.ok(links.length > 0, "the other practice links are connections");
  assert.ok(links.every((l) => String(l.hc_sourcekey).includes("#other#")), "a primary-care link is the contact's account, not a connection");
}

test("a FHIR R4 NDJSON export migrates: notes, every attachment and practice links arrive, with 0 unexplained and a clean diff", async () => {
  const dir = mkdtempSync(join(tmpdir(), "handover-fhir-export-"));
  const { manifest } = await generateFhirExport({ patients: 40, seed: 4, outDir: dir, inlineOnly: true });
  const { verify, snapshot, sandbox } = await migrate("fhir", ["--source", "fhir", "--export", dir]);
  try {
    checkMigration(verify, snapshot, manifest.dirt, dir);
    assert.ok(!verify.reconciliation.exceptions.some((e) => e.reason === "HO-SRC-032"), "a self-contained export has every file");
    const patients = verify.reconciliation.tables.find((t) => t.table === "Patient")!;
    assert.ok(patients.loaded + patients.flagged > 30, "patients loaded");
  } finally {
    await sandbox.close();
  }
});

test("a FHIR server's Bulk Data export migrates the same way, attachments fetched with the client's token", async () => {
  const dir = mkdtempSync(join(tmpdir(), "handover-fhir-bulk-"));
  const { manifest } = await generateFhirExport({ patients: 30, seed: 6, outDir: dir });
  const keys = generateKeyPairSync("ec", { namedCurve: "P-384" });
  const fhir = await startFhirSandbox({ dataDir: dir, clients: [{ clientId: "handover-e2e", publicKeyPem: keys.publicKey.export({ type: "spki", format: "pem" }).toString() }], pollsBeforeReady: 1, retryAfterSeconds: 1 });
  process.env.FHIR_PRIVATE_KEY = keys.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  try {
    const { verify, snapshot, sandbox } = await migrate("fhir-bulk", ["--source", "fhir-bulk", "--source-url", fhir.baseUrl, "--client-id", "handover-e2e"]);
    try {
      checkMigration(verify, snapshot, manifest.dirt, dir);
      const missing = manifest.dirt.filter((d) => d.kind === "missing-binary").length;
      assert.equal(verify.reconciliation.exceptions.filter((e) => e.reason === "HO-SRC-032").length, missing, "only the Binary the server never had is missing");
      assert.ok(fhir.stats.kickoffs >= 1 && fhir.stats.statusPolls >= 2, "kick-off, then polls until the manifest");
      assert.ok(fhir.stats.binaryDownloads > 0 && fhir.stats.plainDownloads > 0, "Binary (with the token) and plain-URL attachments fetched");
      assert.equal(fhir.stats.unauthorized, 0, "every request to the server carried a valid token");
    } finally {
      await sandbox.close();
    }
  } finally {
    delete process.env.FHIR_PRIVATE_KEY;
    await fhir.close();
  }
});
