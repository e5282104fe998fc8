import type { Rng } from "./prng.js";
import { CsvWriter } from "./csv-writer.js";
import { asciiSlug, dayOf, today, usTimestamp } from "./formats.js";
import type { Practice } from "./practices.js";
import { exampleDomains, firstNames, lastNames, providerRoles, specialties } from "./word-lists.js";

export const providerColumns = [
  "ProviderID", "ProvFirstName", "ProvLastName", "ProvEmail", "ProvRole", "ProvNPI", "LicenseNo", "Specialty",
  "Credentials", "HomePracticeID", "Active", "LastModified",
] as const;

export interface Provider {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  /** Unique, lowercase: the CRM owner match keys on it. */
  readonly email: string;
  /** The HomePracticeID written for them: appointments prefer providers of the visit's practice. */
  readonly homePracticeId: string;
  /** Licensed (sees patients); the office manager is not. */
  readonly clinical: boolean;
  readonly active: boolean;
}

export function providerId(index: number): string {
  return `DR${String(index + 1).padStart(4, "0")}`;
}

/** Writes providers.csv (LF, no BOM) and keeps the providers: the patients and CRM users refer to them. */
export async function writeProviders(rng: Rng, path: string, count: number, practices: readonly Practice[]): Promise<{ providers: Provider[]; rows: number; bytes: number }> {
  const writer = new CsvWriter(path, providerColumns, { eol: "\n" });
  const providers: Provider[] = [];
  const taken = new Set<string>();
  for (let index = 0; index < count; index += 1) {
    const id = providerId(index);
    const firstName = rng.pick(firstNames);
    const lastName = rng.pick(lastNames);
    const role = index === count - 1 ? providerRoles[5] : rng.pick(providerRoles.slice(0, 5));
    const domain = rng.pick(exampleDomains);
    let local = `${asciiSlug(firstName).charAt(0)}${asciiSlug(lastName)}`;
    for (let n = 2; taken.has(`${local}@${domain}`); n += 1) local = `${asciiSlug(firstName).charAt(0)}${asciiSlug(lastName)}${n}`;
    const email = `${local}@${domain}`;
    taken.add(email);
    const licensed = role.license !== "";
    const active = index % 9 !== 8;
    const fields = [
      id,
      firstName,
      lastName,
      email,
      role.role,
      licensed ? `1${rng.digits(9)}` : "",
      licensed ? `${role.license}-${rng.digits(6)}` : "",
      licensed ? rng.pick(specialties) : "",
      role.credentials,
      rng.pick(practices).id,
      active ? "Y" : "N",
      usTimestamp(rng.int(dayOf(2022, 1, 1), today), rng.int(0, 1439)),
    ];
    await writer.write(fields);
    const homePracticeId = fields[providerColumns.indexOf("HomePracticeID")] ?? "";
    providers.push({ id, firstName, lastName, email, homePracticeId, clinical: licensed, active });
  }
  const bytes = await writer.close();
  return { providers, rows: writer.rows, bytes };
}
