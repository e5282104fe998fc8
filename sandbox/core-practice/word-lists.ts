/**
 * Made-up building blocks for a synthetic dental export. Names of people come from the Visual
 * Practice lists; what is dental (procedure codes, operatories, carriers) is here. Carriers and
 * practices are invented; CDT codes are the real numbering with our own short descriptions.
 */

/** Names holding characters Windows-1252 has but Latin-1 doesn't (’ Š Ž ž) or accented letters. */
export const firstNames1252 = ["José", "Zoë", "Renée", "Iñaki", "Begoña", "François", "Chloé", "Anaïs"] as const;
export const lastNames1252 = ["O’Brien", "D’Angelo", "Šimek", "Žáková", "Muñoz", "Núñez", "Lefèvre", "Ibáñez"] as const;

export interface CdtCode {
  readonly code: string;
  readonly description: string;
  readonly feeCents: number;
  /** "tooth" needs a tooth number (and maybe surfaces), "quadrant" a quadrant, "mouth" neither. */
  readonly site: "tooth" | "quadrant" | "mouth";
  /** Surfaces a restoration covers; 0 when the code has none. */
  readonly surfaces: number;
  readonly weight: number;
}

export const cdtCodes: readonly CdtCode[] = [
  { code: "D0120", description: "Periodic oral evaluation", feeCents: 5_500, site: "mouth", surfaces: 0, weight: 8 },
  { code: "D0150", description: "Comprehensive oral evaluation", feeCents: 9_500, site: "mouth", surfaces: 0, weight: 2 },
  { code: "D0210", description: "Full-mouth radiographs", feeCents: 13_000, site: "mouth", surfaces: 0, weight: 1 },
  { code: "D0274", description: "Bitewings, four images", feeCents: 6_500, site: "mouth", surfaces: 0, weight: 4 },
  { code: "D0330", description: "Panoramic radiograph", feeCents: 11_000, site: "mouth", surfaces: 0, weight: 1 },
  { code: "D1110", description: "Prophylaxis, adult", feeCents: 10_500, site: "mouth", surfaces: 0, weight: 8 },
  { code: "D1120", description: "Prophylaxis, child", feeCents: 7_500, site: "mouth", surfaces: 0, weight: 2 },
  { code: "D1208", description: "Topical fluoride", feeCents: 3_500, site: "mouth", surfaces: 0, weight: 3 },
  { code: "D2140", description: "Amalgam, one surface", feeCents: 14_000, site: "tooth", surfaces: 1, weight: 2 },
  { code: "D2150", description: "Amalgam, two surfaces", feeCents: 17_500, site: "tooth", surfaces: 2, weight: 2 },
  { code: "D2330", description: "Resin, one surface, anterior", feeCents: 16_000, site: "tooth", surfaces: 1, weight: 2 },
  { code: "D2392", description: "Resin, two surfaces, posterior", feeCents: 21_000, site: "tooth", surfaces: 2, weight: 3 },
  { code: "D2393", description: "Resin, three surfaces, posterior", feeCents: 26_000, site: "tooth", surfaces: 3, weight: 2 },
  { code: "D2740", description: "Crown, porcelain/ceramic", feeCents: 125_000, site: "tooth", surfaces: 0, weight: 2 },
  { code: "D2950", description: "Core buildup", feeCents: 27_500, site: "tooth", surfaces: 0, weight: 1 },
  { code: "D3330", description: "Endodontic therapy, molar", feeCents: 115_000, site: "tooth", surfaces: 0, weight: 1 },
  { code: "D4341", description: "Scaling and root planing, per quadrant", feeCents: 25_000, site: "quadrant", surfaces: 0, weight: 2 },
  { code: "D4910", description: "Periodontal maintenance", feeCents: 14_500, site: "mouth", surfaces: 0, weight: 2 },
  { code: "D6010", description: "Implant body, endosteal", feeCents: 210_000, site: "tooth", surfaces: 0, weight: 1 },
  { code: "D7140", description: "Extraction, erupted tooth", feeCents: 19_500, site: "tooth", surfaces: 0, weight: 1 },
  { code: "D9110", description: "Palliative treatment", feeCents: 9_000, site: "mouth", surfaces: 0, weight: 1 },
];

export const surfaceLetters = "MODBL";
export const quadrants = ["UR", "UL", "LL", "LR"] as const;

/** Provider types as Core Practice codes them, with what they do. */
export const providerTypes = [
  { type: "DDS", clinical: true, license: "DDS" },
  { type: "RDH", clinical: true, license: "RDH" },
  { type: "DA", clinical: false, license: "" },
  { type: "FD", clinical: false, license: "" },
] as const;

export const dentalSpecialties = ["General", "Endo", "Perio", "Ortho", "Pros", "Oral Surg", "Pedo"] as const;

