/**
 * Deterministic, PHI-free sample values for the matcher corpus (test/corpus/match). Every person,
 * place and number is invented: SSNs use the never-issued 9xx area, US phones the 555-01xx range,
 * NPIs are made up (with a valid check digit unless asked otherwise).
 */
import { npiCheckDigit } from "../src/core/map/match/value-profile.js";

export type Rand = () => number;

/** mulberry32, seeded from a string: the same column name always gets the same values. */
export function seeded(seed: string): Rand {
  let h = 1779033703;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 3432918353), (h = (h << 13) | (h >>> 19));
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pad = (n: number, w = 2) => String(n).padStart(w, "0");

const firsts = ["Amara", "Bjorn", "Chloe", "Dmitri", "Esther", "Farid", "Gwen", "Hiroshi", "Ines", "Jonah", "Kalani", "Luca", "Mireille", "Nnamdi", "Oona", "Priya", "Quentin", "Rosalind", "Soren", "Talia", "Umberto", "Vesna", "Wendell", "Xiomara", "Yusuf", "Zelda"];
const lasts = ["Abernathy", "Quillfeather", "Marsh-Wood", "Tanakawa", "Okonkwo", "Lindqvist", "Ruizello", "Petrovska", "Achterberg", "Brightwater", "Castellano", "Dunmore", "Everhart", "Fairweather", "Galloway", "Hollister", "Ingersoll", "Jablonski", "Kettleby", "Larkspur"];
const streetNames = ["Larch", "Quarry", "Ferncliff", "Orchard", "Harbor", "Juniper", "Beacon", "Millbrook", "Tamarack", "Wren"];
const streetKinds = ["St", "Rd", "Ave", "Ln", "Way", "Ct", "Blvd"];
const deStreets = ["Lindenweg", "Am Moorbach", "Kastanienallee", "Birkenstrasse", "Uferpfad", "Muehlgasse"];
const esStreets = ["Calle del Olmo", "Avenida Pinar", "Calle Jazmin", "Paseo Alameda", "Calle Romero"];
const cities = ["Brookvale", "Easton Hollow", "Marlow", "Pinecrest", "Ashford Glen", "Kettle Falls", "Riverbend"];
const deCities = ["Lindenau", "Birkenfeld", "Mooshausen", "Tannberg", "Kieselbach"];
const esCities = ["Villalba del Rio", "Santa Olaya", "Puerto Alameda", "Robledal", "Valdecasa"];
const states = ["MA", "NH", "RI", "VT", "ME", "CT"];
const deStates = ["Bayern", "Hessen", "Sachsen", "Berlin", "Bremen"];
const esProvinces = ["Madrid", "Valencia", "Sevilla", "Zaragoza", "Asturias"];
const domains = ["example.org", "example.com", "example.net"];
const sentences = [
  "Patient reports mild sensitivity on the lower left side since last visit",
  "Reviewed home care routine and recommended a softer brush",
  "Follow up in six weeks to check healing of the treated area",
  "Discussed options and the patient prefers to wait until spring",
  "No complaints today, routine check completed without findings",
  "Mild inflammation noted, advised rinse twice daily for one week",
  "Patient anxious about the procedure, explained each step beforehand",
  "Radiographs taken and reviewed together with the patient",
];
const shortReasons = ["Cleaning", "Toothache", "Follow-up", "Consultation", "Checkup", "Crown prep", "Whitening", "Broken filling", "Annual exam", "Sports physical"];

type Gen = (r: Rand, i: number, arg: string) => string;

function dateParts(r: Rand, from: number, to: number): [number, number, number] {
  return [int(r, from, to), int(r, 1, 12), int(r, 1, 28)];
}

