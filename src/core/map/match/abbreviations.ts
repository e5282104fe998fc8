import { model } from "../../../model/index.js";
import { foreignPhrases, foreignWords, wholeNameWords } from "./foreign-words.js";
import { segmentWord } from "./segment.js";
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
  bdate: ["birth", "date"],
  addr: ["address"],
  adr: ["address"],
  ln: ["line"],
  ph: ["phone"],
  phn: ["phone"],
  tel: ["phone"],
  telephone: ["phone"],
  landline: ["home", "phone"],
  hphone: ["home", "phone"],
  wphone: ["work", "phone"],
  cphone: ["cell", "phone"],
  zip: ["postal", "code"],
  zipcode: ["postal", "code"],
  postcode: ["postal", "code"],
  locality: ["city"],
  init: ["initial"],
  minit: ["middle", "initial"],
  prov: ["provider"],
  practitioner: ["provider"],
  dr: ["doctor"],
  pt: ["patient"],
  pat: ["patient"],
  dt: ["date"],
  dte: ["date"],
  ts: ["timestamp"],
  tm: ["time"],
  // Identifier words: "PatientNo", "Pt #", "ArztNr" and "patient id" are the same idea.
  no: ["id"],
  num: ["id"],
  nbr: ["id"],
  nr: ["id"],
  identifier: ["id"],
  cd: ["code"],
  mod: ["modified"],
  upd: ["updated"],
  chg: ["changed"],
  crt: ["created"],
  added: ["created"],
  lastmod: ["last", "modified"],
  fname: ["first", "name"],
  lname: ["last", "name"],
  nm: ["name"],
  lic: ["license"],
  spec: ["specialty"],
  cred: ["credentials"],
  qualification: ["credentials"],
  pref: ["preferred"],
  stat: ["status"],
  sts: ["status"],
  actv: ["active"],
  prim: ["primary"],
  pri: ["primary"],
  med: ["medical"],
  mob: ["mobile"],
  hm: ["home"],
  wk: ["work"],
  emerg: ["emergency"],
  lang: ["language"],
  org: ["organization"],
  dept: ["department"],
  desc: ["description"],
  amt: ["amount"],
  bal: ["balance"],
  qty: ["quantity"],
  appt: ["appointment"],
  len: ["length"],
  rsn: ["reason"],
  why: ["reason"],
  txt: ["text"],
  ins: ["insurance"],
  grp: ["group"],
  subscr: ["subscriber"],
  rx: ["prescription"],
  dx: ["diagnosis"],
  emp: ["employee"],
  pcp: ["primary", "provider"],
  ssnum: ["ssn"],
  ssno: ["ssn"],
  mins: ["minutes"],
  min: ["minutes"],
  loc: ["location"],
  src: ["source"],
  mid: ["middle"],
  fed: ["federal"],
  kind: ["type"],
  proc: ["procedure"],
  street: ["address"],
  one: ["1"],
  two: ["2"],
  authoring: ["author"],
  eff: ["start"],
  effective: ["start"],
  term: ["end"],
  termination: ["end"],
});

/** Multi-word spellings folded before single-token expansion ("e-mail" splits into e + mail). */
const phrases: readonly (readonly [readonly string[], readonly string[]])[] = [
  [["e", "mail"], ["email"]],
  [["zip", "code"], ["postal", "code"]],
  [["post", "code"], ["postal", "code"]],
  [["web", "site"], ["website"]],
  [["d", "o", "b"], ["date", "of", "birth"]],
  [["m", "i"], ["middle", "initial"]],
  [["soc", "sec"], ["ssn"]],
  [["social", "security", "number"], ["ssn"]],
  [["general", "practitioner"], ["primary", "provider"]],
  ...foreignPhrases,
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

/** A word's translation: English abbreviation first, then the foreign lexicon, plural or not. */
function lookup(token: string): readonly string[] | undefined {
  return abbreviations[token] ?? foreignWords[token] ?? abbreviations[singular(token)] ?? foreignWords[singular(token)];
}

let vocabulary: ReadonlySet<string> | undefined;
/** Words a run-together token may be made of: abbreviations, foreign words, the model's own words. */
function knownWords(): ReadonlySet<string> {
  if (vocabulary) return vocabulary;
  const words = new Set<string>([...Object.keys(abbreviations), ...Object.keys(foreignWords)]);
  for (const object of Object.values(model)) {
    for (const phrase of [object.name, ...object.synonyms, ...object.fields.flatMap((f) => [f.name, ...f.synonyms])]) {
      for (const token of splitName(phrase)) if (token.length >= 2 && !/^\d+$/.test(token)) words.add(token);
    }
  }
  vocabulary = words;
  return words;
}

/** Run-together words ("apptdate", "mobilnummer") split into their parts; known words stay whole. */
function splitRunTogether(tokens: readonly string[]): string[] {
  const known = knownWords();
  return tokens.flatMap((token) => {
    if (token.length < 5 || known.has(token) || known.has(singular(token))) return [token];
    return segmentWord(token, (piece) => known.has(piece)) ?? [token];
  });
}

/**
 * Expands abbreviations, translates foreign words and singularises, giving the tokens the matcher
 * compares.
 *
 * @example expandTokens(["pat", "dob"]) // ["patient", "date", "of", "birth"]
 * @example expandTokens(["fecha", "nacimiento"]) // ["date", "birth"]
 */
export function expandTokens(tokens: readonly string[]): string[] {
  const whole = tokens.length === 1 ? wholeNameWords[tokens[0] as string] : undefined;
  if (whole) return [...whole];
  return foldPhrases(splitRunTogether(tokens)).flatMap((token) => lookup(token) ?? [token]).map(singular);
}

/** splitName then expandTokens: "EmailAddr" → ["email", "address"]. */
export function normalizeName(name: string): string[] {
  return expandTokens(splitName(name));
}
