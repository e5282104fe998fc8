import type { Rng } from "./prng.js";
import { CsvWriter } from "./csv-writer.js";
import type { Dirt } from "./manifest.js";
import { today, usDate, usTimestamp } from "./formats.js";
import type { Practice } from "./practices.js";
import { providerId, type Provider } from "./providers.js";
import { patientId, type WrittenPatient } from "./patients.js";
import { appointmentNotes, appointmentTypes, badTimestamps, cancelledNotes, noShowNotes } from "./word-lists.js";

export const appointmentColumns = [
  "ApptID", "PatientID", "ProviderID", "PracticeID", "ApptStart", "ApptEnd", "DurationMin", "ApptType", "ApptStatus",
  "Reason", "ApptNotes", "PaymentStatus", "CreatedDate", "LastModified",
] as const;

type Column = (typeof appointmentColumns)[number];
const at = (column: Column): number => appointmentColumns.indexOf(column);

const DAY = 1440;

/**
 * The export's "now", in minutes since 1970-01-01 00:00: noon on the sandbox's fixed today
 * (2025-06-30), so no clock changes the output. Appointments starting before it are past
 * (Completed, Cancelled or No-Show), the rest upcoming (Scheduled or Confirmed); no CreatedDate or
 * LastModified is later than it.
 */
export const appointmentsNow = today * DAY + 12 * 60;

export function appointmentId(index: number): string {
  return `A${String(index + 1).padStart(8, "0")}`;
}

/** One of a patient's own appointments, handed to the clinical notes written for the same patient. */
export interface WrittenAppointment {
  readonly key: string;
  /** Minutes since 1970-01-01 00:00: the real times, even when the row's text is planted dirt. */
  readonly start: number;
  readonly end: number;
  /** The provider picked for the visit (a real one, even when the row's ProviderID is dirt). */
  readonly providerId: string;
  readonly practiceId: string;
  /** ApptType and ApptStatus as written ("Cleaning", "Completed"…), and PaymentStatus (maybe blank). */
  readonly type: string;
  readonly status: string;
  readonly paymentStatus: string;
}

const minuteText = (minute: number): string => usTimestamp(Math.floor(minute / DAY), minute % DAY);

/** Saturday and Sunday move to the Monday after: practices see patients on weekdays. */
function weekday(day: number): number {
  const dow = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return dow === 6 ? day + 2 : dow === 0 ? day + 1 : day;
}

function pickType(rng: Rng): (typeof appointmentTypes)[number] {
  const total = appointmentTypes.reduce((sum, t) => sum + t.weight, 0);
  let roll = rng.next() * total;
  for (const type of appointmentTypes) {
    roll -= type.weight;
    if (roll < 0) return type;
  }
  return appointmentTypes[0];
}

type Status = "Completed" | "Cancelled" | "No-Show" | "Scheduled" | "Confirmed";

function paymentFor(rng: Rng, status: Status): string {
  const roll = rng.next();
  switch (status) {
    case "Completed":
      return roll < 0.8 ? "Paid" : roll < 0.92 ? "Pending" : roll < 0.96 ? "Failed" : "";
    case "No-Show":
      return roll < 0.3 ? "Pending" : roll < 0.4 ? "Failed" : "";
    case "Cancelled":
      return "";
    default:
      return roll < 0.15 ? "Pending" : "";
  }
}

function noteFor(rng: Rng, status: Status): string {
  if (status === "Cancelled" && rng.chance(0.6)) return rng.pick(cancelledNotes);
  if (status === "No-Show" && rng.chance(0.6)) return rng.pick(noShowNotes);
  return rng.chance(0.45) ? rng.pick(appointmentNotes) : "";
}

/** An ApptStart no reader can parse, sometimes built from the real one (month 13, hour 25). */
function badStart(rng: Rng, start: number): string {
  const text = minuteText(start);
  const roll = rng.next();
  if (roll < 0.25) return `13${text.slice(2)}`;
  if (roll < 0.5) return `${usDate(Math.floor(start / DAY))} 25:${text.slice(-2)}`;
  return rng.pick(badTimestamps);
}

/**
 * appointments.csv (LF, no BOM): ~3.1 appointments per patient, written as each patient is, so
 * the file streams. Past visits fall between the patient's CreatedDate and "now" (mostly
 * Completed, some Cancelled/No-Show), about 30% of patients have one upcoming visit in the
 * next four months (Scheduled/Confirmed). The practice is one of the patient's linked practices
 * (any practice without one), the provider a licensed one whose HomePracticeID is that practice
 * when there is one (an active one for upcoming visits).
 *
 * Dirt, recorded in `dirt`: ~1% ApptEnd before ApptStart, ~1% ProviderID not in providers.csv,
 * ~1% unparseable ApptStart, ~0.5% a PatientID not in patients.csv, ~0.2% blank ProviderID.
 * Patients whose own row is a planted malformed row get no appointments, so the only appointments
 * pointing at no patient are the planted ones.
 */
