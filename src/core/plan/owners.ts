import type { TargetUser } from "../../contracts/target.js";

export type OwnerStatus = "matched" | "unmatched" | "inactive";

export interface OwnerRow {
  readonly staffId: string;
  /** Staff names are not patient data; they appear in the owner report. */
  readonly name: string;
  readonly email: string;
  readonly status: OwnerStatus;
  /** The CRM user matched by email (even when inactive). */
  readonly userId: string | null;
  /** Who will own this staff member's records: their user, the fallback, or nobody (→ rejected). */
  readonly ownerId: string | null;
  readonly ownerVia: "user" | "fallback" | "none";
}

export interface OwnerReconciliation {
  readonly rows: readonly OwnerRow[];
  readonly fallback: { readonly email: string; readonly userId: string | null; readonly active: boolean } | null;
  readonly counts: Readonly<Record<OwnerStatus, number>>;
}

export interface StaffMember {
  readonly staffId: string;
  readonly name: string;
  readonly email: string;
}

/**
 * Matches staff to CRM users by email, case-insensitively. Unmatched or inactive staff go to
 * the fallback owner when one is confirmed and active; otherwise their records will be rejected.
 */
export function reconcileOwners(
  staff: readonly StaffMember[],
  users: readonly TargetUser[],
  fallbackEmail: string | null,
): OwnerReconciliation {
  const byEmail = new Map(users.map((u) => [u.email.trim().toLowerCase(), u]));
  const fallbackUser = fallbackEmail ? byEmail.get(fallbackEmail.trim().toLowerCase()) : undefined;
  const fallbackId = fallbackUser?.active ? fallbackUser.id : null;
  const counts = { matched: 0, unmatched: 0, inactive: 0 };
  const rows = staff.map((s): OwnerRow => {
    const user = s.email ? byEmail.get(s.email.trim().toLowerCase()) : undefined;
    const status: OwnerStatus = !user ? "unmatched" : user.active ? "matched" : "inactive";
    counts[status] += 1;
    if (status === "matched") return { ...s, status, userId: user!.id, ownerId: user!.id, ownerVia: "user" };
    return { ...s, status, userId: user?.id ?? null, ownerId: fallbackId, ownerVia: fallbackId ? "fallback" : "none" };
  });
  return {
    rows,
    fallback: fallbackEmail ? { email: fallbackEmail, userId: fallbackUser?.id ?? null, active: fallbackUser?.active ?? false } : null,
    counts,
  };
}
