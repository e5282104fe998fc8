import type { DateFormat } from "./profile.js";

/** Column names that say "when this row last changed", compared without case, spaces or underscores. */
const conventionalNames = new Set([
  "lastmodified", "lastmodifieddate", "lastmodifiedon", "lastmodifiedat", "modified", "modifieddate", "modifiedon",
  "modifiedat", "datemodified", "updated", "updatedat", "updatedon", "updateddate", "lastupdated", "lastupdatedat",
  "lastupdate", "systemmodstamp",
]);

const squash = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");

/**
 * The column a record's `changedAt` comes from: the profile's declared one when the header has
 * it, else the first column conventionally named for it (LastModified, ModifiedDate, updated_at…).
 *
 * @example modifiedColumn(["Id", "updated_at"]) // "updated_at"
 */
export function modifiedColumn(header: readonly string[], declared?: string): string | undefined {
  if (declared !== undefined && header.includes(declared)) return declared;
  return header.find((name) => conventionalNames.has(squash(name)));
}

const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
const slashed = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * A modified-column value as an ISO instant, or undefined when it can't be read safely. ISO text
 * is taken as is; slash dates only in the order the profile declares (03/04 is March 4th or
 * April 3rd — never guessed). A time without a zone is read as UTC: the clinic's zone isn't known
 * here, and what the delta cursor needs is the file's own order, which that keeps.
 *
 * @example toInstant("03/04/2024 14:22", "MM/DD/YYYY HH:mm") // "2024-03-04T14:22:00.000Z"
 */
export function toInstant(value: string, format?: DateFormat): string | undefined {
  const text = value.trim();
  const isoMatch = iso.exec(text);
  if (isoMatch) {
    const [, y, mo, d, h = "0", mi = "0", s = "0", fraction = "", zone] = isoMatch;
    if (zone) {
      const parsed = Date.parse(`${y}-${mo}-${d}T${h.padStart(2, "0")}:${mi}:${s.padStart(2, "0")}${fraction}${zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`);
      return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString();
    }
    return utc(+y!, +mo!, +d!, +h, +mi, +s, Math.round(Number(`0${fraction || ".0"}`) * 1000));
  }
  const slashMatch = slashed.exec(text);
  if (!slashMatch || !format?.includes("/")) return undefined;
  const [, a, b, y, h = "0", mi = "0", s = "0"] = slashMatch;
  const dayFirst = format.startsWith("DD");
  return utc(+y!, dayFirst ? +b! : +a!, dayFirst ? +a! : +b!, +h, +mi, +s, 0);
}

/** The instant, or undefined when a part is out of range (month 13, February 30th, 25:00). */
function utc(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
  const fits = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && date.getUTCHours() === hour && date.getUTCMinutes() === minute && date.getUTCSeconds() === second;
  return fits ? date.toISOString() : undefined;
}