const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Formats a date; fmt: us, iso, ymd, de, eu, mon, usts, isots, isoz, dets, epoch-free. */
export function formatDate([y, m, d]: readonly [number, number, number], fmt: string, r: Rand): string {
  const hh = pad(int(r, 7, 18));
  const mm = pad(int(r, 0, 3) * 15);
  switch (fmt) {
    case "iso": return `${y}-${pad(m)}-${pad(d)}`;
    case "ymd": return `${y}${pad(m)}${pad(d)}`;
    case "de": return `${pad(d)}.${pad(m)}.${y}`;
    case "eu": return `${pad(d)}/${pad(m)}/${y}`;
    case "mon": return `${pad(d)}-${months[m - 1]}-${y}`;
    case "usts": return `${pad(m)}/${pad(d)}/${y} ${hh}:${mm}`;
    case "isots": return `${y}-${pad(m)}-${pad(d)}T${hh}:${mm}:00`;
    case "isoz": return `${y}-${pad(m)}-${pad(d)}T${hh}:${mm}:00Z`;
    case "dets": return `${pad(d)}.${pad(m)}.${y} ${hh}:${mm}`;
    case "ymdts": return `${y}${pad(m)}${pad(d)}${hh}${mm}00`;
    default: return `${pad(m)}/${pad(d)}/${y}`;
  }
}

function npi(r: Rand, valid: boolean): string {
  const nine = `1${String(int(r, 10000000, 99999999))}`;
  const check = npiCheckDigit(nine);
  return nine + String(valid ? check : (check + 1 + int(r, 0, 7)) % 10);
}

function phone(r: Rand, fmt: string): string {
  const a = pick(r, ["617", "508", "413", "781"]);
  const n = `01${pad(int(r, 0, 99))}`;
  switch (fmt) {
    case "dots": return `${a}.555.${n}`;
    case "intl": return `+1 ${a} 555 ${n}`;
    case "raw": return `${a}555${n}`;
    case "de": return `+49 ${pick(r, ["30", "89", "221"])} ${int(r, 1000000, 9999999)}`;
    case "es": return `+34 ${int(r, 600, 699)} ${int(r, 100, 999)} ${int(r, 100, 999)}`;
    case "dash": return `${a}-555-${n}`;
    default: return `(${a}) 555-${n}`;
  }
}

