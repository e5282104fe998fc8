import type { Rng } from "../visual-practice/prng.js";
import { TableWriter } from "../core-practice/table-writer.js";
import { DAY, exportNow } from "../core-practice/formats.js";
import type { Dirt } from "./manifest.js";
import { auTimestamp, badIcd } from "./formats.js";
import type { WrittenBooking } from "./bookings.js";
import type { WrittenClient } from "./clients.js";
import { clinicSentences } from "./word-lists.js";
import { diagnoses } from "./care-lists.js";

export const encounterColumns = [
  "Encounter ID", "Client ID", "Booking ID", "Practitioner ID", "Clinic ID", "Date", "Presenting Complaint", "Diagnosis Codes",
  "Diagnosis", "Item Code", "Assessment", "Plan", "Last Updated",
] as const;

type Column = (typeof encounterColumns)[number];
const at = (column: Column): number => encounterColumns.indexOf(column);
const table = "encounters";

/** The diagnoses recorded at a booking, for its claim. */
export type EncounterCodes = ReadonlyMap<string, readonly string[]>;

/**
 * Encounters.csv (UTF-8, LF): the clinical record of ~80% of completed bookings — presenting
 * complaint, one or two ICD-10 diagnoses (`;`-separated codes and their wording), the service's
 * item code, assessment and plan. A client keeps the diagnosis of their first visit, sometimes
 * with a second one added later.
 *
 * Dirt: ~1.5% bad-code in Diagnosis Codes (the dot dropped, lowercase, "LBP"…), ~1% codes joined
 * with both `;` and `,` (mixed-separators), ~0.5% Booking ID of no booking (orphan-row).
 */
export function writeEncounters(rng: Rng, path: string, dirt: Dirt[]) {
  const writer = new TableWriter(path, encounterColumns, { delimiter: ",", eol: "\n" });
  let next = 0;

  return {
    /** Writes the client's encounters; returns the diagnosis codes recorded at each booking. */
    async write(client: WrittenClient, bookings: readonly WrittenBooking[]): Promise<EncounterCodes> {
      const codes = new Map<string, readonly string[]>();
      if (client.malformed) return codes;
      const first = rng.pick(diagnoses);
      const second = rng.chance(0.3) ? rng.pick(diagnoses.filter((d) => d !== first)) : undefined;
      let seen = 0;
      for (const booking of bookings) {
        if (!booking.completed || !rng.chance(0.8)) continue;
        const these = second && seen++ > 0 ? [first, second] : [first];
        const key = `E${String(++next).padStart(7, "0")}`;
        const fields: string[] = [
          key, client.key, booking.key, booking.practitionerId, client.clinicId, auTimestamp(booking.start), first.complaint,
          these.map((d) => d.code).join(";"), these.map((d) => d.text).join("; "), booking.service.item, rng.pick(clinicSentences),
          rng.pick(clinicSentences), auTimestamp(Math.min(exportNow, booking.start + rng.int(30, 2 * DAY))),
        ];
        let planted: ((row: number) => Dirt) | undefined;
        const roll = rng.next();
        if (roll < 0.015) {
          const value = [badIcd(rng, first.code), ...these.slice(1).map((d) => d.code)].join(";");
          fields[at("Diagnosis Codes")] = value;
          planted = (row) => ({ kind: "bad-code", table, key, row, column: "Diagnosis Codes", value });
        } else if (roll < 0.025) {
          fields[at("Diagnosis Codes")] = `${first.code}, ${(second ?? first).code}; ${rng.pick(diagnoses).code}`;
          planted = (row) => ({ kind: "mixed-separators", table, key, row, column: "Diagnosis Codes" });
        } else if (roll < 0.03) {
          const value = `B${String(9_000_000 + rng.int(0, 99_999)).padStart(7, "0")}`;
          fields[at("Booking ID")] = value;
          planted = (row) => ({ kind: "orphan-row", table, key, row, column: "Booking ID", value });
        }
        const row = await writer.write(fields);
        if (planted) dirt.push(planted(row));
        codes.set(booking.key, these.map((d) => d.code));
      }
      return codes;
    },
    async close(): Promise<{ rows: number; bytes: number }> {
      return { rows: writer.rows, bytes: await writer.close() };
    },
  };
}
