import { commonFields, field, type ObjectDef } from "../types.js";

export const staff: ObjectDef = {
  name: "staff",
  description: "A provider, practitioner or staff member (resolved to a CRM user by email).",
  synonyms: ["staff", "provider", "providers", "practitioner", "user", "users", "doctor", "employee", "prov"],
  fields: [
    ...commonFields,
    field("firstName", "text", "Given name.", { synonyms: ["first name", "first", "given name", "fname"] }),
    field("lastName", "text", "Family name.", { synonyms: ["last name", "last", "surname", "lname"] }),
    field("email", "text", "Work email; matched to CRM users.", { synonyms: ["email", "e-mail", "email address", "work email"] }),
    field("role", "code", "Role in the practice.", { codes: ["physician", "dentist", "hygienist", "nurse", "technician", "admin", "other"], synonyms: ["role", "title", "position", "job title"] }),
    field("npi", "text", "Individual National Provider Identifier.", { synonyms: ["npi", "npi number", "provider npi"] }),
    field("licenseNumber", "text", "State license number.", { synonyms: ["license", "license number", "license no", "lic no"] }),
    field("deaNumber", "text", "DEA registration number.", { synonyms: ["dea", "dea number"] }),
    field("specializations", "codes", "Clinical specializations.", { synonyms: ["specialty", "specialties", "specialization"] }),
    field("credentials", "text", "Credentials (DDS, MD, RDH).", { synonyms: ["credentials", "degree", "suffix", "creds"] }),
    field("practice", "ref", "Home practice.", { ref: "practice", synonyms: ["practice", "home practice", "practice id", "location"] }),
    field("active", "bool", "Whether the staff member is active.", { synonyms: ["active", "is active", "enabled", "status"] }),
  ],
};
