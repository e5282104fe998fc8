import type { Rng } from "../visual-practice/prng.js";
import { referringPractices } from "./word-lists.js";

export interface Referral {
  /** What the row says: the practice's usual name, or one of the other spellings. */
  readonly text: string;
  readonly canonical: string;
  readonly variant: boolean;
}

/**
 * A referring practice as front-desk staff type it: its usual name four times in five, otherwise
 * another spelling of it, so one practice arrives under several names (a dedup job for the map).
 */
export function pickReferral(rng: Rng): Referral {
  const practice = rng.pick(referringPractices);
  if (rng.chance(0.8)) return { text: practice.name, canonical: practice.name, variant: false };
  return { text: rng.pick(practice.variants), canonical: practice.name, variant: true };
}
