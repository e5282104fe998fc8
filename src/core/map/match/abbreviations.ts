import { singular, splitName } from "./tokenize.js";

/**
 * Abbreviations practice-management exports use in column names, expanded to the words the model's
 * field names and synonyms use. Both sides of a comparison are expanded, so a mapping only has to
 * agree with itself ("dob" and "date of birth" meet whichever way round they appear).
 * Ambiguous shorthands ("st" = street or state, "ref" = reference or referral) are left alone.
 */
export const abbreviations: Readonly<Record<string, readonly string[]>> = Object.freeze({
  dob: ["date", "of", "birth"],
  dod: ["date", "of", "death"],
  bday: ["birthday"],
  addr: ["address"],
  adr: ["address"],
  ph: ["phone"],
  phn: ["phone"],
  tel: ["phone"],
  telephone: ["phone"],
  zip: ["postal", "code"],
  zipcode: ["postal", "code"],
  postcode: ["postal", "code"],
  init: ["initial"],
  prov: ["provider"],
  pt: ["patient"],
  pat: ["patient"],
  dt: ["date"],
  dte: ["date"],
  no: ["number"],
  num: ["number"],
  nbr: ["number"],
  nr: ["number"],
  mod: ["modified"],
  upd: ["updated"],
  lastmod: ["last", "modified"],
  fname: ["first", "name"],
  lname: ["last", "name"],
  nm: ["name"],
  lic: ["license"],
  spec: ["specialty"],
  pref: ["preferred"],
  stat: ["status"],
  prim: ["primary"],
  pri: ["primary"],
  med: ["medical"],
  mob: ["mobile"],
  hm: ["home"],
  wk: ["work"],
  org: ["organization"],
  dept: ["department"],
  desc: ["description"],
  amt: ["amount"],
  qty: ["quantity"],
  appt: ["appointment"],
  ins: ["insurance"],
  rx: ["prescription"],
  dx: ["diagnosis"],
  emp: ["employee"],
  pcp: ["primary", "provider"],
  ssnum: ["ssn"],
});

/** Multi-word spellings folded before single-token expansion ("e-mail" splits into e + mail). */
const phrases: readonly (readonly [readonly string[], readonly string[]])[] = [
  [["e", "mail"], ["email"]],
  [["zip", "code"], ["postal", "code"]],
  [["post", "code"], ["postal", "code"]],
  [["web", "site"], ["website"]],
  [["d", "o", "b"], ["date", "of", "birth"]],
];

function foldPhrases(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const hit = phrases.find(([from]) => from.every((word, k) => tokens[i + k] === word));
    if (hit) {
      out.push(...hit[1]);
      i += hit[0].length;
    } else {
      out.push(tokens[i] as string);
      i += 1;
    }
  }
  return out;
}

/**
 * Expands abbreviations and singularises, giving the tokens the matcher compares.
 *
 * @example expandTokens(["pat", "dob"]) // ["patient", "date", "of", "birth"]
 */
export function expandTokens(tokens: readonly string[]): string[] {
  return foldPhrases(tokens).flatMap((token) => abbreviations[token] ?? [token]).map(singular);
}

/** splitName then expandTokens: "EmailAddr" → ["email", "address"]. */
export function normalizeName(name: string): string[] {
  return expandTokens(splitName(name));
}
