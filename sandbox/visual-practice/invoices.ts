import type { Rng } from "./prng.js";
import { CsvWriter } from "./csv-writer.js";
import type { Dirt } from "./manifest.js";
import { badAmount, decimal, today, usDate } from "./formats.js";
import { dateParts } from "../core-practice/formats.js";
import { DAY, minuteText } from "./minutes.js";
import { appointmentsNow, type WrittenAppointment } from "./appointments.js";
import { patientId, type WrittenPatient } from "./patients.js";
import type { WrittenCase } from "./treatment-cases.js";
import { badDates } from "./word-lists.js";
import { visitCodes } from "./care-lists.js";

export const invoiceColumns = [
  "InvoiceID", "InvoiceNumber", "PatientID", "ProviderID", "ApptID", "CaseID", "ProcedureCode", "InvoiceAmount", "AmountPaid",
  "InvoiceStatus", "InvoiceDate", "DueDate", "PaymentDate", "PaymentMethod", "LastModified",
] as const;

type Column = (typeof invoiceColumns)[number];
const at = (column: Column): number => invoiceColumns.indexOf(column);

const noShowFeeCents = 5_000;

/**
 * invoices.csv (LF): Visual Practice's billing, one invoice per completed visit and per no-show
 * charged a fee, numbered per year ("2024-000123"). The status follows the visit's PaymentStatus
 * (Paid, Pending → Open or Partially Paid, Failed → Payment Failed); a visit after one of the
 * patient's accepted or completed cases opened is billed to it (CaseID). Money is "125.00".
 *
 * Dirt: ~0.5% of invoices exported twice, under a second InvoiceID with the same InvoiceNumber and
 * a status or amount a little different (near-duplicate); ~0.3% PatientID of no patient
 * (dangling-reference); ~0.5% bad-amount in InvoiceAmount; ~0.3% bad-date in InvoiceDate.
 */
export function writeInvoices(rng: Rng, path: string, patientCount: number, dirt: Dirt[]) {
  const writer = new CsvWriter(path, invoiceColumns, { eol: "\n" });
  const table = "invoices";
  const perYear = new Map<number, number>();
  let next = 0;

  return {
    async write(patient: WrittenPatient, appointments: readonly WrittenAppointment[], cases: readonly WrittenCase[]): Promise<void> {
      for (const visit of appointments) {
        const noShow = visit.status === "No-Show" && visit.paymentStatus !== "";
        if (visit.status !== "Completed" && !noShow) continue;
        const code = visitCodes[visit.type];
        const day = Math.floor(visit.start / DAY);
        const cents = noShow ? noShowFeeCents : (code?.feeCents ?? 9_500);
        const status =
          visit.paymentStatus === "Paid" ? "Paid"
          : visit.paymentStatus === "Pending" ? rng.pick(["Open", "Partially Paid"])
          : visit.paymentStatus === "Failed" ? "Payment Failed"
          : rng.pick(["Open", "Written Off"]);
        const paid = status === "Paid" ? cents : status === "Partially Paid" ? Math.round(cents * rng.pick([0.2, 0.5])) : 0;
        const paidOn = paid > 0 ? Math.min(today, day + rng.int(0, 25)) : undefined;
        const year = dateParts(day).y;
        const number = `${year}-${String((perYear.get(year) ?? 0) + 1).padStart(6, "0")}`;
        perYear.set(year, (perYear.get(year) ?? 0) + 1);
        const billedTo = cases.find((c) => (c.outcome === "Accepted" || c.outcome === "Completed") && c.opened <= day);
        const key = `INV${String(++next).padStart(7, "0")}`;
        const fields: string[] = [
          key, number, patient.key, visit.providerId, visit.key, billedTo?.key ?? "", noShow ? "NOSHOW" : (code?.code ?? ""), decimal(cents),
          decimal(paid), status, usDate(day), usDate(day + 30), paidOn !== undefined ? usDate(paidOn) : "",
          paid > 0 ? rng.pick(["Card", "Card", "Cash", "Check", "HSA Card", "Insurance"]) : "",
          minuteText(Math.min(appointmentsNow, (paidOn ?? day) * DAY + rng.int(8 * 60, 18 * 60))),
        ];
        let planted: ((row: number) => Dirt) | undefined;
        const roll = rng.next();
        if (roll < 0.003) {
          const value = patientId(patientCount + rng.int(0, 999));
          fields[at("PatientID")] = value;
          planted = (row) => ({ kind: "dangling-reference", table, key, row, column: "PatientID", value });
        } else if (roll < 0.008) {
          const value = badAmount(rng, cents);
          fields[at("InvoiceAmount")] = value;
          planted = (row) => ({ kind: "bad-amount", table, key, row, column: "InvoiceAmount", value });
        } else if (roll < 0.011) {
          fields[at("InvoiceDate")] = rng.pick(badDates);
          planted = (row) => ({ kind: "bad-date", table, key, row, column: "InvoiceDate" });
        }
        const row = await writer.write(fields);
        if (planted) dirt.push(planted(row));
        if (!planted && rng.chance(0.005)) {
          // Re-exported after an edit: a new InvoiceID, the same number, a small difference.
          const again = [...fields];
          const twin = `INV${String(++next).padStart(7, "0")}`;
          again[at("InvoiceID")] = twin;
          if (rng.chance(0.5)) again[at("InvoiceAmount")] = decimal(cents + rng.pick([-1, 1, 100]));
          else again[at("InvoiceStatus")] = status === "Paid" ? "Open" : "Paid";
          await writer.write(again);
          dirt.push({ kind: "near-duplicate", table, keys: [key, twin] });
        }
      }
    },
    async close(): Promise<{ rows: number; bytes: number }> {
      return { rows: writer.rows, bytes: await writer.close() };
    },
  };
}
