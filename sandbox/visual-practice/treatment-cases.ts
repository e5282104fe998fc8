import type { Rng } from "./prng.js";
import { CsvWriter } from "./csv-writer.js";
import type { Dirt } from "./manifest.js";
import { badAmount, badCode, decimal, isoDate, today, usDate } from "./formats.js";
import { DAY, minuteText } from "./minutes.js";
import { appointmentsNow } from "./appointments.js";
import type { Practice } from "./practices.js";
import { providerId, type Provider } from "./providers.js";
import type { WrittenPatient } from "./patients.js";
import { pickWeighted } from "./weighted.js";
import { caseTemplates } from "./care-lists.js";

export const treatmentCaseColumns = [
  "CaseID", "PatientID", "PracticeID", "ProviderID", "CaseTitle", "CaseStage", "CaseOutcome", "ProcedureCodes", "EstimatedValue",
  "InsuranceEstimate", "OpenedDate", "ClosedDate", "LastModified", "Custom_FinancingPlan",
] as const;

export const treatmentProcedureColumns = [
  "ProcedureID", "CaseID", "PatientID", "ProcCode", "CodeType", "ProcDescription", "ToothNum", "SurfaceQuad", "Fee",
  "CoverageEstimate", "ProcStatus", "PerformedDate", "ProviderID", "LastModified",
] as const;

type CaseColumn = (typeof treatmentCaseColumns)[number];
type ProcedureColumn = (typeof treatmentProcedureColumns)[number];
const caseAt = (column: CaseColumn): number => treatmentCaseColumns.indexOf(column);
const procAt = (column: ProcedureColumn): number => treatmentProcedureColumns.indexOf(column);

export const caseId = (index: number): string => `TC${String(index + 1).padStart(6, "0")}`;
const procedureId = (index: number): string => `PX${String(index + 1).padStart(7, "0")}`;

/** A case as the invoices see it: billed visits after it opened may point at it. */
export interface WrittenCase {
  readonly key: string;
  readonly opened: number;
  readonly outcome: string;
}

type Outcome = "Open" | "Accepted" | "Completed" | "Declined";

const outcomes: readonly { readonly outcome: Outcome; readonly weight: number; readonly stages: readonly string[] }[] = [
  { outcome: "Open", weight: 35, stages: ["Consultation", "Treatment Planned", "Presented"] },
  { outcome: "Accepted", weight: 20, stages: ["Accepted", "In Treatment"] },
  { outcome: "Completed", weight: 30, stages: ["Completed"] },
  { outcome: "Declined", weight: 15, stages: ["Declined"] },
];

/** A procedure's status follows its case: done in a completed case, some done in an accepted one. */
function procedureStatus(rng: Rng, outcome: Outcome): string {
  if (outcome === "Completed") return "Completed";
  if (outcome === "Accepted") return rng.chance(0.5) ? "Completed" : "Scheduled";
  return outcome === "Open" ? "Planned" : "Declined";
}

/**
 * treatment_cases.csv and treatment_procedures.csv (LF): Visual Practice's case — a deal and a
 * project at once — for ~33% of patients (some have two), opened at one of their practices by a
 * licensed provider, with its procedures (CDT for dental work, CPT for medical), fees and the
 * insurance estimate. ProcedureCodes repeats the case's codes `;`-separated (multi-select); money
 * is a plain decimal ("1250.00"). Patients whose own row is malformed get none.
 *
 * Dirt in cases: ~1% bad-amount in EstimatedValue, ~1% ISO OpenedDate (alt-date-format), ~0.5%
 * ProviderID of no provider (dangling-reference), ~4% of open cases with a provider who left
 * (inactive-provider). In procedures: ~1% CaseID of no case (dangling-reference: orphaned rows),
 * ~1% bad-code in ProcCode, ~0.5% bad-amount in Fee.
 */
