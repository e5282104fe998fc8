import { address, at, concept, concepts, choice, humanName, identifier, list, npiSystem, period, putReference, putStaff, reference, ssnSystem, telecom, text, type Row } from "./flatten-values.js";
import type { ResourceTableSpec } from "./table-spec.js";

const nameColumns = ["name_family", "name_given", "name_prefix", "name_suffix", "name_text"];
const telecomColumns = ["telecom_phone_home", "telecom_phone_work", "telecom_phone_mobile", "telecom_phone", "telecom_email", "telecom_fax"];
const addressColumns = ["address_line", "address_city", "address_state", "address_postalCode", "address_country"];
const taxSystems = ["urn:oid:2.16.840.1.113883.4.4"];

const common = (r: Readonly<Record<string, unknown>>): Row => ({ id: text(r.id), meta_lastUpdated: text(at(r, "meta", "lastUpdated")) });

/**
 * Patient → patient. The MRN is the identifier typed `MR` (HL7 v2 table 0203), as US Core puts it.
 * `generalPractitioner` is the first one that is a person (the model's primary provider; a role
 * resolved to its practitioner); one that is an Organization is a practice, and becomes a
 * primary-care link in PatientPracticeLink (tables-link.ts) with `managingOrganization`.
 */
export const patientTable: ResourceTableSpec = {
  type: "Patient",
  modelHint: "patient",
  usesDirectory: true,
  columns: ["id", "identifier_mrn", "identifier_ssn", ...nameColumns, "birthDate", "gender", ...telecomColumns, ...addressColumns,
    "maritalStatus", "communication_language", "deceased", "generalPractitioner", "generalPractitioner_type", "managingOrganization", "active", "meta_lastUpdated"],
  references: [
    { column: "generalPractitioner", tables: ["Practitioner", "PractitionerRole"] },
    { column: "managingOrganization", tables: ["Organization"] },
  ],
  flatten(r, { directory }) {
    const row: Row = {
      ...common(r), identifier_mrn: identifier(r.identifier, { codes: ["MR"] }), identifier_ssn: identifier(r.identifier, { codes: ["SS", "SB"], systems: [ssnSystem] }),
      ...humanName(r.name), birthDate: text(r.birthDate), gender: text(r.gender), ...telecom(r.telecom), ...address(r.address),
      maritalStatus: concept(r.maritalStatus).code, communication_language: concept(at(list(r.communication)[0], "language")).code,
      deceased: choice(r, "deceased"), active: text(r.active),
    };
    const person = list(r.generalPractitioner).find((gp) => ["Practitioner", "PractitionerRole"].includes(reference(gp).type));
    putStaff(row, "generalPractitioner", person, directory);
    putReference(row, "managingOrganization", r.managingOrganization);
    return row;
  },
};

/** Practitioner → staff. Credentials come from `qualification` codes (MD, DDS…). */
export const practitionerTable: ResourceTableSpec = {
  type: "Practitioner",
  modelHint: "staff",
  columns: ["id", "identifier_npi", ...nameColumns, "gender", "birthDate", ...telecomColumns, ...addressColumns, "qualification", "active", "meta_lastUpdated"],
  references: [],
  flatten: (r) => ({
    ...common(r), identifier_npi: identifier(r.identifier, { codes: ["NPI"], systems: [npiSystem] }), ...humanName(r.name),
    gender: text(r.gender), birthDate: text(r.birthDate), ...telecom(r.telecom), ...address(r.address),
    qualification: list(r.qualification).map((q) => concept(at(q, "code")).code).filter((c) => c !== "").join("; "), active: text(r.active),
  }),
};

/**
 * PractitionerRole: who works where in which role. No model object of its own: it carries what
 * staff.role, staff.specializations and staff.practice need, joined to Practitioner by `practitioner`.
 */
export const practitionerRoleTable: ResourceTableSpec = {
  type: "PractitionerRole",
  columns: ["id", "practitioner", "organization", "location", "code", "specialty", ...telecomColumns, "period_start", "period_end", "active", "meta_lastUpdated"],
  references: [
    { column: "practitioner", tables: ["Practitioner"] },
    { column: "organization", tables: ["Organization"] },
    { column: "location", tables: ["Location"] },
  ],
  flatten(r) {
    const row: Row = { ...common(r), code: concepts(r.code), specialty: concepts(r.specialty), ...telecom(r.telecom), ...period(r.period), active: text(r.active) };
    putReference(row, "practitioner", r.practitioner);
    putReference(row, "organization", r.organization);
    putReference(row, "location", list(r.location)[0]);
    return row;
  },
};

/** Organization → practice. `partOf` is given as `parent`, the model's name for it. */
export const organizationTable: ResourceTableSpec = {
  type: "Organization",
  modelHint: "practice",
  columns: ["id", "identifier_npi", "identifier_tax", "name", "alias", "type", ...telecomColumns, ...addressColumns, "parent", "active", "meta_lastUpdated"],
  references: [{ column: "parent", tables: ["Organization"] }],
  flatten(r) {
    const row: Row = {
      ...common(r), identifier_npi: identifier(r.identifier, { codes: ["NPI"], systems: [npiSystem] }),
      identifier_tax: identifier(r.identifier, { codes: ["TAX"], systems: taxSystems }), name: text(r.name),
      alias: list(r.alias).map(text).join("; "), type: concepts(r.type), ...telecom(r.telecom), ...address(r.address), active: text(r.active),
    };
    putReference(row, "parent", r.partOf);
    return row;
  },
};

/** Location: a clinic's site. Organization holds the practice (one source table per model
 * object); a site is its own table, related by `managingOrganization`. */
export const locationTable: ResourceTableSpec = {
  type: "Location",
  columns: ["id", "name", "alias", "description", "status", "mode", "type", ...telecomColumns, ...addressColumns, "managingOrganization", "parent", "meta_lastUpdated"],
  references: [
    { column: "managingOrganization", tables: ["Organization"] },
    { column: "parent", tables: ["Location"] },
  ],
  flatten(r) {
    const row: Row = {
      ...common(r), name: text(r.name), alias: list(r.alias).map(text).join("; "), description: text(r.description), status: text(r.status),
      mode: text(r.mode), type: concepts(r.type), ...telecom(r.telecom), ...address(r.address),
    };
    putReference(row, "managingOrganization", r.managingOrganization);
    putReference(row, "parent", r.partOf);
    return row;
  },
};
