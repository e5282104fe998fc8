import { prefixNaming, type Landing, type NoteColumns, type TargetTemplate } from "./template.js";

/** annotation columns per note part (Learn: reference/entities/annotation). */
const annotationColumns: NoteColumns = {
  parent: "objectid", subject: "subject", text: "notetext", fileName: "filename", mimeType: "mimetype",
  file: "documentbody", createdOn: "overriddencreatedon", fileReadAs: "documentbody",
};

export interface DataverseTemplateOptions {
  /** Secondary practice links as connection rows (default) or rows of a custom table
   * `<prefix>_patientpractice` with lookups to the contact and the account. */
  readonly practiceLinks?: "connections" | "table";
}

/**
 * Practice model → Dynamics 365 Sales (Dataverse). Follows the Visual Practice → Dynamics page:
 * practice → account (parent account for locations), patient → contact (primary account = most
 * recently modified practice link, other links → connections with a role, no practice →
 * "Unaffiliated Patients"), staff → systemuser by email (owner), custom properties → hc_ columns.
 */
export function dataverseTemplate(prefix = "hc", options: DataverseTemplateOptions = {}): TargetTemplate {
  const none = (reason: string) => ({ kind: "none", reason }) as const;
  const base = connectionsTemplate(prefix, none);
  return options.practiceLinks === "table" ? linkTableTemplate(base, prefix) : base;
}

/** Links in a custom table: one row per secondary link, lookups to contact and account. */
function linkTableTemplate(base: TargetTemplate, prefix: string): TargetTemplate {
  const table = `${prefix}_patientpractice`;
  const fields: Record<string, Landing> = { ...base.fields };
  fields["patientPracticeLink.patient"] = { kind: "lookup", column: `${prefix}_patient`, refObject: "patient" };
  fields["patientPracticeLink.practice"] = { kind: "lookup", column: `${prefix}_practice`, refObject: "practice" };
  fields["patientPracticeLink.role"] = { kind: "column", column: `${prefix}_role` };
  fields["patientPracticeLink.startDate"] = { kind: "column", column: `${prefix}_startdate` };
  fields["patientPracticeLink.endDate"] = { kind: "column", column: `${prefix}_enddate` };
  return {
    ...base,
    objects: {
      ...base.objects,
      patientPracticeLink: { table, description: `most recent link → contact.parentcustomerid; other links → ${table} rows` },
    },
    fields,
    tablesWritten: ["account", "contact", table, "appointment", "annotation"],
  };
}

