import { appointmentNotes, appointmentTypes } from "../visual-practice/word-lists.js";
import type { Rng } from "../visual-practice/prng.js";
import { payers } from "./gen-directory.js";
import { clinicTime, coding, instant, localDateTime, meta, pad, ref, type GenContext } from "./gen-context.js";
import type { NdjsonWriter } from "./ndjson-writer.js";

type CareFiles = Record<"Appointment" | "Encounter" | "Coverage" | "MedicationRequest" | "Claim" | "ServiceRequest", NdjsonWriter>;

const apptStatuses = ["booked", "booked", "fulfilled", "fulfilled", "fulfilled", "cancelled", "noshow", "arrived"] as const;
const medications = [["197361", "Amlodipine 5 MG Oral Tablet"], ["308136", "Amoxicillin 500 MG Oral Capsule"], ["310798", "Hydrochlorothiazide 25 MG"]] as const;
const icd10 = ["E11.9", "I10", "K02.9", "J06.9", "M25.561", "Z00.00"] as const;
const cpt = ["99213", "99214", "D1110", "D0120", "D2391", "97110"] as const;

/**
 * Appointments (participants patient, practitioner, location; some zone-less, some ending before
 * they start, some for a patient that doesn't exist), then Encounters, Coverage, MedicationRequests,
 * Claims and ServiceRequests pointing at them.
 */
export async function writeCare(rng: Rng, ctx: GenContext, out: CareFiles): Promise<void> {
  let appt = 0;
  for (const [index, patient] of ctx.patients.entries()) {
    const coverage = rng.chance(0.8) ? `cov-${pad(index + 1, 6)}` : undefined;
    if (coverage) ctx.coverages.add(coverage);
    for (let k = rng.int(0, 3); k > 0; k -= 1) {
      appt += 1;
      const id = `appt-${pad(appt, 6)}`;
      const type = rng.pick(appointmentTypes);
      const minutes = rng.pick(type.minutes);
      const { date, offset } = clinicTime(rng);
      const zoneless = appt === 2 || rng.chance(0.05);
      const backwards = appt === 3 || rng.chance(0.01);
      const end = new Date(date.getTime() + (backwards ? -minutes : minutes) * 60_000);
      const orphan = appt === 4 || rng.chance(0.01);
      const who = orphan ? "pat-999999" : patient;
      if (zoneless) ctx.dirt.push({ kind: "no-timezone", table: "Appointment", key: id, column: "start" });
      if (backwards) ctx.dirt.push({ kind: "end-before-start", table: "Appointment", key: id });
      if (orphan) ctx.dirt.push({ kind: "orphan-reference", table: "Appointment", key: id, column: "patient", value: who });
      const location = rng.pick(ctx.locations);
      await out.Appointment.write({
        resourceType: "Appointment", id, meta: meta(rng), status: rng.pick(apptStatuses),
        appointmentType: coding("http://terminology.hl7.org/CodeSystem/v2-0276", type.type.toUpperCase().replace(/\W+/g, "_"), type.type),
        reasonCode: [{ text: rng.pick(type.reasons) }], start: localDateTime(date, offset, zoneless), end: localDateTime(end, offset, zoneless),
        minutesDuration: minutes, created: instant(rng), comment: rng.chance(0.3) ? rng.pick(appointmentNotes) : undefined,
        participant: [
          { actor: { ...ref("Patient", who), display: "Patient" }, status: "accepted" },
          { actor: ref("Practitioner", rng.pick(ctx.practitioners)), status: "accepted" },
          { actor: ref("Location", location), status: "accepted" },
        ],
      });
      if (rng.chance(0.5)) await writeEncounter(rng, ctx, out, { patient: who, coverage: orphan ? undefined : coverage, appointment: id, location, start: date, offset });
    }
    if (coverage) {
      const id = coverage;
      const [payer, payerName] = rng.pick(payers);
      await out.Coverage.write({ resourceType: "Coverage", id, meta: meta(rng), status: "active", subscriberId: `S${rng.digits(9)}`,
        beneficiary: ref("Patient", patient), subscriber: ref("Patient", patient), relationship: coding("http://terminology.hl7.org/CodeSystem/subscriber-relationship", "self", "Self"),
        payor: [{ ...ref("Organization", payer), display: payerName }], class: [{ type: coding("http://terminology.hl7.org/CodeSystem/coverage-class", "group", "Group"), value: `G${rng.digits(5)}` }],
        period: { start: `20${rng.int(15, 23)}-01-01` } });
    }
    if (rng.chance(0.4)) {
      const [code, display] = rng.pick(medications);
      await out.MedicationRequest.write({ resourceType: "MedicationRequest", id: `med-${pad(out.MedicationRequest.rows + 1, 6)}`, meta: meta(rng), status: "active", intent: "order",
        medicationCodeableConcept: coding("http://www.nlm.nih.gov/research/umls/rxnorm", code, display), subject: ref("Patient", patient),
        requester: ref("Practitioner", rng.pick(ctx.practitioners)), authoredOn: instant(rng).slice(0, 10),
        dosageInstruction: [{ text: "1 tablet by mouth daily" }], dispenseRequest: { quantity: { value: 30 }, numberOfRepeatsAllowed: rng.int(0, 5) } });
    }
    if (rng.chance(0.25)) {
      await out.ServiceRequest.write({ resourceType: "ServiceRequest", id: `sr-${pad(out.ServiceRequest.rows + 1, 6)}`, meta: meta(rng), status: "active", intent: "order",
        code: coding("http://snomed.info/sct", "3457005", "Patient referral"), subject: ref("Patient", patient), requester: ref("Practitioner", rng.pick(ctx.practitioners)),
        performer: [ref("Organization", rng.pick(ctx.organizations))], authoredOn: instant(rng), occurrenceDateTime: instant(rng).slice(0, 10) });
    }
  }
}

