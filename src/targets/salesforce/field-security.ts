/**
 * Field-level security on Salesforce: one PermissionSet per planned security profile, its
 * FieldPermissions (read / edit per field), and PermissionSetAssignments for the profile's users
 * (Object Reference: PermissionSet, FieldPermissions — "Field: the API name of the field, as
 * Object.Field", PermissionsEdit needs PermissionsRead — and PermissionSetAssignment:
 * developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_fieldpermissions.htm).
 * Every field is under field-level security on Salesforce, so "securing" a column is a no-op
 * reported as such; Salesforce has no teams, so a planned team is reported as not applied.
 * Idempotent: existing sets, permissions and assignments are found by query and reused.
 */
import { HandoverError } from "../../contracts/handover-error.js";
import type { PlannedSecurityProfile, SchemaPlan, SecurityItemKind, SecurityOutcome, TargetFailure } from "../../contracts/target.js";
import { LOCAL_CODE, toFailure } from "./errors.js";
import { queryOrFail } from "./ids-by-key.js";
import type { MetadataCache } from "./metadata.js";
import { customName, objectName } from "./schema-metadata.js";
import type { Session } from "./session.js";
import { literal } from "./soql.js";
import { findUsers } from "./users.js";

export interface SecurityDeps {
  readonly session: Session;
  readonly metadata: MetadataCache;
}

/** A permission set API name from a profile name: letters, digits, single underscores, ≤ 80. */
export function permissionSetName(profile: string): string {
  const safe = profile.replace(/[^A-Za-z0-9]+/g, "_").replace(/_+/g, "_").replace(/^_|_$/g, "");
  return (/^[A-Za-z]/.test(safe) ? safe : `PS_${safe}`).slice(0, 80).replace(/_$/, "");
}

type Outcomes = SecurityOutcome[];

const failed = (kind: SecurityItemKind, name: string, error: TargetFailure): SecurityOutcome => ({ ok: false, kind, name, error });
const local = (reason: string): TargetFailure => ({ vendorCode: LOCAL_CODE, reason, transient: false });

/** Runs one step; a platform refusal becomes the item's failed outcome. */
async function step(out: Outcomes, kind: SecurityItemKind, name: string, work: () => Promise<boolean>): Promise<void> {
  try {
    out.push({ ok: true, kind, name, created: await work() });
  } catch (error) {
    if (error instanceof HandoverError) throw error;
    out.push(failed(kind, name, toFailure(error)));
  }
}

async function ensurePermissionSet(session: Session, profile: PlannedSecurityProfile): Promise<{ id: string; created: boolean }> {
  const name = permissionSetName(profile.name);
  const [found] = await queryOrFail(session, "PermissionSet", `SELECT Id FROM PermissionSet WHERE Name = ${literal(name)}`);
  if (found) return { id: String(found.Id), created: false };
  const created = await session.request<{ id: string }>("POST", "/sobjects/PermissionSet", {
    Name: name, Label: profile.name.slice(0, 80), ...(profile.description ? { Description: profile.description.slice(0, 255) } : {}),
  });
  return { id: created.id, created: true };
}

async function applyProfile(out: Outcomes, profile: PlannedSecurityProfile, plan: SchemaPlan, deps: SecurityDeps): Promise<void> {
  const { session } = deps;
  let set: { id: string; created: boolean } | undefined;
  await step(out, "profile", profile.name, async () => {
    set = await ensurePermissionSet(session, profile);
    return set.created;
  });
  if (!set) return;
  const setId = set.id;
  const custom = new Set((plan.tables ?? []).map((t) => t.name));
  const existing = new Map((await queryOrFail(session, "FieldPermissions",
    `SELECT Id, Field, PermissionsRead, PermissionsEdit FROM FieldPermissions WHERE ParentId = ${literal(setId)}`)).map((r) => [String(r.Field).toLowerCase(), r] as const));
  for (const p of profile.permissions) {
    const object = objectName(p.table, custom);
    // Columns the plan creates carry their custom API name; standard fields (Birthdate) stay as they are.
    const planned = plan.columns.some((c) => c.table === p.table && c.name === p.column);
    const field = `${object}.${planned ? customName(p.column) : p.column}`;
    const edit = p.create || p.update;
    const read = p.read || edit;
    await step(out, "permission", `${profile.name}: ${field}`, async () => {
      const current = existing.get(field.toLowerCase());
      if (!current) {
        await session.request("POST", "/sobjects/FieldPermissions", { ParentId: setId, SobjectType: object, Field: field, PermissionsRead: read, PermissionsEdit: edit });
        return true;
      }
      if (current.PermissionsRead !== read || current.PermissionsEdit !== edit) {
        await session.request("PATCH", `/sobjects/FieldPermissions/${String(current.Id)}`, { PermissionsRead: read, PermissionsEdit: edit });
      }
      return false;
    });
  }
  for (const team of profile.teams) {
    out.push(failed("team", team, local("Salesforce has no teams; assign the permission set to users, or to a permission set group")));
  }
  if (profile.users.length === 0) return;
  const users = await findUsers(session, profile.users);
  const assigned = new Set((await queryOrFail(session, "PermissionSetAssignment",
    `SELECT AssigneeId FROM PermissionSetAssignment WHERE PermissionSetId = ${literal(setId)}`)).map((r) => String(r.AssigneeId)));
  for (const email of profile.users) {
    const user = users.find((u) => u.email.toLowerCase() === email.toLowerCase());
    if (!user) {
      out.push(failed("user", email, local("no Salesforce user has this email")));
      continue;
    }
    await step(out, "user", email, async () => {
      if (assigned.has(user.id)) return false;
      await session.request("POST", "/sobjects/PermissionSetAssignment", { AssigneeId: user.id, PermissionSetId: setId });
      assigned.add(user.id);
      return true;
    });
  }
}

/** Secured columns (no-op on Salesforce), then per profile: set, field permissions, teams, users. */
export async function applyFieldSecurity(plan: SchemaPlan, deps: SecurityDeps): Promise<readonly SecurityOutcome[]> {
  const out: Outcomes = [];
  const custom = new Set((plan.tables ?? []).map((t) => t.name));
  for (const column of plan.columns.filter((c) => c.secured)) {
    out.push({ ok: true, kind: "secure-column", name: `${objectName(column.table, custom)}.${customName(column.name)}`, created: false });
  }
  for (const profile of plan.securityProfiles ?? []) await applyProfile(out, profile, plan, deps);
  return out;
}
