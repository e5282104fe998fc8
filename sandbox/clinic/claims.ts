import type { Rng } from "../visual-practice/prng.js";
import { today } from "../visual-practice/formats.js";
import { TableWriter } from "../core-practice/table-writer.js";
import { DAY, exportNow, money } from "../core-practice/formats.js";
import type { Dirt } from "./manifest.js";
import { auDate, auTimestamp, badMoney } from "./formats.js";
import type { WrittenClient } from "./clients.js";
import type { EncounterCodes } from "./encounters.js";
import type { WrittenInvoice } from "./invoices.js";
import { claimItems } from "./care-lists.js";

export const claimColumns = [
  "Claim ID", "Client ID", "Invoice No", "Payer", "Item Numbers", "ICD-10 Codes", "Status", "Billed", "Paid", "Adjustment",
  "Submitted", "Adjudicated", "Last Updated",
] as const;

type Column = (typeof claimColumns)[number];
const at = (column: Column): number => claimColumns.indexOf(column);
const table = "claims";

/**
 * Claims.csv (UTF-8, CRLF): the claiming terminal's history, one claim per invoice of a client with
 * health-fund cover (~85% of them): the fund's item numbers and the visit's ICD-10 codes
 * (`;`-separated), the benefit paid, and a gap written off now and then as a negative adjustment
 * in accounting style "($5.00)". Most claims are adjudicated on the spot; some wait or are rejected.
 *
 * Dirt: ~1% bad-amount in Billed, ~0.5% Invoice No of no invoice (orphan-row: a claim whose invoice
 * was deleted).
 */
export function writeClaims(rng: Rng, path: string, dirt: Dirt[]) {
  const writer = new TableWriter(path, claimColumns, { delimiter: ",", eol: "\r\n" });
  let next = 0;
  let ghostInvoices = 0;

  return {
    async write(client: WrittenClient, invoices: readonly WrittenInvoice[], codes: EncounterCodes): Promise<void> {
      for (const invoice of invoices) {
        if (!rng.chance(0.85)) continue;
        const key = `CLM${String(++next).padStart(7, "0")}`;
        const roll = rng.next();
        const status = invoice.day >= today - 2 && roll < 0.3 ? "Pending" : roll < 0.05 ? "Rejected" : roll < 0.2 ? "Partially Paid" : "Paid";
        const paid = status === "Paid" || status === "Partially Paid" ? Math.round((invoice.cents * rng.pick([40, 50, 60, 65])) / 100) : 0;
        const adjustment = status === "Paid" && rng.chance(0.2) ? -rng.pick([500, 1000, 1500]) : 0;
        const adjudicated = status === "Pending" ? undefined : Math.min(today, invoice.day + rng.pick([0, 0, 0, 1, 3]));
        const fields: string[] = [
          key, client.key, invoice.invoiceNo, client.fund, (claimItems[invoice.booking.service.item] ?? []).join(";"),
          (codes.get(invoice.booking.key) ?? []).join(";"), status, money(invoice.cents), money(paid), money(adjustment), auDate(invoice.day),
          adjudicated !== undefined ? auDate(adjudicated) : "", auTimestamp(Math.min(exportNow, (adjudicated ?? invoice.day) * DAY + rng.int(480, 1080))),
        ];
        let planted: ((row: number) => Dirt) | undefined;
        const dirtRoll = rng.next();
        if (dirtRoll < 0.01) {
          const value = badMoney(rng, invoice.cents);
          fields[at("Billed")] = value;
          planted = (row) => ({ kind: "bad-amount", table, key, row, column: "Billed", value });
        } else if (dirtRoll < 0.015) {
          const value = `INV-9${String(++ghostInvoices).padStart(5, "0")}`;
          fields[at("Invoice No")] = value;
          planted = (row) => ({ kind: "orphan-row", table, key, row, column: "Invoice No", value });
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
