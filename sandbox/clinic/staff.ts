import type { Rng } from "../visual-practice/prng.js";
import { asciiSlug, dayOf, today } from "../visual-practice/formats.js";
import { firstNames, lastNames } from "../visual-practice/word-lists.js";
import { TableWriter } from "../core-practice/table-writer.js";
import { DAY } from "../core-practice/formats.js";
import { auDate, auTimestamp, mobile } from "./formats.js";
import { specialities, staffRoles } from "./word-lists.js";

export const staffColumns = [
  "Staff ID", "Name", "Role", "E-mail", "Mobile", "Home Clinic ID", "Registration No.", "Specialities", "Status",
  "Start Date", "Last Updated",
] as const;

export interface StaffMember {
  readonly id: string;
  /** "Physiotherapist", "GP"…: only GPs write scripts. */
  readonly role: string;
  readonly clinical: boolean;
  readonly active: boolean;
}

export const staffId = (index: number): string => `S${String(index + 1).padStart(3, "0")}`;

/**
 * Staff.csv (UTF-8 with a BOM, CRLF): practitioners and front-office staff under one "Name".
 * Every sixth has left (Status Inactive) — the second always a practitioner, so any export has
 * one; the fourth is always the clinic's GP, who writes the scripts. Specialities is free-text
 * multi-select ("Sports; Dry needling").
 */
export async function writeStaff(rng: Rng, path: string, count: number, clinicIds: readonly string[]): Promise<{ staff: StaffMember[]; rows: number; bytes: number }> {
  const writer = new TableWriter(path, staffColumns, { delimiter: ",", eol: "\r\n", bom: true });
  const staff: StaffMember[] = [];
  for (let index = 0; index < count; index += 1) {
    const role = index < 3 ? staffRoles[0] : index === 3 ? staffRoles[3] : rng.pick(staffRoles);
    const first = rng.pick(firstNames);
    const last = rng.pick(lastNames);
    const active = !(index === 1 || index % 6 === 5);
    const chosen = role.clinical ? [...new Set(Array.from({ length: rng.int(0, 3) }, () => rng.pick(specialities)))] : [];
    await writer.write([
      staffId(index),
      `${first} ${last}`,
      role.role,
      `${asciiSlug(first)}.${asciiSlug(last)}${index + 1}@example.com.au`,
      mobile(rng),
      rng.pick(clinicIds),
      role.clinical ? `PHY000${rng.digits(7)}` : "",
      chosen.join("; "),
      active ? "Active" : "Inactive",
      auDate(rng.int(dayOf(2010, 1, 1), dayOf(2024, 6, 30))),
      auTimestamp(rng.int(dayOf(2024, 1, 1), today) * DAY + rng.int(480, 1080)),
    ]);
    staff.push({ id: staffId(index), role: role.role, clinical: role.clinical, active });
  }
  return { staff, rows: writer.rows, bytes: await writer.close() };
}
