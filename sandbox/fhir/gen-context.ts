import type { Rng } from "../visual-practice/prng.js";
import type { FhirDirt } from "./manifest.js";

/** Shared by the resource writers: the planted-dirt list and the ids each later type refers to. */
export interface GenContext {
  readonly dirt: FhirDirt[];
  organizations: string[];
  locations: string[];
  practitioners: string[];
  roles: string[];
  /** Distinct patients' ids (near-duplicates left out, as a clean-up would). */
  patients: string[];
  encounters: string[];
  coverages: Set<string>;
}

/** Every generated instant lies in [2023-01-01, 2024-06-30): fixed, so the same seed gives the same bytes. */
const from = Date.UTC(2023, 0, 1);
const to = Date.UTC(2024, 5, 30);

/** A meta.lastUpdated-style instant, in UTC with milliseconds. */
export function instant(rng: Rng): string {
  return new Date(from + Math.floor(rng.next() * (to - from))).toISOString();
}

/** A local clinic time with its US offset, on the quarter hour between 8:00 and 16:45. */
export function clinicTime(rng: Rng): { date: Date; offset: string } {
  const day = new Date(from + rng.int(0, Math.floor((to - from) / 86_400_000) - 1) * 86_400_000);
  day.setUTCHours(rng.int(8, 16), rng.pick([0, 15, 30, 45]), 0, 0);
  return { date: day, offset: rng.pick(["-05:00", "-06:00", "-07:00", "-08:00"]) };
}

/** `2024-03-05T09:15:00-05:00`, or without the zone when `zoneless` (dirt). */
export function localDateTime(date: Date, offset: string, zoneless = false): string {
  return `${date.toISOString().slice(0, 19)}${zoneless ? "" : offset}`;
}

export const meta = (rng: Rng) => ({ versionId: "1", lastUpdated: instant(rng) });
export const ref = (type: string, id: string) => ({ reference: `${type}/${id}` });
export const coding = (system: string, code: string, display: string) => ({ coding: [{ system, code, display }], text: display });
export const pad = (n: number, width: number) => String(n).padStart(width, "0");
