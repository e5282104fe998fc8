import type { Rng } from "./prng.js";
import { CsvWriter } from "./csv-writer.js";
import type { Dirt } from "./manifest.js";
import { dayOf, isoDate, phone, today, usDate } from "./formats.js";
import { DAY, minuteText, officeMinute } from "./minutes.js";
import { patientId, type WrittenPatient } from "./patients.js";
import { badDates, firstNames, places } from "./word-lists.js";
import { coverageTypes, insuranceCarriers } from "./care-lists.js";

export const carrierColumns = ["CarrierID", "CarrierName", "PayerID", "CarrierPhone", "Addr1", "City", "State", "Zip", "IsActive", "LastModified"] as const;

export const insuranceColumns = [
  "InsuranceID", "PatientID", "CarrierID", "CarrierName", "PolicyNumber", "GroupNumber", "SubscriberID", "SubscriberName",
  "SubscriberRelation", "CoverageType", "InsPriority", "EligibilityStatus", "CoverageStart", "CoverageEnd", "LastModified",
] as const;

type Column = (typeof insuranceColumns)[number];
const at = (column: Column): number => insuranceColumns.indexOf(column);

export interface Carrier {
  readonly id: string;
  /** The name on the carrier's own row. */
  readonly name: string;
  readonly payerId: string;
  readonly variants: readonly string[];
}

export const carrierId = (index: number): string => `IC${String(index + 1).padStart(3, "0")}`;

/**
 * insurance_carriers.csv (LF): one row per carrier, the last one inactive, and one carrier entered
 * twice: a second CarrierID under another spelling with the same PayerID (near-duplicate). Policies
 * point at either copy, as they do in a practice that never merged them.
 */
export async function writeCarriers(rng: Rng, path: string, dirt: Dirt[]): Promise<{ carriers: Carrier[]; rows: number; bytes: number }> {
  const writer = new CsvWriter(path, carrierColumns, { eol: "\n" });
  const carriers: Carrier[] = [];
  const twinOf = rng.int(0, insuranceCarriers.length - 1);
  const rows: { name: string; payerId: string; variants: readonly string[]; active: boolean }[] = insuranceCarriers.map((c, index) => ({ ...c, active: index !== insuranceCarriers.length - 1 }));
  const twin = rows[twinOf]!;
  rows.push({ ...twin, name: rng.pick(twin.variants), active: true });
  for (const [index, carrier] of rows.entries()) {
    const id = carrierId(index);
    const place = rng.pick(places);
    await writer.write([
      id, carrier.name, carrier.payerId, phone(rng), `PO Box ${rng.int(100, 9999)}`, place.city, place.state, place.zip,
      carrier.active ? "1" : "0", minuteText(rng.int(dayOf(2020, 1, 1), today) * DAY + rng.int(7 * 60, 19 * 60)),
    ]);
    carriers.push({ id, name: carrier.name, payerId: carrier.payerId, variants: carrier.variants });
  }
  dirt.push({ kind: "near-duplicate", table: "insurance_carriers", keys: [carrierId(twinOf), carrierId(rows.length - 1)] });
  return { carriers, rows: writer.rows, bytes: await writer.close() };
}

/**
 * insurance_records.csv (LF): ~70% of patients have a primary policy, ~15% of those a secondary too.
 * CarrierName is copied onto the policy, as Visual Practice does; the subscriber is the patient or
 * a family member. Patients whose own row is malformed get none.
 *
 * Dirt: ~1% CarrierID of no carrier and ~0.5% PatientID of no patient (dangling-reference), ~0.5%
 * bad-date and ~1% ISO dates (alt-date-format) in CoverageStart, ~0.5% CoverageEnd before
 * CoverageStart (end-before-start), ~4% CarrierName spelled another way (name-variant).
 */
export function writeInsurance(rng: Rng, path: string, patientCount: number, carriers: readonly Carrier[], dirt: Dirt[]) {
  const writer = new CsvWriter(path, insuranceColumns, { eol: "\n" });
  const table = "insurance_records";
  let next = 0;
  return {
    async write(patient: WrittenPatient): Promise<void> {
      if (patient.malformed || !rng.chance(0.7)) return;
      const count = rng.chance(0.15) ? 2 : 1;
      for (let priority = 1; priority <= count; priority += 1) {
        const key = `INS${String(++next).padStart(7, "0")}`;
        const carrier = rng.pick(carriers);
        const relation = rng.pick(["Self", "Self", "Self", "Spouse", "Child", "Other"]);
        const start = rng.int(Math.min(patient.created, dayOf(2023, 1, 1)) - 365, today - 30);
        const ended = rng.chance(0.15);
        const end = ended ? rng.int(start + 30, today) : undefined;
        const fields: string[] = [
          key, patient.key, carrier.id, carrier.name, `${carrier.payerId.slice(0, 3)}${rng.digits(9)}`, rng.chance(0.8) ? `GRP${rng.digits(5)}` : "",
          `W${rng.digits(9)}`, relation === "Self" ? `${patient.first} ${patient.last}` : `${rng.pick(firstNames)} ${patient.last}`, relation,
          rng.pick(coverageTypes), priority === 1 ? "Primary" : "Secondary",
          ended ? "Inactive" : rng.pick(["Active", "Active", "Active", "Pending Verification"]), usDate(start), end !== undefined ? usDate(end) : "",
          minuteText(officeMinute(rng, Math.max(start, patient.created))),
        ];
        let planted: ((row: number) => Dirt) | undefined;
        const otherNames = carrier.variants.filter((v) => v !== carrier.name);
        const roll = rng.next();
        if (roll < 0.01) {
          const value = carrierId(carriers.length + 50 + rng.int(0, 49));
          fields[at("CarrierID")] = value;
          planted = (row) => ({ kind: "dangling-reference", table, key, row, column: "CarrierID", value });
        } else if (roll < 0.015) {
          const value = patientId(patientCount + rng.int(0, 999));
          fields[at("PatientID")] = value;
          planted = (row) => ({ kind: "dangling-reference", table, key, row, column: "PatientID", value });
        } else if (roll < 0.02) {
          fields[at("CoverageStart")] = rng.pick(badDates);
          planted = (row) => ({ kind: "bad-date", table, key, row, column: "CoverageStart" });
        } else if (roll < 0.03) {
          fields[at("CoverageStart")] = isoDate(start);
          planted = (row) => ({ kind: "alt-date-format", table, key, row, column: "CoverageStart" });
        } else if (roll < 0.035) {
          fields[at("CoverageEnd")] = usDate(start - rng.int(30, 400));
          planted = (row) => ({ kind: "end-before-start", table, key, row, column: "CoverageEnd" });
        } else if (roll < 0.075 && otherNames.length > 0) {
          const value = rng.pick(otherNames);
          fields[at("CarrierName")] = value;
          planted = (row) => ({ kind: "name-variant", table, key, row, column: "CarrierName", value, canonical: carrier.name });
        }
        const row = await writer.write(fields);
        if (planted) dirt.push(planted(row));
      }
    },
    async close(): Promise<{ rows: number; bytes: number }> {
      return { rows: writer.rows, bytes: await writer.close() };
    },
  };
}
