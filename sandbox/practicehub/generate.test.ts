/** The generated account is deterministic and carries the dirt the brief lists. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { longNoteLength } from "./gen-care.js";
import { generateAccount } from "./generate.js";
import type { Row } from "./row.js";

const account = generateAccount({ seed: 42, patients: 400 });
const rows = (object: string): readonly Row[] => account.get(object) ?? [];

test("the same seed gives the same account; another seed another one", () => {
  assert.equal(JSON.stringify([...generateAccount({ seed: 42, patients: 400 })]), JSON.stringify([...account]));
  assert.notEqual(JSON.stringify(generateAccount({ seed: 43, patients: 400 }).get("patients")), JSON.stringify(rows("patients")));
});

test("every object is listed in id order with an ISO modified_at", () => {
  for (const [object, list] of account) {
    assert.ok(list.length > 0, `${object} has rows`);
    assert.deepEqual(list.map((r) => r.id), list.map((r) => r.id).sort(), `${object} in id order`);
    for (const row of list) assert.match(row.modified_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  }
});

test("patients carry near-duplicates, bad contact data, multi-selects and unlisted custom fields", () => {
  const patients = rows("patients");
  const identity = (p: Row) => `${String(p.last_name)}|${String(p.date_of_birth)}|${String(p.first_name).trim().toLowerCase()}`;
  const seen = new Map<string, number>();
  for (const p of patients) seen.set(identity(p), (seen.get(identity(p)) ?? 0) + 1);
  assert.ok([...seen.values()].some((n) => n > 1), "near-duplicate patients");
  assert.ok(patients.some((p) => typeof p.email === "string" && !/^[^@\s]+@[^@\s]+\.[a-z]+$/i.test(p.email.trim())), "malformed e-mails");
  assert.ok(patients.some((p) => typeof p.date_of_birth === "string" && !/^\d{4}-\d{2}-\d{2}$/.test(p.date_of_birth)), "odd birth dates");
  const custom = patients.map((p) => p.custom_fields as Record<string, unknown>);
  assert.ok(custom.some((c) => Array.isArray(c.allergy_flags) && c.allergy_flags.length > 1), "multi-select values");
  assert.ok(custom.some((c) => "Parking Permit" in c), "custom fields the schema doesn't list");
  const staff = new Set(rows("staff").map((s) => s.id));
  assert.ok(patients.some((p) => typeof p.primary_practitioner_id === "string" && !staff.has(p.primary_practitioner_id)), "unknown practitioners");
  assert.ok(rows("staff").some((s) => s.active === false), "inactive staff");
});

test("child rows include orphans, zone-less times and notes over 32,768 characters", () => {
  const patients = new Set(rows("patients").map((p) => p.id));
  assert.ok(rows("appointments").some((a) => !patients.has(a.patient_id as string)), "orphaned appointments");
  assert.ok(rows("appointments").some((a) => /T\d{2}:\d{2}:\d{2}$/.test(a.starts_at as string)), "zone-less start times");
  assert.ok(rows("clinical_notes").some((n) => (n.body as string).length === longNoteLength && longNoteLength > 32_768), "long notes");
  assert.ok(rows("prescriptions").some((r) => (r.pharmacy as { integration: unknown }).integration === "chewy"), "external pharmacy references");
});
