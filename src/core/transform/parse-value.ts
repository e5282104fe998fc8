import type { FieldDef } from "../../model/types.js";
import { parseDate, parseDateTime, type DateReading } from "./parse-dates.js";
import { isValidPhone } from "./parse-phone.js";

export { parseDate, parseDateTime } from "./parse-dates.js";

export type ModelValue = string | number | boolean;

/** What parsing one raw source value gave: a model value and the change made, or why it failed. */
export type Parsed =
  | { readonly ok: true; readonly value: ModelValue | null; readonly change: string | null; readonly localTime?: LocalTimeNote }
  | { readonly ok: false; readonly expected: string; readonly localTime?: LocalTimeNote };

/** A local time the source's zone had twice (read as the first) or never. */
export type LocalTimeNote = { readonly kind: "ambiguous"; readonly zone: string; readonly offset: string } | { readonly kind: "nonexistent"; readonly zone: string };

const emailPattern = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;

/** Small vocabularies: source spellings → the model's codes. Value maps come with issue 6. */
const codeSynonyms: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  sex: {
    m: "male", male: "male", f: "female", female: "female", u: "unknown", unknown: "unknown", o: "other", other: "other", x: "other",
    "non-binary": "other", nonbinary: "other", "prefer not to say": "unknown", "not stated": "unknown",
  },
  // A patient's status and an appointment's share the name; each field keeps only its own codes.
  status: {
    a: "active", active: "active", i: "inactive", inactive: "inactive", archived: "inactive", d: "deceased", deceased: "deceased",
    sched: "scheduled", booked: "scheduled", conf: "confirmed", complete: "completed", canceled: "cancelled",
    broken: "noShow", dna: "noShow", "did not attend": "noShow", "no show": "noShow", "failed": "noShow",
  },
  category: {
    "x-ray": "imaging", xray: "imaging", "x-ray bwx": "imaging", "x-ray pano": "imaging", "x-ray fmx": "imaging", "intraoral photo": "imaging",
    photo: "imaging", "consent form": "consent", "referral letter": "other", letter: "other",
  },
  role: {
    primary: "primaryCare", "primary care": "primaryCare", "home clinic": "primaryCare", "referring practice": "referring",
    "referred from": "referring", "also attends": "other",
  },
  paymentStatus: { unpaid: "pending", declined: "failed" },
  preferredContactMethod: { text: "sms", "text message": "sms", call: "phone", letter: "mail" },
};

/** Postal codes of the source's country; a country not listed keeps its codes unchecked. */
const postcodes: Readonly<Record<string, RegExp>> = {
  US: /^\d{5}(?:-\d{4})?$/, AU: /^\d{4}$/, NZ: /^\d{4}$/, CA: /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/i, GB: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i,
};

const normalizeCode = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, "");

const truthy = new Set(["y", "yes", "true", "t", "1", "active"]);
const falsy = new Set(["n", "no", "false", "f", "0", "inactive"]);

/** How one column's values are read: its declared date format and the source's conventions. */
export interface ValueReading extends DateReading {
  /** Region of national phone numbers (ISO 3166 alpha-2); US when absent. */
  readonly country?: string;
}

/**
 * Turns a raw source string into the model's value for `field`. Empty text is null (not an
 * error). Dates follow the column's declared format, the profile's other accepted formats, or
 * ISO; local times are read in `reading.zone`. A string `reading` is the declared date format.
 *
 * @example parseValue(birthDateField, "04/07/1985", "MM/DD/YYYY") → { ok: true, value: "1985-04-07", change: "date MM/DD/YYYY → ISO" }
 */
