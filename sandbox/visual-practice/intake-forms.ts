import type { Rng } from "./prng.js";
import { TableWriter } from "../core-practice/table-writer.js";
import { firstNames1252, lastNames1252 } from "../core-practice/word-lists.js";
import type { Dirt } from "./manifest.js";
import { badPhone, phone } from "./formats.js";
import { DAY, minuteText, officeMinute } from "./minutes.js";
import { appointmentsNow } from "./appointments.js";
import { patientId, type WrittenPatient } from "./patients.js";
import { firstNames, lastNames, referralSources } from "./word-lists.js";
import { allergies, conditions, intakeFormNames, languages, pharmacies } from "./care-lists.js";

export const intakeFormColumns = [
  "FormID", "PatientID", "FormName", "SubmittedDate", "ConsentStatus", "AllergyFlag", "Allergies", "Conditions", "ReferralSource",
  "PreferredPharmacy", "EmergencyContactName", "EmergencyContactPhone", "Custom_DentalAnxietyScale", "Custom_PreferredLanguage",
  "Custom_MarketingOptIn", "LastModified",
] as const;

/** The practice's own questions on the forms: columns no model field names. */
export const customIntakeColumns = ["Custom_DentalAnxietyScale", "Custom_PreferredLanguage", "Custom_MarketingOptIn"] as const;

type Column = (typeof intakeFormColumns)[number];
const at = (column: Column): number => intakeFormColumns.indexOf(column);

const ascii = (text: string) => /^[\x20-\x7e]*$/.test(text);
const asciiFirst = firstNames.filter(ascii);
const asciiLast = lastNames.filter(ascii);

/** Up to `max` distinct values, `|`-separated as the forms module joins a multi-select answer. */
function several(rng: Rng, items: readonly string[], max: number): string {
  return [...new Set(Array.from({ length: rng.int(0, max) }, () => rng.pick(items)))].join("|");
}

/**
 * intake_forms.csv, written by Visual Practice's forms module: Windows-1252 ("ANSI") with CRLF
 * endings, unlike the rest of the export. One row per submitted form (~0.85 per patient): consent,
 * allergy flag and `|`-separated multi-select answers (Allergies, Conditions), and the practice's
 * own Custom_ questions. The emergency contact is named in plain ASCII, but ~6% with letters only
 * Windows-1252 has (’ Š Ž, accents).
 *
 * Dirt: windows-1252-text (each such name), ~2% bad-phone in EmergencyContactPhone, ~0.4%
 * PatientID of no patient (dangling-reference), ~0.5% forms exported twice under one FormID
 * (duplicate-key; the copy touched later).
 */
export function writeIntakeForms(rng: Rng, path: string, patientCount: number, dirt: Dirt[]) {
  const writer = new TableWriter(path, intakeFormColumns, { delimiter: ",", eol: "\r\n", encoding: "windows-1252" });
  const table = "intake_forms";
  let next = 0;

  return {
    async write(patient: WrittenPatient): Promise<void> {
      if (patient.malformed) return;
      const roll = rng.next();
      const count = roll < 0.55 ? 1 : roll < 0.7 ? 2 : 0;
      for (let k = 0; k < count; k += 1) {
        const key = `F${String(++next).padStart(7, "0")}`;
        const submitted = officeMinute(rng, patient.created);
        const allergyList = rng.chance(0.3) ? several(rng, allergies, 3) : "";
        const accented = rng.chance(0.06);
        const contact = accented ? `${rng.pick(firstNames1252)} ${rng.pick(lastNames1252)}` : `${rng.pick(asciiFirst)} ${rng.pick(asciiLast)}`;
        const fields: string[] = [
          key, patient.key, rng.pick(intakeFormNames), minuteText(submitted), rng.pick(["Signed", "Signed", "Signed", "Declined", "Pending"]),
          allergyList ? "Y" : "N", allergyList, rng.chance(0.5) ? several(rng, conditions, 3) : "", rng.pick(referralSources), rng.pick(pharmacies),
          rng.chance(0.8) ? contact : "", phone(rng), rng.chance(0.5) ? String(rng.int(1, 10)) : "", rng.pick(languages),
          rng.pick(["Yes", "No", ""]), minuteText(submitted),
        ];
        let planted: ((row: number) => Dirt) | undefined;
        const dirtRoll = rng.next();
        if (dirtRoll < 0.02) {
          fields[at("EmergencyContactPhone")] = badPhone(rng);
          planted = (row) => ({ kind: "bad-phone", table, key, row, column: "EmergencyContactPhone" });
        } else if (dirtRoll < 0.024) {
          const value = patientId(patientCount + rng.int(0, 999));
          fields[at("PatientID")] = value;
          planted = (row) => ({ kind: "dangling-reference", table, key, row, column: "PatientID", value });
        }
        const row = await writer.write(fields);
        if (planted) dirt.push(planted(row));
        const name = fields[at("EmergencyContactName")] ?? "";
        if (!ascii(name)) dirt.push({ kind: "windows-1252-text", table, key, row, column: "EmergencyContactName", text: name });
        if (!planted && rng.chance(0.005)) {
          const again = [...fields];
          again[at("LastModified")] = minuteText(Math.min(appointmentsNow, submitted + rng.int(1, 10 * DAY)));
          const second = await writer.write(again);
          dirt.push({ kind: "duplicate-key", table, key, rows: [row, second] });
        }
      }
    },
    async close(): Promise<{ rows: number; bytes: number }> {
      return { rows: writer.rows, bytes: await writer.close() };
    },
  };
}
