import type { Landing, NoteColumns, TargetNaming, TargetTemplate } from "./template.js";

/** Salesforce API names for what we add: `Word_Word__c`, letters, digits and single underscores,
 * at most 40 characters before the suffix (Object Reference: "Custom Fields"). */
export const salesforceNaming: TargetNaming = {
  column: (name) => {
    const words = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").split(/[^A-Za-z0-9]+/).filter(Boolean);
    let api = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("_").slice(0, 40).replace(/_+$/, "");
    if (!/^[A-Za-z]/.test(api)) api = `X${api}`;
    return `${api || "Field"}__c`;
  },
  isCustom: (name) => name.endsWith("__c"),
  primaryName: () => "Name",
};

/** A text note: ContentNote (the "Notes" of Lightning), linked to the record it sits on. */
const noteColumns: NoteColumns = {
  parent: "LinkedEntityId", subject: "Title", text: "Content", fileName: "PathOnClient", mimeType: "FileType",
  file: "VersionData", createdOn: "CreatedDate", fileReadAs: "VersionData", subjectWhenEmpty: "Note",
};

/** A file: ContentVersion (Salesforce Files), first published on the record it belongs to. */
const fileColumns: NoteColumns = { ...noteColumns, parent: "FirstPublishLocationId", text: "Description" };

/**
 * Practice model → Salesforce Sales Cloud, after the Visual Practice → Salesforce page: practice →
 * Account (ParentId for locations), patient → Contact (AccountId = primary practice, other links →
 * AccountContactRelation, no practice → "Unaffiliated Patients"), staff → User by email (owner),
 * appointment → Event (WhoId = the contact), clinical note → ContentNote, document → ContentVersion.
 * Model fields with no standard field land in `…__c` custom fields the plan creates.
 */
