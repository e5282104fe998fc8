/**
 * Column-level security enforcement (Learn: column-level-security; power-platform admin
 * field-level-security). A secured column (ColumnDef.isSecured) is readable/settable by System
 * Administrators and by users granted it by a field security profile, directly
 * (systemuserprofiles_association) or through a team they belong to (teamprofiles_association +
 * teammembership_association). Record sharing of single fields (principalobjectattributeaccess)
 * is not emulated.
 * - Reads: "The default API behavior when returning a value for a secured column is to return no
 *   data" — the property comes back null.
 * - Writes: 403 with AttributePrivilegeCreateIsMissing 0x8004F502 (create) or
 *   AttributePermissionUpdateIsMissingDuringUpdate 0x8004F507 (update) (reference/web-service-error-codes;
 *   webapi/compose-http-requests-handle-errors lists both under 403 Forbidden).
 */
import { randomUUID } from "node:crypto";
import type { DvRequest } from "./context.js";
import { DvError } from "./errors.js";
import { resolveCaller } from "./callers.js";
import { isLookupValue, LOOKUP_TYPES } from "./model.js";
import type { AttributeType, ColumnDef, Row, TableDef } from "./model.js";
import type { Store } from "./store.js";
import { ALLOWED, SYSTEM_ADMIN_PROFILE_ID } from "./tables-security.js";

/** Admin doc "Attributes that can't be enabled for column security" (examples given there). */
const NOT_SECURABLE = new Set([
  "ownerid", "processid", "stageid", "businessunitid", "organizationid", "transactioncurrencyid", "createdby", "modifiedby",
  "owningteam", "owninguser", "owningbusinessunit", "createdon", "modifiedon", "overriddencreatedon", "modifiedonbehalfby",
  "timezoneruleversionnumber", "versionnumber", "importsequencenumber", "statecode", "statuscode", "componentstate",
  "exchangerate", "utcconversiontimezonecode", "fullname", "firstname", "middlename", "lastname", "yominame",
  "traversedpath",
]);
/** Lookups can't be secured (admin doc); ids, states and system types neither. */
const NOT_SECURABLE_TYPES: ReadonlySet<AttributeType> = new Set(["State", "Status", "EntityName", "Uniqueidentifier", ...LOOKUP_TYPES]);

/** CanBeSecuredForRead/Create/Update (one value for all three here). The primary name can't be secured. */
export function canBeSecured(t: TableDef, c: ColumnDef): boolean {
  if (c.logicalName === t.primaryId || c.logicalName === t.primaryName) return false;
  return !NOT_SECURABLE_TYPES.has(c.type) && !NOT_SECURABLE.has(c.logicalName);
}

interface Grant {
  read: boolean;
  create: boolean;
  update: boolean;
}

const related = (store: Store, schemaName: string): [string, string][] => store.manyToMany.find((r) => r.schemaName === schemaName)?.pairs ?? [];

/** "table.column" → what the user's profiles (direct or via teams) allow. */
function grantsOf(store: Store, userId: string): Map<string, Grant> {
  const teams = new Set(related(store, "teammembership_association").filter((p) => p[0] === userId).map((p) => p[1]));
  const profiles = new Set([
    ...related(store, "systemuserprofiles_association").filter((p) => p[1] === userId).map((p) => p[0]),
    ...related(store, "teamprofiles_association").filter((p) => teams.has(p[1])).map((p) => p[0]),
  ]);
  const out = new Map<string, Grant>();
  for (const row of store.allRows("fieldpermission")) {
    const profile = row.fieldsecurityprofileid;
    if (!isLookupValue(profile) || !profiles.has(profile.id)) continue;
    const key = `${String(row.entityname)}.${String(row.attributelogicalname)}`;
    const g = out.get(key) ?? { read: false, create: false, update: false };
    out.set(key, { read: g.read || row.canread === ALLOWED, create: g.create || row.cancreate === ALLOWED, update: g.update || row.canupdate === ALLOWED });
  }
  return out;
}

export type FieldAccess = (t: TableDef, c: ColumnDef, op: keyof Grant) => boolean;

/** The caller's access to columns for one request (grants computed once, on first need). */
export function fieldAccess(store: Store, req: DvRequest): FieldAccess {
  let grants: Map<string, Grant> | undefined;
  let admin: boolean | undefined;
  let userId = "";
  return (t, c, op) => {
    if (!c.isSecured) return true;
    if (admin === undefined) ({ admin, userId } = resolveCaller(store, req));
    if (admin) return true;
    grants ??= grantsOf(store, userId);
    return grants.get(`${t.logicalName}.${c.logicalName}`)?.[op] === true;
  };
}

/** Refuses setting a secured column the caller may not create/update (null on create sets nothing). */
export function checkSecuredWrite(access: FieldAccess, t: TableDef, c: ColumnDef, mode: "create" | "update", value: unknown): void {
  if (!c.isSecured || (mode === "create" && value === null)) return;
  if (mode === "create" && !access(t, c, "create")) {
    throw new DvError(403, "0x8004F502", "The user does not have create permissions to a secured field. The requested operation could not be completed.");
  }
  if (mode === "update" && !access(t, c, "update")) {
    throw new DvError(403, "0x8004F507", "The user doesn't have AttributePrivilegeUpdate and not granted shared access for a secured attribute during update operation");
  }
}

/** Keeps the System Administrator profile's full-access row in step with IsSecured. */
export function syncAdminPermission(store: Store, t: TableDef, c: ColumnDef): void {
  const perms = store.mustTable("fieldpermission");
  const existing = [...store.allRows("fieldpermission")].find(
    (r: Row) => isLookupValue(r.fieldsecurityprofileid) && r.fieldsecurityprofileid.id === SYSTEM_ADMIN_PROFILE_ID &&
      r.entityname === t.logicalName && r.attributelogicalname === c.logicalName,
  );
  if (!c.isSecured) {
    if (existing) store.remove(perms, String(existing.fieldpermissionid));
    return;
  }
  if (existing) return;
  store.put(perms, {
    fieldpermissionid: randomUUID(), fieldsecurityprofileid: { id: SYSTEM_ADMIN_PROFILE_ID, table: "fieldsecurityprofile" },
    entityname: t.logicalName, attributelogicalname: c.logicalName, canread: ALLOWED, cancreate: ALLOWED, canupdate: ALLOWED,
    canreadunmasked: 0, versionnumber: store.nextVersion(),
  });
}
