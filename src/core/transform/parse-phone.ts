import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";

/** Whether libphonenumber knows this ISO 3166 alpha-2 code (upper case, e.g. "AU"). */
export const isPhoneRegion = (code: string): code is CountryCode => /^[A-Z]{2}$/.test(code) && isSupportedCountry(code);

/**
 * Whether `text` is a dialable phone number: in its international form (+61 …), or national to
 * `region` (0491 570 156 in AU, (415) 555-0131 in US). Checked against the region's numbering
 * plan (libphonenumber's full metadata), so placeholders (000-000-0000), too few digits and words
 * ("see chart") fail. The whole text must be the number (no number picked out of other text:
 * "0491 570 156!!" fails); an extension ("ext. 12", "x12") is allowed, vanity letters are not.
 *
 * @example isValidPhone("0491 570 156", "AU") // true
 * @example isValidPhone("0491 570 156", "US") // false
 */
export function isValidPhone(text: string, region: string): boolean {
  // The region is validated with the config (HO-CFG-007); one that isn't known has no plan to check against.
  if (!isPhoneRegion(region)) return false;
  return parsePhoneNumberFromString(text, { defaultCountry: region, extract: false })?.isValid() === true;
}
