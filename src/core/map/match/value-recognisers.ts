/**
 * Per-value shape tests beyond the basic ones in value-profile: clinical and billing codes,
 * postcodes outside the US, money with currency marks, media types, opaque record ids, and sex and
 * yes/no words in English, Spanish, German and French. Each is a pure predicate on one trimmed
 * value; value-profile counts how many samples pass.
 */

/** ICD-10(-CM) diagnosis code: letter (not U), digit, digit or letter, optional dot and up to 4 more. */
const icd10Pattern = /^[A-TV-Z]\d[0-9A-Z](\.[0-9A-Z]{1,4})?$/i;
/** CDT dental procedure code: D and four digits. */
const cdtPattern = /^D\d{4}$/i;
/** CPT category II/III codes carry a trailing F or T; plain five-digit CPT codes look like ZIPs. */
const cptLetterPattern = /^\d{4}[FT]$/i;
const ukPostcodePattern = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i;
const caPostcodePattern = /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/i;
const usZipPattern = /^\d{5}(-\d{4})?$/;
/** $1,200.00 · 1.234,56 € · £35 · EUR 12.50 · 12.50 USD · plain 12.50 (two decimals). */
const moneyPattern = /^(-?[$€£]\s?-?\d{1,3}([,.\s]?\d{3})*([.,]\d{2})?|-?\d{1,3}([,.\s]?\d{3})*([.,]\d{2})?\s?[$€£]|(USD|EUR|GBP)\s?-?\d+([.,]\d{2})?|-?\d+([.,]\d{2})?\s?(USD|EUR|GBP)|-?\d+\.\d{2})$/i;
const mimePattern = /^(application|image|text|audio|video|multipart)\/[a-z0-9.+-]+$/i;
/** UUIDs, Salesforce ids, hex hashes: letters and digits mixed, no spaces, 10+ characters. */
const opaqueIdPattern = /^(?=[A-Za-z0-9-]*\d)(?=[A-Za-z0-9-]*[A-Za-z])[A-Za-z0-9-]{10,40}$/;

export const isIcd10 = (v: string): boolean => icd10Pattern.test(v);
export const isProcedureCode = (v: string): boolean => cdtPattern.test(v) || cptLetterPattern.test(v);
export const isPostalCode = (v: string): boolean => usZipPattern.test(v) || ukPostcodePattern.test(v) || caPostcodePattern.test(v);
export const isMoney = (v: string): boolean => moneyPattern.test(v);
export const isMimeType = (v: string): boolean => mimePattern.test(v);
export const isOpaqueId = (v: string): boolean => opaqueIdPattern.test(v) && !/^\d+-\d+$/.test(v) && !/^\d{1,2}-[A-Za-z]{3}-\d{4}$/.test(v);

/** "+49 30 1234567", "+34 612 345 678", "+44 20 7946 0018": a country code, then 7–13 digits in groups. */
const internationalPhonePattern = /^\+\d{1,3}([\s.-]?\(?\d{1,5}\)?){2,6}$/;
export function isInternationalPhone(v: string): boolean {
  const digits = v.replace(/\D/g, "").length;
  return internationalPhonePattern.test(v) && digits >= 9 && digits <= 15;
}

/** Sex and gender codes: M/F/U/O/X, English words, Spanish H/M and hombre/mujer, German m/w/d. */
export const sexWords: ReadonlySet<string> = new Set([
  "m", "f", "u", "o", "x", "unk", "male", "female", "unknown", "other", "h", "w", "d",
  "hombre", "mujer", "masculino", "femenino", "mannlich", "maennlich", "weiblich", "divers", "homme", "femme",
]);

/** Yes/no words, with Spanish, German and French. */
export const boolWords: Readonly<Record<string, boolean>> = {
  y: true, yes: true, true: true, t: true, "1": true, on: true, si: true, ja: true, oui: true, x: true,
  n: false, no: false, false: false, f: false, "0": false, off: false, nein: false, non: false,
};

/** Case- and accent-insensitive form of a code value ("Sí" → si, "männlich" → mannlich). */
export function codeForm(value: string): string {
  return value.trim().toLowerCase().replace(/ß/g, "ss").normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}
