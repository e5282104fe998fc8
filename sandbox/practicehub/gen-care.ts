/**
 * What happens to patients: appointments, clinical notes, prescriptions and payments. Dirt: rows
 * pointing at patients or appointments that don't exist (orphans), practitioners that left,
 * appointment times without a zone, and a few notes longer than a CRM note body can hold.
 */
import type { Rng } from "../visual-practice/prng.js";
import { longNoteBody, noteBody } from "../visual-practice/note-text.js";
import { noteTitles } from "../visual-practice/word-lists.js";
import { clinicId, staffId } from "./gen-org.js";
import { patientId } from "./gen-patients.js";
import type { Row } from "./row.js";
import { generatedUntilMs, isoDay, isoStamp, modifiedAfter, pad, pastMs, zonelessStamp } from "./values.js";

/** Longer than the 32,768-character note body the CRM takes: the loader must split these. */
export const longNoteLength = 40_000;

export interface CareContext {
  readonly patients: number;
  readonly clinics: number;
  readonly staff: number;
}

const types = ["Initial assessment", "Follow-up", "Review", "Treatment", "Telehealth"] as const;
const statuses = ["completed", "completed", "completed", "booked", "cancelled", "no_show"] as const;
const payments = ["paid", "paid", "pending", "failed"] as const;

/** A patient id, or about 1% of the time one that was never issued (an orphaned child row). */
function patientRef(rng: Rng, ctx: CareContext): string {
  return rng.chance(0.01) ? patientId(ctx.patients + rng.int(1000, 9999)) : patientId(rng.int(0, ctx.patients - 1));
}

export function appointments(rng: Rng, count: number, ctx: CareContext): Row[] {
  return Array.from({ length: count }, (_, i) => {
    const start = Math.floor(pastMs(rng, -30, 900) / 900_000) * 900_000;
    const end = start + rng.pick([15, 30, 45, 60]) * 60_000;
    const zoneless = rng.chance(0.1);
    const created = Math.min(start - rng.int(1, 40) * 86_400_000, generatedUntilMs);
    return {
      id: `apt_${pad(i + 1, 6)}`,
      patient_id: patientRef(rng, ctx),
      practitioner_id: rng.chance(0.02) ? staffId(ctx.staff + rng.int(50, 99)) : staffId(rng.int(0, ctx.staff - 1)),
      clinic_id: clinicId(rng.int(0, ctx.clinics - 1)),
      starts_at: zoneless ? zonelessStamp(start) : isoStamp(start),
      ends_at: zoneless ? zonelessStamp(end) : isoStamp(end),
      type: rng.pick(types),
      status: rng.pick(statuses),
      payment_status: rng.pick(payments),
      created_at: isoStamp(created),
      modified_at: isoStamp(modifiedAfter(rng, created)),
    };
  });
}

/** At least one long note whenever there are notes, so small test accounts carry it too. */
export function clinicalNotes(rng: Rng, count: number, appts: readonly Row[], ctx: CareContext): Row[] {
  const longOnes = new Set([Math.floor(count / 3), ...Array.from({ length: Math.floor(count / 500) }, () => rng.int(0, count - 1))]);
  return Array.from({ length: count }, (_, i) => {
    const appt = appts.length > 0 ? appts[rng.int(0, appts.length - 1)] : undefined;
    const orphan = !appt || rng.chance(0.01);
    const created = appt ? Date.parse(appt.created_at as string) + 86_400_000 : pastMs(rng, 1, 900);
    const at = Math.min(created, generatedUntilMs);
    return {
      id: `note_${pad(i + 1, 6)}`,
      patient_id: appt ? appt.patient_id : patientRef(rng, ctx),
      appointment_id: orphan ? `apt_${pad(appts.length + rng.int(1000, 9999), 6)}` : appt.id,
      author_id: staffId(rng.int(0, ctx.staff - 1)),
      title: rng.pick(noteTitles),
      body: longOnes.has(i) ? longNoteBody(rng, longNoteLength) : noteBody(rng, rng.pick(["Plain", "Plain", "HTML"])),
      // Notes written in the old editor kept their local time with no zone.
      created_at: rng.chance(0.08) ? zonelessStamp(at) : isoStamp(at),
      modified_at: isoStamp(modifiedAfter(rng, at)),
    };
  });
}

const medications = [["Amoxicillin", "500 mg three times daily"], ["Ibuprofen", "400 mg as needed"], ["Naproxen", "250 mg twice daily"], ["Chlorhexidine rinse", "10 ml twice daily"], ["Carprofen (veterinary)", "75 mg daily"]] as const;

/** Some were filled through the external pharmacy integration and carry its order reference. */
export function prescriptions(rng: Rng, count: number, ctx: CareContext): Row[] {
  return Array.from({ length: count }, (_, i) => {
    const [medication, dosage] = rng.pick(medications);
    const at = pastMs(rng, 1, 900);
    const external = rng.chance(0.15);
    return {
      id: `rx_${pad(i + 1, 6)}`,
      patient_id: patientRef(rng, ctx),
      prescriber_id: staffId(rng.int(0, ctx.staff - 1)),
      medication,
      dosage,
      prescribed_on: isoDay(at),
      pharmacy: external ? { name: "Chewy Pharmacy", integration: "chewy", external_ref: `chewy:ord_${rng.digits(9)}` } : { name: "In-clinic", integration: null, external_ref: null },
      created_at: isoStamp(at),
      modified_at: isoStamp(modifiedAfter(rng, at)),
    };
  });
}

export function paymentRows(rng: Rng, appts: readonly Row[]): Row[] {
  const rows: Row[] = [];
  for (const appt of appts) {
    if (appt.payment_status === "pending" && rng.chance(0.7)) continue;
    const at = Math.min(Date.parse(appt.created_at as string) + 3_600_000, generatedUntilMs);
    rows.push({
      id: `pay_${pad(rows.length + 1, 6)}`,
      patient_id: appt.patient_id,
      appointment_id: rng.chance(0.01) ? `apt_${pad(appts.length + rng.int(1000, 9999), 6)}` : appt.id,
      amount: rng.pick([45, 55, 60, 72.5, 85, 120]),
      currency: "GBP",
      method: rng.pick(["card", "card", "cash", "insurer", "bank_transfer"]),
      status: appt.payment_status === "failed" ? "failed" : rng.chance(0.05) ? "refunded" : "succeeded",
      paid_at: isoStamp(at),
      created_at: isoStamp(at),
      modified_at: isoStamp(modifiedAfter(rng, at)),
    });
  }
  return rows;
}
