import type { Rng } from "./prng.js";
import { CsvWriter } from "./csv-writer.js";
import type { Dirt } from "./manifest.js";
import { asciiSlug, dayOf, phone, today, usDate, usTimestamp } from "./formats.js";
import { places, practiceKinds, practiceStems, specialties, streets } from "./word-lists.js";

export const practiceColumns = [
  "PracticeID", "PracticeName", "ParentPracticeID", "NPI", "TaxID", "Specialty", "Addr1", "Addr2", "City",
  "State", "Zip", "Phone", "Email", "Website", "IsActive", "CreatedDate", "LastModified",
] as const;

export interface Practice {
  readonly id: string;
  readonly name: string;
}

export function practiceId(index: number): string {
  return `PR${String(index + 1).padStart(4, "0")}`;
}

/**
 * Writes practices.csv (LF, no BOM): a group parent with 2-3 child locations, then standalone
 * practices; the last one has no NPI. Practices are few, so they're kept for the other files.
 */
export async function writePractices(rng: Rng, path: string, count: number, dirt: Dirt[]): Promise<{ practices: Practice[]; rows: number; bytes: number }> {
  const writer = new CsvWriter(path, practiceColumns, { eol: "\n" });
  const practices: Practice[] = [];
  const children = rng.int(2, 3);
  const groupStem = rng.pick(practiceStems);
  for (let index = 0; index < count; index += 1) {
    const id = practiceId(index);
    const specialty = rng.pick(specialties);
    const stem = index <= children ? groupStem : rng.pick(practiceStems);
    let name: string;
    if (index === 0) name = `${groupStem} Health Group`;
    else if (index <= children) name = `${groupStem} Health - ${["Northside", "Downtown", "West Campus"][index - 1]}`;
    else if (index % 7 === 5) name = `${stem} ${practiceKinds[specialty]}, Smith & Partners`;
    else name = `${stem} ${practiceKinds[specialty]}${index > practiceStems.length ? ` ${index}` : ""}`;
    const place = rng.pick(places);
    const created = rng.int(dayOf(2010, 1, 1), dayOf(2020, 12, 31));
    const hasNpi = index !== count - 1;
    if (!hasNpi) dirt.push({ kind: "no-npi", table: "practices", key: id });
    const slug = asciiSlug(name.split(",")[0] ?? name);
    await writer.write([
      id,
      name,
      index > 0 && index <= children ? practiceId(0) : "",
      hasNpi ? `1${rng.digits(9)}` : "",
      `${rng.digits(2)}-${rng.digits(7)}`,
      specialty,
      `${rng.int(10, 9999)} ${rng.pick(streets)}`,
      rng.chance(0.3) ? `Suite ${rng.int(100, 499)}` : "",
      place.city,
      place.state,
      place.zip,
      phone(rng),
      `frontdesk.${slug}@example.com`,
      `https://www.example.com/${slug}`,
      rng.chance(0.95) ? "1" : "0",
      usDate(created),
      usTimestamp(rng.int(created, today), rng.int(0, 1439)),
    ]);
    practices.push({ id, name });
  }
  const bytes = await writer.close();
  return { practices, rows: writer.rows, bytes };
}