function connectionsTemplate(prefix: string, none: (reason: string) => { readonly kind: "none"; readonly reason: string }): TargetTemplate {
  return {
    target: "dataverse",
    prefix,
    sourceKeyColumn: `${prefix}_sourcekey`,
    naming: prefixNaming(prefix),
    primaryPractice: { patientTable: "contact", column: "parentcustomerid", practiceTable: "account", nameColumn: "name" },
    linkRoleTable: "connectionrole",
    objects: {
      practice: { table: "account", description: "practice → account" },
      patient: { table: "contact", description: "patient → contact" },
      patientPracticeLink: {
        table: "connection",
        description: "most recent link → contact.parentcustomerid; other links → connection with a role",
      },
      staff: { table: null, description: "staff → systemuser by email (record owner); not written" },
      appointment: { table: "appointment", description: "appointment → appointment activity regarding the contact, with its original times and state" },
      clinicalNote: { table: "annotation", notes: annotationColumns, description: "clinical note → note on the contact; text over the column's length split into flagged parts" },
      document: { table: "annotation", notes: annotationColumns, description: "document → note with the file attached on the contact; files over the org's upload limit flagged in the plan" },
    },
    fields: {
      "practice.sourceId": none("becomes the row's source key (hc_sourcekey)"),
      "practice.createdAt": { kind: "column", column: "overriddencreatedon", createOnly: true, readAs: "createdon" },
      "practice.modifiedAt": none("drives delta; the target keeps its own modifiedon"),
      "practice.name": { kind: "column", column: "name" },
      "practice.parent": { kind: "lookup", column: "parentaccountid", refObject: "practice" },
      "practice.size": { kind: "column", column: "numberofemployees" },
      "practice.addressLine1": { kind: "column", column: "address1_line1" },
      "practice.addressLine2": { kind: "column", column: "address1_line2" },
      "practice.city": { kind: "column", column: "address1_city" },
      "practice.region": { kind: "column", column: "address1_stateorprovince" },
      "practice.postalCode": { kind: "column", column: "address1_postalcode" },
      "practice.country": { kind: "column", column: "address1_country" },
      "practice.phone": { kind: "column", column: "telephone1" },
      "practice.email": { kind: "column", column: "emailaddress1" },
      "practice.website": { kind: "column", column: "websiteurl" },

      "patient.sourceId": none("becomes the row's source key (hc_sourcekey)"),
      "patient.createdAt": { kind: "column", column: "overriddencreatedon", createOnly: true, readAs: "createdon" },
      "patient.modifiedAt": none("drives delta; the target keeps its own modifiedon"),
      "patient.firstName": { kind: "column", column: "firstname" },
      "patient.middleName": { kind: "column", column: "middlename" },
      "patient.lastName": { kind: "column", column: "lastname" },
      "patient.birthDate": { kind: "column", column: "birthdate" },
      "patient.sex": { kind: "column", column: "gendercode", valueMap: { male: 1, female: 2 } },
      "patient.email": { kind: "column", column: "emailaddress1" },
      "patient.phoneWork": { kind: "column", column: "telephone1" },
      "patient.phoneHome": { kind: "column", column: "telephone2" },
      "patient.phoneMobile": { kind: "column", column: "mobilephone" },
      "patient.addressLine1": { kind: "column", column: "address1_line1" },
      "patient.addressLine2": { kind: "column", column: "address1_line2" },
      "patient.city": { kind: "column", column: "address1_city" },
      "patient.region": { kind: "column", column: "address1_stateorprovince" },
      "patient.postalCode": { kind: "column", column: "address1_postalcode" },
      "patient.country": { kind: "column", column: "address1_country" },
      "patient.primaryProvider": { kind: "owner", column: "ownerid" },

      "patientPracticeLink.sourceId": none("becomes the connection's source key"),
      "patientPracticeLink.createdAt": none("connections keep the target's own createdon"),
      "patientPracticeLink.modifiedAt": none("picks the primary practice: the most recently modified link"),
      "patientPracticeLink.patient": { kind: "lookup", column: "record1id", refObject: "patient" },
      "patientPracticeLink.practice": { kind: "lookup", column: "record2id", refObject: "practice" },
      "patientPracticeLink.role": { kind: "lookup", column: "record2roleid", refObject: "connectionRole", handoverTable: "connectionrole" },
      "patientPracticeLink.startDate": { kind: "column", column: "effectivestart" },
      "patientPracticeLink.endDate": { kind: "column", column: "effectiveend" },

      "appointment.sourceId": none("becomes the activity's source key"),
      "appointment.createdAt": { kind: "column", column: "overriddencreatedon", createOnly: true, readAs: "createdon" },
      "appointment.modifiedAt": none("drives delta; the target keeps its own modifiedon"),
      "appointment.patient": { kind: "lookup", column: "regardingobjectid", refObject: "patient" },
      "appointment.provider": { kind: "owner", column: "ownerid" },
      "appointment.practice": none("the patient's account already ties the visit to the practice"),
      "appointment.start": { kind: "column", column: "scheduledstart" },
      "appointment.end": { kind: "column", column: "scheduledend" },
      "appointment.durationMinutes": none("Dataverse derives the duration from start and end"),
      "appointment.type": { kind: "column", column: "subject" },
      "appointment.reason": { kind: "column", column: "description" },
      // Appointment states: 0 Open, 1 Completed (status 3), 2 Canceled (4), 3 Scheduled (Busy 5).
      "appointment.status": {
        kind: "state",
        map: {
          scheduled: { statecode: 3, statuscode: 5 }, confirmed: { statecode: 3, statuscode: 5 },
          completed: { statecode: 1, statuscode: 3 }, cancelled: { statecode: 2, statuscode: 4 }, noShow: { statecode: 2, statuscode: 4 },
        },
      },

      "clinicalNote.sourceId": none("becomes the note's source key"),
      "clinicalNote.createdAt": none("the note keeps writtenAt as its creation time"),
      "clinicalNote.modifiedAt": none("drives delta; the target keeps its own modifiedon"),
      "clinicalNote.patient": { kind: "lookup", column: "objectid", refObject: "patient" },
      "clinicalNote.appointment": none("the note sits on the patient's contact; the visit is named in its subject by the source"),
      "clinicalNote.author": none("notes take the migration's identity as owner; the author stays in the source archive"),
      "clinicalNote.title": { kind: "column", column: "subject" },
      "clinicalNote.body": { kind: "column", column: "notetext" },
      "clinicalNote.format": none("the text is moved as written (RTF/HTML markup kept)"),
      "clinicalNote.writtenAt": { kind: "column", column: "overriddencreatedon", createOnly: true, readAs: "createdon" },

      "document.sourceId": none("becomes the note's source key"),
      "document.createdAt": none("the note keeps uploadedAt as its creation time"),
      "document.modifiedAt": none("drives delta; the target keeps its own modifiedon"),
      "document.patient": { kind: "lookup", column: "objectid", refObject: "patient" },
      "document.fileName": { kind: "column", column: "filename" },
      "document.mimeType": { kind: "column", column: "mimetype" },
      "document.sizeBytes": none("Dataverse computes filesize from the file"),
      "document.content": { kind: "column", column: "documentbody" },
      "document.category": { kind: "column", column: "subject" },
      "document.uploadedAt": { kind: "column", column: "overriddencreatedon", createOnly: true, readAs: "createdon" },

      "staff.sourceId": none("identifies the staff member as a record owner"),
      "staff.email": none("matched to a CRM user (systemuser.internalemailaddress)"),
      "staff.createdAt": none("staff are resolved to existing CRM users, not written"),
      "staff.modifiedAt": none("staff are resolved to existing CRM users, not written"),
      "staff.firstName": none("shown in the owner report"),
      "staff.lastName": none("shown in the owner report"),
      "staff.role": none("staff are resolved to existing CRM users, not written"),
      "staff.npi": none("staff are resolved to existing CRM users, not written"),
      "staff.licenseNumber": none("staff are resolved to existing CRM users, not written"),
      "staff.specializations": none("staff are resolved to existing CRM users, not written"),
      "staff.credentials": none("staff are resolved to existing CRM users, not written"),
      "staff.practice": none("staff are resolved to existing CRM users, not written"),
      "staff.active": none("the CRM user's own status decides (inactive users fall back)"),
    },
    derivedLookups: [
      { table: "contact", column: "parentcustomerid", refTable: "account", description: "primary practice (most recent link) or Unaffiliated Patients" },
    ],
    tablesWritten: ["account", "connectionrole", "contact", "connection", "appointment", "annotation"],
  };
}