export function writeAppointments(
  rng: Rng,
  path: string,
  patientCount: number,
  practices: readonly Practice[],
  providers: readonly Provider[],
  dirt: Dirt[],
) {
  const writer = new CsvWriter(path, appointmentColumns, { eol: "\n" });
  const clinical = providers.filter((p) => p.clinical);
  const anyone = clinical.length > 0 ? clinical : providers;
  const pool = (practice: string, upcoming: boolean): readonly Provider[] => {
    const eligible = (p: Provider) => !upcoming || p.active;
    const here = anyone.filter((p) => p.homePracticeId === practice && eligible(p));
    if (here.length > 0) return here;
    const elsewhere = anyone.filter(eligible);
    return elsewhere.length > 0 ? elsewhere : anyone;
  };
  let next = 0;

  return {
    /** Writes the patient's appointments; returns those whose PatientID is the patient's. */
    async write(patient: WrittenPatient): Promise<readonly WrittenAppointment[]> {
      if (patient.malformed) return [];
      const own: WrittenAppointment[] = [];
      const roll = rng.next();
      const past = roll < 0.05 ? 0 : rng.int(1, 5);
      const upcoming = rng.chance(0.3) ? 1 : 0;
      const starts: number[] = [];
      for (let k = 0; k < past; k += 1) starts.push(weekday(rng.int(patient.created, today - 1)) * DAY + 8 * 60 + 15 * rng.int(0, 35));
      for (let k = 0; k < upcoming; k += 1) starts.push(weekday(rng.int(today + 1, today + 120)) * DAY + 8 * 60 + 15 * rng.int(0, 35));
      starts.sort((a, b) => a - b);

      for (const start of starts) {
        const isPast = start < appointmentsNow;
        const type = pickType(rng);
        const duration = rng.pick(type.minutes);
        const practice = patient.practiceIds.length > 0 ? rng.pick(patient.practiceIds) : rng.pick(practices).id;
        const provider = rng.pick(pool(practice, !isPast)).id;
        const statusRoll = rng.next();
        const status: Status = isPast
          ? statusRoll < 0.85 ? "Completed" : statusRoll < 0.94 ? "Cancelled" : "No-Show"
          : statusRoll < (start - appointmentsNow < 7 * DAY ? 0.7 : 0.3) ? "Confirmed" : "Scheduled";
        // Booked during office hours: past visits 1-90 days ahead (not before the patient existed),
        // upcoming ones in the last two months.
        const startDay = Math.floor(start / DAY);
        const bookedDay = isPast ? Math.max(patient.created, startDay - rng.int(1, 90)) : today - rng.int(1, 60);
        const booked = Math.min(bookedDay * DAY + rng.int(7 * 60, 19 * 60), start);
        const modified =
          status === "Cancelled" ? booked + rng.int(0, start - booked)
          : isPast ? Math.max(booked, Math.min(appointmentsNow - rng.int(1, 120), start + duration + rng.int(0, 2 * DAY)))
          : booked + rng.int(0, appointmentsNow - booked);
        const key = appointmentId(next++);
        const fields: string[] = [
          key,
          patient.key,
          provider,
          practice,
          minuteText(start),
          minuteText(start + duration),
          String(duration),
          type.type,
          status,
          rng.chance(0.9) ? rng.pick(type.reasons) : "",
          noteFor(rng, status),
          paymentFor(rng, status),
          minuteText(booked),
          minuteText(modified),
        ];

        const table = "appointments";
        let planted: ((row: number) => Dirt) | undefined;
        const dirtRoll = rng.next();
        if (dirtRoll < 0.01) {
          // Typed as AM instead of PM, or simply before the start.
          fields[at("ApptEnd")] = minuteText(rng.chance(0.5) ? start + duration - 12 * 60 : start - rng.pick([15, 30, 60]));
          planted = (row) => ({ kind: "end-before-start", table, key, row, column: "ApptEnd" });
        } else if (dirtRoll < 0.02) {
          const value = providerId(providers.length + rng.int(0, 49));
          fields[at("ProviderID")] = value;
          planted = (row) => ({ kind: "dangling-reference", table, key, row, column: "ProviderID", value });
        } else if (dirtRoll < 0.03) {
          fields[at("ApptStart")] = badStart(rng, start);
          planted = (row) => ({ kind: "bad-date", table, key, row, column: "ApptStart" });
        } else if (dirtRoll < 0.035) {
          // A patient purged from Visual Practice whose appointments stayed behind.
          const value = patientId(patientCount + rng.int(0, 999));
          fields[at("PatientID")] = value;
          planted = (row) => ({ kind: "dangling-reference", table, key, row, column: "PatientID", value });
        } else if (dirtRoll < 0.037) {
          fields[at("ProviderID")] = "";
          planted = (row) => ({ kind: "no-provider", table, key, row, column: "ProviderID" });
        }

        const row = await writer.write(fields);
        if (planted) dirt.push(planted(row));
        if (fields[at("PatientID")] === patient.key) own.push({
          key, start, end: start + duration, providerId: provider, practiceId: practice, type: type.type, status, paymentStatus: fields[at("PaymentStatus")] ?? "",
        });
      }
      return own;
    },
    async close(): Promise<{ rows: number; bytes: number }> {
      const bytes = await writer.close();
      return { rows: writer.rows, bytes };
    },
  };
}
