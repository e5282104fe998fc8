import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { parse } from "yaml";
import { generateVisualPracticeExport } from "../../sandbox/visual-practice/index.js";
import type { MappingFile } from "../../src/config/mapping-file.js";
import type { SourceCatalog } from "../../src/contracts/source.js";
import { cliJson, runCliWithInput } from "./cli.js";

/**
 * Learning across migrations through the CLI: a reviewer corrects two proposals in one
 * workspace; its dictionary is exported; a second workspace for the same vendor imports it and
 * its `map` proposes the corrections, with who decided, where and when. A newer contrary decision
 * then leads, and the older one shows as a conflict.
 */
const REVIEWER = { HANDOVER_ACTOR: "reviewer@clinic.example" };
const SECOND = { HANDOVER_ACTOR: "second@clinic.example" };
const NEWSLETTER = "patients.Custom_NewsletterOptIn";
const PARKING = "patients.Custom_ParkingPermit";

const mappingOf = (ws: string) => parse(readFileSync(join(ws, "mapping.yaml"), "utf8")) as MappingFile;
const row = (ws: string, source: string) => mappingOf(ws).fields.find((f) => f.source === source)!;
/** The review queue as the review shows it: proposed rows, lowest confidence first. */
const queue = (ws: string) => mappingOf(ws).fields.filter((f) => f.status === "proposed").sort((a, b) => a.confidence - b.confidence).map((f) => f.source);

async function workspace(root: string, name: string, seed: number): Promise<string> {
  const exportDir = join(root, `export-${name}`);
  await generateVisualPracticeExport({ patients: 30, seed, outDir: exportDir });
  const ws = join(root, name);
  await cliJson(["init", ws, "--export", exportDir, "--url", "http://127.0.0.1:9"]);
  return ws;
}

async function review(ws: string, answers: readonly string[], env: Readonly<Record<string, string>>) {
  const r = await runCliWithInput(["-w", ws, "map", "review"], answers, env);
  assert.equal(r.code, 0, r.stderr);
  return r;
}

async function audit(ws: string, operation: string): Promise<{ actor: string; source_key: string | null; outcome: string }[]> {
  const Database = (await import("better-sqlite3")).default;
  const db = new Database(join(ws, ".handover", "state.db"), { readonly: true });
  try {
    return db.prepare("SELECT actor, source_key, outcome FROM audit WHERE operation = ?").all(operation) as { actor: string; source_key: string | null; outcome: string }[];
  } finally {
    db.close();
  }
}

