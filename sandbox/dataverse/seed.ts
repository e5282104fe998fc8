/** Seeds systemusers from the demo generator's `crm-users.json` shape, idempotent by email. */
import { randomUUID } from "node:crypto";
import { isoSeconds } from "./model.js";
import type { Row } from "./model.js";
import type { Store } from "./store.js";

export interface SeedUser {
  readonly internalemailaddress: string;
  readonly fullname?: string;
  readonly firstname?: string;
  readonly lastname?: string;
  readonly isdisabled?: boolean;
}

export function isSeedUserArray(v: unknown): v is SeedUser[] {
  return Array.isArray(v) && v.every((u) => typeof u === "object" && u !== null && typeof (u as SeedUser).internalemailaddress === "string");
}

export function seedUsers(store: Store, users: readonly SeedUser[]): { created: number; updated: number } {
  const t = store.mustTable("systemuser");
  const byEmail = new Map<string, Row>();
  for (const row of store.allRows("systemuser")) {
    if (typeof row.internalemailaddress === "string") byEmail.set(row.internalemailaddress.toLowerCase(), row);
  }
  let created = 0;
  let updated = 0;
  const now = isoSeconds(new Date());
  for (const u of users) {
    const email = u.internalemailaddress.trim();
    const existing = byEmail.get(email.toLowerCase());
    const names = {
      firstname: u.firstname ?? null,
      lastname: u.lastname ?? null,
      fullname: u.fullname ?? ([u.firstname, u.lastname].filter(Boolean).join(" ") || null),
      isdisabled: u.isdisabled ?? false,
    };
    if (existing) {
      store.put(t, { ...existing, ...names, modifiedon: now, versionnumber: store.nextVersion() });
      updated++;
      continue;
    }
    const row: Row = {
      systemuserid: randomUUID(), internalemailaddress: email, domainname: email, azureactivedirectoryobjectid: randomUUID(),
      businessunitid: { id: store.org.businessUnitId, table: "businessunit" }, ...names,
      createdon: now, modifiedon: now, versionnumber: store.nextVersion(),
    };
    store.put(t, row);
    byEmail.set(email.toLowerCase(), row);
    created++;
  }
  return { created, updated };
}
