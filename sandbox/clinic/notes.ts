import type { Rng } from "../visual-practice/prng.js";
import { spread } from "../visual-practice/spread.js";
import { longNoteBody } from "../visual-practice/note-text.js";
import { TableWriter } from "../core-practice/table-writer.js";
import { DAY, exportNow, officeMinute } from "../core-practice/formats.js";
import { noteLengthLimit } from "../core-practice/chart-notes.js";
import type { Dirt } from "./manifest.js";
import { auTimestamp } from "./formats.js";
import type { WrittenBooking } from "./bookings.js";
import { clientId, type WrittenClient } from "./clients.js";
import { clinicSentences, noteTypes } from "./word-lists.js";

export const noteColumns = ["Note ID", "Client ID", "Booking ID", "Author ID", "Date", "Type", "Note", "Encoding", "Locked"] as const;

type Column = (typeof noteColumns)[number];
const at = (column: Column): number => noteColumns.indexOf(column);
const table = "notes";

/**
 * Notes.csv (UTF-8, LF): a SOAP or treatment note for ~70% of completed bookings, by its
 * practitioner, and sometimes a stand-alone one. Bodies often span lines.
 *
 * Dirt: a long-note of 32,769-80,000 characters about once per 700 clients (at least one from
 * 50 on), ~2% base64-note (Encoding = base64), ~0.4% orphan-row (Client ID of no client).
 */
export function writeNotes(rng: Rng, path: string, clientCount: number, dirt: Dirt[]) {
  const writer = new TableWriter(path, noteColumns, { delimiter: ",", eol: "\n" });
  const longAt = spread(rng, clientCount, 700);
  let clients = 0;
  let pendingLong = 0;
  let next = 0;

  return {
    async write(client: WrittenClient, bookings: readonly WrittenBooking[]): Promise<void> {
      if (longAt.has(clients++)) pendingLong += 1;
      if (client.malformed) return;
      const notes: { booking: WrittenBooking | undefined; written: number }[] = [];
      for (const booking of bookings) if (booking.completed && rng.chance(0.7)) notes.push({ booking, written: Math.min(exportNow, booking.start + rng.int(30, DAY)) });
      const standAlone = (rng.chance(0.15) ? 1 : 0) + pendingLong;
      for (let k = 0; k < standAlone; k += 1) notes.push({ booking: undefined, written: officeMinute(rng, client.created) });
      for (const { booking, written } of notes) {
        const key = `N${String(++next).padStart(7, "0")}`;
        const lines = Array.from({ length: rng.int(2, 4) }, () => rng.pick(clinicSentences));
        const fields: string[] = [
          key, client.key, booking?.key ?? "", booking?.practitionerId ?? client.practitionerId, auTimestamp(written),
          booking ? rng.pick(noteTypes.slice(0, 2)) : rng.pick(noteTypes), lines.join(rng.chance(0.5) ? "\n" : " "), "",
          rng.chance(0.6) ? "Yes" : "No",
        ];
        const set = (column: Column, value: string) => (fields[at(column)] = value);
        let planted: ((row: number) => Dirt) | undefined;
        const roll = rng.next();
        if (!booking && pendingLong > 0) {
          pendingLong -= 1;
          const length = rng.int(noteLengthLimit + 1, 80_000);
          set("Note", longNoteBody(rng, length));
          planted = (row) => ({ kind: "long-note", table, key, row, column: "Note", length });
        } else if (roll < 0.02) {
          set("Note", Buffer.from(fields[at("Note")] ?? "", "utf8").toString("base64"));
          set("Encoding", "base64");
          planted = (row) => ({ kind: "base64-note", table, key, row, column: "Note", flagColumn: "Encoding" });
        } else if (roll < 0.024) {
          const value = clientId(clientCount + rng.int(0, 999));
          set("Client ID", value);
          set("Booking ID", "");
          planted = (row) => ({ kind: "orphan-row", table, key, row, column: "Client ID", value });
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
