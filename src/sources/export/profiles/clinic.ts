import type { VendorProfile } from "../profile.js";

/**
 * A generic clinic-management export (the layout `sandbox/clinic` generates): spreadsheet-like
 * files with headers such as "Client ID", "Full Name" (one column to split: "Jane Smith",
 * "SMITH, Jane", "Dr Jane A. Smith"), "D.O.B." and "E-mail". An Australian clinic: dates are
 * DD/MM/YYYY and timestamps "DD/MM/YYYY HH:mm" in local time without a zone (Sydney time is
 * assumed; set source.timezone for a clinic in another state); some D.O.B. values are ISO (read)
 * or D/M/YY (not read: the century would be a guess). Phones are Australian (0491 570 156, (02)
 * 5550 1234, +61 …). Bookings.csv is semicolon-separated, with the date and a 12-hour "9:30 am"
 * time in separate columns (the matcher proposes a date-time rule for them) and "45 min"
 * durations; Invoices.tsv is tab-separated. Tags and Specialities are free-text multi-select (`;`
 * or `,`). "Custom: …" columns are the clinic's own. A note whose Encoding is base64 holds UTF-8
 * text in base64, and is decoded. Attachments' Path is relative to the export folder.
 * Encounters, Insurance, Prescriptions, Claims and Referrals hold the brief's objects the model
 * doesn't have yet (their hints name them; mapping proposes nothing and they are reconciled as
 * `table-not-mapped`). Referrals.csv is Windows-1252 (saved from Excel as plain "CSV"); codes in
 * Diagnosis Codes, Item Numbers and ICD-10 Codes are `;`-separated; claims' negative adjustments
 * are in accounting parentheses "($5.00)"; some Cover From dates are ISO or "1 Jul 2024".
 */
const stamp = "DD/MM/YYYY HH:mm";

export const clinicProfile: VendorProfile = {
  id: "clinic",
  keyPrefix: "cl",
  name: "Clinic Management Software",
  alsoAcceptedDateFormats: ["YYYY-MM-DD"],
  timezone: "Australia/Sydney",
  defaultCountry: "AU",
  tables: {
    clinics: {
      file: "Clinics.csv",
      key: ["Clinic ID"],
      modelHint: "practice",
      references: [{ column: "Parent Clinic ID", table: "clinics", tableColumn: "Clinic ID" }],
      dateFormats: { "Last Updated": stamp },
    },
    staff: {
      file: "Staff.csv",
      key: ["Staff ID"],
      modelHint: "staff",
      references: [{ column: "Home Clinic ID", table: "clinics", tableColumn: "Clinic ID" }],
      dateFormats: { "Start Date": "DD/MM/YYYY", "Last Updated": stamp },
    },
    clients: {
      file: "Clients.csv",
      key: ["Client ID"],
      modelHint: "patient",
      references: [
        { column: "Home Clinic ID", table: "clinics", tableColumn: "Clinic ID" },
        { column: "Practitioner ID", table: "staff", tableColumn: "Staff ID" },
      ],
      dateFormats: { "D.O.B.": "DD/MM/YYYY", Created: stamp, "Last Updated": stamp, "Custom: Recall Due": "DD/MM/YYYY" },
    },
    client_clinics: {
      file: "Client Clinics.csv",
      key: ["Client ID", "Clinic ID"],
      modelHint: "patientPracticeLink",
      references: [
        { column: "Client ID", table: "clients", tableColumn: "Client ID" },
        { column: "Clinic ID", table: "clinics", tableColumn: "Clinic ID" },
      ],
      dateFormats: { Since: "DD/MM/YYYY" },
    },
    bookings: {
      file: "Bookings.csv",
      key: ["Booking ID"],
      modelHint: "appointment",
      references: [
        { column: "Client ID", table: "clients", tableColumn: "Client ID" },
        { column: "Practitioner ID", table: "staff", tableColumn: "Staff ID" },
        { column: "Clinic ID", table: "clinics", tableColumn: "Clinic ID" },
      ],
      dateFormats: { Date: "DD/MM/YYYY", Created: stamp, "Last Updated": stamp },
    },
    notes: {
      file: "Notes.csv",
      key: ["Note ID"],
      modelHint: "clinicalNote",
      references: [
        { column: "Client ID", table: "clients", tableColumn: "Client ID" },
        { column: "Booking ID", table: "bookings", tableColumn: "Booking ID" },
        { column: "Author ID", table: "staff", tableColumn: "Staff ID" },
      ],
      dateFormats: { Date: stamp },
      encodedColumns: { Note: { flagColumn: "Encoding", flagValues: ["base64"], encoding: "base64" } },
    },
    invoices: {
      file: "Invoices.tsv",
      key: ["Invoice No"],
      modelHint: "invoice",
      references: [
        { column: "Client ID", table: "clients", tableColumn: "Client ID" },
        { column: "Practitioner ID", table: "staff", tableColumn: "Staff ID" },
        { column: "Booking ID", table: "bookings", tableColumn: "Booking ID" },
      ],
      dateFormats: { Issued: "DD/MM/YYYY", "Paid Date": "DD/MM/YYYY" },
    },
    attachments: {
      file: "Attachments.csv",
      key: ["Attachment ID"],
      modelHint: "document",
      references: [
        { column: "Client ID", table: "clients", tableColumn: "Client ID" },
        { column: "Uploaded By", table: "staff", tableColumn: "Staff ID" },
      ],
      dateFormats: { Uploaded: stamp },
      fileColumns: ["Path"],
    },
    encounters: {
      file: "Encounters.csv",
      key: ["Encounter ID"],
      modelHint: "encounter",
      references: [
        { column: "Client ID", table: "clients", tableColumn: "Client ID" },
        { column: "Booking ID", table: "bookings", tableColumn: "Booking ID" },
        { column: "Practitioner ID", table: "staff", tableColumn: "Staff ID" },
        { column: "Clinic ID", table: "clinics", tableColumn: "Clinic ID" },
      ],
      dateFormats: { Date: "DD/MM/YYYY", "Last Updated": stamp },
    },
    insurance: {
      file: "Insurance.csv",
      key: ["Policy ID"],
      modelHint: "insurancePolicy",
      references: [{ column: "Client ID", table: "clients", tableColumn: "Client ID" }],
      dateFormats: { "Checked On": "DD/MM/YYYY", "Cover From": "DD/MM/YYYY", "Cover To": "DD/MM/YYYY", "Last Updated": stamp },
    },
    prescriptions: {
      file: "Prescriptions.csv",
      key: ["Script ID"],
      modelHint: "prescription",
      references: [
        { column: "Client ID", table: "clients", tableColumn: "Client ID" },
        { column: "Prescriber ID", table: "staff", tableColumn: "Staff ID" },
      ],
      dateFormats: { "Date Prescribed": "DD/MM/YYYY", "Last Updated": stamp },
    },
    claims: {
      file: "Claims.csv",
      key: ["Claim ID"],
      modelHint: "claim",
      references: [
        { column: "Client ID", table: "clients", tableColumn: "Client ID" },
        { column: "Invoice No", table: "invoices", tableColumn: "Invoice No" },
      ],
      dateFormats: { Submitted: "DD/MM/YYYY", Adjudicated: "DD/MM/YYYY", "Last Updated": stamp },
    },
    referrals: {
      file: "Referrals.csv",
      key: ["Referral ID"],
      modelHint: "referral",
      references: [{ column: "Client ID", table: "clients", tableColumn: "Client ID" }],
      dateFormats: { "Referral Date": "DD/MM/YYYY", "Expiry Date": "DD/MM/YYYY", "Last Updated": stamp },
    },
  },
};
