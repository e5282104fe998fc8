import type { Rng } from "../visual-practice/prng.js";
import { asciiSlug, dayOf, today } from "../visual-practice/formats.js";
import { spread } from "../visual-practice/spread.js";
import { firstNames, lastNames } from "../visual-practice/word-lists.js";
import { TableWriter } from "../core-practice/table-writer.js";
import { DAY } from "../core-practice/formats.js";
import type { Dirt } from "./manifest.js";
import { altDate, altDateFormats, auDate, auTimestamp, badDates, badPhone, landline, mobile } from "./formats.js";
import { staffId, type StaffMember } from "./staff.js";
import { auPlaces, auStreets, healthFunds, occupations, referrers, tags, titles } from "./word-lists.js";

export const clientColumns = [
  "Client ID", "Full Name", "D.O.B.", "Gender", "Mobile", "Home Phone", "E-mail", "Street Address", "Suburb", "State",
  "Postcode", "Home Clinic ID", "Practitioner ID", "Health Fund", "Fund Member No.", "Medicare No.", "Referred By", "Tags",
  "Emergency Contact", "Status", "Created", "Last Updated", "Custom: Preferred Pharmacy", "Custom: Occupation",
  "Custom: Recall Due",
] as const;

export const customClientColumns = ["Custom: Preferred Pharmacy", "Custom: Occupation", "Custom: Recall Due"] as const;

type Column = (typeof clientColumns)[number];
const at = (column: Column): number => clientColumns.indexOf(column);
const table = "clients";

export const clientId = (index: number): string => `C${String(index + 1).padStart(6, "0")}`;

export interface WrittenClient {
  readonly key: string;
  readonly first: string;
  readonly last: string;
  readonly created: number;
  /** Health Fund and Fund Member No. as written (blank: none), and Referred By. */
  readonly fund: string;
  readonly memberNo: string;
  readonly referredBy: string;
  readonly clinicId: string;
  /** The client's practitioner (real and active even when the row's Practitioner ID is dirt). */
  readonly practitionerId: string;
  readonly malformed: boolean;
}

/** "Full Name" as typed: mostly "First Last", sometimes "LAST, First" or with a title. */
function fullName(rng: Rng, first: string, last: string): { text: string; form?: "last-first" | "title" } {
  const roll = rng.next();
  if (roll < 0.06) return { text: `${last.toUpperCase()}, ${first}`, form: "last-first" };
  if (roll < 0.1) return { text: `${rng.pick(titles)} ${first} ${String.fromCharCode(65 + rng.int(0, 25))}. ${last}`, form: "title" };
  return { text: `${first} ${last}` };
}

/**
 * Clients.csv (UTF-8 with a BOM, CRLF) and "Client Clinics.csv" (UTF-8, LF; one row per client
 * and clinic, most clients one, some two). Dirt: duplicate-key, near-duplicate (the same person,
 * name typed another way), bad-email/-phone/-postcode/-date, alt-date-format, name-order, one
 * malformed row per 1,000, unknown- and inactive-provider, mixed-separators in Tags, and ~0.5%
 * links to a Clinic ID that isn't in Clinics.csv.
 */
