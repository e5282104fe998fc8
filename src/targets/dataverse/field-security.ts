/**
 * Field-level (column) security, Dataverse's pure part (the plan itself is
 * core/plan/field-security-plan.ts). Learn "Column-level security with code"
 * (developer/data-platform/column-level-security): a secured column (AttributeMetadata.IsSecured)
 * can be read or set only by system administrators and by the users and teams of a field security
 * profile whose field permissions allow it (fieldpermission.canread/cancreate/canupdate:
 * 0 Not Allowed, 4 Allowed).
 */
import type { SchemaPlan } from "../../contracts/target.js";

/** Permission values of the field_security_permission_type choice. */
export const ALLOWED = 4;
export const NOT_ALLOWED = 0;

export function permissionValue(allowed: boolean): number {
  return allowed ? ALLOWED : NOT_ALLOWED;
}

const sameColumn = (a: { table: string; name: string }, b: { table: string; name: string }) => a.table === b.table && a.name === b.name;

/** Every column the plan secures: planned columns marked secured plus existing ones a profile names. */
export function securedColumns(plan: SchemaPlan): readonly { readonly table: string; readonly name: string }[] {
  const out: { table: string; name: string }[] = [];
  const add = (c: { table: string; name: string }) => {
    if (!out.some((o) => sameColumn(o, c))) out.push({ table: c.table, name: c.name });
  };
  for (const c of plan.columns) if (c.secured) add(c);
  for (const p of plan.securityProfiles ?? []) for (const perm of p.permissions) add({ table: perm.table, name: perm.column });
  return out;
}
