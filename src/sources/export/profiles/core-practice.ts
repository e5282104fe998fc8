import type { VendorProfile } from "../profile.js";

/**
 * Core Practice's CSV export (dental; the layout `sandbox/core-practice` generates). Ids are
 * numeric or short codes (`pat_id` 100001, `prov_id` PRV0001, `office_id` OF01). Dates are
 * YYYYMMDD and timestamps "YYYY-MM-DD HH:MM:SS" in the office's local time without a zone;
 * neither has its own DateFormat yet, so both are declared "YYYY-MM-DD", the nearest (transform
 * reads the timestamps as ISO; YYYYMMDD needs a format of its own). birth_dt also arrives as
 * MM/DD/YYYY, ISO and M/D/YY. patients.csv is Windows-1252 with CRLF endings; the other files
 * UTF-8 with LF. A patient row also names the referring practice and dentist (a second model
 * object, practice, from the same row). Flags are Yes/No, gender M/F/U, amounts "$1,234.50" with
 * credits in parentheses; contact_pref and a provider's specialty are `;`-separated multi-select;
 * cust_* columns are the practice's own fields and flow through. chart_notes.note_txt is base64
 * when is_b64 is Yes. documents.file_path is Windows-style (`files\3000001.jpg`).
 */
export const corePracticeProfile: VendorProfile = {
  id: "core-practice",
  name: "Core Practice",
  alsoAcceptedDateFormats: ["MM/DD/YYYY"],
  tables: {
    offices: {
      file: "offices.csv",
      key: ["office_id"],
      modelHint: "practice",
      dateFormats: { created_ts: "YYYY-MM-DD", modified_ts: "YYYY-MM-DD" },
    },
    providers: {
      file: "providers.csv",
      key: ["prov_id"],
      modelHint: "staff",
      references: [{ column: "office_id", table: "offices", tableColumn: "office_id" }],
      dateFormats: { hire_dt: "YYYY-MM-DD", modified_ts: "YYYY-MM-DD" },
    },
    patients: {
      file: "patients.csv",
      key: ["pat_id"],
      modelHint: "patient",
      references: [
        { column: "office_id", table: "offices", tableColumn: "office_id" },
        { column: "prim_prov_id", table: "providers", tableColumn: "prov_id" },
      ],
      dateFormats: { birth_dt: "YYYY-MM-DD", recall_dt: "YYYY-MM-DD", created_ts: "YYYY-MM-DD", modified_ts: "YYYY-MM-DD" },
    },
    appointments: {
      file: "appointments.csv",
      key: ["appt_id"],
      modelHint: "appointment",
      references: [
        { column: "pat_id", table: "patients", tableColumn: "pat_id" },
        { column: "prov_id", table: "providers", tableColumn: "prov_id" },
        { column: "office_id", table: "offices", tableColumn: "office_id" },
      ],
      dateFormats: { appt_start_ts: "YYYY-MM-DD", created_ts: "YYYY-MM-DD", modified_ts: "YYYY-MM-DD" },
    },
    tx_plans: {
      file: "tx_plans.csv",
      key: ["plan_id"],
      modelHint: "treatmentPlan",
      references: [
        { column: "pat_id", table: "patients", tableColumn: "pat_id" },
        { column: "prov_id", table: "providers", tableColumn: "prov_id" },
      ],
      dateFormats: { presented_dt: "YYYY-MM-DD", created_ts: "YYYY-MM-DD", modified_ts: "YYYY-MM-DD" },
    },
    tx_procedures: {
      file: "tx_procedures.csv",
      key: ["proc_id"],
      modelHint: "treatmentProcedure",
      references: [
        { column: "pat_id", table: "patients", tableColumn: "pat_id" },
        { column: "plan_id", table: "tx_plans", tableColumn: "plan_id" },
        { column: "appt_id", table: "appointments", tableColumn: "appt_id" },
        { column: "prov_id", table: "providers", tableColumn: "prov_id" },
      ],
      dateFormats: { proc_dt: "YYYY-MM-DD", modified_ts: "YYYY-MM-DD" },
    },
    insurance: {
      file: "insurance.csv",
      key: ["ins_id"],
      modelHint: "insurancePolicy",
      references: [{ column: "pat_id", table: "patients", tableColumn: "pat_id" }],
      dateFormats: { eff_dt: "YYYY-MM-DD", term_dt: "YYYY-MM-DD", modified_ts: "YYYY-MM-DD" },
    },
    chart_notes: {
      file: "chart_notes.csv",
      key: ["note_id"],
      modelHint: "clinicalNote",
      references: [
        { column: "pat_id", table: "patients", tableColumn: "pat_id" },
        { column: "appt_id", table: "appointments", tableColumn: "appt_id" },
        { column: "prov_id", table: "providers", tableColumn: "prov_id" },
      ],
      dateFormats: { entered_ts: "YYYY-MM-DD", modified_ts: "YYYY-MM-DD" },
    },
    ledger: {
      file: "ledger.csv",
      key: ["txn_id"],
      modelHint: "invoice",
      references: [
        { column: "pat_id", table: "patients", tableColumn: "pat_id" },
        { column: "prov_id", table: "providers", tableColumn: "prov_id" },
        { column: "proc_id", table: "tx_procedures", tableColumn: "proc_id" },
      ],
      dateFormats: { txn_dt: "YYYY-MM-DD", modified_ts: "YYYY-MM-DD" },
    },
    documents: {
      file: "documents.csv",
      key: ["doc_id"],
      modelHint: "document",
      references: [{ column: "pat_id", table: "patients", tableColumn: "pat_id" }],
      dateFormats: { scanned_ts: "YYYY-MM-DD", modified_ts: "YYYY-MM-DD" },
      fileColumns: ["file_path"],
    },
  },
};
