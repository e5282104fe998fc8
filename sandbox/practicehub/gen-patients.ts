/**
 * Patients and their clinic assignments. Carries the dirt a migration has to survive: near-
 * duplicate patients (same person keyed twice with small differences), bad e-mails, phones and
 * birth dates, practitioners that don't exist, multi-select custom fields and custom fields the
 * schema doesn't list, each account naming its own.
 */
import type { Rng } from "../visual-practice/prng.js";
import { firstNames, lastNames, nicknames, places, referralSources, streets } from "../visual-practice/word-lists.js";
import { clinicId, staffId } from "./gen-org.js";
import type { Row } from "./row.js";
import { birthDate, isoDay, isoStamp, maybeBadEmail, maybeBadPhone, modifiedAfter, multiSelect, pad, pastMs } from "./values.js";

export const patientId = (i: number): string => `pat_${pad(i + 1, 6)}`;

const allergies = ["latex", "penicillin", "nsaids", "adhesive tape", "chlorhexidine", "none known"] as const;
const carePlans = ["active", "review_due", "completed", "not_started"] as const;
const contactMethods = ["email", "sms", "phone", "post"] as const;
const carriers = ["Bupa", "AXA Health", "Aviva", "Vitality", "WPA", "Self-pay"] as const;
/** Fields a clinic added over the years; a given account only has some, with its own spelling. */
const oddCustomFields: readonly (readonly [string, (rng: Rng) => unknown])[] = [
  ["Parking Permit", (rng) => rng.pick(["yes", "no", "Y"])],
  ["legacy_chart_no", (rng) => `LC-${rng.int(1000, 99999)}`],
  ["newsletter_opt_in", (rng) => rng.chance(0.5)],
  ["Preferred Language", (rng) => rng.pick(["English", "Welsh", "Polish", "Español"])],
];

export interface PatientContext {
  readonly clinics: number;
  readonly staff: number;
}

function patient(rng: Rng, i: number, ctx: PatientContext): Row & { first_name: string } {
  const first = rng.pick(firstNames);
  const last = rng.pick(lastNames);
  const place = rng.pick(places);
  const created = pastMs(rng, 1, 2500);
  const custom: Record<string, unknown> = {
    allergy_flags: multiSelect(rng, allergies, 0, 3),
    care_plan_status: rng.pick(carePlans),
    preferred_contact_method: rng.chance(0.9) ? rng.pick(contactMethods) : null,
  };
  for (const [name, value] of oddCustomFields) if (rng.chance(0.25)) custom[name] = value(rng);
  const carrier = rng.pick(carriers);
  return {
    id: patientId(i),
    first_name: first,
    last_name: last,
    preferred_name: rng.chance(0.1) ? rng.pick(nicknames) : null,
    date_of_birth: birthDate(rng),
    sex: rng.pick(["female", "male", "female", "male", "other", "unknown"]),
    email: maybeBadEmail(rng, first, last),
    phone: maybeBadPhone(rng),
    mobile: rng.chance(0.7) ? maybeBadPhone(rng) : null,
    address: { line1: `${rng.int(1, 300)} ${rng.pick(streets)}`, line2: null, city: place.city, region: place.state, postal_code: place.zip, country: "GB" },
    primary_clinic_id: clinicId(rng.int(0, ctx.clinics - 1)),
    // About 2% point at a practitioner id the account never had (deleted before the API kept tombstones).
    primary_practitioner_id: rng.chance(0.02) ? staffId(ctx.staff + rng.int(50, 99)) : rng.chance(0.9) ? staffId(rng.int(0, ctx.staff - 1)) : null,
    status: rng.chance(0.85) ? "active" : "archived",
    insurance: carrier === "Self-pay"
      ? { carrier, policy_number: null, group_number: null, coverage_type: null, billing_responsibility: "patient" }
      : { carrier, policy_number: `${carrier.slice(0, 2).toUpperCase()}${rng.digits(8)}`, group_number: rng.chance(0.4) ? `G-${rng.digits(5)}` : null, coverage_type: rng.pick(["individual", "family", "corporate"]), billing_responsibility: rng.pick(["insurer", "patient", "split"]) },
    referral: { source: rng.pick(referralSources) || null, referring_physician: rng.chance(0.2) ? `Dr ${rng.pick(lastNames)}` : null, date: rng.chance(0.5) ? isoDay(created) : null },
    custom_fields: custom,
    created_at: isoStamp(created),
    modified_at: isoStamp(modifiedAfter(rng, created)),
  };
}

/** The same person entered again: a new id, and the kind of differences a front desk makes. */
function nearDuplicate(rng: Rng, of: Row & { first_name: string }, i: number): Row & { first_name: string } {
  const email = typeof of.email === "string" ? (rng.chance(0.5) ? of.email.toUpperCase() : ` ${of.email}`) : of.email;
  const phone = typeof of.phone === "string" ? of.phone.replace(/\D/g, "") : of.phone;
  const created = Date.parse(of.modified_at);
  return {
    ...of,
    id: patientId(i),
    first_name: rng.chance(0.5) ? `${of.first_name} ` : of.first_name.toLowerCase(),
    email,
    phone,
    created_at: isoStamp(created),
    modified_at: isoStamp(modifiedAfter(rng, created)),
  };
}

export function patients(rng: Rng, count: number, ctx: PatientContext): Row[] {
  const rows: (Row & { first_name: string })[] = [];
  for (let i = 0; i < count; i += 1) {
    const original = i > 5 && rng.chance(0.03) ? rows[rng.int(0, i - 1)] : undefined;
    rows.push(original ? nearDuplicate(rng, original, i) : patient(rng, i, ctx));
  }
  return rows;
}

/**
 * A patient's clinics over time: the primary one, and for some an earlier one. The most recently
 * modified assignment is the one a migration treats as primary.
 */
export function clinicAssignments(rng: Rng, people: readonly Row[], clinicCount: number): Row[] {
  const rows: Row[] = [];
  for (const person of people) {
    const clinics = [person.primary_clinic_id as string];
    if (rng.chance(0.3)) clinics.unshift(clinicId(rng.int(0, clinicCount - 1)));
    clinics.forEach((clinic, k) => {
      const started = pastMs(rng, 30, 2000);
      rows.push({
        id: `asg_${pad(rows.length + 1, 6)}`,
        patient_id: person.id,
        clinic_id: clinic,
        started_on: isoDay(started),
        ended_on: k < clinics.length - 1 ? isoDay(modifiedAfter(rng, started)) : null,
        created_at: isoStamp(started),
        modified_at: isoStamp(modifiedAfter(rng, started)),
      });
    });
  }
  return rows;
}
