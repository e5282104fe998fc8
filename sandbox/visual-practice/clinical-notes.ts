import type { Rng } from "./prng.js";
import { CsvWriter } from "./csv-writer.js";
import type { Dirt } from "./manifest.js";
import { DAY, minuteText, officeMinute } from "./minutes.js";
import { appointmentsNow, type WrittenAppointment } from "./appointments.js";
import { patientId, type WrittenPatient } from "./patients.js";
import type { Provider } from "./providers.js";
import { spread } from "./spread.js";
import { longNoteBody, noteBody, type NoteFormat } from "./note-text.js";
import { noteTitles } from "./word-lists.js";

export const clinicalNoteColumns = [
  "NoteID", "PatientID", "ApptID", "AuthorProviderID", "NoteTitle", "NoteText", "NoteFormat", "WrittenDate", "LastModified",
  "NoteEncoding",
] as const;

type Column = (typeof clinicalNoteColumns)[number];
const at = (column: Column): number => clinicalNoteColumns.indexOf(column);

/** Dataverse's maximum length of annotation.notetext: every planted long note is longer. */
export const noteTextLimit = 100_000;
const longNoteMax = 250_000;

export function noteId(index: number): string {
  return `N${String(index + 1).padStart(8, "0")}`;
}

function pickFormat(rng: Rng): NoteFormat {
  const roll = rng.next();
  return roll < 0.7 ? "Plain" : roll < 0.85 ? "RTF" : "HTML";
}

/**
 * clinical_notes.csv (LF, no BOM): 0-3 notes per patient (~1.05 on average), written as each
 * patient is, after their appointments, so the file streams. ~70% of notes belong to one of the
 * patient's past visits (ApptID set, written within three days after it by the visit's provider);
 * the rest are stand-alone (ApptID blank). WrittenDate ≤ LastModified ≤ appointmentsNow.
 * Patients whose own row is a planted malformed row get no notes.
 *
 * Dirt, recorded in `dirt`: a `long-note` of 100,001-250,000 characters for about one patient in
 * 700 (at least one from 50 patients on), ~0.4% `dangling-reference` on PatientID (ApptID then
 * blank), ~0.4% `empty-note` (NoteTitle and NoteText blank), and ~2% of the other notes stored
 * encrypted and exported base64 (NoteEncoding = Base64: `base64-note`), drawn from `encodedRng`
 * so the other values are the same with or without them.
 */
export function writeClinicalNotes(rng: Rng, path: string, patientCount: number, providers: readonly Provider[], dirt: Dirt[], encodedRng: Rng) {
  const writer = new CsvWriter(path, clinicalNoteColumns, { eol: "\n" });
  const clinical = providers.filter((p) => p.clinical);
  const authors = clinical.length > 0 ? clinical : providers;
  const longAt = spread(rng, patientCount, 700);
  const table = "clinical_notes";
  let index = 0;
  let next = 0;
  // A long note planned for a malformed patient waits for the next patient who gets notes.
  let pendingLong = 0;
  let lastWritten: WrittenPatient | undefined;

  async function writeLongNote(patient: WrittenPatient): Promise<void> {
    const key = noteId(next++);
    const length = rng.int(noteTextLimit + 1, longNoteMax);
    const written = officeMinute(rng, patient.created);
    const row = await writer.write([
      key, patient.key, "", rng.pick(authors).id, "Chart History (imported)", longNoteBody(rng, length), "Plain",
      minuteText(written), minuteText(written), "",
    ]);
    dirt.push({ kind: "long-note", table, key, row, column: "NoteText", length });
  }

  return {
    /** Writes the patient's notes; `appointments` are the patient's own, from the appointments writer. */
    async write(patient: WrittenPatient, appointments: readonly WrittenAppointment[]): Promise<void> {
      if (longAt.has(index++)) pendingLong += 1;
      if (patient.malformed) return;
      lastWritten = patient;
      const roll = rng.next();
      const count = roll < 0.35 ? 0 : roll < 0.7 ? 1 : roll < 0.9 ? 2 : 3;
      const past = appointments.filter((a) => a.start < appointmentsNow);
      const notes: { appointment: WrittenAppointment | undefined; written: number }[] = [];
      for (let k = 0; k < count; k += 1) {
        const appointment = past.length > 0 && rng.chance(0.7) ? rng.pick(past) : undefined;
        const written = appointment ? Math.min(appointmentsNow, appointment.end + rng.int(5, 3 * DAY)) : officeMinute(rng, patient.created);
        notes.push({ appointment, written });
      }
      notes.sort((a, b) => a.written - b.written);

      for (const { appointment, written } of notes) {
        const format = pickFormat(rng);
        const modified = rng.chance(0.6) ? written : Math.min(appointmentsNow, written + rng.int(1, 45 * DAY));
        const key = noteId(next++);
        const fields: string[] = [
          key,
          patient.key,
          appointment?.key ?? "",
          appointment?.providerId ?? rng.pick(authors).id,
          rng.pick(noteTitles),
          noteBody(rng, format),
          format,
          minuteText(written),
          minuteText(modified),
          "",
        ];

        let planted: ((row: number) => Dirt) | undefined;
        const dirtRoll = rng.next();
        if (dirtRoll < 0.004) {
          // A note left behind when its patient was purged.
          const value = patientId(patientCount + rng.int(0, 999));
          fields[at("PatientID")] = value;
          fields[at("ApptID")] = "";
          planted = (row) => ({ kind: "dangling-reference", table, key, row, column: "PatientID", value });
        } else if (dirtRoll < 0.008) {
          // Opened and saved without typing anything.
          fields[at("NoteTitle")] = "";
          fields[at("NoteText")] = "";
          planted = (row) => ({ kind: "empty-note", table, key, row });
        } else if (encodedRng.chance(0.02)) {
          fields[at("NoteText")] = Buffer.from(fields[at("NoteText")] ?? "", "utf8").toString("base64");
          fields[at("NoteEncoding")] = "Base64";
          planted = (row) => ({ kind: "base64-note", table, key, row, column: "NoteText", flagColumn: "NoteEncoding" });
        }
        const row = await writer.write(fields);
        if (planted) dirt.push(planted(row));
      }
      for (; pendingLong > 0; pendingLong -= 1) await writeLongNote(patient);
    },
    async close(): Promise<{ rows: number; bytes: number }> {
      if (lastWritten) for (; pendingLong > 0; pendingLong -= 1) await writeLongNote(lastWritten);
      const bytes = await writer.close();
      return { rows: writer.rows, bytes };
    },
  };
}
