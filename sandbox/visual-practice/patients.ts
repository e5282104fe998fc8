import type { Rng } from "./prng.js";
import { CsvWriter } from "./csv-writer.js";
import type { Dirt } from "./manifest.js";
import { badEmail, badPhone, dayOf, email, isoDate, phone, today, usDate, usTimestamp } from "./formats.js";
import { practiceId, type Practice } from "./practices.js";
import type { Provider } from "./providers.js";
import { badDates, badZips, contactMethods, firstNames, lastNames, medicalAlerts, nicknames, places, referralSources, streets } from "./word-lists.js";
import { writeLinks } from "./patient-links.js";

export const patientColumns = [
  "PatientID", "PatFirstName", "PatMiddleInit", "PatLastName", "PreferredName", "DOB", "Sex", "SSN", "EmailAddr",
  "HomePhone", "CellPhone", "Addr1", "Addr2", "City", "State", "Zip", "PrimaryProviderID", "ReferralSource",
  "PreferredContact", "MedicalAlerts", "PatStatus", "CreatedDate", "LastModified", "Custom_ParkingPermit",
  "Custom_NewsletterOptIn",
] as const;

type Column = (typeof patientColumns)[number];
const at = (column: Column): number => patientColumns.indexOf(column);

export function patientId(index: number): string {
  return `P${String(index + 1).padStart(7, "0")}`;
}

interface Identity {
  readonly key: string;
  readonly first: string;
  readonly last: string;
  readonly dob: string;
}

/** Which patients carry the one-off dirt: chosen up front so the per-row loop stays simple. */
function plan(rng: Rng, count: number) {
  const multiline = count > 1 ? Math.min(2, count - 1) : -1;
  const malformed = new Set<number>();
  const blocks = Math.max(1, Math.floor(count / 1000));
  for (let block = 0; block < blocks; block += 1) {
    const start = block * 1000;
    let index = start + rng.int(0, Math.min(999, count - 1 - start));
    if (index === multiline) index = (index + 1) % count;
    malformed.add(index);
  }
  let dangling = Math.floor(count / 2);
  while (malformed.has(dangling) && count > 1) dangling = (dangling + 1) % count;
  return { multiline, malformed, dangling };
}

/** What the files that hang off a patient (appointments) need to know, handed over as each is written. */
export interface WrittenPatient {
  readonly key: string;
  /** The patient's names as written (an insurance subscriber is often the patient). */
  readonly first: string;
  readonly last: string;
  /** Day the patient was created (days since 1970-01-01). */
  readonly created: number;
  /** Practices in practices.csv the patient is linked to; empty when none (or only a dangling one). */
  readonly practiceIds: readonly string[];
  /** The patient's row is a planted malformed row, which a reader rejects. */
  readonly malformed: boolean;
}

/**
 * Streams patients.csv (CRLF, UTF-8 BOM, as Visual Practice writes it) and patient_practices.csv
 * (LF) side by side, one patient at a time, planting dirt and recording it in `dirt`. `onPatient`
 * sees each distinct patient once, after its rows, so dependent files can stream alongside.
 */
