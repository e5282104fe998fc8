import type { Directory } from "./directory.js";
import { at, choice, concept, concepts, list, patientColumns, period, putPatient, putReference, putStaff, reference, text, type Json, type Row } from "./flatten-values.js";
import type { ResourceTableSpec } from "./table-spec.js";

const common = (r: Readonly<Record<string, Json>>): Row => ({ id: text(r.id), meta_lastUpdated: text(at(r, "meta", "lastUpdated")) });
const staffTypes = ["Practitioner", "PractitionerRole"];

/** The first participant actor of each kind: Appointment has no patient field, only participants. A role is resolved to its practitioner. */
function participants(values: Json, path: string[], directory: Directory): Row {
  const row: Row = { patient: "", practitioner: "", practitioner_type: "", location: "" };
  for (const participant of list(values)) {
    const actor = at(participant, ...path);
    const { id, type } = reference(actor);
    if (id === "") continue;
    if (type === "Patient" && row.patient === "") row.patient = id;
    else if (staffTypes.includes(type) && row.practitioner === "") putStaff(row, "practitioner", actor, directory);
    else if (type === "Location" && row.location === "") row.location = id;
  }
  return row;
}

/** Appointment → appointment; patient, practitioner and location come out of `participant[].actor`. */
export const appointmentTable: ResourceTableSpec = {
  type: "Appointment",
  modelHint: "appointment",
  usesDirectory: true,
  columns: ["id", "status", "appointmentType", "appointmentType_text", "serviceType", "reasonCode", "reasonCode_text", "description", "start", "end",
    "minutesDuration", "created", "comment", "patient", "practitioner", "practitioner_type", "location", "meta_lastUpdated"],
  references: [
    { column: "patient", tables: ["Patient"] },
    { column: "practitioner", tables: staffTypes },
    { column: "location", tables: ["Location"] },
  ],
  flatten(r, { directory }) {
    const type = concept(r.appointmentType);
    const reason = concept(list(r.reasonCode)[0]);
    return {
      ...common(r), status: text(r.status), appointmentType: type.code, appointmentType_text: type.text, serviceType: concepts(r.serviceType),
      reasonCode: reason.code, reasonCode_text: reason.text, description: text(r.description), start: text(r.start), end: text(r.end),
      minutesDuration: text(r.minutesDuration), created: text(r.created), comment: text(r.comment), ...participants(r.participant, ["actor"], directory),
    };
  },
};

/** Encounter: a visit that happened. No model object yet (the model's `encounter` is planned). */
export const encounterTable: ResourceTableSpec = {
  type: "Encounter",
  usesDirectory: true,
  columns: ["id", "status", "class", "type", "type_text", ...patientColumns, "practitioner", "practitioner_type", "period_start", "period_end",
    "reasonCode", "reasonCode_text", "serviceProvider", "location", "appointment", "meta_lastUpdated"],
  references: [
    { column: "patient", tables: ["Patient"] },
    { column: "practitioner", tables: staffTypes },
    { column: "serviceProvider", tables: ["Organization"] },
    { column: "location", tables: ["Location"] },
    { column: "appointment", tables: ["Appointment"] },
  ],
  flatten(r, { directory }) {
    const type = concept(list(r.type)[0]);
    const reason = concept(list(r.reasonCode)[0]);
    const row: Row = {
      ...common(r), status: text(r.status), class: concept(r.class).code, type: type.code, type_text: type.text, ...period(r.period),
      reasonCode: reason.code, reasonCode_text: reason.text,
    };
    const staff = participants(r.participant, ["individual"], directory);
    Object.assign(row, { practitioner: staff.practitioner, practitioner_type: staff.practitioner_type });
    putPatient(row, r.subject);
    putReference(row, "serviceProvider", r.serviceProvider);
    putReference(row, "location", at(list(r.location)[0], "location"));
    putReference(row, "appointment", list(r.appointment)[0]);
    return row;
  },
};

/** Coverage: a patient's insurance (the model's planned insurancePolicy). */
export const coverageTable: ResourceTableSpec = {
  type: "Coverage",
  columns: ["id", "status", "type", "subscriberId", "patient", "subscriber", "subscriber_type", "relationship", "payor", "payor_type",
    "class_group", "class_plan", "order", "network", "period_start", "period_end", "meta_lastUpdated"],
  references: [
    { column: "patient", tables: ["Patient"] },
    { column: "subscriber", tables: ["Patient", "RelatedPerson"] },
    { column: "payor", tables: ["Organization", "Patient", "RelatedPerson"] },
  ],
  flatten(r) {
    const classValue = (code: string) => text(at(list(r.class).find((c) => concept(at(c, "type")).code === code), "value"));
    const row: Row = {
      ...common(r), status: text(r.status), type: concept(r.type).code, subscriberId: text(r.subscriberId), relationship: concept(r.relationship).code,
      class_group: classValue("group"), class_plan: classValue("plan"), order: text(r.order), network: text(r.network), ...period(r.period),
    };
    // The beneficiary is always a Patient (R4): `patient`, the name every table gives the patient.
    putReference(row, "patient", r.beneficiary);
    putReference(row, "subscriber", r.subscriber, true);
    putReference(row, "payor", list(r.payor)[0], true);
    return row;
  },
};

