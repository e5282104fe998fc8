/** Made-up building blocks for a synthetic allied-health clinic export (Australia). */

export const auPlaces = [
  { suburb: "Fitzroy", state: "VIC", postcode: "3065" },
  { suburb: "Newtown", state: "NSW", postcode: "2042" },
  { suburb: "Fortitude Valley", state: "QLD", postcode: "4006" },
  { suburb: "Subiaco", state: "WA", postcode: "6008" },
  { suburb: "Glenelg", state: "SA", postcode: "5045" },
  { suburb: "Sandy Bay", state: "TAS", postcode: "7005" },
  { suburb: "Braddon", state: "ACT", postcode: "2612" },
  { suburb: "Parap", state: "NT", postcode: "0820" },
] as const;

export const auStreets = ["Smith St", "Brunswick St", "King St", "Beach Rd", "Rokeby Rd", "Jolimont Tce", "Lonsdale St", "Pitt St"] as const;

export const staffRoles = [
  { role: "Physiotherapist", clinical: true },
  { role: "Osteopath", clinical: true },
  { role: "Exercise Physiologist", clinical: true },
  { role: "GP", clinical: true },
  { role: "Practice Nurse", clinical: true },
  { role: "Receptionist", clinical: false },
  { role: "Practice Manager", clinical: false },
] as const;

export const specialities = ["Sports", "Pelvic health", "Vestibular", "Paediatrics", "Hydrotherapy", "Dry needling", "Chronic pain"] as const;

export const services = [
  { service: "Initial Consultation", minutes: [45, 60], feeCents: 12_000, item: "INIT" },
  { service: "Standard Consultation", minutes: [30], feeCents: 9_500, item: "STD" },
  { service: "Long Consultation", minutes: [60, 75], feeCents: 14_500, item: "LONG" },
  { service: "Hydrotherapy Class", minutes: [45], feeCents: 3_500, item: "HYDRO" },
  { service: "Telehealth Review", minutes: [15, 30], feeCents: 6_500, item: "TELE" },
] as const;

export const bookingNotes = [
  "Prefers female practitioner",
  "Workers comp; claim no. on file",
  "Bring referral letter",
  "Running late, called",
  'Said "same time next week"',
  "Parking: use rear entrance",
] as const;

export const tags = ["VIP", "Workers Comp", "DVA", "NDIS", "Sports", "Needs interpreter", "Pensioner", "Newsletter"] as const;
export const healthFunds = ["Coastal Health Mutual", "Wattle Health Fund", "Southern Cross Members", "Eucalypt Care", ""] as const;
export const referrers = ["GP referral", "Google", "Friend", "Walked past", "Instagram", "Insurer", ""] as const;
export const occupations = ["Teacher", "Nurse", "Tradie", "Retired", "Student", "Office worker", ""] as const;
export const titles = ["Dr", "Mr", "Mrs", "Ms", "Miss"] as const;

export const noteTypes = ["SOAP", "Treatment", "Phone call", "Admin"] as const;

export const clinicSentences = [
  "S: Reports lower back pain 4/10, worse after sitting.",
  "O: Lumbar flexion limited, SLR negative bilaterally.",
  "A: Mechanical LBP, improving.",
  "P: Continue home exercise program; review 1/52.",
  "Soft tissue release to thoracic paraspinals, tolerated well.",
  "Dry needling to L glute med x2, no adverse reaction.",
  "Advised ice 15 min, 3x daily.",
  "Reviewed progress, goals updated.",
  "Phoned client re: results, left message.",
  "Hydro session completed, good engagement.",
] as const;

export const attachmentKinds = [
  { stems: ["Referral letter", "GP referral"], mimeTypes: ["application/pdf"] },
  { stems: ["Consent form", "Privacy consent (signed)"], mimeTypes: ["application/pdf"] },
  { stems: ["MRI report", "X-ray report"], mimeTypes: ["application/pdf", "text/plain"] },
  { stems: ["Posture photo", "Knee photo"], mimeTypes: ["image/jpeg", "image/png"] },
] as const;
