import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";

/** Whether libphonenumber knows this ISO 3166 alpha-2 code (upper case, e.g. "AU"). */
export const isPhoneRegion = (code: string): code is CountryCode => /^[A-Z]{2}$/.test(code) && isSupportedCountry(code);

/**
 * Whether `text` is a dialable phone number: in its international form (+61 …), or national to
 * `region` (0491 570 156 in AU, (415) 555-0131 in US). Checked against the region's numbering
 * plan (libphonenumber's full metadata), so placeholders (000-000-0000), too few digits and words
 * ("see chart") fail. An extension ("ext. 12", "x12") is allowed; other letters are not (no
 * vanity spellings: a letter in a phone column is a typo more often than 1-800-FLOWERS).
 *
 * @example isValidPhone("0491 570 156", "AU") // true
 * @example isValidPhone("0491 570 156", "US") // false
 */
export function isValidPhone(text: string, region: string): boolean {
  if (/[a-z]/i.test(text.replace(/\s*(?:ext\.?|x)\s*\d+$/i, ""))) return false;
  const parsed = parsePhoneNumberFromString(text, isPhoneRegion(region) ? region : "US");
  return parsed?.isValid() === true;
}
