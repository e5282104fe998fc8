/**
 * Building blocks for PracticeHub's synthetic records: timestamps the way its API writes them, and
 * the dirt a real clinic account accumulates (bad e-mails, phones and dates, zone-less times).
 * Values come from the seeded Rng only, so one seed always serves the same bytes.
 */
import type { Rng } from "../visual-practice/prng.js";
import { badEmail, badPhone, email, phone } from "../visual-practice/formats.js";
import { badDates } from "../visual-practice/word-lists.js";

/** The account's "now" for generated data: fixed, so the data never depends on the wall clock. */
export const generatedUntilMs = Date.UTC(2025, 5, 30, 0, 0, 0);
const dayMs = 86_400_000;

/** ISO 8601 in UTC at whole seconds, as the API writes system timestamps: `2024-03-05T09:30:00Z`. */
export function isoStamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

/** A time between `daysAgoMax` and `daysAgoMin` days before the generated "now", whole seconds. */
export function pastMs(rng: Rng, daysAgoMin: number, daysAgoMax: number): number {
  const span = (daysAgoMax - daysAgoMin) * dayMs;
  return generatedUntilMs - daysAgoMin * dayMs - Math.floor(rng.next() * span / 1000) * 1000;
}

/** A change time after `createdMs`, never past the generated "now". */
export function modifiedAfter(rng: Rng, createdMs: number): number {
  const room = Math.max(0, generatedUntilMs - createdMs);
  return createdMs + Math.floor(rng.next() * room / 1000) * 1000;
}

export const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * A clinic-local wall time with no zone (`2024-03-05T09:30:00`): how PracticeHub stored times
 * before it added offsets, and what older rows still return.
 */
export const zonelessStamp = (ms: number): string => isoStamp(ms).slice(0, -1);

/** A birth date: mostly ISO, sometimes the US form a CSV import left, sometimes unreadable. */
export function birthDate(rng: Rng): string {
  const ms = Date.UTC(rng.int(1935, 2020), rng.int(0, 11), rng.int(1, 28));
  if (rng.chance(0.02)) return rng.pick([...badDates, "1985-02-30"]);
  if (rng.chance(0.05)) {
    const d = new Date(ms);
    return `${String(d.getUTCMonth() + 1).padStart(2, "0")}/${String(d.getUTCDate()).padStart(2, "0")}/${d.getUTCFullYear()}`;
  }
  return isoDay(ms);
}

export function maybeBadEmail(rng: Rng, first: string, last: string): string | null {
  if (rng.chance(0.05)) return null;
  return rng.chance(0.04) ? badEmail(rng, first, last) : email(rng, first, last);
}

export function maybeBadPhone(rng: Rng): string | null {
  if (rng.chance(0.05)) return null;
  if (rng.chance(0.04)) return badPhone(rng);
  const good = phone(rng);
  // The same number typed three ways: the API stores what the front desk typed.
  return rng.pick([good, good.replace(/[()\s-]/g, ""), `+1 ${good}`]);
}

export const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/** Items in [min, max] drawn without repeats, in list order: a multi-select value. */
export function multiSelect<T>(rng: Rng, items: readonly T[], min: number, max: number): T[] {
  const count = rng.int(min, Math.min(max, items.length));
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(rng.int(0, items.length - 1));
  return [...chosen].sort((a, b) => a - b).map((i) => items[i] as T);
}
