/**
 * Splits a column, field or table name into lowercase word tokens.
 *
 * Sources spell the same idea as "PatFirstName", "pat_first_name", "pat-first-name" or
 * "PATFIRSTNAME"; the matcher compares words, so every casing convention must give the same
 * tokens. Acronyms stay whole ("ProvNPI" → prov npi) and digits split off ("Addr1" → addr 1);
 * accents fold ("Teléfono" → telefono) and "#" reads as "no" ("Patient #" → patient no).
 *
 * @example splitName("PatFirstName") // ["pat", "first", "name"]
 */
export function splitName(name: string): string[] {
  return foldLetters(name)
    .replace(/#/g, " no ") // "Patient #", "NPI #": the number sign means "number"
    .replace(/([a-z])([A-Z])/g, "$1 $2") // camelCase boundary
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2") // end of an acronym: "NPIValue" → NPI Value
    .replace(/([A-Za-z])(\d)/g, "$1 $2")
    .replace(/(\d)([A-Za-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter((token) => token.length > 0)
    .map((token) => token.toLowerCase());
}

/**
 * Folds accented letters to plain ones so "Teléfono", "Straße" and "Größe" split as one word each:
 * é → e, ß → ss, ä → a (German also writes ä as ae; the foreign lexicon knows both spellings).
 */
export function foldLetters(text: string): string {
  return text.replace(/ß/g, "ss").normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

/** Endings that look plural but aren't ("status", "address", "basis"). */
const notPlural = /(ss|us|is)$/;

/**
 * A crude singular so "patients" meets "patient" and "alerts" meets "alert". Used on both sides of
 * every comparison, so an imperfect rule ("specialties" → "specialty" is right, others may not be)
 * still lines up.
 */
export function singular(token: string): string {
  if (token.length <= 3 || notPlural.test(token)) return token;
  if (token.endsWith("ies")) return `${token.slice(0, -3)}y`;
  if (token.endsWith("s")) return token.slice(0, -1);
  return token;
}
