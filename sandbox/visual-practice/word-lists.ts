/**
 * Made-up building blocks for synthetic records. Deliberately includes apostrophes, hyphens and
 * accented letters (UTF-8) because real exports do and readers must survive them.
 */
export const firstNames = [
  "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
  "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Daniel", "Karen",
  "José", "Zoë", "Renée", "Chloé", "Iñaki", "Begoña", "André", "Noël", "Mary-Kate", "Jean-Luc",
  "Aisha", "Wei", "Priya", "Mateo", "Sofía", "Liam", "Olivia", "Noah", "Emma", "Ava",
] as const;

export const lastNames = [
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
  "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
  "O'Brien", "D'Angelo", "O'Neil", "Smith-Jones", "Lee-Park", "Muñoz", "Núñez", "García-Márquez", "Lefèvre", "Çelik",
  "Nguyen", "Patel", "Kim", "Chen", "Okafor", "Kowalski", "Schäfer", "MacDonald", "St. James", "van der Berg",
] as const;

export const nicknames = ["Bob", "Beth", "Bill", "Liz", "Mike", "Jim", "Sue", "Kate", "Danny", "Tom"] as const;

export const streets = [
  "Main St", "Oak Ave", "Maple Dr", "Cedar Ln", "Elm St", "Park Blvd", "Lakeview Rd", "Hillcrest Way",
  "Sunset Blvd", "River Rd", "Chestnut Ct", "Willow Pl", "Rue de l'Église", "King's Rd",
] as const;

export const places = [
  { city: "Springfield", state: "IL", zip: "62701" },
  { city: "Riverton", state: "WY", zip: "82501" },
  { city: "Fairview", state: "OR", zip: "97024" },
  { city: "Greenville", state: "SC", zip: "29601" },
  { city: "Madison", state: "WI", zip: "53703" },
  { city: "Salem", state: "MA", zip: "01970" },
  { city: "Georgetown", state: "TX", zip: "78626" },
  { city: "Coeur d'Alene", state: "ID", zip: "83814" },
  { city: "Española", state: "NM", zip: "87532" },
] as const;

export const areaCodes = ["212", "312", "415", "503", "617", "702", "808", "919"] as const;

export const practiceStems = [
  "Lakeside", "Maple Grove", "Riverbend", "Cedar Hill", "Harborview", "Sunrise", "Pinecrest", "Willowbrook",
  "St. Anne's", "Oakridge", "Bluewater", "Meadowlark", "Summit", "Brookside", "Fox Run", "Stonebridge",
] as const;

export const specialties = [
  "Family Medicine", "General Dentistry", "Orthodontics", "Pediatrics", "Dermatology", "Physical Therapy",
] as const;

export const practiceKinds: Readonly<Record<string, string>> = {
  "Family Medicine": "Family Medicine",
  "General Dentistry": "Family Dental",
  Orthodontics: "Orthodontics",
  Pediatrics: "Pediatrics",
  Dermatology: "Dermatology",
  "Physical Therapy": "Physical Therapy",
};

export const providerRoles = [
  { role: "Physician", credentials: "MD", license: "MD" },
  { role: "Dentist", credentials: "DDS", license: "DDS" },
  { role: "Hygienist", credentials: "RDH", license: "RDH" },
  { role: "Nurse Practitioner", credentials: "NP", license: "NP" },
  { role: "Nurse", credentials: "RN", license: "RN" },
  { role: "Office Manager", credentials: "", license: "" },
] as const;

export const referralSources = ["Google", "Physician Referral", "Friend/Family", "Insurance Directory", "Walk-in", "Yelp", ""] as const;
export const contactMethods = ["Email", "Phone", "SMS", "Mail", ""] as const;
export const medicalAlerts = ["Penicillin allergy", "Latex allergy, shellfish allergy", "Diabetic", "Pacemaker", "Anxious patient, prefers morning visits"] as const;
/** Zip codes that lost a leading zero in a spreadsheet, or were never right. */
export const badZips = ["1970", "ABCDE", "0000", "62701-", "9O210", "537033"] as const;
export const badDates = ["13/45/1980", "N/A", "00/00/0000", "02/30/1975", "31/12/1999", "unknown"] as const;
export const exampleDomains = ["example.com", "example.org", "example.net"] as const;

/** Appointment types with the lengths (minutes) they're booked for and typical reasons (short, PHI-like). */
export const appointmentTypes = [
  { type: "Cleaning", weight: 5, minutes: [45, 60], reasons: ["Routine cleaning", "6-month recall", "Cleaning, heavy tartar", "Perio maintenance"] },
  { type: "Exam", weight: 4, minutes: [30], reasons: ["Annual exam", "Periodic exam", "New patient exam", "Check-up"] },
  { type: "Filling", weight: 2, minutes: [45, 60], reasons: ["Cavity lower left", "Replace old filling", "Chipped tooth #14", "Sensitivity to cold"] },
  { type: "Crown Prep", weight: 1, minutes: [90], reasons: ["Cracked molar", "Crown prep #30", "Broken crown", "Crown after root canal"] },
  { type: "Consultation", weight: 2, minutes: [30, 45], reasons: ["Implant consult", "Second opinion", "Orthodontic consult", "Skin check", "Knee pain"] },
  { type: "Follow-up", weight: 3, minutes: [15, 30], reasons: ["Post-op check", "Follow-up on sensitivity", "Review lab results", "Suture removal", "Recheck rash"] },
  { type: "X-Ray", weight: 2, minutes: [15], reasons: ["Bitewings", "Panoramic X-ray", "Full-mouth series", "X-ray, tooth pain"] },
  { type: "Root Canal", weight: 1, minutes: [90], reasons: ["Abscess upper right", "Severe toothache", "Root canal #19"] },
  { type: "Annual Physical", weight: 1, minutes: [45], reasons: ["Annual physical", "Sports physical", "Pre-employment physical"] },
] as const;

