import type { Rng } from "../visual-practice/prng.js";
import { dateParts, DAY } from "../core-practice/formats.js";

/**
 * The clinic export's conventions (an Australian clinic keeping its records in spreadsheet-like
 * tables): DD/MM/YYYY dates, "DD/MM/YYYY HH:mm" local times without a zone, 12-hour booking
 * times ("9:30 am"), durations as text ("1 hr 15 min"), file sizes as text ("1.2 MB").
 */
const pad = (value: number) => String(value).padStart(2, "0");

export function auDate(days: number): string {
  const { y, m, d } = dateParts(days);
  return `${pad(d)}/${pad(m)}/${y}`;
}

/** Minutes since 1970-01-01 00:00 as "DD/MM/YYYY HH:mm". */
export function auTimestamp(minute: number): string {
  const inDay = minute % DAY;
  return `${auDate(Math.floor(minute / DAY))} ${pad(Math.floor(inDay / 60))}:${pad(inDay % 60)}`;
}

/** Minutes since midnight as "9:30 am" / "12:15 pm". */
export function time12(minuteOfDay: number): string {
  const hour = Math.floor(minuteOfDay / 60);
  const h = hour % 12 === 0 ? 12 : hour % 12;
  return `${h}:${pad(minuteOfDay % 60)} ${hour < 12 ? "am" : "pm"}`;
}

export function durationText(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} hr` : `${hours} hr ${rest} min`;
}

/** Bytes as the clinic software shows them: "812 B", "4.7 KB", "26.0 MB" (1 KB = 1,024 B). */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The other shapes D.O.B. arrives in. */
export const altDateFormats = ["YYYY-MM-DD", "D/M/YY"] as const;

export function altDate(days: number, format: (typeof altDateFormats)[number]): string {
  const { y, m, d } = dateParts(days);
  return format === "YYYY-MM-DD" ? `${y}-${pad(m)}-${pad(d)}` : `${d}/${m}/${pad(y % 100)}`;
}

export const badDates = ["31/02/1980", "00/00/0000", "32/01/1975", "N/A", "unknown", "12/13/1990"] as const;

/** Mobiles in the 0491 57x range Australia's regulator keeps for fiction; sometimes +61. */
export function mobile(rng: Rng): string {
  const digits = `${rng.digits(1)} ${rng.digits(3)}`;
  return rng.chance(0.15) ? `+61 491 57${digits}` : `0491 57${digits}`;
}

/** Landlines in the (02) 5550 and (03) 7010 fiction ranges. */
export function landline(rng: Rng): string {
  return rng.chance(0.5) ? `(02) 5550 ${rng.digits(4)}` : `(03) 7010 ${rng.digits(4)}`;
}

export function badPhone(rng: Rng): string {
  return rng.pick(["0491", "491 570", "0000 000 000", "ring reception", `0491 57${rng.digits(1)}`, "n/a"]);
}

/** "$95.00" as staff mistype it, or a note where the amount should be: no amount reading accepts these. */
export function badMoney(rng: Rng, cents: number): string {
  const dollars = Math.floor(cents / 100);
  return rng.pick([`$${dollars}.0O`, `${dollars},00`, "TBA", `$ ${dollars} inc`, "see invoice", `$${dollars}..00`]);
}

/** An ICD-10 code that lost its shape: the dot dropped, lowercased, an abbreviation instead, a digit too many. */
export function badIcd(rng: Rng, code: string): string {
  const roll = rng.int(0, 3);
  if (roll === 0) return code.replace(".", "");
  if (roll === 1) return code.toLowerCase();
  if (roll === 2) return rng.pick(["LBP", "knee pain", "?sprain"]);
  return `${code}.9`;
}
