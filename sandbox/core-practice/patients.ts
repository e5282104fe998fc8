import type { Rng } from "../visual-practice/prng.js";
import { asciiSlug, dayOf, today } from "../visual-practice/formats.js";
import { spread } from "../visual-practice/spread.js";
import { firstNames, lastNames, places, streets } from "../visual-practice/word-lists.js";
import type { Dirt } from "./manifest.js";
import { TableWriter } from "./table-writer.js";
import { altDate, altDateFormats, badDates, badPhone, badPostcode, cpDate, cpPhone, cpTimestamp, DAY, yesNo } from "./formats.js";
import { providerId, type Provider } from "./providers.js";
import { contactPreferences, firstNames1252, lastNames1252, schools } from "./word-lists.js";
import { pickReferral } from "./referrals.js";

export const patientColumns = [
  "pat_id", "chart_no", "last_nm", "first_nm", "mi", "pref_nm", "birth_dt", "gender", "email", "home_ph", "cell_ph",
  "work_ph", "addr1", "addr2", "city", "st", "zip", "office_id", "prim_prov_id", "pat_status", "ref_practice_nm",
  "ref_dentist_nm", "ref_practice_ph", "recall_dt", "allergy_flag", "med_alerts", "contact_pref", "created_ts",
  "modified_ts", "cust_parking_spot", "cust_school_nm", "cust_sports_guard",
] as const;

export const customPatientColumns = ["cust_parking_spot", "cust_school_nm", "cust_sports_guard"] as const;

type Column = (typeof patientColumns)[number];
const at = (column: Column): number => patientColumns.indexOf(column);
const table = "patients";

export function patientId(index: number): string {
  return String(100_001 + index);
}

/** What the files hanging off a patient need, handed over as each patient is written. */
export interface WrittenPatient {
  readonly key: string;
  /** Day the patient was created (days since 1970-01-01). */
  readonly created: number;
  readonly officeId: string;
  /** As written (a near-duplicate's twin shares them): insurance names the patient as subscriber. */
  readonly first: string;
  readonly last: string;
  /** The patient's dentist (a real, active one even when the row's prim_prov_id is dirt). */
  readonly providerId: string;
  /** The row is a planted malformed row, which a reader rejects: nothing hangs off it. */
  readonly malformed: boolean;
}

interface Identity {
  readonly key: string;
  readonly first: string;
  readonly last: string;
  readonly birth: string;
}

/**
 * patients.csv as Core Practice writes it: Windows-1252, CRLF, no BOM. Each row also names a
 * referring practice and dentist for about a third of patients (the practice-model's second
 * object from this row). `write` is called once per distinct patient and plants dirt into `dirt`.
 */
