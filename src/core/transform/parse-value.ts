import type { FieldDef } from "../../model/types.js";

export type ModelValue = string | number | boolean;

/** What parsing one raw source value gave: a model value and the change made, or why it failed. */
export type Parsed =
  | { readonly ok: true; readonly value: ModelValue | null; readonly change: string | null }
  | { readonly ok: false; readonly expected: string };

const emailPattern = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;

/** Small vocabularies: source spellings → the model's codes. Value maps come with issue 6. */
const codeSynonyms: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  sex: { m: "male", male: "male", f: "female", female: "female", u: "unknown", unknown: "unknown", o: "other", other: "other", x: "other" },
  status: { a: "active", active: "active", i: "inactive", inactive: "inactive", d: "deceased", deceased: "deceased" },
  role: { primary: "primaryCare", "referring practice": "referring" },
  paymentStatus: { unpaid: "pending", declined: "failed" },
  preferredContactMethod: { text: "sms", "text message": "sms", call: "phone", letter: "mail" },
};

const normalizeCode = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, "");

const truthy = new Set(["y", "yes", "true", "t", "1", "active"]);
const falsy = new Set(["n", "no", "false", "f", "0", "inactive"]);

/**
 * Turns a raw source string into the model's value for `field`. Empty text is null (not an
 * error). Dates follow `dateFormat` (e.g. "MM/DD/YYYY") or ISO.
 *
 * @example parseValue(birthDateField, "04/07/1985", "MM/DD/YYYY") → { ok: true, value: "1985-04-07", change: "date MM/DD/YYYY → ISO" }
 */
export function parseValue(field: FieldDef, raw: string, dateFormat?: string): Parsed {
  const text = raw.trim();
  if (text === "") return { ok: true, value: null, change: null };
  const trimmed = text !== raw ? "trimmed" : null;
  switch (field.type) {
    case "date": {
      const date = parseDate(text, dateFormat);
      return date ? { ok: true, value: date.value, change: date.change } : { ok: false, expected: `date (${dateFormat ?? "YYYY-MM-DD"})` };
    }
    case "dateTime": {
      const dt = parseDateTime(text, dateFormat);
      return dt ? { ok: true, value: dt.value, change: dt.change } : { ok: false, expected: "date-time" };
    }
    case "int": {
      if (!/^-?\d+$/.test(text)) return { ok: false, expected: "whole number" };
      return { ok: true, value: Number(text), change: "text → number" };
    }
    case "decimal":
    case "money": {
      const n = Number(text.replace(/[$,]/g, ""));
      return Number.isFinite(n) ? { ok: true, value: n, change: "text → number" } : { ok: false, expected: "number" };
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
      return parseText(field, text, trimmed);
  }
}

function parseText(field: FieldDef, text: string, trimmed: string | null): Parsed {
  if (field.name === "email") {
    return emailPattern.test(text) ? { ok: true, value: text, change: trimmed } : { ok: false, expected: "email address" };
  }
  if (field.name.startsWith("phone")) {
    const digits = text.replace(/\D/g, "");
    if (!plausiblePhone(text, digits)) return { ok: false, expected: "phone number" };
    return { ok: true, value: text, change: trimmed };
  }
  return { ok: true, value: text, change: trimmed };
}

/**
 * 10–15 digits, not one digit repeated (000-000-0000 is a placeholder), and a 10-digit
 * North American number's area code and exchange can't start with 0 or 1.
 */
function plausiblePhone(text: string, digits: string): boolean {
  if (digits.length < 10 || digits.length > 15 || /[a-z]/i.test(text.replace(/\b(ext|x)\.?\s*\d+$/i, ""))) return false;
  if (/^(\d)\1+$/.test(digits)) return false;
  const national = digits.length === 11 && digits.startsWith("1") ? digits.slice(1) : digits;
  if (national.length === 10 && (/^[01]/.test(national) || /^\d{3}[01]/.test(national))) return false;
  return true;
}

interface DateParts { readonly value: string; readonly change: string | null }

/** Parses a date in the declared format or ISO; checks the calendar (no 31 April). */
export function parseDate(text: string, format?: string): DateParts | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return valid(+iso[1]!, +iso[2]!, +iso[3]!) ? { value: text, change: null } : null;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (us) {
    const dayFirst = format?.toUpperCase().startsWith("DD") ?? false;
    const [month, day] = dayFirst ? [+us[2]!, +us[1]!] : [+us[1]!, +us[2]!];
    const year = +us[3]!;
    if (!valid(year, month, day)) return null;
    return { value: `${year}-${pad(month)}-${pad(day)}`, change: `date ${dayFirst ? "DD/MM/YYYY" : "MM/DD/YYYY"} → ISO` };
  }
  return null;
}

/** Date-times: ISO (with or without zone; no zone is taken as UTC) or a date plus HH:MM[:SS]. */
export function parseDateTime(text: string, format?: string): DateParts | null {
  const iso = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (iso) {
    const stamp = Date.parse(`${iso[1]}T${iso[2]}:${iso[3]}:${iso[4] ?? "00"}${iso[5] ?? "Z"}`);
    if (Number.isNaN(stamp)) return null;
    return { value: new Date(stamp).toISOString().replace(/\.\d{3}Z$/, "Z"), change: iso[5] ? "date-time → UTC" : "date-time (no zone, read as UTC)" };
  }
  const [datePart, timePart] = text.split(/\s+/, 2);
  const date = parseDate(datePart ?? "", format);
  if (!date) return null;
  const time = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(timePart ?? "00:00");
  if (!time || +time[1]! > 23 || +time[2]! > 59) return null;
  return { value: `${date.value}T${pad(+time[1]!)}:${time[2]}:${time[3] ?? "00"}Z`, change: "date-time (no zone, read as UTC)" };
}

function valid(year: number, month: number, day: number): boolean {
  if (year < 1850 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, "0");
