/**
 * Field-level security for PHI, planned: which columns to secure and the one profile that grants
 * the named teams and users access to them. Pure and target-neutral: Dataverse applies it as
 * secured columns and a field security profile, Salesforce as a permission set.
 */
import type { PlannedColumn, PlannedFieldPermission, PlannedSecurityProfile, SchemaPlan } from "../../contracts/target.js";

export interface SecurableColumn {
  readonly table: string;
  readonly name: string;
  /** The column holds protected health information. */
  readonly phi: boolean;
}

export interface FieldAccess {
  readonly profileName: string;
  readonly description?: string;
  /** Teams (by name) and users (by email) the user named for access. */
  readonly teams?: readonly string[];
  readonly users?: readonly string[];
  /** What the profile allows on each secured column (default: read, create, update). */
  readonly allow?: { readonly read?: boolean; readonly create?: boolean; readonly update?: boolean };
}

export interface FieldSecurityPlan {
  readonly columns: readonly { readonly table: string; readonly name: string }[];
  readonly profile: PlannedSecurityProfile;
}

const sameColumn = (a: { table: string; name: string }, b: { table: string; name: string }) => a.table === b.table && a.name === b.name;

/** PHI columns secured (each once, in input order) and one profile granting `access` on them. */
export function planFieldSecurity(columns: readonly SecurableColumn[], access: FieldAccess): FieldSecurityPlan {
  const secured: { table: string; name: string }[] = [];
  for (const c of columns) if (c.phi && !secured.some((s) => sameColumn(s, c))) secured.push({ table: c.table, name: c.name });
  const allow = { read: access.allow?.read ?? true, create: access.allow?.create ?? true, update: access.allow?.update ?? true };
  const permissions: PlannedFieldPermission[] = secured.map((c) => ({ table: c.table, column: c.name, ...allow }));
  const profile: PlannedSecurityProfile = {
    name: access.profileName,
    ...(access.description ? { description: access.description } : {}),
    teams: [...new Set(access.teams ?? [])],
    users: [...new Set((access.users ?? []).map((u) => u.trim().toLowerCase()))],
    permissions,
  };
  return { columns: secured, profile };
}

/** The schema plan with its planned columns marked secured and the profile attached. */
export function withFieldSecurity(plan: SchemaPlan, security: FieldSecurityPlan): SchemaPlan {
  const columns: PlannedColumn[] = plan.columns.map((c) => (security.columns.some((s) => sameColumn(s, c)) ? { ...c, secured: true } : c));
  const others = (plan.securityProfiles ?? []).filter((p) => p.name !== security.profile.name);
  return { ...plan, columns, securityProfiles: [...others, security.profile] };
}
