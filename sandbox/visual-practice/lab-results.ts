import type { Rng } from "./prng.js";
import { CsvWriter } from "./csv-writer.js";
import type { Dirt } from "./manifest.js";
import { today, usDate } from "./formats.js";
import { DAY, minuteText } from "./minutes.js";
import { appointmentsNow } from "./appointments.js";
import { documentId, type WrittenDocument } from "./documents.js";
import type { WrittenPatient } from "./patients.js";
import { providerId, type Provider } from "./providers.js";
import { badDates } from "./word-lists.js";
import { imagingFindings, labTests } from "./care-lists.js";

export const labResultColumns = [
  "LabResultID", "PatientID", "OrderingProviderID", "ResultType", "TestName", "TestCode", "ResultValue", "Units", "ReferenceRange",
  "AbnormalFlag", "ResultStatus", "CollectedDate", "ResultDate", "DocID", "LastModified",
] as const;

type Column = (typeof labResultColumns)[number];
const at = (column: Column): number => labResultColumns.indexOf(column);

/**
 * lab_results.csv (LF): lab values and imaging studies for ~35% of patients, ordered by a licensed
 * provider. A lab value carries units, the printed reference range and H/L; an imaging study a
 * one-line finding. DocID links the report in documents.csv when the patient has one of that kind
 * (Lab or Imaging); cancelled orders have no value.
 *
 * Dirt: ~1% DocID of no document (dangling-reference), ~0.5% OrderingProviderID of no provider
 * (dangling-reference), ~0.5% bad-date in ResultDate.
 */
export function writeLabResults(rng: Rng, path: string, providers: readonly Provider[], dirt: Dirt[]) {
  const writer = new CsvWriter(path, labResultColumns, { eol: "\n" });
  const clinical = providers.filter((p) => p.clinical);
  const ordering = clinical.length > 0 ? clinical : providers;
  const table = "lab_results";
  let next = 0;

  return {
    async write(patient: WrittenPatient, documents: readonly WrittenDocument[]): Promise<void> {
      if (patient.malformed) return;
      const roll = rng.next();
      const count = roll < 0.27 ? 1 : roll < 0.35 ? 2 : 0;
      for (let k = 0; k < count; k += 1) {
        const key = `LR${String(++next).padStart(6, "0")}`;
        const test = rng.pick(labTests);
        const collected = rng.int(Math.min(patient.created, today - 1), today - 1);
        const resulted = Math.min(today, collected + rng.int(0, 5));
        const statusRoll = rng.next();
        const status = statusRoll < 0.85 ? "Final" : statusRoll < 0.93 ? "Preliminary" : statusRoll < 0.98 ? "Corrected" : "Cancelled";
        let result = "";
        let flag = "";
        if (status !== "Cancelled" && test.type === "Lab") {
          result = (test.drawn[0] + rng.next() * (test.drawn[1] - test.drawn[0])).toFixed(test.decimals);
          flag = Number(result) > test.normal[1] ? "H" : Number(result) < test.normal[0] ? "L" : "N";
        } else if (status !== "Cancelled") {
          result = rng.pick(imagingFindings);
        }
        const report = documents.find((d) => d.category === test.type);
        const fields: string[] = [
          key, patient.key, rng.pick(ordering).id, test.type, test.name, test.code, result, test.units, test.range, flag, status,
          usDate(collected), status === "Cancelled" ? "" : usDate(resulted), report?.key ?? "",
          minuteText(Math.min(appointmentsNow, resulted * DAY + rng.int(7 * 60, 19 * 60))),
        ];
        let planted: ((row: number) => Dirt) | undefined;
        const dirtRoll = rng.next();
        if (dirtRoll < 0.01) {
          // The report was deleted from the chart; the result still points at it.
          const value = documentId(1_000_000 + rng.int(0, 99_999));
          fields[at("DocID")] = value;
          planted = (row) => ({ kind: "dangling-reference", table, key, row, column: "DocID", value });
        } else if (dirtRoll < 0.015) {
          const value = providerId(providers.length + rng.int(0, 49));
          fields[at("OrderingProviderID")] = value;
          planted = (row) => ({ kind: "dangling-reference", table, key, row, column: "OrderingProviderID", value });
        } else if (dirtRoll < 0.02 && status !== "Cancelled") {
          fields[at("ResultDate")] = rng.pick(badDates);
          planted = (row) => ({ kind: "bad-date", table, key, row, column: "ResultDate" });
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