/** Code pools: every value the column holds (a column's distinct count is the pool's size). */
export const pools: Readonly<Record<string, readonly string[]>> = {
  "sex:mf": ["F", "M", "U"], "sex:word": ["Female", "Male", "Other", "Unknown"], "sex:fhir": ["female", "male", "other", "unknown"],
  "sex:es": ["H", "M"], "sex:esword": ["Hombre", "Mujer"], "sex:de": ["m", "w", "d"], "sex:num": ["1", "2", "9"],
  "bool:yn": ["Y", "N"], "bool:tf": ["true", "false"], "bool:10": ["1", "0"], "bool:jn": ["ja", "nein"], "bool:si": ["Si", "No"], "bool:TF": ["TRUE", "FALSE"],
  "pstatus:en": ["Active", "Inactive", "Deceased"], "pstatus:code": ["A", "I", "D"], "pstatus:es": ["Activo", "Inactivo", "Fallecido"], "pstatus:de": ["aktiv", "inaktiv", "verstorben"],
  "role:en": ["Dentist", "Hygienist", "Assistant", "Admin", "Physician", "Nurse"], "role:code": ["DDS", "RDH", "DA", "ADM"], "role:es": ["Medico", "Enfermera", "Recepcion", "Higienista"], "role:de": ["Arzt", "Zahnarzt", "MFA", "Verwaltung"],
  specialty: ["General Dentistry", "Orthodontics", "Endodontics", "Pediatric Dentistry", "Family Medicine", "Periodontics"],
  "specialty:de": ["Allgemeinmedizin", "Kieferorthopaedie", "Zahnheilkunde", "Innere Medizin"], "specialty:es": ["Odontologia", "Pediatria", "Medicina General", "Ortodoncia"],
  creds: ["DDS", "DMD", "RDH", "MD", "NP", "PA-C"],
  appttype: ["Cleaning", "Exam", "New Patient", "Emergency", "Follow-up", "Consult"], "appttype:es": ["Limpieza", "Revision", "Urgencia", "Primera visita"], "appttype:de": ["Kontrolle", "Prophylaxe", "Notfall", "Erstuntersuchung"],
  apptstatus: ["Scheduled", "Confirmed", "Completed", "Cancelled", "No Show"], "apptstatus:fhir": ["booked", "fulfilled", "cancelled", "noshow", "arrived"],
  "apptstatus:es": ["Programada", "Confirmada", "Realizada", "Cancelada"], "apptstatus:de": ["geplant", "bestaetigt", "erledigt", "abgesagt"], "apptstatus:code": ["S", "C", "X", "N", "K"],
  paystatus: ["Paid", "Pending", "Failed"], "paystatus:code": ["P", "PD", "F"], duration: ["15", "30", "45", "60", "90"],
  format: ["plain", "rtf", "html"], "format:mime": ["text/plain", "text/rtf", "text/html"],
  mime: ["application/pdf", "image/jpeg", "image/png", "image/tiff"], doccat: ["Consent", "Lab", "Imaging", "Insurance Card", "Form", "Other"], "doccat:code": ["CONS", "LAB", "XRAY", "INS", "FORM"],
  "doccat:de": ["Einwilligung", "Labor", "Roentgen", "Formular"],
  lang: ["English", "Spanish", "Portuguese", "Vietnamese"], "lang:code": ["en", "es", "pt", "vi", "de"], marital: ["Single", "Married", "Divorced", "Widowed"], "marital:code": ["S", "M", "D", "W"],
  refsrc: ["Google", "Friend", "Insurance list", "Walk-in", "Website", "Physician referral"], contactpref: ["Email", "Phone", "SMS", "Mail"], consent: ["Signed", "Pending", "Declined"],
  linkrole: ["primaryCare", "referring", "other"], "linkrole:word": ["Primary", "Referring", "Other"],
  carrier: ["Bluestone Health", "Harbor Mutual", "Northfield Assurance", "Crescent Care Plan", "Medicaid"], "carrier:de": ["AOK Musterland", "Techniker Beispiel", "Barmer Test", "DAK Probe"],
  color: ["Red", "Blue", "Green", "Yellow"], operatory: ["OP1", "OP2", "OP3", "OP4"], surface: ["M", "O", "D", "B", "L", "MO", "DO"], cpt: ["99213", "99214", "99203", "90837", "97110", "99395"],
  cdt: ["D0120", "D0150", "D1110", "D0274", "D2391", "D2740", "D7140", "D1206"], tooth: ["3", "8", "14", "19", "30", "31", "2", "18"],
  clinicname: ["Harborview Family Dental", "Pinecrest Smiles", "Marlow Orthodontics", "Riverbend Family Medicine", "Ashford Glen Pediatrics"],
  "clinicname:de": ["Praxis am Lindenweg", "Zahnarztpraxis Birkenfeld", "MVZ Tannberg"], "clinicname:es": ["Clinica Dental Alameda", "Centro Medico Robledal", "Consultorio Santa Olaya"],
  hours: ["Mon-Fri 8-5", "Mon-Thu 7-4, Fri 8-12", "Tue-Sat 9-6"], country: ["US", "USA", "United States"], "country:de": ["Deutschland", "DE"], "country:es": ["Espana", "ES"],
  currency: ["USD", "EUR"], icdcat: ["K02.9", "K05.10", "Z01.20", "E11.9", "I10", "J06.9", "M54.5", "K08.89"], pharmacy: ["Main St Pharmacy", "Harbor Drug", "Pinecrest Apothecary", "Marlow Rx"],
  timezone: ["America/New_York", "America/Chicago"], rating: ["1", "2", "3", "4", "5"], chair: ["Chair 1", "Chair 2", "Chair 3"], source: ["import", "portal", "manual"],
};