export function writePatients(rng: Rng, path: string, count: number, officeIds: readonly string[], providers: readonly Provider[], dirt: Dirt[]) {
  const writer = new TableWriter(path, patientColumns, { delimiter: ",", eol: "\r\n", encoding: "windows-1252" });
  const dentists = providers.filter((p) => p.clinical && p.active);
  const inactive = providers.filter((p) => p.clinical && !p.active);
  const malformedAt = new Set([...spread(rng, count, 1000, 1)]);
  const encodedAt = spread(rng, count, 200, 1);
  const recent: Identity[] = [];
  let index = 0;

  return {
    async write(): Promise<WrittenPatient> {
      const i = index++;
      const key = patientId(i);
      const malformed = malformedAt.has(i);
      const special = malformed || encodedAt.has(i);
      const twin = !special && recent.length > 0 && rng.chance(0.01) ? rng.pick(recent) : undefined;
      const forced = encodedAt.has(i) ? (rng.chance(0.5) ? "first_nm" : "last_nm") : undefined;
      const first = twin?.first ?? (forced === "first_nm" ? rng.pick(firstNames1252) : rng.pick(firstNames));
      const last = twin?.last ?? (forced === "last_nm" ? rng.pick(lastNames1252) : rng.pick(lastNames));
      const created = rng.int(dayOf(2010, 1, 1), dayOf(2024, 12, 31));
      const birth = rng.int(dayOf(1935, 1, 1), dayOf(2020, 12, 31));
      const place = rng.pick(places);
      const dentist = rng.pick(dentists.length > 0 ? dentists : providers);
      const referral = rng.chance(0.33) ? pickReferral(rng) : undefined;
      const status = rng.chance(0.8) ? "Active" : rng.chance(0.7) ? "Inactive" : "Archived";
      const fields: string[] = [
        key,
        `C${rng.digits(6)}`,
        last,
        first,
        rng.chance(0.3) ? String.fromCharCode(65 + rng.int(0, 25)) : "",
        rng.chance(0.06) ? first.slice(0, 3) : "",
        twin?.birth ?? cpDate(birth),
        rng.pick(["M", "F", "F", "M", "U"]),
        rng.chance(0.8) ? `${asciiSlug(first)}.${asciiSlug(last)}${rng.int(1, 99)}@example.${rng.pick(["com", "org", "net"])}` : "",
        rng.chance(0.4) ? cpPhone(rng) : "",
        rng.chance(0.85) ? cpPhone(rng) : "",
        rng.chance(0.15) ? cpPhone(rng) : "",
        `${rng.int(1, 9999)} ${rng.pick(streets)}`,
        rng.chance(0.15) ? `Apt ${rng.int(1, 300)}` : "",
        place.city,
        place.state,
        rng.chance(0.2) ? `${place.zip}-${rng.digits(4)}` : place.zip,
        rng.pick(officeIds),
        dentist.id,
        status,
        referral?.text ?? "",
        referral ? `Dr. ${rng.pick(firstNames)} ${rng.pick(lastNames)}` : "",
        referral ? cpPhone(rng) : "",
        status === "Active" && rng.chance(0.7) ? cpDate(today + rng.int(-60, 200)) : "",
        yesNo(rng.chance(0.15)),
        rng.chance(0.1) ? rng.pick(["Pen allergy", "Latex", "Heart murmur - premed", "Diabetic, Type 2"]) : "",
        [...new Set(Array.from({ length: rng.int(0, 2) }, () => rng.pick(contactPreferences)))].join(";"),
        cpTimestamp(created * DAY + rng.int(420, 1080), rng.int(0, 59)),
        cpTimestamp(rng.int(created, today) * DAY + rng.int(420, 1080), rng.int(0, 59)),
        rng.chance(0.05) ? `P-${rng.int(1, 60)}` : "",
        rng.pick(schools),
        rng.pick(["Yes", "No", ""]),
      ];
      if (twin) dirt.push({ kind: "near-duplicate", table, keys: [twin.key, key] });

      const unquoted = new Set<number>();
      let planted: ((row: number) => Dirt) | undefined;
      if (malformed) {
        // An export glitch: a comma in addr2 written without quotes, one field too many.
        fields[at("addr2")] = `Unit ${rng.int(1, 99)}, Bldg ${String.fromCharCode(65 + rng.int(0, 5))}`;
        unquoted.add(at("addr2"));
      } else if (forced) {
        const text = fields[at(forced)] ?? "";
        planted = (row) => ({ kind: "windows-1252-text", table, key, row, column: forced, text });
      } else if (!twin) {
        planted = plantValueDirt(rng, fields, key, birth, first, last, inactive, providers.length);
      }
      if (!planted && !malformed && referral?.variant) {
        const { text, canonical } = referral;
        planted = (row) => ({ kind: "name-variant", table, key, row, column: "ref_practice_nm", value: text, canonical });
      }

      const row = await writer.write(fields, unquoted);
      if (malformed) dirt.push({ kind: "malformed-row", table, key, row });
      if (planted) dirt.push(planted(row));
      if (!special && !twin && !planted) {
        recent.push({ key, first, last, birth: fields[at("birth_dt")] ?? "" });
        if (recent.length > 50) recent.shift();
        if (rng.chance(0.005)) {
          // The same pat_id exported twice; the second copy touched a few minutes later.
          const again = [...fields];
          again[at("modified_ts")] = cpTimestamp(Math.min(today, created + rng.int(0, 30)) * DAY + rng.int(420, 1080));
          again[at("cell_ph")] = cpPhone(rng);
          const second = await writer.write(again);
          dirt.push({ kind: "duplicate-key", table, key, rows: [row, second] });
        }
      }
      return { key, created, officeId: fields[at("office_id")] ?? "", first, last, providerId: dentist.id, malformed };
    },
    async close(): Promise<{ rows: number; bytes: number }> {
      return { rows: writer.rows, bytes: await writer.close() };
    },
  };
}

/** Plants at most one value-level defect in the row; returns its manifest entry, given the row. */
function plantValueDirt(
  rng: Rng,
  fields: string[],
  key: string,
  birth: number,
  first: string,
  last: string,
  inactive: readonly Provider[],
  providerCount: number,
): ((row: number) => Dirt) | undefined {
  const roll = rng.next();
  const set = (column: Column, value: string) => (fields[at(column)] = value);
  if (roll < 0.02) {
    set("email", rng.pick([`${asciiSlug(first)}.${asciiSlug(last)}@`, `${asciiSlug(first)}@example`, `${first} ${last}@example.com`, `${asciiSlug(last)}@@example.com`]));
    return (row) => ({ kind: "bad-email", table, key, row, column: "email" });
  }
  if (roll < 0.04) {
    set("cell_ph", badPhone(rng));
    return (row) => ({ kind: "bad-phone", table, key, row, column: "cell_ph" });
  }
  if (roll < 0.05) {
    set("zip", badPostcode(rng));
    return (row) => ({ kind: "bad-postcode", table, key, row, column: "zip" });
  }
  if (roll < 0.055) {
    set("birth_dt", rng.pick(badDates));
    return (row) => ({ kind: "bad-date", table, key, row, column: "birth_dt" });
  }
  if (roll < 0.075) {
    const format = rng.pick(altDateFormats);
    set("birth_dt", altDate(birth, format));
    return (row) => ({ kind: "alt-date-format", table, key, row, column: "birth_dt", format });
  }
  if (roll < 0.08) {
    const value = providerId(providerCount + rng.int(0, 99));
    set("prim_prov_id", value);
    return (row) => ({ kind: "unknown-provider", table, key, row, column: "prim_prov_id", value });
  }
  if (roll < 0.09 && inactive.length > 0 && fields[at("pat_status")] === "Active") {
    const value = rng.pick(inactive).id;
    set("prim_prov_id", value);
    return (row) => ({ kind: "inactive-provider", table, key, row, column: "prim_prov_id", value });
  }
  return undefined;
}
