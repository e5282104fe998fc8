/**
 * The date and date-time formats exports declare (by profile, per column), and how luxon reads
 * each. A declared format fixes the order of day and month: "03/04/2021" is 4 March under
 * DD/MM/YYYY and 3 April under MM/DD/YYYY, never guessed. Day and month may have one or two
 * digits; a two-digit year is never read (its century would be a guess).
 */
export const declaredDateFormats = [
  "YYYYMMDD", "YYYY-MM-DD", "MM/DD/YYYY", "M/D/YYYY", "DD/MM/YYYY", "DD.MM.YYYY",
  "YYYY-MM-DD HH:mm:ss", "YYYY-MM-DDTHH:mm:ss", "MM/DD/YYYY HH:mm", "MM/DD/YYYY hh:mm a", "DD/MM/YYYY HH:mm",
] as const;
export type DeclaredDateFormat = (typeof declaredDateFormats)[number];

interface FormatSpec {
  /** luxon `fromFormat` patterns for the date part. */
  readonly date: string;
  /** Patterns for the time after the date (" HH:mm"…); empty for a date-only format. */
  readonly times: readonly string[];
}

const h24 = [" H:mm", " H:mm:ss"];
const h12 = [" h:mm a", " h:mm:ss a"];

const specs: Readonly<Record<DeclaredDateFormat, FormatSpec>> = {
  "YYYYMMDD": { date: "yyyyMMdd", times: [] },
  "YYYY-MM-DD": { date: "yyyy-M-d", times: [] },
  "MM/DD/YYYY": { date: "M/d/yyyy", times: [] },
  "M/D/YYYY": { date: "M/d/yyyy", times: [] },
  "DD/MM/YYYY": { date: "d/M/yyyy", times: [] },
  "DD.MM.YYYY": { date: "d.M.yyyy", times: [] },
  "YYYY-MM-DD HH:mm:ss": { date: "yyyy-M-d", times: h24 },
  // ISO with a T: read by the ISO path (with or without an offset), listed for its name.
  "YYYY-MM-DDTHH:mm:ss": { date: "yyyy-M-d", times: ["'T'HH:mm", "'T'HH:mm:ss"] },
  "MM/DD/YYYY HH:mm": { date: "M/d/yyyy", times: h24 },
  "MM/DD/YYYY hh:mm a": { date: "M/d/yyyy", times: h12 },
  "DD/MM/YYYY HH:mm": { date: "d/M/yyyy", times: h24 },
};

export const isDeclaredDateFormat = (name: string): name is DeclaredDateFormat => Object.hasOwn(specs, name);

/** A luxon pattern and whether it reads a time of day. */
export interface Pattern {
  readonly pattern: string;
  readonly time: boolean;
  /** The declared format it comes from, for the change note ("date DD/MM/YYYY → ISO"). */
  readonly name: DeclaredDateFormat;
}

/**
 * The patterns a value may be read with: the column's declared format first, then the ones the
 * profile also accepts (ISO is always read, separately). For a date-time field a date-only format
 * also takes a time after it, 24-hour or "9:30 am"; for a date field a date-time format is read
 * for its date (the calendar day as written, no zone applied).
 */
export function patternsFor(formats: readonly string[], wantTime: boolean): Pattern[] {
  const out: Pattern[] = [];
  for (const name of new Set(formats)) {
    if (!isDeclaredDateFormat(name)) continue;
    const spec = specs[name];
    const times = spec.times.length > 0 ? spec.times : wantTime ? [...h24, ...h12] : [];
    if (spec.times.length === 0) out.push({ pattern: spec.date, time: false, name });
    for (const time of times) out.push({ pattern: `${spec.date}${time}`, time: true, name });
  }
  return out;
}

/** How the accepted formats read in a message: "YYYYMMDD, MM/DD/YYYY or ISO". */
export function describeFormats(formats: readonly string[]): string {
  const names = [...new Set(formats.filter((f) => f !== "YYYY-MM-DD" && f !== "YYYY-MM-DDTHH:mm:ss")), "ISO"];
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}