/** MedicationRequest: a prescription (the model's planned `prescription`). */
export const medicationRequestTable: ResourceTableSpec = {
  type: "MedicationRequest",
  usesDirectory: true,
  columns: ["id", "status", "intent", "medication", "medication_text", ...patientColumns, "requester", "requester_type", "authoredOn", "dosageInstruction_text",
    "dispenseRequest_quantity", "dispenseRequest_numberOfRepeatsAllowed", "encounter", "meta_lastUpdated"],
  references: [
    { column: "patient", tables: ["Patient"] },
    { column: "requester", tables: staffTypes },
    { column: "encounter", tables: ["Encounter"] },
  ],
  flatten(r, { directory }) {
    const med = r.medicationReference !== undefined ? { code: reference(r.medicationReference).id, text: text(at(r.medicationReference, "display")) } : concept(r.medicationCodeableConcept);
    const row: Row = {
      ...common(r), status: text(r.status), intent: text(r.intent), medication: med.code, medication_text: med.text, authoredOn: text(r.authoredOn),
      dosageInstruction_text: text(at(list(r.dosageInstruction)[0], "text")), dispenseRequest_quantity: text(at(r, "dispenseRequest", "quantity", "value")),
      dispenseRequest_numberOfRepeatsAllowed: text(at(r, "dispenseRequest", "numberOfRepeatsAllowed")),
    };
    putPatient(row, r.subject);
    putStaff(row, "requester", r.requester, directory);
    putReference(row, "encounter", r.encounter);
    return row;
  },
};

/** Claim: billing sent to a payer (the model's planned `claim`). Codes of all diagnoses and items, joined. */
export const claimTable: ResourceTableSpec = {
  type: "Claim",
  usesDirectory: true,
  columns: ["id", "status", "use", "type", "patient", "provider", "provider_type", "insurer", "created", "billablePeriod_start", "billablePeriod_end",
    "priority", "diagnosis", "procedure", "insurance_coverage", "total_value", "total_currency", "meta_lastUpdated"],
  references: [
    { column: "patient", tables: ["Patient"] },
    { column: "provider", tables: ["Practitioner", "Organization", "PractitionerRole"] },
    { column: "insurer", tables: ["Organization"] },
    { column: "insurance_coverage", tables: ["Coverage"] },
  ],
  flatten(r, { directory }) {
    const row: Row = {
      ...common(r), status: text(r.status), use: text(r.use), type: concept(r.type).code, created: text(r.created), ...period(r.billablePeriod, "billablePeriod"),
      priority: concept(r.priority).code, diagnosis: list(r.diagnosis).map((d) => concept(at(d, "diagnosisCodeableConcept")).code).filter(Boolean).join("; "),
      procedure: list(r.item).map((i) => concept(at(i, "productOrService")).code).filter(Boolean).join("; "),
      total_value: text(at(r, "total", "value")), total_currency: text(at(r, "total", "currency")),
    };
    putReference(row, "patient", r.patient);
    putStaff(row, "provider", r.provider, directory);
    putReference(row, "insurer", r.insurer);
    putReference(row, "insurance_coverage", at(list(r.insurance)[0], "coverage"));
    return row;
  },
};

/** ServiceRequest: an order or referral (the model's planned `referral`). */
export const serviceRequestTable: ResourceTableSpec = {
  type: "ServiceRequest",
  usesDirectory: true,
  columns: ["id", "status", "intent", "priority", "code", "code_text", ...patientColumns, "requester", "requester_type", "performer", "performer_type",
    "authoredOn", "occurrence", "reasonCode", "encounter", "meta_lastUpdated"],
  references: [
    { column: "patient", tables: ["Patient"] },
    { column: "requester", tables: staffTypes },
    { column: "performer", tables: ["Practitioner", "Organization", "PractitionerRole"] },
    { column: "encounter", tables: ["Encounter"] },
  ],
  flatten(r, { directory }) {
    const code = concept(r.code);
    const row: Row = {
      ...common(r), status: text(r.status), intent: text(r.intent), priority: text(r.priority), code: code.code, code_text: code.text,
      authoredOn: text(r.authoredOn), occurrence: choice(r, "occurrence") || text(at(r, "occurrencePeriod", "start")), reasonCode: concepts(r.reasonCode),
    };
    putPatient(row, r.subject);
    putStaff(row, "requester", r.requester, directory);
    putStaff(row, "performer", list(r.performer)[0], directory);
    putReference(row, "encounter", r.encounter);
    return row;
  },
};