/** Free-text appointment notes; some hold commas, quotes and apostrophes, as front-desk notes do. */
export const appointmentNotes = [
  "Pt prefers morning appointments",
  "Confirmed by phone, left voicemail",
  'Patient said "no rush" on treatment',
  "Running late, arrived 10 min after start",
  "Needs pre-med (amoxicillin 2g), confirm before procedure",
  "Anxious patient, offered nitrous",
  "Insurance verified",
  "Rescheduled from last week",
  'Mom will bring child; bring "consent form" signed',
  "Requested Dr. O'Brien specifically",
  "Copay collected, $25",
  "Latex allergy, use nitrile gloves",
  "Text reminder sent",
] as const;

export const cancelledNotes = ["Cancelled by patient, car trouble", "Sick, will call to rebook", 'Cancelled: "work conflict"', "Office closed (weather)"] as const;
export const noShowNotes = ["No call, no show", 'Did not answer reminder, said "forgot"', "NS fee discussed", "Second no-show this year"] as const;

/** ApptStart values no MM/DD/YYYY HH:mm (or ISO) reading accepts. */
export const badTimestamps = ["N/A", "TBD", "00/00/0000 00:00", "02/30/2024 09:00", "13/45/2023 10:15", "see notes"] as const;

/** Clinical note headings; obviously generic, no people. */
export const noteTitles = [
  "Progress Note", "Treatment Note", "Exam Findings", "Telephone Encounter", "Post-op Check", "Consult Note",
  "Lab Review", "Care Plan Update", "Hygiene Visit", "Medication Review",
] as const;

/**
 * Sentences for synthetic clinical notes: plausible chart phrasing about no one in particular.
 * Some hold commas, quotes, slashes and apostrophes; none hold RTF's backslash or braces.
 */
export const noteSentences = [
  "Pt seen for routine visit.",
  "No acute distress noted.",
  "Vitals within normal limits, BP 118/76.",
  "Reviewed medication list; no changes.",
  "Pt reports mild sensitivity to cold on lower left.",
  "Gingiva pink and firm, light plaque on lingual surfaces.",
  "Discussed flossing technique and home care.",
  "Pt states \"feeling much better\" since last visit.",
  "Healing as expected, sutures intact.",
  "Mild inflammation at site, no signs of infection.",
  "Radiographs reviewed with pt, no new findings.",
  "Lab values reviewed; A1c slightly elevated.",
  "Pt denies chest pain, shortness of breath or fever.",
  "Range of motion improved compared with prior visit.",
  "Skin lesion on forearm unchanged in size and color.",
  "Patient's questions answered, verbalized understanding.",
  "Allergies reviewed and confirmed with pt.",
  "Local anesthetic given, pt tolerated procedure well.",
  "Called pt to follow up; left message on voicemail.",
  "Insurance pre-authorization requested for next phase.",
] as const;

export const notePlans = [
  "Plan: recall in 6 months.",
  "Plan: follow up in 2 weeks.",
  "Plan: continue current treatment.",
  "Plan: refer to specialist if no improvement.",
  "Plan: repeat labs in 3 months.",
  "Plan: schedule crown prep.",
  "Plan: ice and rest, recheck next visit.",
] as const;

/**
 * What a practice files on a chart, by Category: file-name stems as staff type them (some with
 * spaces and parentheses), whether the upload date goes in the name, and the media types seen.
 */
export const documentKinds = [
  { category: "Consent", weight: 3, stems: ["consent", "treatment-consent", "hipaa-acknowledgment", "Financial Policy (signed)"], dated: true, mimeTypes: ["application/pdf"] },
  { category: "Lab", weight: 2, stems: ["lab-results", "cbc-panel", "biopsy-report", "a1c-result"], dated: true, mimeTypes: ["application/pdf", "application/pdf", "text/plain"] },
  { category: "Imaging", weight: 3, stems: ["panoramic-xray", "bitewings", "fmx-series", "knee-xray", "intraoral photo"], dated: false, mimeTypes: ["image/jpeg", "image/jpeg", "image/png"] },
  { category: "Insurance Card", weight: 2, stems: ["insurance-card-front", "insurance-card-back", "ins card"], dated: false, mimeTypes: ["image/jpeg", "image/png"] },
  { category: "Form", weight: 2, stems: ["new-patient-form", "medical-history", "intake-questionnaire"], dated: true, mimeTypes: ["application/pdf", "text/plain"] },
  { category: "Other", weight: 1, stems: ["referral-letter", "scan0001", "Correspondence (copy)"], dated: false, mimeTypes: ["application/pdf", "text/plain", "image/jpeg"] },
] as const;
