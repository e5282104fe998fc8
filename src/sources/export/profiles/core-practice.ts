import type { VendorProfile } from "../profile.js";

/**
 * Core Practice's CSV export (dental; the layout `sandbox/core-practice` generates). Ids are
 * numeric or short codes (`pat_id` 100001, `prov_id` PRV0001, `office_id` OF01). Dates (`*_dt`)
 * are YYYYMMDD and timestamps (`*_ts`) "YYYY-MM-DD HH:MM:SS" in the office's local time without a
 * zone: the export doesn't name the zone, so US Eastern is assumed (the plan says so; set
 * source.timezone for an office elsewhere). birth_dt also arrives as MM/DD/YYYY and ISO, which are
 * read, and M/D/YY, which is not (its century would be a guess). Phones are US numbers, often 10
 * bare digits. patients.csv is Windows-1252 with CRLF endings; the other files UTF-8 with LF. A
 * patient row also names the referring practice and dentist (a second model object, practice,
 * from the same row). Flags are Yes/No, gender M/F/U, amounts "$1,234.50" with credits in
 * parentheses; contact_pref and a provider's specialty are `;`-separated multi-select; cust_*
 * columns are the practice's own fields and flow through. chart_notes.note_txt is base64 (UTF-8
 * text) when is_b64 is Yes, and is decoded. documents.file_path is Windows-style (`files\3000001.jpg`).
 */
const ts = "YYYY-MM-DD HH:mm:ss";

export const corePracticeProfile: VendorProfile = {
  id: "core-practice",
  keyPrefix: "cp",
  name: "Core Practice",
  alsoAcceptedDateFormats: ["MM/DD/YYYY"],
  timezone: "America/New_York",
  defaultCountry: "US",
  tables: {
    offices: {
      file: "offices.csv",
      key: ["office_id"],
      modelHint: "practice",
      dateFormats: { created_ts: ts, modified_ts: ts },
    },
    providers: {
      file: "providers.csv",
      key: ["prov_id"],
      modelHint: "staff",
      references: [{ column: "office_id", table: "offices", tableColumn: "office_id" }],
      dateFormats: { hire_dt: "YYYYMMDD", modified_ts: ts },
    },
    patients: {
      file: "patients.csv",
      key: ["pat_id"],
      modelHint: "patient",
      references: [
        { column: "office_id", table: "offices", tableColumn: "office_id" },
        { column: "prim_prov_id", table: "providers", tableColumn: "prov_id" },
      ],
      dateFormats: { birth_dt: "YYYYMMDD", recall_dt: "YYYYMMDD", created_ts: ts, modified_ts: ts },
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
      dateFormats: { appt_start_ts: ts, created_ts: ts, modified_ts: ts },
    },
    tx_plans: {
      file: "tx_plans.csv",
      key: ["plan_id"],
      modelHint: "treatmentPlan",
      references: [
        { column: "pat_id", table: "patients", tableColumn: "pat_id" },
        { column: "prov_id", table: "providers", tableColumn: "prov_id" },
      ],
      dateFormats: { presented_dt: "YYYYMMDD", created_ts: ts, modified_ts: ts },
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
      dateFormats: { proc_dt: "YYYYMMDD", modified_ts: ts },
    },
    insurance: {
      file: "insurance.csv",
      key: ["ins_id"],
      modelHint: "insurancePolicy",
      references: [{ column: "pat_id", table: "patients", tableColumn: "pat_id" }],
      dateFormats: { eff_dt: "YYYYMMDD", term_dt: "YYYYMMDD", modified_ts: ts },
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
      dateFormats: { entered_ts: ts, modified_ts: ts },
      encodedColumns: { note_txt: { flagColumn: "is_b64", flagValues: ["yes", "y", "true", "1"], encoding: "base64" } },
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
      dateFormats: { txn_dt: "YYYYMMDD", modified_ts: ts },
    },
    documents: {
      file: "documents.csv",
      key: ["doc_id"],
      modelHint: "document",
      references: [{ column: "pat_id", table: "patients", tableColumn: "pat_id" }],
      dateFormats: { scanned_ts: ts, modified_ts: ts },
      fileColumns: ["file_path"],
    },
  },
};
