import type { Rng } from "../visual-practice/prng.js";
import { dayOf, today } from "../visual-practice/formats.js";
import { firstNames } from "../visual-practice/word-lists.js";
import type { Dirt } from "./manifest.js";
import { TableWriter } from "./table-writer.js";
import { cpDate, cpTimestamp, DAY, exportNow, money } from "./formats.js";
import { patientId, type WrittenPatient } from "./patients.js";
import { carriers } from "./word-lists.js";

export const insuranceColumns = [
  "ins_id", "pat_id", "priority", "carrier_nm", "payer_id", "group_no", "policy_no", "subscriber_id", "subscriber_nm",
  "subscriber_rel", "coverage_type", "eff_dt", "term_dt", "elig_status", "annual_max", "modified_ts",
] as const;

/**
 * insurance.csv (UTF-8, LF): ~75% of patients have a primary dental policy, ~15% of those a
 * secondary too (priority 1 and 2). Subscriber is the patient ("Self") or a family member.
 *
 * Dirt: ~0.5% of policies belong to a pat_id that isn't in patients.csv (orphan-row).
 */
export function writeInsurance(rng: Rng, path: string, patientCount: number, dirt: Dirt[]) {
  const writer = new TableWriter(path, insuranceColumns, { delimiter: ",", eol: "\n" });
  let next = 0;
  return {
    async write(patient: WrittenPatient): Promise<void> {
      if (patient.malformed || !rng.chance(0.75)) return;
      const count = rng.chance(0.15) ? 2 : 1;
      for (let priority = 1; priority <= count; priority += 1) {
        const key = `INS${String(++next).padStart(7, "0")}`;
        const carrier = rng.pick(carriers);
        const relation = rng.pick(["Self", "Self", "Self", "Spouse", "Child", "Other"]);
        const effective = rng.int(Math.min(patient.created, dayOf(2024, 1, 1)) - 365, today - 30);
        const ended = rng.chance(0.15);
        const orphan = rng.chance(0.005);
        const value = orphan ? patientId(patientCount + rng.int(0, 999)) : patient.key;
        const row = await writer.write([
          key,
          value,
          String(priority),
          carrier.name,
          carrier.payerId,
          `G${rng.digits(6)}`,
          `${carrier.payerId.slice(0, 2)}${rng.digits(9)}`,
          `S${rng.digits(9)}`,
          relation === "Self" ? `${patient.last}, ${patient.first}` : `${patient.last}, ${rng.pick(firstNames)}`,
          relation,
          rng.pick(["PPO", "PPO", "HMO", "Indemnity"]),
          cpDate(effective),
          ended ? cpDate(rng.int(effective + 30, today)) : "",
          ended ? "Not Eligible" : rng.pick(["Eligible", "Eligible", "Unverified"]),
          money(rng.pick([100_000, 150_000, 200_000, 250_000])),
          cpTimestamp(Math.min(exportNow, rng.int(effective, today) * DAY + rng.int(8 * 60, 17 * 60))),
        ]);
        if (orphan) dirt.push({ kind: "orphan-row", table: "insurance", key, row, column: "pat_id", value });
      }
    },
    async close(): Promise<{ rows: number; bytes: number }> {
      return { rows: writer.rows, bytes: await writer.close() };
    },
  };
}
