import type { Rng } from "../visual-practice/prng.js";
import { spread } from "../visual-practice/spread.js";
import { longNoteBody } from "../visual-practice/note-text.js";
import type { Dirt } from "./manifest.js";
import { TableWriter } from "./table-writer.js";
import { cpTimestamp, DAY, exportNow, officeMinute, yesNo } from "./formats.js";
import type { WrittenAppointment } from "./appointments.js";
import { patientId, type WrittenPatient } from "./patients.js";
import { providerId } from "./providers.js";
import { dentalSentences, noteTypes } from "./word-lists.js";

export const chartNoteColumns = ["note_id", "pat_id", "appt_id", "prov_id", "note_type", "note_txt", "is_b64", "entered_ts", "modified_ts"] as const;

type Column = (typeof chartNoteColumns)[number];
const at = (column: Column): number => chartNoteColumns.indexOf(column);
const table = "chart_notes";

/** The brief's note-body limit: every planted long note is longer. */
export const noteLengthLimit = 32_768;

function body(rng: Rng): string {
  const sentences = Array.from({ length: rng.int(2, 5) }, () => rng.pick(dentalSentences));
  return sentences.join(rng.chance(0.2) ? "\r\n" : " ");
}

/**
 * chart_notes.csv (UTF-8, LF): a note for ~60% of completed visits (by the visit's provider,
 * within two days) and sometimes a stand-alone one. Bodies may hold CRLF line breaks inside
 * quotes. Some bodies are stored base64-encoded, with is_b64 = Yes.
 *
 * Dirt: a long-note of 32,769-80,000 characters for about one patient in 700 (at least one from
 * 50 patients on), ~2% base64-note, ~0.4% orphan-row (pat_id of no patient, appt_id blank),
 * ~0.3% unknown-provider.
 */
export function writeChartNotes(rng: Rng, path: string, patientCount: number, providerCount: number, dirt: Dirt[]) {
  const writer = new TableWriter(path, chartNoteColumns, { delimiter: ",", eol: "\n" });
  const longAt = spread(rng, patientCount, 700);
  let patients = 0;
  let pendingLong = 0;
  let next = 0;

  return {
    async write(patient: WrittenPatient, appointments: readonly WrittenAppointment[]): Promise<void> {
      if (longAt.has(patients++)) pendingLong += 1;
      if (patient.malformed) return;
      const notes: { appointment: WrittenAppointment | undefined; written: number }[] = [];
      for (const appointment of appointments) {
        if (appointment.completed && rng.chance(0.6)) notes.push({ appointment, written: Math.min(exportNow, appointment.start + rng.int(30, 2 * DAY)) });
      }
      // Stand-alone notes: sometimes one, and one for each long note due (the first ones carry them).
      const standAlone = (rng.chance(0.2) ? 1 : 0) + pendingLong;
      for (let k = 0; k < standAlone; k += 1) notes.push({ appointment: undefined, written: officeMinute(rng, patient.created) });

      for (const { appointment, written } of notes) {
        const key = String(5_000_001 + next++);
        const fields: string[] = [
          key,
          patient.key,
          appointment?.key ?? "",
          appointment?.providerId ?? patient.providerId,
          appointment ? rng.pick(noteTypes.slice(0, 2)) : rng.pick(noteTypes),
          body(rng),
          "No",
          cpTimestamp(written, rng.int(0, 59)),
          cpTimestamp(rng.chance(0.7) ? written : Math.min(exportNow, written + rng.int(1, 20 * DAY)), rng.int(0, 59)),
        ];
        const set = (column: Column, value: string) => (fields[at(column)] = value);
        let planted: ((row: number) => Dirt) | undefined;
        const roll = rng.next();
        if (!appointment && pendingLong > 0) {
          pendingLong -= 1;
          const length = rng.int(noteLengthLimit + 1, 80_000);
          set("note_type", "Medical Hx");
          set("note_txt", longNoteBody(rng, length));
          planted = (row) => ({ kind: "long-note", table, key, row, column: "note_txt", length });
        } else if (roll < 0.02) {
          set("note_txt", Buffer.from(fields[at("note_txt")] ?? "", "utf8").toString("base64"));
          set("is_b64", yesNo(true));
          planted = (row) => ({ kind: "base64-note", table, key, row, column: "note_txt", flagColumn: "is_b64" });
        } else if (roll < 0.024) {
          const value = patientId(patientCount + rng.int(0, 999));
          set("pat_id", value);
          set("appt_id", "");
          planted = (row) => ({ kind: "orphan-row", table, key, row, column: "pat_id", value });
        } else if (roll < 0.027) {
          const value = providerId(providerCount + rng.int(0, 99));
          set("prov_id", value);
          planted = (row) => ({ kind: "unknown-provider", table, key, row, column: "prov_id", value });
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
