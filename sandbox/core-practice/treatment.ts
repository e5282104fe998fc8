import type { Rng } from "../visual-practice/prng.js";
import { today } from "../visual-practice/formats.js";
import type { Dirt } from "./manifest.js";
import { TableWriter } from "./table-writer.js";
import { badCdt, badMoney, cpDate, cpTimestamp, DAY, exportNow, money } from "./formats.js";
import type { WrittenAppointment } from "./appointments.js";
import type { WrittenPatient } from "./patients.js";
import { cdtCodes, planNames, quadrants, surfaceLetters, type CdtCode } from "./word-lists.js";

export const planColumns = [
  "plan_id", "pat_id", "prov_id", "plan_nm", "status", "presented_dt", "total_fee", "ins_est", "created_ts", "modified_ts",
] as const;

export const procedureColumns = [
  "proc_id", "pat_id", "plan_id", "appt_id", "prov_id", "cdt_code", "proc_desc", "tooth", "surfaces", "quadrant", "fee",
  "ins_est", "status", "proc_dt", "modified_ts",
] as const;

const planId = (index: number) => `TP${String(index + 1).padStart(7, "0")}`;
const procedureId = (index: number) => String(9_000_001 + index);

/** A procedure done (status C), for the ledger's charge. */
export interface DoneProcedure {
  readonly key: string;
  readonly code: string;
  readonly feeCents: number;
  readonly day: number;
  readonly providerId: string;
}

function pickCode(rng: Rng, codes: readonly CdtCode[]): CdtCode {
  const total = codes.reduce((sum, c) => sum + c.weight, 0);
  let roll = rng.next() * total;
  for (const code of codes) if ((roll -= code.weight) < 0) return code;
  return codes[0]!;
}

/** Tooth 1-32, surfaces from MODBL in chart order, or a quadrant: what the code's site asks for. */
function site(rng: Rng, code: CdtCode): { tooth: string; surfaces: string; quadrant: string } {
  if (code.site === "quadrant") return { tooth: "", surfaces: "", quadrant: rng.pick(quadrants) };
  if (code.site === "mouth") return { tooth: "", surfaces: "", quadrant: "" };
  const letters = rng.shuffle([...surfaceLetters]).slice(0, code.surfaces);
  const surfaces = [...surfaceLetters].filter((letter) => letters.includes(letter)).join("");
  return { tooth: String(rng.int(1, 32)), surfaces, quadrant: "" };
}

/**
 * tx_plans.csv and tx_procedures.csv (UTF-8, LF). Each Complete visit gets 1-3 procedures done
 * (status C) at it; ~35% of patients have a treatment plan of 1-4 planned lines (status TP, or C
 * when the plan is Completed). Fees are "$1,234.00".
 *
 * Dirt: ~1% of planned lines point at a plan_id that isn't in tx_plans.csv (orphan-row); from
 * `dirtRng`'s own draws (so every other value stays as it was), ~1% of the other procedures have a
 * cdt_code of no CDT shape (bad-code) and ~0.5% a fee no amount reading accepts (bad-amount).
 */
