import type { Rng } from "../visual-practice/prng.js";
import { dayOf, today } from "../visual-practice/formats.js";
import { places, practiceStems, streets } from "../visual-practice/word-lists.js";
import { TableWriter } from "./table-writer.js";
import { cpPhone, cpTimestamp, DAY, yesNo } from "./formats.js";

export const officeColumns = [
  "office_id", "office_nm", "npi", "tax_id", "addr1", "addr2", "city", "st", "zip", "phone", "email", "active_flag",
  "created_ts", "modified_ts",
] as const;

export function officeId(index: number): string {
  return `OF${String(index + 1).padStart(2, "0")}`;
}

/**
 * offices.csv (UTF-8, LF): the practice's own locations, one a closed office (active_flag No).
 * Returns their ids for the rows that sit in an office.
 */
export async function writeOffices(rng: Rng, path: string, count: number): Promise<{ ids: string[]; rows: number; bytes: number }> {
  const writer = new TableWriter(path, officeColumns, { delimiter: ",", eol: "\n" });
  const stem = rng.pick(practiceStems);
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const id = officeId(index);
    const place = rng.pick(places);
    const created = rng.int(dayOf(2008, 1, 1), dayOf(2015, 12, 31));
    await writer.write([
      id,
      `${stem} Dental - ${place.city}`,
      `1${rng.digits(9)}`,
      `${rng.digits(2)}-${rng.digits(7)}`,
      `${rng.int(10, 9999)} ${rng.pick(streets)}`,
      rng.chance(0.4) ? `Ste ${rng.int(100, 499)}` : "",
      place.city,
      place.state,
      place.zip,
      cpPhone(rng),
      `office${index + 1}@example.com`,
      yesNo(index !== count - 1 || count < 3),
      cpTimestamp(created * DAY + rng.int(480, 1020)),
      cpTimestamp(rng.int(created, today) * DAY + rng.int(480, 1020)),
    ]);
    ids.push(id);
  }
  return { ids, rows: writer.rows, bytes: await writer.close() };
}
