/** The fresh-org rows (Organization, the admin user) and user seeding, idempotent by username. */
import type { Row } from "./field-def.js";
import type { OrgStore } from "./store.js";
import { formatDateTime } from "./values.js";

export interface SeedUser {
  readonly email: string;
  readonly name?: string;
  readonly isActive?: boolean;
  /** Defaults to the email. */
  readonly username?: string;
}

export const ADMIN_USERNAME = "admin@handover-sandbox.example";

export function isSeedUserArray(v: unknown): v is SeedUser[] {
  return Array.isArray(v) && v.every((u) => typeof u === "object" && u !== null && typeof (u as SeedUser).email === "string");
}

function userRow(store: OrgStore, id: string, u: SeedUser, now: string): Row {
  const parts = (u.name ?? u.email.split("@")[0] ?? "User").trim().split(/\s+/);
  const lastName = parts.length > 1 ? parts.slice(1).join(" ") : (parts[0] ?? "User");
  const firstName = parts.length > 1 ? (parts[0] ?? null) : null;
  return {
    Id: id, IsDeleted: false, Username: u.username ?? u.email, Email: u.email, FirstName: firstName, LastName: lastName,
    Name: [firstName, lastName].filter(Boolean).join(" "), Alias: `${(firstName ?? "").slice(0, 1)}${lastName.slice(0, 4)}`.toLowerCase(),
    IsActive: u.isActive ?? true, Title: null, CreatedDate: now, CreatedById: store.org.adminUserId, LastModifiedDate: now,
    LastModifiedById: store.org.adminUserId, SystemModstamp: now,
  };
}

/** Creates the Organization row and admin user when missing (fresh org). */
export function ensureOrgSeed(store: OrgStore): void {
  const now = formatDateTime(new Date());
  const user = store.object("User");
  const org = store.object("Organization");
  if (user && !store.get("User", store.org.adminUserId)) {
    store.put(user, userRow(store, store.org.adminUserId, { email: ADMIN_USERNAME, name: "Sandbox Admin" }, now));
  }
  if (org && !store.get("Organization", store.org.orgId)) {
    store.put(org, {
      Id: store.org.orgId, IsDeleted: false, Name: "Handover Sandbox", InstanceName: "EMU1", IsSandbox: true, TrialExpirationDate: null,
      NamespacePrefix: null, OrganizationType: "Developer Edition", CreatedDate: now, CreatedById: store.org.adminUserId,
      LastModifiedDate: now, LastModifiedById: store.org.adminUserId, SystemModstamp: now,
    });
  }
}

/** Adds or updates users by username (= email unless given). */
export function seedUsers(store: OrgStore, users: readonly SeedUser[]): { created: number; updated: number; ids: string[] } {
  const user = store.object("User");
  if (!user) throw new Error("User object missing");
  const now = formatDateTime(new Date());
  let created = 0;
  let updated = 0;
  const ids: string[] = [];
  for (const u of users) {
    const existing = store.findBy(user, "Username", u.username ?? u.email)[0];
    const id = existing ? String(existing.Id) : store.newId("005");
    const row = userRow(store, id, u, now);
    store.put(user, existing ? { ...row, CreatedDate: existing.CreatedDate ?? now } : row);
    ids.push(id);
    if (existing) updated++;
    else created++;
  }
  return { created, updated, ids };
}
