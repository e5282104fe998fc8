import { DateTime } from "luxon";
import { describeFormats, patternsFor } from "./date-formats.js";

/** How a column's dates are to be read: its declared format, the profile's others, the zone. */
export interface DateReading {
  /** The column's declared format (from the vendor profile), e.g. "DD/MM/YYYY HH:mm". */
  readonly dateFormat?: string;
  /** Formats the profile accepts in any date column besides its declared one. */
  readonly alsoAccepted?: readonly string[];
  /** IANA zone that times written without an offset are local to; UTC when absent. */
  readonly zone?: string;
}

export type DateResult =
  | {
      readonly ok: true;
      readonly value: string;
      readonly change: string | null;
      /** The local time happened twice (clocks went back): read as its first occurrence. */
      readonly ambiguous?: { readonly zone: string; readonly offset: string };
    }
  | {
      readonly ok: false;
      readonly expected: string;
      /** The local time never happened in the zone (clocks went forward). */
      readonly nonexistent?: { readonly zone: string };
    };

/** Years outside this range are placeholders (0001-01-01, 9999-12-31) or typos, not dates. */
const YEARS = [1850, 2100] as const;

/** ISO 8601 extended form: a date, optionally a time (T or space) and an offset or Z. */
const isoPattern = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?))?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

interface Written {
  /** The date and time as written, as UTC fields (no zone applied yet). */
  readonly local: DateTime;
  readonly hasTime: boolean;
  /** The offset the text carries ("Z", "+10:00"), if any. */
  readonly offset?: string;
  /** "ISO" or the declared format that read it. */
  readonly format: string;
}

/** Reads `text` as written (no zone applied) by ISO or one of `formats`; null when none fits. */
function readWritten(text: string, formats: readonly string[], wantTime: boolean): Written | null {
  const iso = isoPattern.exec(text);
  if (iso) {
    const local = DateTime.fromISO(`${iso[1]}T${iso[2] ?? "00:00"}`, { zone: "UTC" });
    const offset = iso[3] ? normalizeOffset(iso[3]) : undefined;
    return inRange(local) ? { local, hasTime: iso[2] !== undefined, ...(offset ? { offset } : {}), format: "ISO" } : null;
  }
  for (const { pattern, time, name } of patternsFor(formats, wantTime)) {
    const local = DateTime.fromFormat(text, pattern, { zone: "UTC", locale: "en-US" });
    if (local.isValid) return inRange(local) ? { local, hasTime: time, format: name } : null;
  }
  return null;
}

const inRange = (dt: DateTime): boolean => dt.isValid && dt.year >= YEARS[0] && dt.year <= YEARS[1];

function normalizeOffset(offset: string): string {
  if (/^z$/i.test(offset)) return "Z";
  const digits = offset.replace(":", "");
  return `${digits.slice(0, 3)}:${digits.length > 3 ? digits.slice(3) : "00"}`;
}

const formatsOf = (reading: DateReading): string[] => [reading.dateFormat, ...(reading.alsoAccepted ?? [])].filter((f): f is string => !!f);

/**
 * A calendar date in the column's declared format, another the profile accepts, or ISO; checked
 * against the calendar (no 30 February). A date-time value gives the day as written.
 *
 * @example parseDate("20240611", { dateFormat: "YYYYMMDD" }) // { ok: true, value: "2024-06-11", change: "date YYYYMMDD → ISO" }
 */
export function parseDate(text: string, reading: DateReading | string = {}): DateResult {
  const r = typeof reading === "string" ? { dateFormat: reading } : reading;
  const formats = formatsOf(r);
  const written = readWritten(text, formats, false);
  if (!written) return { ok: false, expected: `date (${describeFormats(formats)})` };
  const value = written.local.toISODate()!;
  if (written.format === "ISO") return { ok: true, value, change: written.hasTime ? "date-time → its date" : null };
  return { ok: true, value, change: `date ${written.format} → ISO` };
}

/**
 * A date-time as a UTC instant. A value with an offset (or Z) is that instant; one without is a
 * local time in `reading.zone` (UTC when none is given). A local time the zone skipped (clocks
 * forward) is refused; one it had twice (clocks back) is read as the first and marked ambiguous.
 * Written to the second: fractions of a second are dropped.
 *
 * @example parseDateTime("11/06/2024 09:30", { dateFormat: "DD/MM/YYYY HH:mm", zone: "Australia/Sydney" }) // value "2024-06-10T23:30:00Z"
 */
export function parseDateTime(text: string, reading: DateReading | string = {}): DateResult {
  const r = typeof reading === "string" ? { dateFormat: reading } : reading;
  const formats = formatsOf(r);
  const written = readWritten(text, formats, true);
  if (!written) return { ok: false, expected: `date-time (${describeFormats(formats)})` };
  const fields = written.local.set({ millisecond: 0 }).toObject();
  if (written.offset) {
    const instant = DateTime.fromObject(fields, { zone: written.offset === "Z" ? "UTC" : `UTC${written.offset}` });
    return { ok: true, value: utc(instant), change: "date-time → UTC" };
  }
  const zone = r.zone ?? "UTC";
  const local = DateTime.fromObject(fields, { zone });
  if (!local.isValid) return { ok: false, expected: `date-time in a known time zone (not ${zone})` };
  if (local.hour !== fields.hour || local.minute !== fields.minute) return { ok: false, expected: `local time that exists in ${zone}`, nonexistent: { zone } };
  const readings = local.getPossibleOffsets().sort((a, b) => a.toMillis() - b.toMillis());
  const first = readings[0] ?? local;
  const change = zone === "UTC" ? "date-time (no zone, read as UTC)" : `local time in ${zone} → UTC`;
  if (readings.length > 1) return { ok: true, value: utc(first), change: `${change} (first of two)`, ambiguous: { zone, offset: first.toFormat("ZZ") } };
  return { ok: true, value: utc(first), change };
}

const utc = (dt: DateTime): string => dt.toUTC().toISO({ suppressMilliseconds: true })!;

/** The instant, or null when the text is not a date-time in these formats (for ordering rows). */
export function readInstant(text: string, reading: DateReading | string = {}): string | null {
  const result = parseDateTime(text, reading);
  return result.ok ? result.value : null;
}

/** Reads a `table.column`'s date-time text as an instant. */
export type InstantReader = (table: string, column: string, text: string) => string | null;

/**
 * An InstantReader that reads each column as the transform does (its declared format, the
 * profile's other formats, the source's zone), for ordering rows by when they changed.
 *
 * @example instantReader({ "links.Updated": "DD/MM/YYYY HH:mm" }, { zone: "Australia/Sydney" })("links", "Updated", "13/02/2024 09:00") // "2024-02-12T22:00:00Z"
 */
export function instantReader(dateFormats: Readonly<Record<string, string>>, conventions: Omit<DateReading, "dateFormat"> = {}): InstantReader {
  return (table, column, text) => readInstant(text.trim(), { ...conventions, dateFormat: dateFormats[`${table}.${column}`] });
}