export function writeTreatmentCases(
  rng: Rng,
  paths: { readonly cases: string; readonly procedures: string },
  practices: readonly Practice[],
  providers: readonly Provider[],
  dirt: Dirt[],
) {
  const cases = new CsvWriter(paths.cases, treatmentCaseColumns, { eol: "\n" });
  const procedures = new CsvWriter(paths.procedures, treatmentProcedureColumns, { eol: "\n" });
  const clinical = providers.filter((p) => p.clinical);
  const licensed = clinical.length > 0 ? clinical : providers;
  const active = licensed.filter((p) => p.active);
  const inactive = licensed.filter((p) => !p.active);
  let nextCase = 0;
  let nextProcedure = 0;

  async function writeProcedures(patient: WrittenPatient, key: string, written: { outcome: Outcome; opened: number; closed: number | undefined; provider: string; tooth: string; codes: (typeof caseTemplates)[number]["procedures"]; coverage: number }): Promise<void> {
    for (const code of written.codes) {
      const procKey = procedureId(nextProcedure++);
      const fee = code.feeCents + rng.pick([0, 0, 0, 500, -500]);
      const status = procedureStatus(rng, written.outcome);
      const performed = status === "Completed" ? Math.min(written.closed ?? today, written.opened + rng.int(1, 60), today) : undefined;
      const modified = Math.min(appointmentsNow, (performed ?? written.opened) * DAY + rng.int(8 * 60, 18 * 60));
      const fields: string[] = [
        procKey, key, patient.key, code.code, code.type, code.description, code.tooth ? written.tooth : "",
        code.code === "D4341" ? rng.pick(["UR", "UL", "LL", "LR"]) : "", decimal(fee), decimal(Math.round(fee * written.coverage)), status,
        performed !== undefined ? usDate(performed) : "", written.provider, minuteText(modified),
      ];
      const table = "treatment_procedures";
      let planted: ((row: number) => Dirt) | undefined;
      const roll = rng.next();
      if (roll < 0.01) {
        // A case deleted in Visual Practice whose procedure rows stayed behind.
        const value = caseId(1_000_000 + rng.int(0, 99_999));
        fields[procAt("CaseID")] = value;
        planted = (row) => ({ kind: "dangling-reference", table, key: procKey, row, column: "CaseID", value });
      } else if (roll < 0.02) {
        const value = badCode(rng, code.code);
        fields[procAt("ProcCode")] = value;
        planted = (row) => ({ kind: "bad-code", table, key: procKey, row, column: "ProcCode", value });
      } else if (roll < 0.025) {
        const value = badAmount(rng, fee);
        fields[procAt("Fee")] = value;
        planted = (row) => ({ kind: "bad-amount", table, key: procKey, row, column: "Fee", value });
      }
      const row = await procedures.write(fields);
      if (planted) dirt.push(planted(row));
    }
  }

  return {
    /** Writes the patient's cases and their procedures; returns the cases. */
    async write(patient: WrittenPatient): Promise<readonly WrittenCase[]> {
      if (patient.malformed) return [];
      const roll = rng.next();
      const count = roll < 0.28 ? 1 : roll < 0.33 ? 2 : 0;
      const out: WrittenCase[] = [];
      for (let k = 0; k < count; k += 1) {
        const key = caseId(nextCase++);
        const template = pickWeighted(rng, caseTemplates);
        const { outcome, stages } = pickWeighted(rng, outcomes);
        const practice = patient.practiceIds.length > 0 ? rng.pick(patient.practiceIds) : rng.pick(practices).id;
        const live = outcome === "Open" || outcome === "Accepted";
        const pool = live && active.length > 0 ? active : licensed;
        const here = pool.filter((p) => p.homePracticeId === practice);
        const provider = rng.pick(here.length > 0 ? here : pool).id;
        const opened = rng.int(Math.min(patient.created, today - 30), today - 1);
        const closed = outcome === "Completed" || outcome === "Declined" ? Math.min(today, opened + rng.int(7, 180)) : undefined;
        const tooth = template.procedures.some((p) => p.tooth) ? String(rng.int(1, 32)) : "";
        const total = template.procedures.reduce((sum, p) => sum + p.feeCents, 0);
        const coverage = rng.pick([0, 0.5, 0.6, 0.8]);
        const fields: string[] = [
          key, patient.key, practice, provider, tooth ? `${template.title} #${tooth}` : template.title, rng.pick(stages), outcome,
          template.procedures.map((p) => p.code).join(";"), decimal(total), decimal(Math.round(total * coverage)), usDate(opened),
          closed !== undefined ? usDate(closed) : "", minuteText(Math.min(appointmentsNow, (closed ?? opened + rng.int(0, 30)) * DAY + rng.int(8 * 60, 18 * 60))),
          rng.pick(["", "", "", "CareCredit 12 mo", "In-house 6 mo", "None"]),
        ];
        const table = "treatment_cases";
        let planted: ((row: number) => Dirt) | undefined;
        const dirtRoll = rng.next();
        if (dirtRoll < 0.01) {
          const value = badAmount(rng, total);
          fields[caseAt("EstimatedValue")] = value;
          planted = (row) => ({ kind: "bad-amount", table, key, row, column: "EstimatedValue", value });
        } else if (dirtRoll < 0.02) {
          fields[caseAt("OpenedDate")] = isoDate(opened);
          planted = (row) => ({ kind: "alt-date-format", table, key, row, column: "OpenedDate" });
        } else if (dirtRoll < 0.025) {
          const value = providerId(providers.length + rng.int(0, 49));
          fields[caseAt("ProviderID")] = value;
          planted = (row) => ({ kind: "dangling-reference", table, key, row, column: "ProviderID", value });
        } else if (dirtRoll < 0.065 && live && inactive.length > 0) {
          // A case still open under a provider who has since left the practice.
          const value = rng.pick(inactive).id;
          fields[caseAt("ProviderID")] = value;
          planted = (row) => ({ kind: "inactive-provider", table, key, row, column: "ProviderID", value });
        }
        const row = await cases.write(fields);
        if (planted) dirt.push(planted(row));
        await writeProcedures(patient, key, { outcome, opened, closed, provider, tooth, codes: template.procedures, coverage });
        out.push({ key, opened, outcome });
      }
      return out;
    },
    async close(): Promise<{ cases: { rows: number; bytes: number }; procedures: { rows: number; bytes: number } }> {
      return {
        cases: { rows: cases.rows, bytes: await cases.close() },
        procedures: { rows: procedures.rows, bytes: await procedures.close() },
      };
    },
  };
}
