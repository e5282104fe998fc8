import { commonFields, field, type ObjectDef } from "../types.js";

export const appointment: ObjectDef = {
  name: "appointment",
  description: "A scheduled visit of a patient with a provider.",
  synonyms: ["appointment", "appointments", "appt", "appts", "visit", "visits", "booking", "schedule"],
  fields: [
    ...commonFields,
    field("patient", "ref", "The patient.", { ref: "patient", required: true, synonyms: ["patient", "patient id", "pt id"] }),
    field("provider", "ref", "The provider seeing the patient (owns the activity).", { ref: "staff", synonyms: ["provider", "provider id", "doctor", "dentist", "clinician"] }),
    field("practice", "ref", "Where the appointment takes place.", { ref: "practice", synonyms: ["practice", "practice id", "location", "clinic id", "office"] }),
    field("start", "dateTime", "Scheduled start.", { required: true, synonyms: ["start", "appt start", "start time", "scheduled start", "begin", "appointment date"] }),
    field("end", "dateTime", "Scheduled end.", { synonyms: ["end", "appt end", "end time", "scheduled end", "finish"] }),
    field("durationMinutes", "int", "Length in minutes.", { synonyms: ["duration", "duration min", "minutes", "length"] }),
    field("type", "code", "Kind of visit (cleaning, exam…).", { synonyms: ["type", "appt type", "appointment type", "visit type", "procedure"] }),
    field("status", "code", "Where the appointment stands.", { codes: ["scheduled", "confirmed", "completed", "cancelled", "noShow"], synonyms: ["status", "appt status", "appointment status", "state"] }),
    field("reason", "text", "Reason for the visit.", { phi: true, synonyms: ["reason", "reason for visit", "chief complaint", "complaint"] }),
    field("note", "longText", "Notes on the appointment.", { phi: true, synonyms: ["notes", "appt notes", "note", "comments", "memo"] }),
    field("paymentStatus", "code", "Payment for the visit.", { codes: ["paid", "pending", "failed"], synonyms: ["payment status", "payment", "paid", "billing status"] }),
  ],
};