interface Visit {
  readonly patient: string;
  readonly coverage: string | undefined;
  readonly appointment: string;
  readonly location: string;
  readonly start: Date;
  readonly offset: string;
}

async function writeEncounter(rng: Rng, ctx: GenContext, out: CareFiles, visit: Visit): Promise<void> {
  const { patient, coverage, appointment, location, start, offset } = visit;
  const id = `enc-${pad(out.Encounter.rows + 1, 6)}`;
  const organization = ctx.organizations[ctx.locations.indexOf(location) + 1] ?? ctx.organizations[0]!;
  const practitioner = rng.pick(ctx.practitioners);
  await out.Encounter.write({ resourceType: "Encounter", id, meta: meta(rng), status: "finished", class: { system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "AMB", display: "ambulatory" },
    subject: ref("Patient", patient), participant: [{ individual: ref("Practitioner", practitioner) }], appointment: [ref("Appointment", appointment)],
    period: { start: localDateTime(start, offset), end: localDateTime(new Date(start.getTime() + 30 * 60_000), offset) },
    reasonCode: [coding("http://hl7.org/fhir/sid/icd-10-cm", rng.pick(icd10), "Reason")], location: [{ location: ref("Location", location) }], serviceProvider: ref("Organization", organization) });
  ctx.encounters.push(id);
  if (rng.chance(0.7)) {
    await out.Claim.write({ resourceType: "Claim", id: `claim-${pad(out.Claim.rows + 1, 6)}`, meta: meta(rng), status: "active", use: "claim",
      type: coding("http://terminology.hl7.org/CodeSystem/claim-type", "professional", "Professional"), patient: ref("Patient", patient), created: instant(rng),
      provider: ref("Practitioner", practitioner), insurer: ref("Organization", rng.pick(payers)[0]), priority: coding("http://terminology.hl7.org/CodeSystem/processpriority", "normal", "Normal"),
      insurance: coverage ? [{ sequence: 1, focal: true, coverage: ref("Coverage", coverage) }] : undefined, diagnosis: [{ sequence: 1, diagnosisCodeableConcept: coding("http://hl7.org/fhir/sid/icd-10-cm", rng.pick(icd10), "Diagnosis") }],
      item: [{ sequence: 1, productOrService: coding("http://www.ama-assn.org/go/cpt", rng.pick(cpt), "Procedure") }], total: { value: rng.int(40, 900), currency: "USD" } });
  }
}
