/**
 * What we know about PracticeHub's objects beyond what the API lists: the model object each most
 * likely holds and which columns point at other objects. Hints, not filters: an object the API
 * lists and this file doesn't still comes through discover and read, only without them.
 * Every object is keyed by `id`.
 */
import type { SourceReference } from "../../contracts/source.js";

export interface ObjectHints {
  readonly modelHint: string;
  readonly references?: readonly SourceReference[];
  /** Columns holding a `download_url`, served by the source's statFile/readFile. */
  readonly fileColumns?: readonly string[];
}

const to = (column: string, table: string): SourceReference => ({ column, table, tableColumn: "id" });

export const keyColumn = "id";
/** The field every item carries its last change in; the delta cursor advances on it. */
export const changedColumn = "modified_at";

export const objectHints: Readonly<Record<string, ObjectHints>> = {
  clinics: { modelHint: "practice", references: [to("parent_clinic_id", "clinics")] },
  staff: { modelHint: "staff" },
  patients: { modelHint: "patient", references: [to("primary_clinic_id", "clinics"), to("primary_practitioner_id", "staff")] },
  clinic_assignments: { modelHint: "patientPracticeLink", references: [to("patient_id", "patients"), to("clinic_id", "clinics")] },
  appointments: {
    modelHint: "appointment",
    references: [to("patient_id", "patients"), to("practitioner_id", "staff"), to("clinic_id", "clinics")],
  },
  clinical_notes: {
    modelHint: "clinicalNote",
    references: [to("patient_id", "patients"), to("appointment_id", "appointments"), to("author_id", "staff")],
  },
  // The model has no prescription, payment, policy or training object yet: the hints name what
  // the rows are, and mapping proposes nothing for them until the model grows.
  prescriptions: { modelHint: "prescription", references: [to("patient_id", "patients"), to("prescriber_id", "staff")] },
  payments: { modelHint: "payment", references: [to("patient_id", "patients"), to("appointment_id", "appointments")] },
  policy_documents: { modelHint: "policyDocument", fileColumns: ["download_url"] },
  training_records: { modelHint: "trainingRecord", references: [to("staff_id", "staff")] },
  patient_documents: { modelHint: "document", references: [to("patient_id", "patients")], fileColumns: ["download_url"] },
};
