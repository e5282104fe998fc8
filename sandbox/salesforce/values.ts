/**
 * Turns an incoming value (JSON from REST, text from Bulk CSV) into the stored form for one
 * field, or a RecordError with the code a real org answers.
 */
import { RecordError, malformedId } from "./errors.js";
import type { FieldDef, SfValue } from "./field-def.js";
import { isTextType } from "./field-def.js";
import { isIdShaped, toId18 } from "./ids.js";

/** `2024-05-01T13:45:00.000+0000`, the wire form of datetimes. */
export function formatDateTime(d: Date): string {
  return d.toISOString().replace("Z", "+0000");
}

const notOfType = (f: FieldDef, value: unknown): RecordError =>
  new RecordError("INVALID_TYPE_ON_FIELD_IN_RECORD", `${f.label}: value not of required type: ${String(value)}`, [f.name]);

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function parseDate(f: FieldDef, v: unknown): string {
  const s = String(v).trim();
  if (DATE_ONLY.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`))) return s;
  if (DATE_TIME.test(s) && !Number.isNaN(Date.parse(s))) return s.slice(0, 10);
  throw notOfType(f, v);
}

function parseDateTime(f: FieldDef, v: unknown): string {
  const s = String(v).trim();
  if (DATE_ONLY.test(s)) return formatDateTime(new Date(`${s}T00:00:00Z`));
  // "+0000" is what we emit; Date.parse wants "+00:00".
  const normal = s.replace(/([+-]\d{2})(\d{2})$/, "$1:$2");
  if (!DATE_TIME.test(s) || Number.isNaN(Date.parse(normal))) throw notOfType(f, v);
  return formatDateTime(new Date(normal));
}

function parseNumber(f: FieldDef, v: unknown): number {
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : Number.NaN;
  if (!Number.isFinite(n)) throw notOfType(f, v);
  if (f.type === "int" && !Number.isInteger(n)) throw notOfType(f, v);
  return f.scale > 0 ? Number(n.toFixed(f.scale)) : n;
}

function checkPicklist(f: FieldDef, value: string): void {
  if (!f.restrictedPicklist) return;
  const values = f.type === "multipicklist" ? value.split(";") : [value];
  for (const v of values) {
    if (!f.picklistValues.includes(v)) {
      throw new RecordError("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", `${f.label}: bad value for restricted picklist field: ${v}`, [f.name]);
    }
  }
}

/**
 * Stored form of `raw` for `f`. Empty text is null (as in a real org); `null` clears.
 * Reference values are only shape-checked here (existence needs the store).
 * @example coerceValue(field("Birthdate", "date"), "1990-01-02T00:00:00Z") === "1990-01-02"
 */
export function coerceValue(f: FieldDef, raw: unknown): SfValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "object") throw notOfType(f, JSON.stringify(raw));
  switch (f.type) {
    case "boolean":
      if (typeof raw === "boolean") return raw;
      if (/^(true|false)$/i.test(String(raw))) return String(raw).toLowerCase() === "true";
      if (raw === "1" || raw === "0") return raw === "1";
      throw notOfType(f, raw);
    case "int": case "double": case "currency": case "percent":
      return parseNumber(f, raw);
    case "date":
      return parseDate(f, raw);
    case "datetime":
      return parseDateTime(f, raw);
    case "reference": case "id": {
      const s = String(raw).trim();
      if (s === "") return null;
      const id = toId18(s);
      if (!id || !isIdShaped(s)) throw malformedId(f.label, s, f.name);
      return id;
    }
    case "base64": {
      const s = String(raw).replace(/\s+/g, "");
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s)) throw notOfType(f, "base64");
      return s === "" ? null : s;
    }
    default: {
      const s = String(raw);
      if (s === "") return null;
      if (isTextType(f.type) && s.length > f.length) {
        throw new RecordError("STRING_TOO_LONG", `${f.label}: data value too large: ${s} (max length=${f.length})`, [f.name]);
      }
      if (f.type === "email" && !EMAIL.test(s)) {
        throw new RecordError("INVALID_EMAIL_ADDRESS", `${f.label}: invalid email address: ${s}`, [f.name]);
      }
      if (f.type === "picklist" || f.type === "multipicklist") checkPicklist(f, s);
      return s;
    }
  }
}
