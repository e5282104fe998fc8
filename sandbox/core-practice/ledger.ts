import type { Rng } from "../visual-practice/prng.js";
import { today } from "../visual-practice/formats.js";
import type { Dirt } from "./manifest.js";
import { TableWriter } from "./table-writer.js";
import { cpDate, cpTimestamp, DAY, exportNow, money } from "./formats.js";
import { patientId, type WrittenPatient } from "./patients.js";
import type { DoneProcedure } from "./treatment.js";

export const ledgerColumns = [
  "txn_id", "pat_id", "prov_id", "txn_dt", "txn_type", "proc_id", "cdt_code", "amount", "inv_no", "status", "modified_ts",
] as const;

/**
 * ledger.csv (UTF-8, LF): Core Practice's billing as a ledger. Each procedure done is a Charge
 * on the visit's invoice (inv_no = pat_id-YYYYMMDD); insurance and patient payments follow as
 * credits, printed in accounting style "($85.00)". A charge's status says whether it is settled.
 *
 * Dirt: ~0.3% of transactions belong to a pat_id that isn't in patients.csv (orphan-row).
 */
export function writeLedger(rng: Rng, path: string, patientCount: number, dirt: Dirt[]) {
  const writer = new TableWriter(path, ledgerColumns, { delimiter: ",", eol: "\n" });
  let next = 0;

  async function line(patient: WrittenPatient, day: number, fields: { provider: string; type: string; proc: string; code: string; cents: number; status: string }): Promise<void> {
    const key = `T${String(++next).padStart(8, "0")}`;
    const orphan = rng.chance(0.003);
    const value = orphan ? patientId(patientCount + rng.int(0, 999)) : patient.key;
    const row = await writer.write([
      key, value, fields.provider, cpDate(day), fields.type, fields.proc, fields.code, money(fields.cents), `${patient.key}-${cpDate(day)}`,
      fields.status, cpTimestamp(Math.min(exportNow, day * DAY + rng.int(9 * 60, 18 * 60)), rng.int(0, 59)),
    ]);
    if (orphan) dirt.push({ kind: "orphan-row", table: "ledger", key, row, column: "pat_id", value });
  }

  return {
    async write(patient: WrittenPatient, procedures: readonly DoneProcedure[]): Promise<void> {
      for (const procedure of procedures) {
        const insured = rng.chance(0.6) ? Math.round(procedure.feeCents * rng.pick([0.5, 0.8, 1])) : 0;
        const patientPays = rng.chance(0.75);
        const settled = patientPays || insured === procedure.feeCents;
        const status = settled ? "Paid" : insured > 0 ? "Partial" : "Open";
        const base = { provider: procedure.providerId, proc: procedure.key, code: procedure.code };
        await line(patient, procedure.day, { ...base, type: "Charge", cents: procedure.feeCents, status });
        if (insured > 0) await line(patient, Math.min(today, procedure.day + rng.int(14, 45)), { ...base, type: "Ins Pmt", cents: -insured, status: "" });
        const rest = procedure.feeCents - insured;
        if (patientPays && rest > 0) await line(patient, Math.min(today, procedure.day + rng.int(0, 30)), { ...base, type: "Pat Pmt", cents: -rest, status: "" });
      }
    },
    async close(): Promise<{ rows: number; bytes: number }> {
      return { rows: writer.rows, bytes: await writer.close() };
    },
  };
}