export function parseValue(field: FieldDef, raw: string, reading: ValueReading | string = {}): Parsed {
  const r: ValueReading = typeof reading === "string" ? { dateFormat: reading } : reading;
  const text = raw.trim();
  if (text === "") return { ok: true, value: null, change: null };
  const trimmed = text !== raw ? "trimmed" : null;
  switch (field.type) {
    case "date":
    case "dateTime": {
      const date = field.type === "date" ? parseDate(text, r) : parseDateTime(text, r);
      if (!date.ok) return { ok: false, expected: date.expected, ...(date.nonexistent ? { localTime: { kind: "nonexistent", zone: date.nonexistent.zone } } : {}) };
      return { ok: true, value: date.value, change: date.change, ...(date.ambiguous ? { localTime: { kind: "ambiguous", ...date.ambiguous } } : {}) };
    }
    case "int": {
      const minutes = field.name === "durationMinutes" ? durationText(text) : null;
      if (minutes !== null) return { ok: true, value: minutes, change: "duration text → minutes" };
      const bytes = field.name === "sizeBytes" ? sizeText(text) : null;
      if (bytes !== null) return { ok: true, value: bytes, change: "size text → bytes (to the precision shown)" };
      if (!/^-?\d+$/.test(text)) return { ok: false, expected: "whole number" };
      return { ok: true, value: Number(text), change: "text → number" };
    }
    case "decimal":
    case "money": {
      // "$1,234.50"; accounting style "($85.00)" is a credit (negative).
      // A comma must group thousands ("1,50" is not 150), and there must be a digit ("$" is not 0).
      const credit = /^\(.*\)$/.test(text);
      const bare = text.replace(/^\((.*)\)$/, "$1").replace(/[$\s]/g, "");
      if (!/\d/.test(bare) || !/^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/.test(bare)) return { ok: false, expected: "number" };
      const n = Number(bare.replace(/,/g, ""));
      return Number.isFinite(n) ? { ok: true, value: credit ? -n : n, change: "text → number" } : { ok: false, expected: "number" };
    }
    case "bool": {
      const key = text.toLowerCase();
      if (truthy.has(key)) return { ok: true, value: true, change: "text → yes/no" };
      if (falsy.has(key)) return { ok: true, value: false, change: "text → yes/no" };
      return { ok: false, expected: "yes/no" };
    }
    case "code": {
      // A field with a vocabulary takes its own codes (any case and punctuation: "No-Show" →
      // noShow) or a known abbreviation of one; a field without one keeps the text.
      if (!field.codes) return { ok: true, value: text, change: trimmed };
      const wanted = normalizeCode(text);
      const code = field.codes.find((c) => normalizeCode(c) === wanted) ?? codeSynonyms[field.name]?.[text.toLowerCase()];
      return code && field.codes.includes(code) ? { ok: true, value: code, change: `code → ${code}` } : { ok: false, expected: `one of ${field.codes.join("/")}` };
    }
    default:
      return parseText(field, text, trimmed, r.country ?? "US");
  }
}

function parseText(field: FieldDef, text: string, trimmed: string | null, country: string): Parsed {
  if (field.name === "email") {
    return emailPattern.test(text) ? { ok: true, value: text, change: trimmed } : { ok: false, expected: "email address" };
  }
  if (field.name === "postalCode") {
    const pattern = postcodes[country];
    return !pattern || pattern.test(text) ? { ok: true, value: text, change: trimmed } : { ok: false, expected: `postal code (${country})` };
  }
  if (field.name.startsWith("phone")) {
    return isValidPhone(text, country) ? { ok: true, value: text, change: trimmed } : { ok: false, expected: `phone number (${country} or international)` };
  }
  return { ok: true, value: text, change: trimmed };
}

/** "45 min", "1 hr 15 min", "2 hours" → minutes; null for anything else. */
function durationText(text: string): number | null {
  const m = /^(?:(\d+)\s*(?:h|hr|hrs|hour|hours))?\s*(?:(\d+)\s*(?:m|min|mins|minute|minutes))?$/i.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
}

const units: Readonly<Record<string, number>> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** "812 B", "4.7 KB", "26.0 MB" (1 KB = 1,024 B) → bytes, rounded; null for anything else. */
function sizeText(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)$/i.exec(text);
  return m ? Math.round(Number(m[1]) * units[m[2]!.toLowerCase()]!) : null;
}
