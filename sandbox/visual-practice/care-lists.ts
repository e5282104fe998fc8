/**
 * Made-up building blocks for Visual Practice's cases, billing, insurance, messages, forms and
 * results. Carriers are invented; procedure codes use the real CDT / CPT numbering with our own
 * short descriptions; lab codes are LOINC numbers. Nothing here names a person.
 */

export interface ProcedureCode {
  readonly code: string;
  readonly type: "CDT" | "CPT";
  readonly description: string;
  readonly feeCents: number;
  /** A dental procedure on one tooth (ToothNum and maybe Surface are filled). */
  readonly tooth: boolean;
}

const cdt = (code: string, description: string, feeCents: number, tooth = false): ProcedureCode => ({ code, type: "CDT", description, feeCents, tooth });
const cpt = (code: string, description: string, feeCents: number): ProcedureCode => ({ code, type: "CPT", description, feeCents, tooth: false });

/** A treatment case as practices open them: its title and the procedures it is made of. */
export interface CaseTemplate {
  readonly title: string;
  readonly procedures: readonly ProcedureCode[];
  readonly weight: number;
}

export const caseTemplates: readonly CaseTemplate[] = [
  { title: "Crown", procedures: [cdt("D2950", "Core buildup", 27_500, true), cdt("D2740", "Crown, porcelain/ceramic", 125_000, true)], weight: 4 },
  { title: "Implant Restoration", procedures: [cdt("D6010", "Implant body, endosteal", 210_000, true), cdt("D6057", "Custom abutment", 95_000, true), cdt("D6065", "Implant crown, ceramic", 150_000, true)], weight: 2 },
  { title: "Periodontal Therapy", procedures: [cdt("D4341", "Scaling and root planing, quadrant", 25_000), cdt("D4910", "Periodontal maintenance", 14_500)], weight: 3 },
  { title: "Root Canal + Crown", procedures: [cdt("D3330", "Endodontic therapy, molar", 115_000, true), cdt("D2950", "Core buildup", 27_500, true), cdt("D2740", "Crown, porcelain/ceramic", 125_000, true)], weight: 2 },
  { title: "Clear Aligner Treatment", procedures: [cdt("D8090", "Comprehensive orthodontics, adult", 550_000), cdt("D8670", "Periodic orthodontic visit", 15_000)], weight: 1 },
  { title: "Knee Rehabilitation", procedures: [cpt("97161", "PT evaluation, low complexity", 12_000), cpt("97110", "Therapeutic exercise, 15 min", 4_500), cpt("97140", "Manual therapy, 15 min", 4_000)], weight: 2 },
  { title: "Lesion Excision", procedures: [cpt("11402", "Excision, benign lesion, trunk", 32_000), cpt("88305", "Surgical pathology", 9_000)], weight: 1 },
  { title: "Diabetes Management", procedures: [cpt("99214", "Office visit, established", 16_500), cpt("83036", "Hemoglobin A1c", 2_500), cpt("80053", "Metabolic panel", 3_000)], weight: 2 },
  { title: "Well-Child Series", procedures: [cpt("99392", "Preventive visit, age 1-4", 15_000), cpt("90700", "DTaP vaccine", 4_500)], weight: 1 },
];

/** The code an appointment of each type is billed under, and its fee. */
export const visitCodes: Readonly<Record<string, ProcedureCode>> = {
  Cleaning: cdt("D1110", "Prophylaxis, adult", 10_500),
  Exam: cdt("D0120", "Periodic oral evaluation", 5_500),
  Filling: cdt("D2392", "Resin, two surfaces, posterior", 21_000, true),
  "Crown Prep": cdt("D2740", "Crown, porcelain/ceramic", 125_000, true),
  Consultation: cpt("99203", "Office visit, new patient", 13_500),
  "Follow-up": cpt("99213", "Office visit, established", 9_500),
  "X-Ray": cdt("D0274", "Bitewings, four images", 6_500),
  "Root Canal": cdt("D3330", "Endodontic therapy, molar", 115_000, true),
  "Annual Physical": cpt("99396", "Preventive visit, age 40-64", 22_000),
};

/** Invented carriers, each with other spellings staff type on a patient's policy. */
export const insuranceCarriers = [
  { name: "Bluestone Dental Mutual", payerId: "BSD01", variants: ["BlueStone Dental Mutual", "Bluestone Dental"] },
  { name: "Harborline Health Plan", payerId: "HHP22", variants: ["Harborline Health", "HARBORLINE HEALTH PLAN"] },
  { name: "Prairie State Benefits", payerId: "PSB17", variants: ["Prairie State Benefit", "Prairie St. Benefits"] },
  { name: "Summit Care Assurance", payerId: "SCA09", variants: ["Summit Care"] },
  { name: "Evergreen Mutual Insurance", payerId: "EVM33", variants: ["Evergreen Mutual", "Evergreen Mutual Ins."] },
  { name: "Northgate Health Alliance", payerId: "NGA41", variants: ["Northgate Health"] },
  { name: "Keystone Benefit Trust", payerId: "KBT05", variants: ["Keystone Benefits Trust"] },
  { name: "Tidewater Dental Plan", payerId: "TDP12", variants: ["Tidewater Dental", "TIDEWATER DENTAL PLAN"] },
  { name: "Cascade Member Health", payerId: "CMH28", variants: ["Cascade Health"] },
  { name: "Redwood Family Coverage", payerId: "RFC19", variants: ["Redwood Family Cov."] },
] as const;

