import type { Rng } from "./prng.js";
import { today, usTimestamp } from "./formats.js";
import { appointmentsNow } from "./appointments.js";

/** Minutes in a day: the notes' and documents' times are minutes since 1970-01-01 00:00. */
export const DAY = 1440;

/** "MM/DD/YYYY HH:mm" for minutes since 1970-01-01 00:00. */
export const minuteText = (minute: number): string => usTimestamp(Math.floor(minute / DAY), minute % DAY);

/** Some office-hours minute (07:00-19:00) from the day `fromDay` to "now", never after appointmentsNow. */
export function officeMinute(rng: Rng, fromDay: number): number {
  return Math.min(appointmentsNow, rng.int(Math.min(fromDay, today), today) * DAY + rng.int(7 * 60, 19 * 60));
}
