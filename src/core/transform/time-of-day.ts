/**
 * A time of day as exports write it beside a date column: "9:30 am", "09:30", "14:05:30",
 * "2:05 PM", "9.30", "14h30". For the declared `date-time` rule (and the matcher that proposes it).
 */
export interface TimeOfDay {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const pattern = /^(\d{1,2})(?:[:.h](\d{2}))?(?::(\d{2}))?\s*([ap])\.?\s?m\.?$|^(\d{1,2})[:.h](\d{2})(?::(\d{2}))?$/i;

/** @example parseTimeOfDay("9:30 am") // { hour: 9, minute: 30, second: 0 } */
export function parseTimeOfDay(text: string): TimeOfDay | null {
  const match = pattern.exec(text.trim());
  if (!match) return null;
  const twelve = match[4] !== undefined;
  let hour = Number(twelve ? match[1] : match[5]);
  const minute = Number((twelve ? match[2] : match[6]) ?? 0);
  const second = Number((twelve ? match[3] : match[7]) ?? 0);
  if (minute > 59 || second > 59) return null;
  if (twelve) {
    if (hour < 1 || hour > 12) return null;
    const pm = match[4]!.toLowerCase() === "p";
    hour = (hour % 12) + (pm ? 12 : 0);
  } else if (hour > 23) {
    return null;
  }
  return { hour, minute, second };
}

export const isTimeOfDay = (text: string): boolean => parseTimeOfDay(text) !== null;

/** "09:30:00": the form the date-time parser reads after a date. */
export function formatTime(time: TimeOfDay): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}`;
}