export function writeClients(rng: Rng, paths: { readonly clients: string; readonly links: string }, count: number, clinicIds: readonly string[], staff: readonly StaffMember[], dirt: Dirt[]) {
  const writer = new TableWriter(paths.clients, clientColumns, { delimiter: ",", eol: "\r\n", bom: true });
  const links = new TableWriter(paths.links, ["Client ID", "Clinic ID", "Relationship", "Since"], { delimiter: ",", eol: "\n" });
  const practitioners = staff.filter((s) => s.clinical && s.active);
  const inactive = staff.filter((s) => s.clinical && !s.active);
  const malformedAt = spread(rng, count, 1000, 1);
  const recent: { key: string; first: string; last: string; dob: string }[] = [];
  let index = 0;

  function plantedRow(fields: string[], key: string, birth: number, first: string, last: string): ((row: number) => Dirt) | undefined {
    const set = (column: Column, value: string) => (fields[at(column)] = value);
    const roll = rng.next();
    if (roll < 0.02) {
      set("E-mail", rng.pick([`${asciiSlug(first)}@`, `${asciiSlug(first)}.${asciiSlug(last)}@example`, `${first} ${last}@example.com.au`, `${asciiSlug(last)}@@example.com`]));
      return (row) => ({ kind: "bad-email", table, key, row, column: "E-mail" });
    }
    if (roll < 0.04) {
      set("Mobile", badPhone(rng));
      return (row) => ({ kind: "bad-phone", table, key, row, column: "Mobile" });
    }
    if (roll < 0.05) {
      // Postcodes that lost their leading zero in a spreadsheet, or were never right.
      set("Postcode", rng.pick(["820", "800", "30650", "ABC1", "20"]));
      return (row) => ({ kind: "bad-postcode", table, key, row, column: "Postcode" });
    }
    if (roll < 0.055) {
      set("D.O.B.", rng.pick(badDates));
      return (row) => ({ kind: "bad-date", table, key, row, column: "D.O.B." });
    }
    if (roll < 0.075) {
      const format = rng.pick(altDateFormats);
      set("D.O.B.", altDate(birth, format));
      return (row) => ({ kind: "alt-date-format", table, key, row, column: "D.O.B.", format });
    }
    if (roll < 0.08) {
      const value = staffId(staff.length + rng.int(0, 99));
      set("Practitioner ID", value);
      return (row) => ({ kind: "unknown-provider", table, key, row, column: "Practitioner ID", value });
    }
    if (roll < 0.09 && inactive.length > 0) {
      const value = rng.pick(inactive).id;
      set("Practitioner ID", value);
      return (row) => ({ kind: "inactive-provider", table, key, row, column: "Practitioner ID", value });
    }
    if (roll < 0.1) {
      set("Tags", `${rng.pick(tags)}; ${rng.pick(tags)}, ${rng.pick(tags)}`);
      return (row) => ({ kind: "mixed-separators", table, key, row, column: "Tags" });
    }
    return undefined;
  }

  return {
    async write(): Promise<WrittenClient> {
      const i = index++;
      const key = clientId(i);
      const malformed = malformedAt.has(i);
      const twin = !malformed && recent.length > 0 && rng.chance(0.01) ? rng.pick(recent) : undefined;
      const first = twin?.first ?? rng.pick(firstNames);
      const last = twin?.last ?? rng.pick(lastNames);
      const name = twin ? { text: `${last.toUpperCase()}, ${first}`, form: "last-first" as const } : fullName(rng, first, last);
      const birth = rng.int(dayOf(1940, 1, 1), dayOf(2018, 12, 31));
      const created = rng.int(dayOf(2015, 1, 1), dayOf(2024, 12, 31));
      const place = rng.pick(auPlaces);
      const practitioner = rng.pick(practitioners.length > 0 ? practitioners : staff);
      const fund = rng.pick(healthFunds);
      const chosenTags = [...new Set(Array.from({ length: rng.int(0, 3) }, () => rng.pick(tags)))];
      const fields: string[] = [
        key,
        name.text,
        twin?.dob ?? auDate(birth),
        rng.pick(["Female", "Male", "Female", "Male", "Non-binary", "Prefer not to say", ""]),
        rng.chance(0.9) ? mobile(rng) : "",
        rng.chance(0.2) ? landline(rng) : "",
        rng.chance(0.85) ? `${asciiSlug(first)}.${asciiSlug(last)}${rng.int(1, 99)}@example.com.au` : "",
        `${rng.int(1, 300)} ${rng.pick(auStreets)}`,
        place.suburb,
        place.state,
        place.postcode,
        rng.pick(clinicIds),
        practitioner.id,
        fund,
        fund ? rng.digits(8) : "",
        rng.chance(0.7) ? `${rng.digits(4)} ${rng.digits(5)} ${rng.int(1, 9)}` : "",
        rng.pick(referrers),
        chosenTags.join(rng.chance(0.5) ? "; " : ";"),
        rng.chance(0.5) ? `${rng.pick(firstNames)} (partner) ${mobile(rng)}` : "",
        rng.chance(0.85) ? "Active" : "Archived",
        auTimestamp(created * DAY + rng.int(480, 1080)),
        auTimestamp(rng.int(created, today) * DAY + rng.int(480, 1080)),
        rng.chance(0.3) ? rng.pick(["Chemist on King St", "Priceline, Smith St", "Terry White"]) : "",
        rng.pick(occupations),
        rng.chance(0.3) ? auDate(today + rng.int(10, 200)) : "",
      ];
      if (twin) dirt.push({ kind: "near-duplicate", table, keys: [twin.key, key] });
      const unquoted = new Set<number>();
      let planted: ((row: number) => Dirt) | undefined;
      if (malformed) {
        // A comma in the street address written without quotes: one field too many.
        fields[at("Street Address")] = `Unit ${rng.int(1, 40)}, ${rng.int(1, 300)} ${rng.pick(auStreets)}`;
        unquoted.add(at("Street Address"));
      } else if (!twin) {
        planted = plantedRow(fields, key, birth, first, last);
      }
      const row = await writer.write(fields, unquoted);
      if (malformed) dirt.push({ kind: "malformed-row", table, key, row });
      if (planted) dirt.push(planted(row));
      if (!twin && !malformed && !planted && name.form) {
        const form = name.form;
        dirt.push({ kind: "name-order", table, key, row, column: "Full Name", form });
      }
      if (!twin && !malformed && !planted) {
        // Only "First Last" originals: the twin is then the same name typed "LAST, First".
        if (!name.form) recent.push({ key, first, last, dob: fields[at("D.O.B.")] ?? "" });
        if (recent.length > 50) recent.shift();
        if (rng.chance(0.005)) {
          const again = [...fields];
          again[at("Last Updated")] = auTimestamp(Math.min(today, created + rng.int(1, 30)) * DAY + rng.int(480, 1080));
          again[at("Mobile")] = mobile(rng);
          const second = await writer.write(again);
          dirt.push({ kind: "duplicate-key", table, key, rows: [row, second] });
        }
      }

      const clinicIdValue = fields[at("Home Clinic ID")] ?? "";
      if (!malformed) {
        const orphan = rng.chance(0.005);
        const value = orphan ? `CLN${clinicIds.length + rng.int(1, 99)}` : clinicIdValue;
        const linkRow = await links.write([key, value, "Home clinic", auDate(created)]);
        if (orphan) dirt.push({ kind: "orphan-row", table: "client_clinics", key: `${key}|${value}`, row: linkRow, column: "Clinic ID", value });
        const other = clinicIds.find((id) => id !== clinicIdValue);
        if (other && rng.chance(0.12)) await links.write([key, other, rng.pick(["Also attends", "Referred from"]), auDate(rng.int(created, today))]);
      }
      const fundValue = fields[at("Health Fund")] ?? "";
      return {
        key, first, last, created, fund: fundValue, memberNo: fields[at("Fund Member No.")] ?? "", referredBy: fields[at("Referred By")] ?? "",
        clinicId: clinicIdValue, practitionerId: practitioner.id, malformed,
      };
    },
    async close(): Promise<{ clients: { rows: number; bytes: number }; links: { rows: number; bytes: number } }> {
      return { clients: { rows: writer.rows, bytes: await writer.close() }, links: { rows: links.rows, bytes: await links.close() } };
    },
  };
}