export async function writePatients(
  rng: Rng,
  paths: { readonly patients: string; readonly links: string },
  count: number,
  practices: readonly Practice[],
  providers: readonly Provider[],
  dirt: Dirt[],
  onPatient?: (patient: WrittenPatient) => Promise<void>,
): Promise<{ patients: { rows: number; bytes: number }; links: { rows: number; bytes: number } }> {
  const writer = new CsvWriter(paths.patients, patientColumns, { eol: "\r\n", bom: true });
  const links = writeLinks(rng, paths.links, practices, dirt);
  const { multiline, malformed, dangling } = plan(rng, count);
  const recent: Identity[] = [];

  for (let index = 0; index < count; index += 1) {
    const key = patientId(index);
    const isMalformed = malformed.has(index);
    const special = isMalformed || index === multiline;
    const twin = !special && recent.length > 0 && rng.chance(0.01) ? rng.pick(recent) : undefined;
    const first = twin?.first ?? rng.pick(firstNames);
    const last = twin?.last ?? rng.pick(lastNames);
    const created = rng.int(dayOf(2012, 1, 1), dayOf(2024, 12, 31));
    const birth = rng.int(dayOf(1935, 1, 1), dayOf(2022, 12, 31));
    const place = rng.pick(places);
    const fields: string[] = [
      key,
      first,
      rng.chance(0.4) ? String.fromCharCode(65 + rng.int(0, 25)) : "",
      last,
      rng.chance(0.08) ? (rng.chance(0.2) ? `"${rng.pick(nicknames)}"` : rng.pick(nicknames)) : "",
      twin?.dob ?? usDate(birth),
      rng.pick(["M", "F", "F", "M", "U"]),
      rng.chance(0.3) ? `9${rng.digits(2)}-${rng.digits(2)}-${rng.digits(4)}` : "",
      rng.chance(0.85) ? email(rng, first, last) : "",
      rng.chance(0.6) ? phone(rng) : "",
      rng.chance(0.85) ? phone(rng) : "",
      `${rng.int(1, 9999)} ${rng.pick(streets)}`,
      rng.chance(0.2) ? (rng.chance(0.3) ? `Apt ${rng.int(1, 40)}, Bldg ${String.fromCharCode(65 + rng.int(0, 5))}` : `Apt ${rng.int(1, 400)}`) : "",
      place.city,
      place.state,
      place.zip,
      rng.chance(0.95) ? rng.pick(providers).id : "",
      rng.pick(referralSources),
      rng.pick(contactMethods),
      rng.chance(0.15) ? rng.pick(medicalAlerts) : "",
      rng.chance(0.85) ? "Active" : rng.chance(0.8) ? "Inactive" : "Deceased",
      usDate(created),
      usTimestamp(rng.int(created, today), rng.int(0, 1439)),
      rng.pick(["Y", "N", ""]),
      rng.pick(["TRUE", "FALSE"]),
    ];
    if (twin) dirt.push({ kind: "near-duplicate", table: "patients", keys: [twin.key, key] });

    let planted: { kind: "bad-email" | "bad-phone" | "bad-date" | "alt-date-format"; column: Column } | undefined;
    let badZip = false;
    const unquoted = new Set<number>();
    if (isMalformed) {
      // An export glitch: a comma inside Addr2 written without quotes, one field too many.
      fields[at("Addr2")] = `Suite ${rng.int(100, 499)}, Bldg ${String.fromCharCode(65 + rng.int(0, 5))}`;
      unquoted.add(at("Addr2"));
    } else if (index === multiline) {
      fields[at("MedicalAlerts")] = "Diabetic\nUses insulin pump";
    } else if (!twin) {
      const roll = rng.next();
      if (roll < 0.02) {
        fields[at("EmailAddr")] = badEmail(rng, first, last);
        planted = { kind: "bad-email", column: "EmailAddr" };
      } else if (roll < 0.04) {
        fields[at("CellPhone")] = badPhone(rng);
        planted = { kind: "bad-phone", column: "CellPhone" };
      } else if (roll < 0.05) {
        fields[at("DOB")] = rng.pick(badDates);
        planted = { kind: "bad-date", column: "DOB" };
      } else if (roll < 0.06) {
        fields[at("DOB")] = isoDate(birth);
        planted = { kind: "alt-date-format", column: "DOB" };
      } else if (roll < 0.07) {
        // Chosen from the roll itself, not a new draw, so every other value stays as it was.
        fields[at("Zip")] = badZips[Math.floor((roll - 0.06) * 100 * badZips.length)] ?? badZips[0];
        badZip = true;
      }
    }

    const row = await writer.write(fields, unquoted);
    if (isMalformed) dirt.push({ kind: "malformed-row", table: "patients", key, row });
    if (index === multiline) dirt.push({ kind: "multiline-field", table: "patients", key, row, column: "MedicalAlerts" });
    if (planted) dirt.push({ kind: planted.kind, table: "patients", key, row, column: planted.column });
    if (badZip) dirt.push({ kind: "bad-postcode", table: "patients", key, row, column: "Zip" });
    if (!special && !planted && !twin) {
      recent.push({ key, first, last, dob: fields[at("DOB")] ?? "" });
      if (recent.length > 50) recent.shift();
      if (rng.chance(0.01)) {
        // The same PatientID exported twice; the second copy was touched a few minutes later.
        const again = [...fields];
        again[at("LastModified")] = usTimestamp(Math.min(today, created + rng.int(0, 30)), rng.int(0, 1439));
        if (rng.chance(0.5)) again[at("CellPhone")] = phone(rng);
        const second = await writer.write(again);
        dirt.push({ kind: "duplicate-key", table: "patients", key, rows: [row, second] });
      }
    }
    const practiceIds = await links.write(key, created, index === dangling ? practiceId(practices.length) : undefined);
    if (onPatient) await onPatient({ key, first, last, created, practiceIds, malformed: isMalformed });
  }
  const bytes = await writer.close();
  return { patients: { rows: writer.rows, bytes }, links: await links.close() };
}