test("a correction made in one migration is proposed in the next one from the same vendor, with who, where and when", async () => {
  const root = mkdtempSync(join(tmpdir(), "handover-learn-"));
  const first = await workspace(root, "north-clinic", 5);
  await cliJson(["-w", first, "map"]);
  assert.deepEqual(queue(first).slice(0, 2).sort(), [NEWSLETTER, PARKING].sort(), "the two custom columns come first");

  // A change to a field the model doesn't have is refused and leaves the row undecided.
  const typo = await review(first, ["a", "a", "a", "a", "c", "patient.newsletterConsent", "q"], REVIEWER);
  assert.match(typo.stderr, /HO-MAP-014/);
  assert.equal(row(first, queue(first)[0]!).status, "proposed");

  // Newsletter opt-in becomes the consent field, the parking permit is left out, the rest accepted.
  const answers = queue(first).slice(0, 2).flatMap((source) => (source === NEWSLETTER ? ["c", "patient.consentStatus"] : ["r"]));
  const decided = await review(first, [...answers, "A"], REVIEWER);
  assert.match(decided.stdout, /The map is confirmed\./);
  assert.match(decided.stdout, /decision\(s\) remembered in dictionary\.yaml for the next migration from visual-practice/);
  assert.equal(row(first, NEWSLETTER).target, "contact.hc_consentstatus", "the target follows the changed field");

  const dictionaryText = readFileSync(join(first, "dictionary.yaml"), "utf8");
  const dictionary = parse(dictionaryText) as { entries: { column: string; object: string; decisions: { outcome: string; proposed: string; by: string; migration: string }[] }[] };
  const newsletter = dictionary.entries.find((e) => e.object === "patient" && e.column === "custom newsletter opt in");
  assert.deepEqual(newsletter?.decisions.map((d) => [d.proposed, d.outcome, d.by, d.migration]), [["custom", "patient.consentStatus", "reviewer@clinic.example", "north-clinic"]]);
  assert.equal(dictionary.entries.length, mappingOf(first).fields.length, "confirmations are remembered too");
  // Column names and decisions only: no value of a PHI column (names, birth dates, emails, phones, addresses) is in the file.
  const catalog = JSON.parse(readFileSync(join(first, ".handover", "catalog.json"), "utf8")) as SourceCatalog;
  const phiColumns = new Set(mappingOf(first).fields.filter((f) => f.phi && f.model && !f.model.includes(".customProperties.")).map((f) => f.source));
  const phiSamples = catalog.tables.flatMap((t) => t.columns.filter((c) => phiColumns.has(`${t.name}.${c.name}`)).flatMap((c) => c.samples)).filter((s) => s.length >= 4);
  assert.ok(phiSamples.length > 100);
  for (const value of phiSamples) assert.ok(!dictionaryText.toLowerCase().includes(value.toLowerCase()), "a PHI value is in dictionary.yaml");
  assert.equal((await audit(first, "map.learn")).length, mappingOf(first).fields.length);

  const shared = join(root, "visual-practice.yaml");
  const exported = await cliJson<{ entries: number }>(["-w", first, "map", "dictionary", "export", "--out", shared, "--vendor", "visual-practice"]);
  assert.equal(exported.entries, dictionary.entries.length);
  const none = await cliJson<{ entries: number }>(["-w", first, "map", "dictionary", "export", "--out", join(root, "none.yaml"), "--vendor", "core-practice"]);
  assert.equal(none.entries, 0);

  // The next migration from the same vendor, by another consultant.
  const second = await workspace(root, "south-clinic", 6);
  const imported = await cliJson<{ added: number; updated: number; conflicting: number }>(["-w", second, "map", "dictionary", "import", shared]);
  assert.deepEqual([imported.added, imported.updated, imported.conflicting], [exported.entries, 0, 0]);
  const mapped = await cliJson<{ learned: number }>(["-w", second, "map"]);
  assert.equal(mapped.learned, mappingOf(second).fields.length);
  const learned = row(second, NEWSLETTER);
  assert.equal(learned.model, "patient.consentStatus");
  assert.equal(learned.target, "contact.hc_consentstatus");
  assert.equal(learned.status, "proposed", "learned rows still need a person's decision");
  assert.equal(learned.confidence, 0.75, "one correction: shown to the reviewer below the 0.8 accept-all threshold");
  assert.match(learned.reasons[0]!, /^changed to patient\.consentStatus by reviewer@clinic\.example in migration north-clinic on \d{4}-\d{2}-\d{2}$/);
  assert.match(learned.reasons.join("; "), /the matcher alone proposed patient\.customProperties\.Custom_NewsletterOptIn/);
  const parking = row(second, PARKING);
  assert.equal(parking.model, null);
  assert.match(parking.reasons[0]!, /^rejected \(left out of the migration\) by reviewer@clinic\.example in migration north-clinic/);
  const dob = row(second, "patients.DOB");
  assert.equal(dob.model, "patient.birthDate");
  assert.ok(dob.confidence >= 0.98, "a confirmation never lowers what the matcher was sure of");
  assert.match(dob.reasons[0]!, /^confirmed as patient\.birthDate by reviewer@clinic\.example in migration north-clinic/);
  assert.equal((await audit(second, "map.dictionary.import")).length, 1);
  assert.ok((await audit(second, "map.propose.learned")).some((a) => a.source_key === NEWSLETTER && a.outcome === "patient.consentStatus at 0.75"));

  // Here a person decides otherwise: the newsletter flag stays a custom property, the permit stays out.
  const secondAnswers = queue(second).slice(0, 2).flatMap((source) => (source === NEWSLETTER ? ["c", "patient.customProperties"] : ["a"]));
  await review(second, ["a", "a", "a", "a", ...secondAnswers, "q"], SECOND);
  assert.equal(row(second, NEWSLETTER).model, "patient.customProperties.Custom_NewsletterOptIn");
  assert.equal(row(second, PARKING).status, "rejected", "accepting a proposal to leave a column out leaves it out");

  // Re-importing the older file changes nothing; the newer contrary decision leads, the older shows as a conflict.
  const again = await cliJson<{ unchanged: number; conflicting: number }>(["-w", second, "map", "dictionary", "import", shared]);
  assert.deepEqual([again.unchanged, again.conflicting], [exported.entries, 0]);
  await cliJson(["-w", second, "map", "--force"]);
  const contested = row(second, NEWSLETTER);
  assert.equal(contested.model, "patient.customProperties.Custom_NewsletterOptIn");
  assert.equal(contested.confidence, 0.5, "a correction against an older contrary correction");
  assert.match(contested.reasons[0]!, /^changed to a custom property by second@clinic\.example in migration south-clinic/);
  assert.ok(contested.reasons.some((x) => /^conflict: an older decision changed to patient\.consentStatus by reviewer@clinic\.example in migration north-clinic/.test(x)));
  assert.equal(row(second, PARKING).confidence, 0.8, "a correction then a confirmation");

  // The first workspace imports the second's: one conflict, reported and audited; the newer decision leads there too.
  const back = join(root, "south.yaml");
  await cliJson(["-w", second, "map", "dictionary", "export", "--out", back]);
  const merged = await runCliWithInput(["-w", first, "map", "dictionary", "import", back], [], REVIEWER);
  assert.equal(merged.code, 0, merged.stderr);
  assert.match(merged.stdout, /0 added, 1 updated, 1 conflicting, \d+ unchanged/);
  assert.match(merged.stdout, /conflict: visual-practice patient 'custom newsletter opt in': here patient\.consentStatus, imported a custom property → proposes a custom property/);
  assert.equal((await audit(first, "map.dictionary.conflict")).length, 1);
});

