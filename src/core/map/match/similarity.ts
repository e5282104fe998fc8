/**
 * Name similarity between two token lists (already normalised by normalizeName).
 * Three views, best one wins:
 * - exact: the same set of words in any order ("name first" = "first name") → 1;
 * - Dice overlap of the word sets: shared words, robust to extra or missing words;
 * - character trigrams of the joined words: catches typos and run-together words
 *   ("birthdte", "emailaddress") that word overlap misses.
 */

/** Trigram similarity counts a little less than the same word overlap: it is the noisier view. */
export const TRIGRAM_FACTOR = 0.9;

export interface Similarity {
  readonly score: number;
  readonly exact: boolean;
}

export function tokenSetKey(tokens: readonly string[]): string {
  return [...new Set(tokens)].sort().join(" ");
}

/** Dice coefficient of two word sets: 2|A∩B| / (|A|+|B|). */
export function dice(a: readonly string[], b: readonly string[]): number {
  const setA = new Set(a);
  const setB = new Set(b);
  if (setA.size === 0 || setB.size === 0) return 0;
  let shared = 0;
  for (const token of setA) if (setB.has(token)) shared += 1;
  return (2 * shared) / (setA.size + setB.size);
}

function trigrams(text: string): Set<string> {
  const padded = `  ${text} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i += 1) grams.add(padded.slice(i, i + 3));
  return grams;
}

/** Dice coefficient of character trigrams (padded so short words still have some). */
export function trigramSimilarity(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (a === b) return 1;
  const gramsA = trigrams(a);
  const gramsB = trigrams(b);
  let shared = 0;
  for (const gram of gramsA) if (gramsB.has(gram)) shared += 1;
  return (2 * shared) / (gramsA.size + gramsB.size);
}

/**
 * @example nameSimilarity(["email", "address"], ["email", "address"]) // { score: 1, exact: true }
 */
export function nameSimilarity(a: readonly string[], b: readonly string[]): Similarity {
  if (a.length === 0 || b.length === 0) return { score: 0, exact: false };
  if (tokenSetKey(a) === tokenSetKey(b)) return { score: 1, exact: true };
  const joinedA = a.join("");
  const joinedB = b.join("");
  // Run-together words ("emailaddress" vs "email address") are the same name.
  if (joinedA === joinedB) return { score: 1, exact: true };
  const score = Math.max(dice(a, b), TRIGRAM_FACTOR * trigramSimilarity(joinedA, joinedB));
  return { score: Math.min(score, 0.99), exact: false };
}
