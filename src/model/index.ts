import { appointment } from "./objects/appointment.js";
import { clinicalNote } from "./objects/clinical-note.js";
import { document } from "./objects/document.js";
import { patient } from "./objects/patient.js";
import { patientPracticeLink } from "./objects/patient-practice-link.js";
import { practice } from "./objects/practice.js";
import { staff } from "./objects/staff.js";
import type { FieldDef, ObjectDef } from "./types.js";

export * from "./types.js";

/** Every object of the practice model, by name (practice, patient, link, staff, appointment, clinical note, document). */
export const model: Readonly<Record<string, ObjectDef>> = Object.freeze({
  practice,
  patient,
  patientPracticeLink,
  staff,
  appointment,
  clinicalNote,
  document,
});

export function getObject(name: string): ObjectDef | undefined {
  return model[name];
}

/** Looks up `object.field` keys such as "patient.birthDate". */
export function getField(key: string): FieldDef | undefined {
  const [objectName, fieldName] = key.split(".");
  return model[objectName ?? ""]?.fields.find((f) => f.name === fieldName);
}
