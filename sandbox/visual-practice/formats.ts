import type { Rng } from "./prng.js";
import { areaCodes, exampleDomains } from "./word-lists.js";

/** Dates are whole days since 1970-01-01 (UTC), so no time zone or clock can change the output. */
export function dayOf(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
}

/** "Today" for the sandbox: fixed, so a re-run next year gives the same bytes. */
export const today = dayOf(2025, 6, 30);

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

function parts(days: number): { y: number; m: number; d: number } {
  const date = new Date(days * 86_400_000);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

/** Visual Practice's declared format, MM/DD/YYYY. */
export function usDate(days: number): string {
  const { y, m, d } = parts(days);
  return `${pad(m)}/${pad(d)}/${y}`;
}

export function isoDate(days: number): string {
  const { y, m, d } = parts(days);
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** "MM/DD/YYYY HH:mm", minutes since midnight given separately. */
export function usTimestamp(days: number, minutes: number): string {
  return `${usDate(days)} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** 555-0100..555-0199 numbers are reserved for fiction. */
export function phone(rng: Rng): string {
  return `(${rng.pick(areaCodes)}) 555-01${rng.digits(2)}`;
}

export function badPhone(rng: Rng): string {
  return rng.pick(["555-01", "(555) 01", "12345", `555-01${rng.digits(1)}x`, "call cell", "000-000-0000"]);
}

/** Lowercase ASCII for e-mail local parts: accents folded, apostrophes and spaces dropped. */
export function asciiSlug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "");
}

export function email(rng: Rng, first: string, last: string): string {
  return `${asciiSlug(first)}.${asciiSlug(last)}${rng.int(1, 99)}@${rng.pick(exampleDomains)}`;
}

export function badEmail(rng: Rng, first: string, last: string): string {
  const local = `${asciiSlug(first)}.${asciiSlug(last)}`;
  return rng.pick([`${local}@`, `${local}.example.com`, `${local}@example`, `${local}@@example.com`, `${first} ${last}@example.com`]);
}

/** Visual Practice prints money as a plain decimal, "1234.50". */
export function decimal(cents: number): string {
  return `${cents < 0 ? "-" : ""}${Math.floor(Math.abs(cents) / 100)}.${pad(Math.abs(cents) % 100)}`;
}

/** Money keyed by hand or pasted from a spreadsheet, which no amount reading accepts. */
export function badAmount(rng: Rng, cents: number): string {
  const whole = Math.floor(cents / 100);
  return rng.pick(["TBD", `${String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ".")},${pad(cents % 100)}`, `${whole}.O0`, `approx ${whole}`, "N/A", `${whole} 00`]);
}

/** A procedure code that lost its shape: cut short, lowercased, a digit too many, junk at the end. */
export function badCode(rng: Rng, code: string): string {
  const roll = rng.int(0, 3);
  if (roll === 0) return code.slice(0, -1);
  if (roll === 1) return code.startsWith("D") ? code.toLowerCase() : `${code}x`;
  if (roll === 2) return `${code}${rng.digits(1)}`;
  return `${code}-`;
}

/** "YYYY-MM-DDTHH:mm:ss", no zone: how the patient portal stamps what it sends in. */
export function isoLocalTimestamp(days: number, minutes: number): string {
  return `${isoDate(days)}T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}:00`;
}
