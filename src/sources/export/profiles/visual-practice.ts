import type { VendorProfile } from "../profile.js";

/**
 * Visual Practice's CSV export (the layout `sandbox/visual-practice` generates). Dates are
 * declared MM/DD/YYYY (timestamps "MM/DD/YYYY HH:mm", the clinic's local time without a zone,
 * appointment times included); some rows carry ISO dates, which the profile lists as also
 * accepted. Custom_* columns are the practice's own fields and flow through. Clinical notes may
 * be long (over 100,000 characters) and in RTF or HTML; documents' files sit in `files/`.
 */
export const visualPracticeProfile: VendorProfile = {
  id: "visual-practice",
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
  },
};
