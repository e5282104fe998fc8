/**
 * Splits a full-name value into name parts, for the declared `split-name` rule: "Jane Smith",
 * "Jane A. Smith", "SMITH, Jane", "Dr Jane Smith", "Ludwig van Beethoven", "John Smith Jr.".
 * Case is kept as typed. A value that can't be split with confidence still gives its best reading,
 * with `ambiguity` saying why, so the transform can load it flagged instead of guessing silently.
 */
export interface NameParts {
  readonly first: string | null;
  readonly middle: string | null;
  readonly last: string | null;
  readonly suffix: string | null;
  /** A leading courtesy title (Dr, Mrs): not a name part, left out and said so. */
  readonly title: string | null;
  readonly form: "first last" | "last, first";
  /** Set when the reading is a guess: one word, several commas, many words. */
  readonly ambiguity?: string;
}

const titles = new Set(["dr", "mr", "mrs", "ms", "miss", "mx", "prof", "sir", "dame", "rev", "fr", "herr", "frau", "sra", "srta", "mme", "mlle"]);
const suffixes = new Set(["jr", "sr", "ii", "iii", "iv", "esq", "md", "dds", "dmd", "phd", "rn"]);
/** Words that begin a family name: "van Beethoven", "de la Cruz", "bin Said". */
const particles = new Set(["van", "von", "de", "da", "del", "della", "der", "den", "di", "du", "la", "le", "st", "bin", "ibn", "al", "dos", "das", "ten", "ter", "zu", "y"]);
/** More name words than this (after titles and suffixes) is a guess: middle names or a double surname? */
const MANY_WORDS = 4;

const bare = (word: string) => word.toLowerCase().replace(/\.$/, "");
const isTitle = (word: string) => titles.has(bare(word));
const isSuffix = (word: string) => suffixes.has(bare(word));
const words = (text: string) => text.split(/\s+/).filter((w) => w.length > 0);
const joined = (list: readonly string[]) => (list.length > 0 ? list.join(" ") : null);

/** Leading titles off: "Dr Jane" → title "Dr", rest ["Jane"]. */
function stripTitle(list: readonly string[]): { title: string | null; rest: string[] } {
  let i = 0;
  while (i < list.length - 1 && isTitle(list[i]!)) i += 1;
  return { title: joined(list.slice(0, i)), rest: list.slice(i) };
}

/** "Jane Mary van der Berg": first Jane, middle Mary, last "van der Berg". */
function givenThenFamily(list: readonly string[]): { first: string | null; middle: string | null; last: string | null } {
  if (list.length === 0) return { first: null, middle: null, last: null };
  if (list.length === 1) return { first: null, middle: null, last: list[0]! };
  let lastFrom = list.length - 1;
  for (let i = 1; i < list.length - 1; i += 1) {
    if (particles.has(list[i]!.toLowerCase())) {
      lastFrom = i;
      break;
    }
  }
  return { first: list[0]!, middle: joined(list.slice(1, lastFrom)), last: joined(list.slice(lastFrom)) };
}

/**
 * @example splitFullName("SMITH, Jane A.") // { first: "Jane", middle: "A.", last: "SMITH", form: "last, first", ... }
 * @example splitFullName("Cher") // { last: "Cher", first: null, ambiguity: "a single word: ...", ... }
 */
export function splitFullName(text: string): NameParts | null {
  const value = text.trim().replace(/\s+/g, " ");
  if (value === "") return null;
  const segments = value.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
  // A trailing suffix after a comma ("Jane Smith, Jr.") is not the "Last, First" comma.
  let suffix: string | null = null;
  while (segments.length > 1 && words(segments.at(-1)!).every(isSuffix)) suffix = [segments.pop()!, suffix].filter(Boolean).join(", ");
  if (segments.length === 0) return null;

  if (segments.length >= 2) {
    // "Dr Smith, Jane" and "Smith Jr., John": the title and suffix come off the family part too.
    const familyTitle = stripTitle(words(segments[0]!));
    const family = [...familyTitle.rest];
    while (family.length > 1 && isSuffix(family.at(-1)!)) suffix = [family.pop()!, suffix].filter(Boolean).join(" ");
    const stripped = stripTitle(words(segments.slice(1).join(" ")));
    const rest = stripped.rest;
    const title = [familyTitle.title, stripped.title].filter(Boolean).join(" ") || null;
    const given = rest.filter((w, i) => !(i === rest.length - 1 && isSuffix(w) && rest.length > 1));
    if (given.length < rest.length) suffix = [rest.at(-1)!, suffix].filter(Boolean).join(" ");
    const parts: NameParts = { first: given[0] ?? null, middle: joined(given.slice(1)), last: joined(family), suffix, title, form: "last, first" };
    if (segments.length > 2) return { ...parts, ambiguity: "several commas: which part is the family name?" };
    if (!parts.first) return { ...parts, ambiguity: "nothing after the comma: no given name" };
    return parts;
  }

  const { title, rest } = stripTitle(words(segments[0]!));
  const body = [...rest];
  while (body.length > 1 && isSuffix(body.at(-1)!)) suffix = [body.pop()!, suffix].filter(Boolean).join(" ");
  const parts: NameParts = { ...givenThenFamily(body), suffix, title, form: "first last" };
  if (body.length === 1) return { ...parts, ambiguity: "a single word: given or family name?" };
  if (body.length > MANY_WORDS) return { ...parts, ambiguity: "many words: middle names or a double family name?" };
  // "Maria Garcia Lopez" (a double family name?) and "Maria Del Carmen Lopez" (a particle, or a
  // compound given name?): read as given-middle-last, flagged; a middle initial ("Jane A. Smith")
  // and a lower-case particle ("Ludwig van Beethoven") leave no doubt.
  if (body.length >= 3 && parts.middle !== null && !/^[A-Za-z]\.?$/.test(parts.middle)) return { ...parts, ambiguity: "three or more names: a middle name or a double family name?" };
  const particle = parts.last !== null && parts.middle === null && body.length >= 3 ? words(parts.last)[0]! : "";
  if (/^[A-Z]/.test(particle)) return { ...parts, ambiguity: "a capitalised particle: part of the family name, or of a given name?" };
  return parts;
}