test("a dictionary file with a bad entry is refused with the file and the entry named", async () => {
  const root = mkdtempSync(join(tmpdir(), "handover-learn-"));
  const ws = await workspace(root, "bad-import", 7);
  const file = join(root, "broken.yaml");
  const { writeFileSync } = await import("node:fs");
  const decision = { outcome: "patient.mrn", proposed: "custom", source: "patients.ChartNo", by: "a@b.c", at: "2025-02-01T10:00:00Z", migration: "m1" };
  writeFileSync(file, JSON.stringify({ version: 1, entries: [
    { vendor: "visual-practice", object: "patient", column: "chart no", decisions: [decision] },
    { vendor: "visual-practice", object: "patient", column: "chart ref", decisions: [{ ...decision, outcome: "patient.chartNumber" }] },
  ] }));
  const bad = await runCliWithInput(["-w", ws, "map", "dictionary", "import", file], []);
  assert.equal(bad.code, 3);
  assert.match(bad.stderr, /error HO-MAP-010: broken\.yaml, entry 2 \(visual-practice patient 'chart ref'\): decisions\.0\.outcome: 'patient\.chartNumber' is not a field of patient\./);
  writeFileSync(file, JSON.stringify({ version: 1, entries: [{ vendor: "visual-practice", object: "patient", column: "chart no", decisions: [{ ...decision, samples: ["Jane"] }] }] }));
  const extra = await runCliWithInput(["-w", ws, "map", "dictionary", "import", file], []);
  assert.match(extra.stderr, /error HO-MAP-010: broken\.yaml, entry 1 \(visual-practice patient 'chart no'\): decisions\.0: Unrecognized key: "samples"/);
  const missing = await runCliWithInput(["-w", ws, "map", "dictionary", "import", join(root, "nope.yaml")], []);
  assert.match(missing.stderr, /error HO-MAP-011: nope\.yaml can't be read as a matching dictionary: no such file\./);

  // A dictionary.yaml broken by hand doesn't undo a review: the map is confirmed, the lessons are not kept, and it says so.
  await cliJson(["-w", ws, "map"]);
  writeFileSync(join(ws, "dictionary.yaml"), "version: 1\nentries: [");
  const reviewed = await runCliWithInput(["-w", ws, "map", "review", "--accept-above", "0", "--confirm-rules"], []);
  assert.equal(reviewed.code, 0, reviewed.stderr);
  assert.match(reviewed.stdout, /The map is confirmed\./);
  assert.match(reviewed.stderr, /warning HO-MAP-011: dictionary\.yaml can't be read as a matching dictionary: not valid YAML\. The decisions were not remembered\./);
  const again = await runCliWithInput(["-w", ws, "map", "--force"], []);
  assert.equal(again.code, 3, "map refuses a broken dictionary rather than ignore it");
  assert.match(again.stderr, /error HO-MAP-011: dictionary\.yaml/);
});
