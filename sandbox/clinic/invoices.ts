import type { Rng } from "../visual-practice/prng.js";
import { today } from "../visual-practice/formats.js";
import { TableWriter } from "../core-practice/table-writer.js";
import { DAY, money } from "../core-practice/formats.js";
import type { Dirt } from "./manifest.js";
import { auDate } from "./formats.js";
import type { WrittenBooking } from "./bookings.js";
import { clientId, type WrittenClient } from "./clients.js";

export const invoiceColumns = [
  "Invoice No", "Client ID", "Practitioner ID", "Booking ID", "Issued", "Item Code", "Description", "Amount", "GST", "Status",
  "Paid Date", "Payment Method",
] as const;

/** An invoice as the claims see it. */
export interface WrittenInvoice {
  readonly invoiceNo: string;
  readonly booking: WrittenBooking;
  readonly day: number;
  readonly cents: number;
}

/**
 * Invoices.tsv (tab-separated, UTF-8, LF): one invoice per invoiced booking, amounts "$95.00"
 * (health services carry no GST: "$0.00"). Dirt: ~0.3% orphan-row (Client ID of no client).
 */
export function writeInvoices(rng: Rng, path: string, clientCount: number, dirt: Dirt[]) {
  const writer = new TableWriter(path, invoiceColumns, { delimiter: "\t", eol: "\n" });
  return {
    /** Writes the client's invoices; returns them, for the claims. */
    async write(client: WrittenClient, bookings: readonly WrittenBooking[]): Promise<readonly WrittenInvoice[]> {
      const out: WrittenInvoice[] = [];
      for (const booking of bookings) {
        if (!booking.invoiceNo) continue;
        const day = Math.floor(booking.start / DAY);
        const status = rng.pick(["Paid", "Paid", "Paid", "Unpaid", "Part paid", "Written off"]);
        const orphan = rng.chance(0.003);
        const value = orphan ? clientId(clientCount + rng.int(0, 999)) : client.key;
        const row = await writer.write([
          booking.invoiceNo, value, booking.practitionerId, booking.key, auDate(day), booking.service.item, booking.service.service,
          money(booking.service.feeCents), money(0), status, status === "Paid" ? auDate(Math.min(today, day + rng.int(0, 14))) : "",
          status === "Paid" ? rng.pick(["EFTPOS", "Card", "Cash", "Health fund"]) : "",
        ]);
        if (orphan) dirt.push({ kind: "orphan-row", table: "invoices", key: booking.invoiceNo, row, column: "Client ID", value });
        out.push({ invoiceNo: booking.invoiceNo, booking, day, cents: booking.service.feeCents });
      }
      return out;
    },
    async close(): Promise<{ rows: number; bytes: number }> {
      return { rows: writer.rows, bytes: await writer.close() };
    },
  };
}
