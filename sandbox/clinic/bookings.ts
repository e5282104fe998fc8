import type { Rng } from "../visual-practice/prng.js";
import { today } from "../visual-practice/formats.js";
import { TableWriter } from "../core-practice/table-writer.js";
import { DAY, exportNow, weekday } from "../core-practice/formats.js";
import type { Dirt } from "./manifest.js";
import { auDate, auTimestamp, durationText, time12 } from "./formats.js";
import { clientId, type WrittenClient } from "./clients.js";
import { staffId, type StaffMember } from "./staff.js";
import { bookingNotes, services } from "./word-lists.js";

export const bookingColumns = [
  "Booking ID", "Client ID", "Practitioner ID", "Clinic ID", "Date", "Time", "Duration", "Service", "Status", "Notes",
  "Invoice No.", "Created", "Last Updated",
] as const;

type Column = (typeof bookingColumns)[number];
const at = (column: Column): number => bookingColumns.indexOf(column);
const table = "bookings";

/** A client's own booking, for the notes and invoices written after it. */
export interface WrittenBooking {
  readonly key: string;
  /** Minutes since 1970-01-01 00:00 (the real start, even when the row's Date is dirt). */
  readonly start: number;
  readonly practitionerId: string;
  readonly completed: boolean;
  /** Blank when the visit wasn't invoiced. */
  readonly invoiceNo: string;
  readonly service: (typeof services)[number];
}

/**
 * Bookings.csv as a European-locale spreadsheet saves "CSV": `;`-separated, UTF-8 with a BOM,
 * CRLF. Date (DD/MM/YYYY) and a 12-hour Time ("9:30 am") sit in separate columns, Duration is
 * text ("1 hr 15 min"). Notes often hold commas (unquoted: they aren't the delimiter here).
 *
 * Dirt: ~0.4% orphan-row (Client ID of no client), ~1% unknown-provider, ~3% of upcoming
 * bookings with a practitioner who left, ~0.5% bad-date in Date.
 */
export function writeBookings(rng: Rng, path: string, clientCount: number, staff: readonly StaffMember[], dirt: Dirt[]) {
  const writer = new TableWriter(path, bookingColumns, { delimiter: ";", eol: "\r\n", bom: true });
  const practitioners = staff.filter((s) => s.clinical && s.active);
  const inactive = staff.filter((s) => s.clinical && !s.active);
  let next = 0;
  let invoices = 0;

  return {
    async write(client: WrittenClient): Promise<readonly WrittenBooking[]> {
      if (client.malformed) return [];
      const starts: number[] = [];
      for (let k = rng.int(0, 5); k > 0; k -= 1) starts.push(weekday(rng.int(client.created, today - 1)) * DAY + 7 * 60 + 15 * rng.int(0, 44));
      if (rng.chance(0.35)) starts.push(weekday(rng.int(today + 1, today + 90)) * DAY + 7 * 60 + 15 * rng.int(0, 44));
      starts.sort((a, b) => a - b);
      const own: WrittenBooking[] = [];
      for (const start of starts) {
        const past = start < exportNow;
        const service = rng.pick(services);
        const minutes = rng.pick(service.minutes);
        const practitionerId = rng.chance(0.75) ? client.practitionerId : rng.pick(practitioners.length > 0 ? practitioners : staff).id;
        const roll = rng.next();
        const status = past ? (roll < 0.84 ? "Completed" : roll < 0.93 ? "Cancelled" : "DNA") : roll < 0.5 ? "Confirmed" : "Booked";
        const invoiceNo = status === "Completed" && rng.chance(0.9) ? `INV-${String(++invoices).padStart(6, "0")}` : "";
        const booked = Math.min(start, Math.max(client.created * DAY + 480, start - rng.int(1, 60) * DAY));
        const key = `B${String(++next).padStart(7, "0")}`;
        const fields: string[] = [
          key, client.key, practitionerId, client.clinicId, auDate(Math.floor(start / DAY)), time12(start % DAY), durationText(minutes),
          service.service, status, rng.chance(0.3) ? rng.pick(bookingNotes) : "", invoiceNo, auTimestamp(booked),
          auTimestamp(past ? Math.min(exportNow, start + minutes + rng.int(0, DAY)) : booked + rng.int(0, exportNow - booked)),
        ];
        const set = (column: Column, value: string) => (fields[at(column)] = value);
        let planted: ((row: number) => Dirt) | undefined;
        const dirtRoll = rng.next();
        if (dirtRoll < 0.004) {
          const value = clientId(clientCount + rng.int(0, 999));
          set("Client ID", value);
          set("Invoice No.", "");
          planted = (row) => ({ kind: "orphan-row", table, key, row, column: "Client ID", value });
        } else if (dirtRoll < 0.014) {
          const value = staffId(staff.length + rng.int(0, 99));
          set("Practitioner ID", value);
          planted = (row) => ({ kind: "unknown-provider", table, key, row, column: "Practitioner ID", value });
        } else if (dirtRoll < 0.019) {
          set("Date", rng.pick(["31/02/2024", "TBC", "00/00/0000", "2024-13-01"]));
          planted = (row) => ({ kind: "bad-date", table, key, row, column: "Date" });
        } else if (!past && dirtRoll < 0.05 && inactive.length > 0) {
          const value = rng.pick(inactive).id;
          set("Practitioner ID", value);
          planted = (row) => ({ kind: "inactive-provider", table, key, row, column: "Practitioner ID", value });
        }
        const row = await writer.write(fields);
        if (planted) dirt.push(planted(row));
        if (fields[at("Client ID")] === client.key) own.push({ key, start, practitionerId, completed: status === "Completed", invoiceNo, service });
      }
      return own;
    },
    async close(): Promise<{ rows: number; bytes: number }> {
      return { rows: writer.rows, bytes: await writer.close() };
    },
  };
}
