import type { Rng } from "../visual-practice/prng.js";
import { asciiSlug, dayOf, today } from "../visual-practice/formats.js";
import { firstNames, lastNames } from "../visual-practice/word-lists.js";
import type { Dirt } from "./manifest.js";
import { TableWriter } from "./table-writer.js";
import { cpDate, cpTimestamp, DAY, yesNo } from "./formats.js";
import { dentalSpecialties, providerTypes } from "./word-lists.js";

export const providerColumns = [
  "prov_id", "prov_type", "last_nm", "first_nm", "email", "npi", "license_no", "specialty", "office_id", "active_flag",
  "hire_dt", "modified_ts",
] as const;

export interface Provider {
  readonly id: string;
  readonly officeId: string;
  /** Dentists and hygienists see patients; assistants and front desk don't. */
  readonly clinical: boolean;
  readonly active: boolean;
}

export function providerId(index: number): string {
  return `PRV${String(index + 1).padStart(4, "0")}`;
}

/**
 * providers.csv (UTF-8, LF): dentists, hygienists, assistants and front desk. Every seventh has
 * left (active_flag No) — the second is always a dentist who left, so an export of any size has
 * one. Specialty is multi-select, `;`-separated ("General;Endo").
 */
export async function writeProviders(
  rng: Rng,
  path: string,
  count: number,
  officeIds: readonly string[],
  dirt: Dirt[],
): Promise<{ providers: Provider[]; rows: number; bytes: number }> {
  const writer = new TableWriter(path, providerColumns, { delimiter: ",", eol: "\n" });
  const providers: Provider[] = [];
  const taken = new Set<string>();
  for (let index = 0; index < count; index += 1) {
    const id = providerId(index);
    const type = index < 2 ? providerTypes[0] : rng.pick([...providerTypes, providerTypes[0], providerTypes[1]]);
    const first = rng.pick(firstNames);
    const last = rng.pick(lastNames);
    let local = `${asciiSlug(first).charAt(0)}${asciiSlug(last)}`;
    for (let n = 2; taken.has(local); n += 1) local = `${asciiSlug(first).charAt(0)}${asciiSlug(last)}${n}`;
    taken.add(local);
    const active = !(index === 1 || index % 7 === 6);
    const specialties = type.type === "DDS" ? [...new Set([rng.pick(dentalSpecialties), ...(rng.chance(0.3) ? [rng.pick(dentalSpecialties)] : [])])] : [];
    const officeId = rng.pick(officeIds);
    await writer.write([
      id,
      type.type,
      last,
      first,
      `${local}@example.com`,
      type.clinical ? `1${rng.digits(9)}` : "",
      type.license ? `${type.license}${rng.digits(6)}` : "",
      specialties.join(";"),
      officeId,
      yesNo(active),
      cpDate(rng.int(dayOf(2005, 1, 1), dayOf(2023, 12, 31))),
      cpTimestamp(rng.int(dayOf(2023, 1, 1), today) * DAY + rng.int(420, 1080)),
    ]);
    providers.push({ id, officeId, clinical: type.clinical, active });
  }
  dirt.push({ kind: "multi-select", table: "providers", column: "specialty", separator: ";" });
  return { providers, rows: writer.rows, bytes: await writer.close() };
}
