import type { Rng } from "../visual-practice/prng.js";
import { today } from "../visual-practice/formats.js";
import { spread } from "../visual-practice/spread.js";
import type { Dirt } from "./manifest.js";
import { TableWriter } from "./table-writer.js";
import { cpTimestamp, DAY, exportNow, weekday, yesNo } from "./formats.js";
import { patientId, type WrittenPatient } from "./patients.js";
import { providerId, type Provider } from "./providers.js";
import { appointmentNotes, appointmentTypes, operatories } from "./word-lists.js";

export const appointmentColumns = [
  "appt_id", "pat_id", "prov_id", "office_id", "chair", "appt_start_ts", "length_min", "appt_type", "status",
  "confirmed_yn", "note", "created_ts", "modified_ts",
] as const;

type Column = (typeof appointmentColumns)[number];
const at = (column: Column): number => appointmentColumns.indexOf(column);
const table = "appointments";

/** Local times US clocks skipped (spring forward) or ran twice (fall back): unreadable without a zone. */
export const ambiguousLocalTimes = ["2024-03-10 02:30:00", "2024-11-03 01:30:00", "2023-11-05 01:15:00", "2025-03-09 02:05:00"] as const;
const badStarts = ["0000-00-00 00:00:00", "2024-02-30 09:00:00", "2023-13-01 10:00:00", "TBD", "2024-06-11 25:00:00"] as const;

export function appointmentId(index: number): string {
  return String(7_000_001 + index);
}

/** One of the patient's own appointments, for the notes and procedures written after it. */
export interface WrittenAppointment {
  readonly key: string;
  /** Minutes since 1970-01-01 00:00, the real start even when the row's text is dirt. */
  readonly start: number;
  readonly providerId: string;
  readonly past: boolean;
  /** Status Complete: the visit happened, so procedures were done at it. */
  readonly completed: boolean;
}

/**
 * appointments.csv (UTF-8, LF): 0-5 past visits per patient and a 30% chance of one upcoming,
 * each in a chair (OP1…, HYG1…). Past ones are Complete, Broken or Canceled; upcoming Sched or
 * Conf. Times are office-local with no zone.
 *
 * Dirt: ~0.4% orphan-row (pat_id of no patient), ~1% unknown-provider, ~3% of upcoming visits
 * booked with a provider who left (inactive-provider), ~0.5% bad-date in appt_start_ts, and
 * about one modified_ts per 500 patients at a local time that was skipped or ran twice.
 */
export function writeAppointments(rng: Rng, path: string, patientCount: number, providers: readonly Provider[], dirt: Dirt[]) {
  const writer = new TableWriter(path, appointmentColumns, { delimiter: ",", eol: "\n" });
  const clinical = providers.filter((p) => p.clinical && p.active);
  const inactive = providers.filter((p) => p.clinical && !p.active);
  const ambiguousAt = spread(rng, patientCount, 500);
  let patients = 0;
  let next = 0;
  // Planned for a patient whose row is malformed (no appointments): goes to the next patient.
  let pendingAmbiguous = false;

  return {
    async write(patient: WrittenPatient): Promise<readonly WrittenAppointment[]> {
      pendingAmbiguous ||= ambiguousAt.has(patients++);
      if (patient.malformed) return [];
      const ambiguous = pendingAmbiguous;
      pendingAmbiguous = false;
      const starts: number[] = [];
      const past = rng.chance(0.05) ? 0 : rng.int(1, 5);
      for (let k = 0; k < past; k += 1) starts.push(weekday(rng.int(patient.created, today - 1)) * DAY + 7 * 60 + 15 * rng.int(0, 40));
      if (rng.chance(0.3) || (ambiguous && past === 0)) starts.push(weekday(rng.int(today + 1, today + 120)) * DAY + 7 * 60 + 15 * rng.int(0, 40));
      starts.sort((a, b) => a - b);
      const own: WrittenAppointment[] = [];

      for (const [k, start] of starts.entries()) {
        const isPast = start < exportNow;
        const type = rng.pick(appointmentTypes);
        const length = rng.pick(type.minutes);
        const provider = rng.chance(0.7) ? patient.providerId : rng.pick(clinical.length > 0 ? clinical : providers).id;
        const roll = rng.next();
        const status = isPast ? (roll < 0.85 ? "Complete" : roll < 0.93 ? "Broken" : "Canceled") : roll < 0.4 ? "Conf" : "Sched";
        const booked = Math.min(start, Math.max(patient.created * DAY + 480, start - rng.int(1, 90) * DAY));
        const modified = isPast ? Math.min(exportNow, start + length + rng.int(0, 2 * DAY)) : booked + rng.int(0, Math.max(0, exportNow - booked));
        const key = appointmentId(next++);
        const fields: string[] = [
          key,
          patient.key,
          provider,
          patient.officeId,
          type.hygiene ? rng.pick(operatories.slice(4)) : rng.pick(operatories.slice(0, 4)),
          cpTimestamp(start),
          String(length),
          type.type,
          status,
          yesNo(status === "Conf" || (isPast && rng.chance(0.9))),
          rng.chance(0.25) ? rng.pick(appointmentNotes) : "",
          cpTimestamp(booked, rng.int(0, 59)),
          cpTimestamp(Math.max(booked, modified), rng.int(0, 59)),
        ];

        let planted: ((row: number) => Dirt) | undefined;
        const set = (column: Column, value: string) => (fields[at(column)] = value);
        const dirtRoll = rng.next();
        if (ambiguous && k === starts.length - 1) {
          const value = rng.pick(ambiguousLocalTimes);
          set("modified_ts", value);
          planted = (row) => ({ kind: "ambiguous-local-time", table, key, row, column: "modified_ts", value });
        } else if (dirtRoll < 0.004) {
          // A patient purged (or archived away) whose appointments stayed behind.
          const value = patientId(patientCount + rng.int(0, 999));
          set("pat_id", value);
          planted = (row) => ({ kind: "orphan-row", table, key, row, column: "pat_id", value });
        } else if (dirtRoll < 0.014) {
          const value = providerId(providers.length + rng.int(0, 99));
          set("prov_id", value);
          planted = (row) => ({ kind: "unknown-provider", table, key, row, column: "prov_id", value });
        } else if (dirtRoll < 0.019) {
          set("appt_start_ts", rng.pick(badStarts));
          planted = (row) => ({ kind: "bad-date", table, key, row, column: "appt_start_ts" });
        } else if (!isPast && dirtRoll < 0.05 && inactive.length > 0) {
          const value = rng.pick(inactive).id;
          set("prov_id", value);
          planted = (row) => ({ kind: "inactive-provider", table, key, row, column: "prov_id", value });
        }

        const row = await writer.write(fields);
        if (planted) dirt.push(planted(row));
        if (fields[at("pat_id")] === patient.key) own.push({ key, start, providerId: provider, past: isPast, completed: status === "Complete" });
      }
      return own;
    },
    async close(): Promise<{ rows: number; bytes: number }> {
      return { rows: writer.rows, bytes: await writer.close() };
    },
  };
}
