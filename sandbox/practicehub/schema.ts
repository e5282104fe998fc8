/**
 * PracticeHub's objects and their top-level fields, as `GET /v1/objects` lists them. `fields=`
 * projection accepts exactly these names. Object-typed fields nest (`address.city`); the keys
 * under `custom_fields` are each account's own and are not listed (the API can't know them).
 */
export type FieldType = "string" | "number" | "boolean" | "date" | "datetime" | "object" | "array";

export interface FieldSpec {
  readonly name: string;
  readonly type: FieldType;
}

export interface ObjectSpec {
  readonly name: string;
  readonly fields: readonly FieldSpec[];
}

const f = (spec: string): FieldSpec[] =>
  spec.split(/\s+/).filter(Boolean).map((part) => {
    const [name, type] = part.split(":") as [string, FieldType | undefined];
    return { name, type: type ?? "string" };
  });

const stamps = "created_at:datetime modified_at:datetime";
const address = "address:object";

/** In dependency order: parents before the rows that point at them. */
export const objectSpecs: readonly ObjectSpec[] = [
  { name: "clinics", fields: f(`id name parent_clinic_id ${address} phone email website timezone active:boolean ${stamps}`) },
  { name: "staff", fields: f(`id first_name last_name email role specialization clinic_ids:array active:boolean has_login:boolean ${stamps}`) },
  {
    name: "patients",
    fields: f(`id first_name last_name preferred_name date_of_birth:date sex email phone mobile ${address} primary_clinic_id
      primary_practitioner_id status insurance:object referral:object custom_fields:object ${stamps}`),
  },
  { name: "clinic_assignments", fields: f(`id patient_id clinic_id started_on:date ended_on:date ${stamps}`) },
  { name: "appointments", fields: f(`id patient_id practitioner_id clinic_id starts_at:datetime ends_at:datetime type status payment_status ${stamps}`) },
  { name: "clinical_notes", fields: f(`id patient_id appointment_id author_id title body ${stamps}`) },
  { name: "prescriptions", fields: f(`id patient_id prescriber_id medication dosage prescribed_on:date pharmacy:object ${stamps}`) },
  { name: "payments", fields: f(`id patient_id appointment_id amount:number currency method status paid_at:datetime ${stamps}`) },
  { name: "policy_documents", fields: f(`id title category file_name size_bytes:number download_url ${stamps}`) },
  { name: "training_records", fields: f(`id staff_id course completed_on:date certification_status expires_on:date ${stamps}`) },
  {
    name: "patient_documents",
    fields: f(`id patient_id title category file_name mime_type size_bytes:number download_url uploaded_at:datetime ${stamps}`),
  },
];

export function objectSpec(name: string): ObjectSpec | undefined {
  return objectSpecs.find((spec) => spec.name === name);
}
