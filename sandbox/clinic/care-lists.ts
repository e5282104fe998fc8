/**
 * Made-up building blocks for the clinic's encounters, cover, scripts, claims and referrals.
 * Diagnoses use real ICD-10(-AM) codes with our own short wording; payers, practices and codes
 * of payers are invented; medicines are common generics with Australian poison schedules.
 */

export const diagnoses = [
  { code: "M54.5", text: "Low back pain", complaint: "Lower back pain" },
  { code: "M54.2", text: "Cervicalgia", complaint: "Neck stiffness" },
  { code: "M25.56", text: "Pain in knee", complaint: "Knee pain on stairs" },
  { code: "M75.1", text: "Rotator cuff syndrome", complaint: "Shoulder pain overhead" },
  { code: "S93.4", text: "Sprain of ankle", complaint: "Rolled ankle" },
  { code: "M79.1", text: "Myalgia", complaint: "Sore muscles after training" },
  { code: "G44.2", text: "Tension-type headache", complaint: "Headaches" },
  { code: "M17.1", text: "Osteoarthritis of knee", complaint: "Knee pain and stiffness" },
  { code: "S83.5", text: "Sprain of cruciate ligament", complaint: "Knee gave way playing netball" },
  { code: "M72.2", text: "Plantar fasciitis", complaint: "Heel pain in the morning" },
] as const;

/** How a fund or scheme names the service items each booking's service is claimed under. */
export const claimItems: Readonly<Record<string, readonly string[]>> = {
  INIT: ["500"],
  STD: ["505"],
  LONG: ["505", "560"],
  HYDRO: ["560"],
  TELE: ["505"],
};

/** Payers with the code the clinic's claiming terminal knows them by, and other spellings. */
export const payers: Readonly<Record<string, { readonly code: string; readonly variants: readonly string[] }>> = {
  "Coastal Health Mutual": { code: "CHM", variants: ["Coastal Health", "COASTAL HEALTH MUTUAL"] },
  "Wattle Health Fund": { code: "WHF", variants: ["Wattle Health"] },
  "Southern Cross Members": { code: "SCM", variants: ["Sthn Cross Members", "Southern Cross"] },
  "Eucalypt Care": { code: "EUC", variants: ["Eucalypt Care Ltd"] },
  "Workers Comp (Coastal Insurance)": { code: "WC1", variants: ["Coastal Insurance (WC)"] },
  "DVA": { code: "DVA", variants: ["Dept Veterans' Affairs"] },
};

export const coverLevels = ["Extras", "Hospital + Extras", "Extras (Top)"] as const;

export const medicines = [
  { name: "Paracetamol", strength: "500 mg", form: "Tablet", directions: "2 tablets every 6 hours as needed", qty: 100, schedule: "S2" },
  { name: "Ibuprofen", strength: "400 mg", form: "Tablet", directions: "1 tablet three times daily with food", qty: 30, schedule: "S2" },
  { name: "Diclofenac", strength: "1%", form: "Gel", directions: "Apply to affected area 3-4 times daily", qty: 1, schedule: "S2" },
  { name: "Meloxicam", strength: "7.5 mg", form: "Tablet", directions: "1 tablet daily with food", qty: 30, schedule: "S4" },
  { name: "Celecoxib", strength: "200 mg", form: "Capsule", directions: "1 capsule daily", qty: 30, schedule: "S4" },
  { name: "Pregabalin", strength: "75 mg", form: "Capsule", directions: "1 capsule twice daily", qty: 56, schedule: "S4" },
  { name: "Amitriptyline", strength: "10 mg", form: "Tablet", directions: "1 tablet at night", qty: 50, schedule: "S4" },
  { name: "Tramadol", strength: "50 mg", form: "Capsule", directions: "1-2 capsules every 6 hours as needed", qty: 20, schedule: "S4" },
  { name: "Oxycodone", strength: "5 mg", form: "Tablet", directions: "1 tablet every 6 hours as needed for 3 days", qty: 10, schedule: "S8" },
] as const;

export const pharmacies = ["Chemist on King St", "Priceline, Smith St", "Terry White", "Beach Rd Pharmacy", ""] as const;

/** Practices that refer clients in (invented), each with the other ways staff type it. */
export const referringPractices = [
  { name: "Parap Medical Centre", variants: ["Parap Med Ctr", "PARAP MEDICAL CENTRE"] },
  { name: "Fitzroy GP Clinic", variants: ["Fitzroy G.P. Clinic", "Fitzroy GP"] },
  { name: "Newtown Family Practice", variants: ["Newtown Family Prac."] },
  { name: "Subiaco Sports Medicine", variants: ["Subiaco Sports Med", "Subiaco Sportsmed"] },
  { name: "Glenelg Medical Group", variants: ["Glenelg Med Group"] },
] as const;

export const referralReasons = ["Chronic disease management plan", "Post-op rehabilitation", "Work injury assessment", "Sports injury", "Falls prevention", "Imaging review"] as const;
export const referredOutTo = ["Orthopaedic surgeon", "Imaging (MRI)", "Sports physician", "Podiatrist", "Pain clinic"] as const;