export function writeTreatment(rng: Rng, paths: { readonly plans: string; readonly procedures: string }, dirt: Dirt[], dirtRng: Rng) {
  const plans = new TableWriter(paths.plans, planColumns, { delimiter: ",", eol: "\n" });
  const procedures = new TableWriter(paths.procedures, procedureColumns, { delimiter: ",", eol: "\n" });
  let nextPlan = 0;
  let nextProcedure = 0;

  async function writeProcedure(patient: WrittenPatient, code: CdtCode, fields: { plan: string; appt: string; provider: string; status: string; day: number | undefined; orphan?: boolean }): Promise<{ key: string; row: number; fee: number }> {
    const key = procedureId(nextProcedure++);
    const where = site(rng, code);
    const fee = code.feeCents + rng.pick([0, 0, 500, -500, 1000]);
    const modified = fields.day !== undefined ? Math.min(exportNow, fields.day * DAY + rng.int(8 * 60, 20 * 60)) : exportNow - rng.int(60, 90 * DAY);
    const values = [
      key, patient.key, fields.plan, fields.appt, fields.provider, code.code, code.description, where.tooth, where.surfaces,
      where.quadrant, money(fee), money(Math.round(fee * rng.pick([0, 0.5, 0.8, 1]))), fields.status,
      fields.day !== undefined ? cpDate(fields.day) : "", cpTimestamp(modified),
    ];
    let planted: ((row: number) => Dirt) | undefined;
    const roll = dirtRng.next();
    if (!fields.orphan && roll < 0.01) {
      const value = badCdt(dirtRng, code.code);
      values[procedureColumns.indexOf("cdt_code")] = value;
      planted = (row) => ({ kind: "bad-code", table: "tx_procedures", key, row, column: "cdt_code", value });
    } else if (!fields.orphan && roll < 0.015) {
      const value = badMoney(dirtRng, fee);
      values[procedureColumns.indexOf("fee")] = value;
      planted = (row) => ({ kind: "bad-amount", table: "tx_procedures", key, row, column: "fee", value });
    }
    const row = await procedures.write(values);
    if (planted) dirt.push(planted(row));
    return { key, row, fee };
  }

  return {
    async write(patient: WrittenPatient, appointments: readonly WrittenAppointment[]): Promise<readonly DoneProcedure[]> {
      if (patient.malformed) return [];
      const done: DoneProcedure[] = [];
      for (const appointment of appointments.filter((a) => a.completed)) {
        const day = Math.floor(appointment.start / DAY);
        for (let k = rng.int(1, 3); k > 0; k -= 1) {
          const code = pickCode(rng, cdtCodes);
          const { key, fee } = await writeProcedure(patient, code, { plan: "", appt: appointment.key, provider: appointment.providerId, status: "C", day });
          done.push({ key, code: code.code, feeCents: fee, day, providerId: appointment.providerId });
        }
      }
      if (!rng.chance(0.35)) return done;

      const plan = planId(nextPlan++);
      const presented = rng.int(Math.min(patient.created, today - 30), today - 1);
      const status = rng.pick(["Proposed", "Proposed", "Accepted", "Completed", "Declined"]);
      const lines = Array.from({ length: rng.int(1, 4) }, () => pickCode(rng, cdtCodes.filter((c) => c.site !== "mouth")));
      const total = lines.reduce((sum, code) => sum + code.feeCents, 0);
      await plans.write([
        plan, patient.key, patient.providerId, rng.pick(planNames), status, cpDate(presented), money(total),
        money(Math.round(total * rng.pick([0, 0.4, 0.5, 0.8]))), cpTimestamp(presented * DAY + rng.int(8 * 60, 17 * 60)),
        cpTimestamp(Math.min(exportNow, (presented + rng.int(0, 60)) * DAY + rng.int(8 * 60, 17 * 60))),
      ]);
      for (const code of lines) {
        const orphan = rng.chance(0.01);
        const value = orphan ? planId(nextPlan + 1_000_000 + rng.int(0, 999)) : plan;
        const day = status === "Completed" ? Math.min(today, presented + rng.int(7, 90)) : undefined;
        const { key, row, fee } = await writeProcedure(patient, code, { plan: value, appt: "", provider: patient.providerId, status: day !== undefined ? "C" : "TP", day, orphan });
        if (orphan) dirt.push({ kind: "orphan-row", table: "tx_procedures", key, row, column: "plan_id", value });
        if (day !== undefined) done.push({ key, code: code.code, feeCents: fee, day, providerId: patient.providerId });
      }
      return done;
    },
    async close(): Promise<{ plans: { rows: number; bytes: number }; procedures: { rows: number; bytes: number } }> {
      return {
        plans: { rows: plans.rows, bytes: await plans.close() },
        procedures: { rows: procedures.rows, bytes: await procedures.close() },
      };
    },
  };
}
