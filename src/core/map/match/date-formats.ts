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
];

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
    value[part] = Number(match[index + 1]);
  });
  if (value.m < 1 || value.m > 12 || value.d < 1 || value.d > 31) return undefined;
  return value.y < 100 ? value.y + (value.y < 50 ? 2000 : 1900) : value.y;
}

/** Every reading of one value: "03/04/1990" is both MM/DD/YYYY and DD/MM/YYYY. */
export function parseDate(text: string): ParsedDate[] {
  const trimmed = text.trim();
  const timed = timePart.exec(trimmed);
  const datePart = timed ? (timed[1] as string) : trimmed;
  if (timed && Number(timed[2]) > 23) return [];
  const readings: ParsedDate[] = [];
  for (const format of dateFormats) {
    const year = parseDatePart(datePart, format);
    if (year !== undefined) readings.push({ format: format.name, year, hasTime: timed !== null });
  }
  return readings;
}
