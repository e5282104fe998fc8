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