export const operatories = ["OP1", "OP2", "OP3", "OP4", "HYG1", "HYG2"] as const;

export const appointmentTypes = [
  { type: "Recall/Prophy", weight: 6, minutes: [60], hygiene: true },
  { type: "Comp Exam", weight: 2, minutes: [60], hygiene: false },
  { type: "Restorative", weight: 4, minutes: [30, 60, 90], hygiene: false },
  { type: "Crown Prep", weight: 1, minutes: [90, 120], hygiene: false },
  { type: "Crown Seat", weight: 1, minutes: [30], hygiene: false },
  { type: "Endo", weight: 1, minutes: [90], hygiene: false },
  { type: "Perio SRP", weight: 1, minutes: [60, 90], hygiene: true },
  { type: "Emergency", weight: 1, minutes: [30], hygiene: false },
  { type: "Consult", weight: 1, minutes: [30], hygiene: false },
] as const;

export const appointmentNotes = [
  "Pt wants Tues AM only",
  "Premed required - amox 2g 1hr prior",
  "Confirmed via text",
  "Left VM x2",
  'Pt said "no nitrous this time"',
  "Ins verified, 80% basic / 50% major",
  "Bring night guard for adjustment",
  "Running 10 min late, called ahead",
] as const;

export const noteTypes = ["Progress", "Perio Chart", "Medical Hx", "Tx Discussion", "Phone Call", "Lab"] as const;

export const dentalSentences = [
  "Pt presents for recall, no complaints.",
  "Generalized light plaque, BOP on lower anteriors.",
  "Probing depths 2-3mm, isolated 4mm pocket #3 DB.",
  "Reviewed tx plan with pt, questions answered.",
  "Local anesthetic: 1 carp 2% lido 1:100k epi.",
  "Isolation with rubber dam, caries removed.",
  "Composite placed and cured, occlusion checked.",
  "Pt tolerated procedure well, post-op instructions given.",
  "Fractured cusp noted, recommended crown.",
  "Pano taken, no pathology noted.",
  "Pt declined fluoride today.",
  "Impression sent to lab, temp crown cemented with TempBond.",
] as const;

export const planNames = ["Phase 1 - Perio", "Restorative", "Crown & Bridge", "Implant Tx", "Ortho Consult Plan", "Emergency Tx"] as const;

export const carriers = [
  { name: "Bluebird Dental Mutual", payerId: "BB101" },
  { name: "Keystone Dental Plan", payerId: "KS224" },
  { name: "Harbor Life & Dental", payerId: "HL330" },
  { name: "Summit Benefit Administrators", payerId: "SB415" },
  { name: "Pioneer Dental PPO", payerId: "PD509" },
  { name: "Northstar Dental HMO", payerId: "NS618" },
] as const;

/** Referring practices, each with the other ways front-desk staff spell it. */
export const referringPractices = [
  { name: "Lakeside Pediatric Dentistry", variants: ["LAKESIDE PEDIATRIC DENTISTRY", "Lakeside Peds Dentistry"] },
  { name: "Cedar Hill Oral Surgery", variants: ["Cedar Hill Oral Surg.", "Cedar Hill OMFS"] },
  { name: "Riverbend Family Medicine", variants: ["Riverbend Family Med"] },
  { name: "Summit Orthodontics", variants: ["Summit Ortho", "SUMMIT ORTHODONTICS LLC"] },
  { name: "Harborview Periodontics", variants: ["Harborview Perio"] },
  { name: "Pinecrest Endodontic Associates", variants: ["Pinecrest Endo Assoc."] },
] as const;

export const contactPreferences = ["Email", "Text", "Phone", "Mail"] as const;
export const schools = ["Lincoln Elementary", "Westview Middle", "Central High", "Oak Park Academy", ""] as const;

export const documentTypes = [
  { type: "X-Ray BWX", weight: 4, stems: ["bwx", "bitewings"], mimeTypes: ["image/jpeg", "image/png"] },
  { type: "X-Ray Pano", weight: 2, stems: ["pano"], mimeTypes: ["image/jpeg"] },
  { type: "X-Ray FMX", weight: 1, stems: ["fmx"], mimeTypes: ["image/png"] },
  { type: "Intraoral Photo", weight: 2, stems: ["io photo", "smile photo"], mimeTypes: ["image/jpeg"] },
  { type: "Consent", weight: 2, stems: ["consent-signed", "Informed Consent (Extraction)"], mimeTypes: ["application/pdf"] },
  { type: "Insurance Card", weight: 1, stems: ["ins card front", "ins card back"], mimeTypes: ["image/jpeg"] },
  { type: "Referral Letter", weight: 1, stems: ["referral-letter"], mimeTypes: ["application/pdf", "text/plain"] },
] as const;
