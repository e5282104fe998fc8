import type { Rng } from "../visual-practice/prng.js";
import { today } from "../visual-practice/formats.js";
import { TableWriter } from "../core-practice/table-writer.js";
import { DAY } from "../core-practice/formats.js";
import type { Dirt } from "./manifest.js";
import { auDate, auTimestamp } from "./formats.js";
import { clientId, type WrittenClient } from "./clients.js";
import { staffId, type StaffMember } from "./staff.js";
import { medicines, pharmacies } from "./care-lists.js";

export const prescriptionColumns = [
  "Script ID", "Client ID", "Prescriber ID", "Medication", "Strength", "Form", "Directions", "Qty", "Repeats", "Date Prescribed",
  "Schedule", "Pharmacy", "Last Updated",
] as const;

type Column = (typeof prescriptionColumns)[number];
const at = (column: Column): number => prescriptionColumns.indexOf(column);
const table = "prescriptions";

/**
 * Prescriptions.csv (UTF-8, LF): scripts the clinic's GP wrote for ~12% of clients (one or two):
 * medicine, strength, form, directions, quantity and repeats, and its poison schedule (S2-S8; S8
 * is a controlled drug, which a migration may have to leave out).
 *
 * Dirt: ~2% Prescriber ID of no staff member (unknown-provider: a locum never added to Staff.csv),
 * ~0.5% Client ID of no client (orphan-row), and scripts still on repeat written by a GP who has
 * since left (inactive-provider), when the clinic had one.
 */
export function writePrescriptions(rng: Rng, path: string, clientCount: number, staff: readonly StaffMember[], dirt: Dirt[]) {
  const writer = new TableWriter(path, prescriptionColumns, { delimiter: ",", eol: "\n" });
  const gps = staff.filter((s) => s.role === "GP");
  const prescribers = gps.filter((s) => s.active).length > 0 ? gps.filter((s) => s.active) : staff.filter((s) => s.clinical);
  const departed = gps.filter((s) => !s.active);
  let next = 0;

  return {
    async write(client: WrittenClient): Promise<void> {
      if (client.malformed || !rng.chance(0.12)) return;
      for (let k = rng.chance(0.3) ? 2 : 1; k > 0; k -= 1) {
        const key = `RX${String(++next).padStart(6, "0")}`;
        const medicine = rng.pick(medicines);
        const day = rng.int(Math.min(client.created, today - 1), today - 1);
        const fields: string[] = [
          key, client.key, rng.pick(prescribers).id, medicine.name, medicine.strength, medicine.form, medicine.directions, String(medicine.qty),
          String(medicine.schedule === "S8" ? 0 : rng.pick([0, 0, 1, 2, 5])), auDate(day), medicine.schedule, rng.pick(pharmacies),
          auTimestamp(day * DAY + rng.int(480, 1080)),
        ];
        let planted: ((row: number) => Dirt) | undefined;
        const roll = rng.next();
        if (roll < 0.02) {
          const value = staffId(staff.length + rng.int(0, 99));
          fields[at("Prescriber ID")] = value;
          planted = (row) => ({ kind: "unknown-provider", table, key, row, column: "Prescriber ID", value });
        } else if (roll < 0.025) {
          const value = clientId(clientCount + rng.int(0, 999));
          fields[at("Client ID")] = value;
          planted = (row) => ({ kind: "orphan-row", table, key, row, column: "Client ID", value });
        } else if (roll < 0.06 && departed.length > 0) {
          const value = rng.pick(departed).id;
          fields[at("Prescriber ID")] = value;
          planted = (row) => ({ kind: "inactive-provider", table, key, row, column: "Prescriber ID", value });
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
