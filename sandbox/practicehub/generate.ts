/**
 * A whole PracticeHub account from a seed and a patient count. Every object has its own derived
 * Rng, so changing how one object is generated never shifts another's values.
 *
 * @example generateAccount({ seed: 7, patients: 200 }).get("patients")?.length // 200
 */
import { Rng } from "../visual-practice/prng.js";
import { appointments, clinicalNotes, paymentRows, prescriptions } from "./gen-care.js";
import { clinics, policyDocuments, staff, trainingRecords } from "./gen-org.js";
import { patientDocuments } from "./gen-files.js";
import { clinicAssignments, patients } from "./gen-patients.js";
import type { Dataset, Row } from "./row.js";

export interface GenerateOptions {
  readonly seed: number;
  readonly patients: number;
}

export function generateAccount({ seed, patients: patientCount }: GenerateOptions): Dataset {
  const rng = (label: string): Rng => Rng.derive(seed, label);
  const ctx = {
    patients: patientCount,
    clinics: Math.max(2, Math.ceil(patientCount / 150)),
    staff: Math.max(5, Math.ceil(patientCount / 20)),
  };
  const people = patients(rng("patients"), patientCount, ctx);
  const appts = appointments(rng("appointments"), Math.round(patientCount * 2.5), ctx);
  const data: [string, Row[]][] = [
    ["clinics", clinics(rng("clinics"), ctx.clinics)],
    ["staff", staff(rng("staff"), ctx.staff, ctx.clinics)],
    ["patients", people],
    ["clinic_assignments", clinicAssignments(rng("clinic_assignments"), people, ctx.clinics)],
    ["appointments", appts],
    ["clinical_notes", clinicalNotes(rng("clinical_notes"), Math.round(patientCount * 0.8), appts, ctx)],
    ["prescriptions", prescriptions(rng("prescriptions"), Math.round(patientCount * 0.4), ctx)],
    ["payments", paymentRows(rng("payments"), appts)],
    ["policy_documents", policyDocuments(rng("policy_documents"))],
    ["training_records", trainingRecords(rng("training_records"), ctx.staff)],
    ["patient_documents", patientDocuments(rng("patient_documents"), people)],
  ];
  return new Map(data);
}