const gens: Readonly<Record<string, Gen>> = {
  id: (_r, i, arg) => String(Number(arg || 1) + i),
  uuid: (r) => Array.from({ length: 4 }, () => int(r, 0, 0xffff).toString(16).padStart(4, "0")).join("").replace(/^(.{8})(.{4})(.{4})$/, "$1-$2-$3"),
  sfid: (r, _i, arg) => `${arg || "003"}5g00000${Array.from({ length: 8 }, () => pick(r, [..."ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz0123456789"])).join("")}`,
  ref: (r, _i, arg) => { const [start, count] = arg.split("-").map(Number); return String((start ?? 1) + int(r, 0, (count ?? 20) - 1)); },
  code: (r, _i, arg) => `${arg}${pad(int(r, 1, 9999), 5)}`,
  first: (r) => pick(r, firsts), last: (r) => pick(r, lasts), middle: (r) => pick(r, [..."ABCDEFGHJKLMNPRSTW"]),
  fullname: (r) => `${pick(r, firsts)} ${pick(r, lasts)}`, lastfirst: (r) => `${pick(r, lasts)}, ${pick(r, firsts)}`,
  nick: (r) => pick(r, ["Mara", "Bo", "Jo", "Kal", "Rosie", "Sam", "Dee", "Tal", "Izzy", "Ned"]), suffix: (r) => pick(r, ["Jr.", "Sr.", "II", "III"]),
  dob: (r, _i, fmt) => formatDate(dateParts(r, 1932, 2020), fmt, r),
  date: (r, _i, fmt) => formatDate(dateParts(r, 2016, 2025), fmt, r),
  future: (r, _i, fmt) => formatDate(dateParts(r, 2025, 2027), fmt, r),
  email: (r) => `${pick(r, firsts).toLowerCase()}.${pick(r, lasts).toLowerCase().replace(/-/g, "")}${int(r, 1, 99)}@${pick(r, domains)}`,
  workemail: (r) => `${pick(r, firsts).toLowerCase()}@${pick(r, ["harborview", "pinecrest", "marlow"])}.example.com`,
  phone: (r, _i, fmt) => phone(r, fmt), ssn: (r) => `9${pad(int(r, 0, 99))}-${pad(int(r, 10, 99))}-${pad(int(r, 1000, 9999), 4)}`,
  ssnraw: (r) => `9${pad(int(r, 0, 99))}${pad(int(r, 10, 99))}${pad(int(r, 1000, 9999), 4)}`,
  street: (r) => `${int(r, 1, 999)} ${pick(r, streetNames)} ${pick(r, streetKinds)}`, "street:de": (r) => `${pick(r, deStreets)} ${int(r, 1, 120)}`,
  "street:es": (r) => `${pick(r, esStreets)} ${int(r, 1, 90)}`, addr2: (r) => pick(r, ["Apt 2", "Unit 5B", "Suite 110", "Apt 14", "Floor 3", "Unit 7"]),
  city: (r) => pick(r, cities), "city:de": (r) => pick(r, deCities), "city:es": (r) => pick(r, esCities),
  state: (r) => pick(r, states), "state:de": (r) => pick(r, deStates), "state:es": (r) => pick(r, esProvinces),
  zip: (r) => pick(r, ["0", "0", "0", "1"]) + String(int(r, 1000, 2999)), zip9: (r) => `0${int(r, 1000, 2999)}-${int(r, 1000, 9999)}`,
  "zip:de": (r) => String(int(r, 10000, 99999)), "zip:es": (r) => `${pick(r, ["28", "46", "41", "50"])}${pad(int(r, 0, 999), 3)}`,
  "zip:uk": (r) => `${pick(r, ["SW1A", "EC1V", "M1", "B33", "LS6"])} ${int(r, 1, 9)}${pick(r, ["AA", "BD", "XY", "NP"])}`,
  npi: (r) => npi(r, true), npibad: (r) => npi(r, false), ein: (r) => `${pad(int(r, 10, 99))}-${int(r, 1000000, 9999999)}`,
  license: (r) => `${pick(r, ["DN", "DH", "MD", "RN"])}-${int(r, 10000, 99999)}`, dea: (r) => `${pick(r, ["A", "B", "F"])}${pick(r, [..."ABCDEFGHJK"])}${int(r, 1000000, 9999999)}`,
  url: (r) => pick(r, ["https://", "www.", ""]) + `${pick(r, ["harborview", "pinecrest", "marlow", "ashford"])}${pick(r, ["dental", "smiles", "clinic"])}.com`,
  mrn: (r) => `MRN${int(r, 100000, 999999)}`, chart: (r) => `CH-${pad(int(r, 1, 99999), 5)}`, policy: (r) => `${pick(r, ["XQA", "BHP", "NFA"])}${int(r, 10000000, 99999999)}`,
  group: (r) => `GRP-${int(r, 1000, 9999)}`, permit: (r) => `P-${int(r, 100, 999)}`,
  money: (r) => `$${int(r, 0, 2400)}.${pad(int(r, 0, 99))}`, "money:plain": (r) => `${int(r, 0, 2400)}.${pad(int(r, 0, 99))}`, "money:eur": (r) => `${int(r, 0, 900)},${pad(int(r, 0, 99))} €`,
  int: (r, _i, arg) => { const [lo, hi] = arg.split("-").map(Number); return String(int(r, lo ?? 0, hi ?? 100)); },
  size: (r) => String(int(r, 20000, 4000000)), path: (r, i) => `files/${2020 + (i % 5)}/${pad(int(r, 1, 12))}/doc_${int(r, 10000, 99999)}.${pick(r, ["pdf", "jpg", "png"])}`,
  filename: (r) => `${pick(r, ["consent", "xray", "lab_result", "intake_form", "insurance_card", "referral"])}_${int(r, 100, 999)}.${pick(r, ["pdf", "jpg", "png"])}`,
  note: (r) => `${pick(r, sentences)}. ${pick(r, sentences)}.`, reason: (r) => pick(r, shortReasons), title: (r) => pick(r, ["Progress note", "Treatment note", "Hygiene visit", "Post-op check", "Consult summary", "Phone call"]),
  alerts: (r) => pick(r, ["Latex sensitivity noted at intake", "Takes anticoagulants, check before extraction", "Anxious about needles", "Premedication required before cleanings", "Penicillin intolerance reported"]),
  emerg: (r) => `${pick(r, firsts)} ${pick(r, lasts)} ${phone(r, "dash")}`, icd10: (r) => pick(r, pools.icdcat ?? []),
  comment: (r) => pick(r, ["call before noon", "prefers afternoons", "needs interpreter", "parking in rear", "bring old x-rays", "", "see chart"]),
  words: (r) => `${pick(r, ["blue", "north", "quiet", "early", "round"])} ${pick(r, ["harbor", "meadow", "lantern", "pebble"])}`,
  hex: (r) => int(r, 0, 0xffffff).toString(16).padStart(6, "0"),
};

/** Distinct-value count of a generator's column, relative to the table's rows. */
export function isPool(spec: string): boolean {
  return spec in pools;
}

/**
 * Up to `count` distinct samples for a generator spec "name:arg" (a pool gives all its values).
 *
 * @example samplesFor("dob:ymd", "core.pat.birth_dt", 12) // ["19520314", ...]
 */
export function samplesFor(spec: string, seed: string, count: number): string[] {
  const pool = pools[spec];
  if (pool) return [...pool];
  const [name, ...rest] = spec.split(":");
  const gen = gens[spec] ?? gens[name ?? ""];
  if (!gen) throw new Error(`unknown generator '${spec}'`);
  const arg = gens[spec] ? "" : rest.join(":");
  const r = seeded(seed);
  const seen = new Set<string>();
  for (let i = 0; seen.size < count && i < count * 20; i += 1) {
    const value = gen(r, i, arg);
    if (value !== "") seen.add(value);
  }
  return [...seen];
}
