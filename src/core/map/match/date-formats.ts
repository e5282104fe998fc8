/**
 * Date and date-time shapes seen in practice-management exports. Order matters: on a tie the
 * earlier format wins, so US month-first comes before day-first.
 */
interface DateFormat {
  readonly name: string;
  readonly pattern: RegExp;
  /** Positions of year, month and day among the pattern's capture groups. */
  readonly order: readonly ["y" | "m" | "d", "y" | "m" | "d", "y" | "m" | "d"];
}

export const dateFormats: readonly DateFormat[] = [
  { name: "MM/DD/YYYY", pattern: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: ["m", "d", "y"] },
  { name: "YYYY-MM-DD", pattern: /^(\d{4})-(\d{1,2})-(\d{1,2})$/, order: ["y", "m", "d"] },
  { name: "DD/MM/YYYY", pattern: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: ["d", "m", "y"] },
  { name: "MM-DD-YYYY", pattern: /^(\d{1,2})-(\d{1,2})-(\d{4})$/, order: ["m", "d", "y"] },
  { name: "DD.MM.YYYY", pattern: /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, order: ["d", "m", "y"] },
  { name: "YYYY/MM/DD", pattern: /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/, order: ["y", "m", "d"] },
  { name: "MM/DD/YY", pattern: /^(\d{1,2})\/(\d{1,2})\/(\d{2})$/, order: ["m", "d", "y"] },
  { name: "YYYYMMDD", pattern: /^(\d{4})(\d{2})(\d{2})$/, order: ["y", "m", "d"] },
  { name: "DD-MMM-YYYY", pattern: /^(\d{1,2})-([A-Za-z]{3})-(\d{4})$/, order: ["d", "m", "y"] },
];

const monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
/** A compact stamp "20240315143000" is the date "20240315" at a time. */
const compactStamp = /^(\d{8})(\d{2})(\d{2})(\d{2})?$/;
/** Four-digit years outside this range are numbers, not dates ("30000012" is an id). */
const YEARS = [1850, 2100] as const;

/** A time after the date: "T10:22", " 10:22:05", " 3:04 PM", optional fraction and zone. */
const timePart = /^(.+?)[T ](\d{1,2}):(\d{2})(:\d{2}(\.\d+)?)?\s?([AaPp][Mm])?(Z|[+-]\d{2}:?\d{2})?$/;

export interface ParsedDate {
  readonly format: string;
  readonly year: number;
  readonly hasTime: boolean;
}

function parseDatePart(text: string, format: DateFormat): number | undefined {
  const match = format.pattern.exec(text);
  if (!match) return undefined;
  const value = { y: 0, m: 0, d: 0 };
  format.order.forEach((part, index) => {
    const text = match[index + 1] ?? "";
    value[part] = part === "m" && /[a-z]/i.test(text) ? monthNames.indexOf(text.toLowerCase()) + 1 : Number(text);
  });
  if (value.y >= 100 && (value.y < YEARS[0] || value.y > YEARS[1])) return undefined;
  if (value.m < 1 || value.m > 12 || value.d < 1 || value.d > 31) return undefined;
  return value.y < 100 ? value.y + (value.y < 50 ? 2000 : 1900) : value.y;
}

/** Every reading of one value: "03/04/1990" is both MM/DD/YYYY and DD/MM/YYYY. */
export function parseDate(text: string): ParsedDate[] {
  const trimmed = text.trim();
  const compact = compactStamp.exec(trimmed);
  const timed = compact ? null : timePart.exec(trimmed);
  const datePart = compact ? (compact[1] as string) : timed ? (timed[1] as string) : trimmed;
  if ((timed && Number(timed[2]) > 23) || (compact && Number(compact[2]) > 23)) return [];
  const readings: ParsedDate[] = [];
  for (const format of dateFormats) {
    const year = parseDatePart(datePart, format);
    if (year !== undefined) readings.push({ format: compact ? `${format.name}HHMM` : format.name, year, hasTime: timed !== null || compact !== null });
  }
  return readings;
}
