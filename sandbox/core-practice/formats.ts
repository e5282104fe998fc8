import type { Rng } from "../visual-practice/prng.js";
import { today } from "../visual-practice/formats.js";

/**
 * Core Practice's own conventions: dates as YYYYMMDD, timestamps "YYYY-MM-DD HH:MM:SS" in the
 * office's local time with no zone, flags Yes/No, amounts "$1,234.50" with accounting
 * parentheses for credits. Times are whole minutes since 1970-01-01 00:00 (UTC arithmetic, so no
 * clock or zone changes the output).
 */
export const DAY = 1440;

/** The export's "now": noon on the sandbox's fixed today (2025-06-30). Nothing is modified later. */
export const exportNow = today * DAY + 12 * 60;

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

export function dateParts(days: number): { y: number; m: number; d: number } {
  const date = new Date(days * 86_400_000);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

/** YYYYMMDD, the declared date format. */
export function cpDate(days: number): string {
  const { y, m, d } = dateParts(days);
  return `${y}${pad(m)}${pad(d)}`;
}

/** "YYYY-MM-DD HH:MM:SS", local office time, no zone. */
export function cpTimestamp(minute: number, seconds = 0): string {
  const { y, m, d } = dateParts(Math.floor(minute / DAY));
  const inDay = minute % DAY;
  return `${y}-${pad(m)}-${pad(d)} ${pad(Math.floor(inDay / 60))}:${pad(inDay % 60)}:${pad(seconds)}`;
}

/** The other shapes birth_dt arrives in, from rows keyed in by hand or imported from older systems. */
export const altDateFormats = ["MM/DD/YYYY", "YYYY-MM-DD", "M/D/YY"] as const;
export type AltDateFormat = (typeof altDateFormats)[number];

export function altDate(days: number, format: AltDateFormat): string {
  const { y, m, d } = dateParts(days);
  if (format === "MM/DD/YYYY") return `${pad(m)}/${pad(d)}/${y}`;
  if (format === "YYYY-MM-DD") return `${y}-${pad(m)}-${pad(d)}`;
  return `${m}/${d}/${pad(y % 100)}`;
}

/** YYYYMMDD-shaped values that name no day, and other junk keyed into date fields. */
export const badDates = ["00000000", "19851332", "20230230", "19000000", "N/A", "unknown", "2/30/1975"] as const;

/** Cents as Core Practice prints money: "$1,234.50"; negative (a credit) as "($85.00)". */
export function money(cents: number): string {
  const abs = Math.abs(cents);
  const dollars = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const text = `$${dollars}.${pad(abs % 100)}`;
  return cents < 0 ? `(${text})` : text;
}

export const yesNo = (value: boolean): string => (value ? "Yes" : "No");

/** 555-0100..555-0199 are reserved for fiction; Core Practice stores phones as 10 bare digits. */
export function cpPhone(rng: Rng): string {
  return `${rng.pick(["212", "312", "415", "503", "617", "702"])}55501${rng.digits(2)}`;
}

export function badPhone(rng: Rng): string {
  return rng.pick(["55501", "0000000000", `55501${rng.digits(2)}x`, "see chart", "1234", "(555) 01"]);
}

export function badPostcode(rng: Rng): string {
  return rng.pick(["1234", "ABCDE", "0000", `${rng.digits(5)}-`, "9021O", `${rng.digits(6)}`]);
}

/** Saturday and Sunday move to the Monday after: the office sees patients on weekdays. */
export function weekday(day: number): number {
  const dow = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return dow === 6 ? day + 2 : dow === 0 ? day + 1 : day;
}

/** Some office-hours minute (07:00-18:00) on a day from `fromDay` to today, never after exportNow. */
export function officeMinute(rng: Rng, fromDay: number): number {
  return Math.min(exportNow, rng.int(Math.min(fromDay, today), today) * DAY + rng.int(7 * 60, 18 * 60));
}

/** Money keyed by hand where "$1,234.50" belongs: a letter O for a zero, a decimal comma, words. */
export function badMoney(rng: Rng, cents: number): string {
  const dollars = Math.floor(Math.abs(cents) / 100);
  return rng.pick([`$${dollars}.O0`, `${dollars},${pad(Math.abs(cents) % 100)}`, "N/C", `$${dollars}.00 est`, "see EOB", `$$${dollars}.00`]);
}

/** A CDT code that lost its shape: the D dropped, a digit short, lowercase, an internal code. */
export function badCdt(rng: Rng, code: string): string {
  return rng.pick([code.slice(1), code.slice(0, -1), code.toLowerCase(), `${code}.1`, `X${code.slice(1)}`]);
}
