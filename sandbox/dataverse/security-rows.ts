/**
 * Rules for writing fieldsecurityprofile and fieldpermission rows, run before a row is saved.
 * - AttributeNotSecured 0x8004F508: a field permission must name a secured column
 *   (reference/web-service-error-codes: "One or more fields are not enabled for field level security").
 * - AdminProfileCannotBeEditedOrDeleted 0x8004F50C: the System Administrator profile and its rows are fixed.
 * - One profile per name and one permission per (profile, table, column): emulator choice of
 *   Dataverse's duplicate-key answer (412 0x80040237), as for alternate keys.
 */
import { DvError, duplicateKey } from "./errors.js";
import { isLookupValue } from "./model.js";
import type { Row, TableDef } from "./model.js";
import type { Store } from "./store.js";
import { NOT_ALLOWED, SYSTEM_ADMIN_PROFILE_ID } from "./tables-security.js";

const adminProfileFixed = (): DvError =>
  new DvError(400, "0x8004F50C", "The System Administrator field security profile cannot be modified or deleted.");

const profileOf = (row: Row | undefined): string | undefined => (isLookupValue(row?.fieldsecurityprofileid) ? row.fieldsecurityprofileid.id : undefined);
const text = (v: unknown): string => (typeof v === "string" ? v.toLowerCase() : "");

function checkProfile(store: Store, row: Row, previous: Row | undefined): void {
  if (previous && previous.fieldsecurityprofileid === SYSTEM_ADMIN_PROFILE_ID) throw adminProfileFixed();
  const id = String(row.fieldsecurityprofileid);
  for (const other of store.allRows("fieldsecurityprofile")) {
    if (String(other.fieldsecurityprofileid) !== id && text(other.name) === text(row.name)) throw duplicateKey();
  }
}

function checkPermission(store: Store, row: Row, previous: Row | undefined): void {
  if (profileOf(previous) === SYSTEM_ADMIN_PROFILE_ID || profileOf(row) === SYSTEM_ADMIN_PROFILE_ID) throw adminProfileFixed();
  const profile = profileOf(row);
  if (!profile || typeof row.entityname !== "string" || typeof row.attributelogicalname !== "string") {
    throw new DvError(400, "0x80040203", "fieldsecurityprofileid, entityname and attributelogicalname are required.");
  }
  const t = store.table(row.entityname);
  const col = t?.columns.find((c) => c.logicalName === row.attributelogicalname);
  if (!col?.isSecured) {
    throw new DvError(400, "0x8004F508", "One or more fields are not enabled for field level security. Field level security is not enabled until you publish the customizations.");
  }
  for (const k of ["canread", "cancreate", "canupdate"]) row[k] ??= NOT_ALLOWED;
  const id = String(row.fieldpermissionid);
  for (const other of store.allRows("fieldpermission")) {
    if (String(other.fieldpermissionid) === id || profileOf(other) !== profile) continue;
    if (other.entityname === row.entityname && other.attributelogicalname === row.attributelogicalname) throw duplicateKey();
  }
}

/** Called for every create/update before the row is stored. */
export function checkSecurityRow(store: Store, t: TableDef, row: Row, previous: Row | undefined): void {
  if (t.logicalName === "fieldsecurityprofile") checkProfile(store, row, previous);
  if (t.logicalName === "fieldpermission") checkPermission(store, row, previous);
}

/** Called before a DELETE. */
export function checkSecurityDelete(t: TableDef, row: Row): void {
  if (t.logicalName === "fieldsecurityprofile" && row.fieldsecurityprofileid === SYSTEM_ADMIN_PROFILE_ID) throw adminProfileFixed();
  if (t.logicalName === "fieldpermission" && profileOf(row) === SYSTEM_ADMIN_PROFILE_ID) throw adminProfileFixed();
}
