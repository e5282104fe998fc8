/**
 * Access for the migration user to the fields applySchema just created. A field created through
 * the Tooling or Metadata API gets no field-level security on any profile, so even the user who
 * created it can't read or write it through the API until a profile or permission set grants it
 * (Metadata API Developer Guide, "CustomField": FLS is set separately, through Profile or
 * PermissionSet fieldPermissions). We grant read + edit through one permission set,
 * "Handover_Migration", assigned to the running user; idempotent like the rest of the schema step.
 */
import type { Session } from "./session.js";
import { queryOrFail } from "./ids-by-key.js";
import { literal } from "./soql.js";

export const MIGRATION_PERMISSION_SET = "Handover_Migration";

async function ensureSet(session: Session): Promise<string> {
  const [found] = await queryOrFail(session, "PermissionSet", `SELECT Id FROM PermissionSet WHERE Name = ${literal(MIGRATION_PERMISSION_SET)}`);
  if (found) return String(found.Id);
  const created = await session.request<{ id: string }>("POST", "/sobjects/PermissionSet", {
    Name: MIGRATION_PERMISSION_SET, Label: "Handover migration", Description: "Lets the migration user read and write the fields Handover created.",
  });
  return created.id;
}

/**
 * Grants read + edit on `fields` ("Object.Field__c") to the running user. Throws the platform's
 * error; the caller reports it on the fields concerned.
 */
export async function grantMigrationAccess(session: Session, fields: readonly { readonly object: string; readonly field: string }[]): Promise<void> {
  if (fields.length === 0) return;
  const setId = await ensureSet(session);
  const existing = new Set((await queryOrFail(session, "FieldPermissions", `SELECT Field FROM FieldPermissions WHERE ParentId = ${literal(setId)}`))
    .map((r) => String(r.Field).toLowerCase()));
  for (const { object, field } of fields) {
    const name = `${object}.${field}`;
    if (existing.has(name.toLowerCase())) continue;
    await session.request("POST", "/sobjects/FieldPermissions", { ParentId: setId, SobjectType: object, Field: name, PermissionsRead: true, PermissionsEdit: true });
  }
  const identity = await session.call((conn) => conn.identity());
  const assigned = await queryOrFail(session, "PermissionSetAssignment",
    `SELECT Id FROM PermissionSetAssignment WHERE PermissionSetId = ${literal(setId)} AND AssigneeId = ${literal(identity.user_id)}`);
  if (assigned.length === 0) await session.request("POST", "/sobjects/PermissionSetAssignment", { AssigneeId: identity.user_id, PermissionSetId: setId });
}
