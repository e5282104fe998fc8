import type { VendorProfile } from "../profile.js";

/**
 * Visual Practice's CSV export (the layout `sandbox/visual-practice` generates). Dates are
 * declared MM/DD/YYYY (timestamps "MM/DD/YYYY HH:mm", the clinic's local time without a zone,
 * appointment times included); some rows carry ISO dates, which the profile lists as also
 * accepted. Custom_* columns are the practice's own fields and flow through. Clinical notes may
 * be long (over 100,000 characters) and in RTF or HTML; documents' files sit in `files/`.
 * Besides the tables the model holds today, the export has the brief's other objects: insurance
 * carriers and policies, treatment cases and their procedures, invoices, communication logs
 * (a body is base64 when BodyEncoding is Base64; some portal SentDates are ISO "T" times, still
 * without a zone), intake forms (Windows-1252 with CRLF; `|`-separated multi-select answers) and
 * lab / imaging results. Their hints name practice-model objects the model doesn't have yet, so
 * mapping proposes nothing for them and they are reconciled as `table-not-mapped`. Money in them
 * is a plain decimal ("1250.00").
 */
export const visualPracticeProfile: VendorProfile = {
  id: "visual-practice",
  keyPrefix: "vp",
  name: "Visual Practice",
  alsoAcceptedDateFormats: ["YYYY-MM-DD"],
  defaultCountry: "US",
  tables: {
    practices: {
      file: "practices.csv",
      key: ["PracticeID"],
      modelHint: "practice",
      references: [{ column: "ParentPracticeID", table: "practices", tableColumn: "PracticeID" }],
      dateFormats: { CreatedDate: "MM/DD/YYYY", LastModified: "MM/DD/YYYY HH:mm" },
    },
    providers: {
      file: "providers.csv",
      key: ["ProviderID"],
      modelHint: "staff",
      references: [{ column: "HomePracticeID", table: "practices", tableColumn: "PracticeID" }],
      dateFormats: { LastModified: "MM/DD/YYYY HH:mm" },
    },
    patients: {
      file: "patients.csv",
      key: ["PatientID"],
      modelHint: "patient",
      references: [{ column: "PrimaryProviderID", table: "providers", tableColumn: "ProviderID" }],
      dateFormats: { DOB: "MM/DD/YYYY", CreatedDate: "MM/DD/YYYY", LastModified: "MM/DD/YYYY HH:mm" },
    },
    patient_practices: {
      file: "patient_practices.csv",
      key: ["LinkID"],
      modelHint: "patientPracticeLink",
      references: [
        { column: "PatientID", table: "patients", tableColumn: "PatientID" },
        { column: "PracticeID", table: "practices", tableColumn: "PracticeID" },
      ],
      dateFormats: { StartDate: "MM/DD/YYYY", LastModified: "MM/DD/YYYY HH:mm" },
    },
    appointments: {
      file: "appointments.csv",
      key: ["ApptID"],
      modelHint: "appointment",
      references: [
        { column: "PatientID", table: "patients", tableColumn: "PatientID" },
        { column: "ProviderID", table: "providers", tableColumn: "ProviderID" },
        { column: "PracticeID", table: "practices", tableColumn: "PracticeID" },
      ],
      // Local clinic time, no zone, like every Visual Practice timestamp.
      dateFormats: {
        ApptStart: "MM/DD/YYYY HH:mm",
        ApptEnd: "MM/DD/YYYY HH:mm",
        CreatedDate: "MM/DD/YYYY HH:mm",
        LastModified: "MM/DD/YYYY HH:mm",
      },
    },
    clinical_notes: {
      file: "clinical_notes.csv",
      key: ["NoteID"],
      modelHint: "clinicalNote",
      references: [
        { column: "PatientID", table: "patients", tableColumn: "PatientID" },
        { column: "ApptID", table: "appointments", tableColumn: "ApptID" },
        { column: "AuthorProviderID", table: "providers", tableColumn: "ProviderID" },
      ],
      dateFormats: { WrittenDate: "MM/DD/YYYY HH:mm", LastModified: "MM/DD/YYYY HH:mm" },
      // A note exported with NoteEncoding = Base64 holds its UTF-8 text in base64; transform decodes it.
      encodedColumns: { NoteText: { flagColumn: "NoteEncoding", flagValues: ["base64"], encoding: "base64" } },
    },
    documents: {
      file: "documents.csv",
      key: ["DocID"],
      modelHint: "document",
      references: [{ column: "PatientID", table: "patients", tableColumn: "PatientID" }],
      dateFormats: { UploadedDate: "MM/DD/YYYY HH:mm", LastModified: "MM/DD/YYYY HH:mm" },
      // `files/D00000001.pdf`: the document's content, next to the CSVs.
      fileColumns: ["FilePath"],
    },
    insurance_carriers: {
      file: "insurance_carriers.csv",
      key: ["CarrierID"],
      modelHint: "insuranceCarrier",
      dateFormats: { LastModified: "MM/DD/YYYY HH:mm" },
    },
    insurance_records: {
      file: "insurance_records.csv",
      key: ["InsuranceID"],
      modelHint: "insurancePolicy",
      references: [
        { column: "PatientID", table: "patients", tableColumn: "PatientID" },
        { column: "CarrierID", table: "insurance_carriers", tableColumn: "CarrierID" },
      ],
      dateFormats: { CoverageStart: "MM/DD/YYYY", CoverageEnd: "MM/DD/YYYY", LastModified: "MM/DD/YYYY HH:mm" },
    },
    treatment_cases: {
      file: "treatment_cases.csv",
      key: ["CaseID"],
      modelHint: "treatmentCase",
      references: [
        { column: "PatientID", table: "patients", tableColumn: "PatientID" },
        { column: "PracticeID", table: "practices", tableColumn: "PracticeID" },
        { column: "ProviderID", table: "providers", tableColumn: "ProviderID" },
      ],
      dateFormats: { OpenedDate: "MM/DD/YYYY", ClosedDate: "MM/DD/YYYY", LastModified: "MM/DD/YYYY HH:mm" },
    },
    treatment_procedures: {
      file: "treatment_procedures.csv",
      key: ["ProcedureID"],
      modelHint: "treatmentProcedure",
      references: [
        { column: "CaseID", table: "treatment_cases", tableColumn: "CaseID" },
        { column: "PatientID", table: "patients", tableColumn: "PatientID" },
        { column: "ProviderID", table: "providers", tableColumn: "ProviderID" },
      ],
      dateFormats: { PerformedDate: "MM/DD/YYYY", LastModified: "MM/DD/YYYY HH:mm" },
    },
    invoices: {
      file: "invoices.csv",
      key: ["InvoiceID"],
      modelHint: "invoice",
      references: [
        { column: "PatientID", table: "patients", tableColumn: "PatientID" },
        { column: "ProviderID", table: "providers", tableColumn: "ProviderID" },
        { column: "ApptID", table: "appointments", tableColumn: "ApptID" },
        { column: "CaseID", table: "treatment_cases", tableColumn: "CaseID" },
      ],
      dateFormats: { InvoiceDate: "MM/DD/YYYY", DueDate: "MM/DD/YYYY", PaymentDate: "MM/DD/YYYY", LastModified: "MM/DD/YYYY HH:mm" },
    },
    communication_logs: {
      file: "communication_logs.csv",
      key: ["CommID"],
      modelHint: "communication",
      references: [
        { column: "PatientID", table: "patients", tableColumn: "PatientID" },
        { column: "StaffProviderID", table: "providers", tableColumn: "ProviderID" },
      ],
      dateFormats: { SentDate: "MM/DD/YYYY HH:mm", ReadDate: "MM/DD/YYYY HH:mm", LastModified: "MM/DD/YYYY HH:mm" },
    },
    intake_forms: {
      file: "intake_forms.csv",
      key: ["FormID"],
      modelHint: "intakeForm",
      references: [{ column: "PatientID", table: "patients", tableColumn: "PatientID" }],
      dateFormats: { SubmittedDate: "MM/DD/YYYY HH:mm", LastModified: "MM/DD/YYYY HH:mm" },
    },
    lab_results: {
      file: "lab_results.csv",
      key: ["LabResultID"],
      modelHint: "labResult",
      references: [
        { column: "PatientID", table: "patients", tableColumn: "PatientID" },
        { column: "OrderingProviderID", table: "providers", tableColumn: "ProviderID" },
        { column: "DocID", table: "documents", tableColumn: "DocID" },
      ],
      dateFormats: { CollectedDate: "MM/DD/YYYY", ResultDate: "MM/DD/YYYY", LastModified: "MM/DD/YYYY HH:mm" },
    },
  },
};
