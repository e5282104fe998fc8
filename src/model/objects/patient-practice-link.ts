import { commonFields, field, type ObjectDef } from "../types.js";

export const patientPracticeLink: ObjectDef = {
  name: "patientPracticeLink",
  description: "A patient's association with a practice (many to many).",
  synonyms: ["patient practice", "patient practices", "patient practice link", "affiliation", "association", "patient location"],
  fields: [
    ...commonFields,
    field("patient", "ref", "The patient.", { ref: "patient", required: true, synonyms: ["patient", "patient id", "pt id"] }),
    field("practice", "ref", "The practice.", { ref: "practice", required: true, synonyms: ["practice", "practice id", "clinic id", "location id"] }),
    field("role", "code", "The practice's role for this patient.", { codes: ["primaryCare", "referring", "other"], synonyms: ["role", "link role", "relationship", "type"] }),
    field("startDate", "date", "When the association began.", { synonyms: ["start", "start date", "since", "from"] }),
    field("endDate", "date", "When the association ended.", { synonyms: ["end", "end date", "until", "to"] }),
  ],
};
