import type { Rng } from "../visual-practice/prng.js";
import { dayOf, today } from "../visual-practice/formats.js";
import { practiceStems } from "../visual-practice/word-lists.js";
import { TableWriter } from "../core-practice/table-writer.js";
import { DAY } from "../core-practice/formats.js";
import { auTimestamp, landline } from "./formats.js";
import { auPlaces, auStreets } from "./word-lists.js";

export const clinicColumns = [
  "Clinic ID", "Clinic Name", "Parent Clinic ID", "Address", "Suburb", "State", "Postcode", "Phone", "E-mail",
  "Opening Hours", "Active", "Last Updated",
] as const;

export const clinicId = (index: number): string => `CLN${index + 1}`;

/**
 * Clinics.csv (UTF-8 with a BOM, CRLF: saved from Excel as "CSV UTF-8"): a head clinic and its
 * satellite sites (Parent Clinic ID), one closed. Opening hours are free text with commas.
 */
export async function writeClinics(rng: Rng, path: string, count: number): Promise<{ ids: string[]; rows: number; bytes: number }> {
  const writer = new TableWriter(path, clinicColumns, { delimiter: ",", eol: "\r\n", bom: true });
  const stem = rng.pick(practiceStems);
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const place = rng.pick(auPlaces);
    await writer.write([
      clinicId(index),
      index === 0 ? `${stem} Physio & Health` : `${stem} Physio - ${place.suburb}`,
      index === 0 ? "" : clinicId(0),
      `${rng.int(1, 400)} ${rng.pick(auStreets)}`,
      place.suburb,
      place.state,
      place.postcode,
      landline(rng),
      `reception${index + 1}@example.com.au`,
      rng.pick(["Mon-Fri 7am-7pm, Sat 8am-12pm", "Mon-Thu 8am-6pm, Fri 8am-4pm", "Tue, Thu 9am-5pm"]),
      index === count - 1 && count > 2 ? "No" : "Yes",
      auTimestamp(rng.int(dayOf(2023, 1, 1), today) * DAY + rng.int(480, 1080)),
    ]);
    ids.push(clinicId(index));
  }
  return { ids, rows: writer.rows, bytes: await writer.close() };
}