export const coverageTypes = ["Dental PPO", "Dental HMO", "Medical PPO", "Medical HMO", "Vision", "Indemnity"] as const;

/** Messages as the patient portal, front desk and reminder service log them: subject and stock text. */
export const messageKinds = [
  { channel: "Email", direction: "Outbound", subject: "Appointment reminder", body: "This is a reminder of your upcoming visit. Reply C to confirm or call the office to reschedule." },
  { channel: "SMS", direction: "Outbound", subject: "Appointment reminder", body: "Reminder: you have a visit tomorrow. Reply C to confirm." },
  { channel: "Portal Message", direction: "Inbound", subject: "Question about my bill", body: "Hi, I received a statement and have a question about the balance. Can someone call me?" },
  { channel: "Portal Message", direction: "Outbound", subject: "Your results are available", body: "New results have been posted to your portal. Please log in to view them; call us with any questions." },
  { channel: "Portal Message", direction: "Inbound", subject: "Prescription refill request", body: "Requesting a refill of my usual prescription, same pharmacy as before. Thank you." },
  { channel: "Phone", direction: "Inbound", subject: "Phone call", body: "Pt called to reschedule; offered next available, pt will call back." },
  { channel: "Phone", direction: "Outbound", subject: "Post-op check call", body: "Called pt for post-op check; healing well, no concerns reported." },
  { channel: "Intake Form", direction: "Inbound", subject: "New patient intake submitted", body: "Intake form submitted through the portal; medical history and consent attached." },
  { channel: "Email", direction: "Outbound", subject: "Treatment estimate", body: "Attached is the estimate we discussed, including the insurance portion. Let us know if you'd like to proceed." },
] as const;

export const intakeFormNames = ["New Patient Intake", "Medical History Update", "HIPAA Acknowledgment", "COVID-19 Screening", "Financial Policy"] as const;
export const allergies = ["Penicillin", "Latex", "Codeine", "Sulfa", "Iodine", "Peanuts", "Shellfish"] as const;
export const conditions = ["Asthma", "Diabetes", "Hypertension", "Heart murmur", "Arthritis", "Pregnancy", "Thyroid disorder"] as const;
export const pharmacies = ["Main Street Pharmacy", "Corner Drug #12", "Lakeview Apothecary", "Mail-order (Express)", ""] as const;
export const languages = ["English", "Spanish", "Vietnamese", "Mandarin", "French", ""] as const;

/** Lab tests (LOINC numbers) and imaging studies: units, printed reference range, normal and drawn bounds. */
export const labTests = [
  { type: "Lab", name: "Hemoglobin A1c", code: "4548-4", units: "%", range: "4.0-5.6", normal: [4.0, 5.6], drawn: [4.6, 9.8], decimals: 1 },
  { type: "Lab", name: "Glucose, fasting", code: "1558-6", units: "mg/dL", range: "70-99", normal: [70, 99], drawn: [72, 160], decimals: 0 },
  { type: "Lab", name: "Hemoglobin", code: "718-7", units: "g/dL", range: "12.0-17.5", normal: [12, 17.5], drawn: [10.5, 17.9], decimals: 1 },
  { type: "Lab", name: "Cholesterol, total", code: "2093-3", units: "mg/dL", range: "<200", normal: [0, 199], drawn: [140, 260], decimals: 0 },
  { type: "Lab", name: "TSH", code: "3016-3", units: "mIU/L", range: "0.4-4.0", normal: [0.4, 4], drawn: [0.2, 6.5], decimals: 2 },
  { type: "Imaging", name: "Panoramic X-ray", code: "", units: "", range: "", normal: [0, 0], drawn: [0, 0], decimals: 0 },
  { type: "Imaging", name: "Bitewing X-rays", code: "", units: "", range: "", normal: [0, 0], drawn: [0, 0], decimals: 0 },
  { type: "Imaging", name: "Knee X-ray, 2 views", code: "", units: "", range: "", normal: [0, 0], drawn: [0, 0], decimals: 0 },
] as const;

export const imagingFindings = ["No acute findings.", "Interproximal caries noted.", "Mild degenerative change.", "Bone levels within normal limits.", "See report."] as const;