export function salesforceTemplate(): TargetTemplate {
  const none = (reason: string) => ({ kind: "none", reason }) as const;
  const created = { kind: "column", column: "CreatedDate", createOnly: true } as const;
  const fields: Record<string, Landing> = {
    "practice.sourceId": none("becomes the row's source key (Handover_Source_Key__c)"),
    "practice.createdAt": created,
    "practice.modifiedAt": none("drives delta; Salesforce keeps its own LastModifiedDate"),
    "practice.name": { kind: "column", column: "Name" },
    "practice.parent": { kind: "lookup", column: "ParentId", refObject: "practice" },
    "practice.size": { kind: "column", column: "NumberOfEmployees" },
    "practice.addressLine1": { kind: "column", column: "BillingStreet" },
    "practice.city": { kind: "column", column: "BillingCity" },
    "practice.region": { kind: "column", column: "BillingState" },
    "practice.postalCode": { kind: "column", column: "BillingPostalCode" },
    "practice.country": { kind: "column", column: "BillingCountry" },
    "practice.phone": { kind: "column", column: "Phone" },
    "practice.website": { kind: "column", column: "Website" },

    "patient.sourceId": none("becomes the row's source key (Handover_Source_Key__c)"),
    "patient.createdAt": created,
    "patient.modifiedAt": none("drives delta; Salesforce keeps its own LastModifiedDate"),
    "patient.firstName": { kind: "column", column: "FirstName" },
    "patient.lastName": { kind: "column", column: "LastName" },
    "patient.birthDate": { kind: "column", column: "Birthdate" },
    "patient.email": { kind: "column", column: "Email" },
    "patient.phoneWork": { kind: "column", column: "Phone" },
    "patient.phoneHome": { kind: "column", column: "HomePhone" },
    "patient.phoneMobile": { kind: "column", column: "MobilePhone" },
    "patient.addressLine1": { kind: "column", column: "MailingStreet" },
    "patient.city": { kind: "column", column: "MailingCity" },
    "patient.region": { kind: "column", column: "MailingState" },
    "patient.postalCode": { kind: "column", column: "MailingPostalCode" },
    "patient.country": { kind: "column", column: "MailingCountry" },
    "patient.primaryProvider": { kind: "owner", column: "OwnerId" },

    "patientPracticeLink.sourceId": none("becomes the relation's source key"),
    "patientPracticeLink.createdAt": none("relations keep Salesforce's own CreatedDate"),
    "patientPracticeLink.modifiedAt": none("picks the primary practice: the most recently modified link"),
    "patientPracticeLink.patient": { kind: "lookup", column: "ContactId", refObject: "patient" },
    "patientPracticeLink.practice": { kind: "lookup", column: "AccountId", refObject: "practice" },
    "patientPracticeLink.startDate": { kind: "column", column: "StartDate" },
    "patientPracticeLink.endDate": { kind: "column", column: "EndDate" },

    "appointment.sourceId": none("becomes the event's source key"),
    "appointment.createdAt": created,
    "appointment.modifiedAt": none("drives delta; Salesforce keeps its own LastModifiedDate"),
    "appointment.patient": { kind: "lookup", column: "WhoId", refObject: "patient" },
    "appointment.provider": { kind: "owner", column: "OwnerId" },
    "appointment.practice": none("the contact's account already ties the visit to the practice"),
    "appointment.start": { kind: "column", column: "StartDateTime" },
    "appointment.end": { kind: "column", column: "EndDateTime" },
    "appointment.durationMinutes": none("Salesforce derives DurationInMinutes from start and end"),
    "appointment.type": { kind: "column", column: "Subject" },
    "appointment.reason": { kind: "column", column: "Description" },

    "clinicalNote.sourceId": none("becomes the note's source key"),
    "clinicalNote.createdAt": none("the note keeps writtenAt as its creation time"),
    "clinicalNote.modifiedAt": none("drives delta; Salesforce keeps its own LastModifiedDate"),
    "clinicalNote.patient": { kind: "lookup", column: "LinkedEntityId", refObject: "patient" },
    "clinicalNote.appointment": none("the note sits on the patient's contact"),
    "clinicalNote.author": none("notes take the migration's identity as owner"),
    "clinicalNote.title": { kind: "column", column: "Title" },
    "clinicalNote.body": { kind: "column", column: "Content" },
    "clinicalNote.format": none("the text is moved as written"),
    "clinicalNote.writtenAt": created,

    "document.sourceId": none("becomes the file's source key"),
    "document.createdAt": none("the file keeps uploadedAt as its creation time"),
    "document.modifiedAt": none("drives delta; Salesforce keeps its own LastModifiedDate"),
    "document.patient": { kind: "lookup", column: "FirstPublishLocationId", refObject: "patient" },
    "document.fileName": { kind: "column", column: "PathOnClient" },
    "document.mimeType": none("Salesforce derives FileType from the file name"),
    "document.sizeBytes": none("Salesforce computes ContentSize from the file"),
    "document.content": { kind: "column", column: "VersionData" },
    "document.category": { kind: "column", column: "Title" },
    "document.uploadedAt": created,
  };
  for (const f of ["sourceId", "email", "createdAt", "modifiedAt", "firstName", "lastName", "role", "npi", "licenseNumber", "specializations", "credentials", "practice", "active"]) {
    fields[`staff.${f}`] = none(f === "email" ? "matched to a CRM user (User.Email)" : "staff are resolved to existing Salesforce users, not written");
  }
  return {
    target: "salesforce",
    prefix: "hc",
    sourceKeyColumn: "Handover_Source_Key__c",
    naming: salesforceNaming,
    primaryPractice: { patientTable: "Contact", column: "AccountId", practiceTable: "Account", nameColumn: "Name" },
    objects: {
      practice: { table: "Account", description: "practice → Account" },
      patient: { table: "Contact", description: "patient → Contact" },
      patientPracticeLink: { table: "AccountContactRelation", description: "most recent link → Contact.AccountId; other links → AccountContactRelation" },
      staff: { table: null, description: "staff → User by email (record owner); not written" },
      appointment: { table: "Event", description: "appointment → Event on the contact (WhoId), with its original times" },
      clinicalNote: { table: "ContentNote", notes: noteColumns, noCustomColumns: "ContentNote takes no custom fields", description: "clinical note → ContentNote linked to the contact; never cut" },
      document: { table: "ContentVersion", notes: fileColumns, noCustomColumns: "files carry only their title, name, description and bytes", description: "document → file (ContentVersion) on the contact" },
    },
    fields,
    derivedLookups: [
      { table: "Contact", column: "AccountId", refTable: "Account", description: "primary practice (most recent link) or Unaffiliated Patients" },
    ],
    tablesWritten: ["Account", "Contact", "AccountContactRelation", "Event", "ContentNote", "ContentVersion"],
  };
}
