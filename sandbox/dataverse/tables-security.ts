/**
 * Field security tables and their standard relationships (Learn: column-level-security "Manage
 * access using field security profiles"; reference/entities/fieldsecurityprofile, fieldpermission):
 * - fieldsecurityprofile (OrganizationOwned, name/description);
 * - fieldpermission (OwnershipType None, no primary name) bound to its profile by the
 *   `fieldsecurityprofileid` lookup (1:N lk_fieldpermission_fieldsecurityprofileid);
 *   canread/cancreate/canupdate use field_security_permission_type: 0 Not Allowed, 4 Allowed;
 * - N:N systemuserprofiles_association (profile ↔ systemuser), teamprofiles_association
 *   (profile ↔ team) and teammembership_association (systemuser ↔ team).
 * A fresh org has the System Administrator profile 572329c1-a042-4e22-be47-367c6374ea45, which
 * "always contains references to each secured column" (column-level-security).
 */
import { isoSeconds, stableGuid } from "./model.js";
import type { ManyToManyDef, TableDef } from "./model.js";
import type { Store } from "./store.js";
import { AUDIT_COLUMNS, build, memo, picklist, str } from "./table-builder.js";

export const SYSTEM_ADMIN_PROFILE_ID = "572329c1-a042-4e22-be47-367c6374ea45";
export const ALLOWED = 4;
export const NOT_ALLOWED = 0;

const permission = () => picklist([NOT_ALLOWED, "Not Allowed"], [ALLOWED, "Allowed"]);

export function SECURITY_TABLES(): TableDef[] {
  return [
    build("fieldsecurityprofile", {
      entitySetName: "fieldsecurityprofiles", primaryId: "fieldsecurityprofileid", primaryName: "name", objectTypeCode: 1200,
      ownershipType: "OrganizationOwned", display: ["Field Security Profile", "Field Security Profiles"],
      columns: { name: str(100, "Text", "SystemRequired"), description: memo(2000), ...AUDIT_COLUMNS },
    }),
    build("fieldpermission", {
      entitySetName: "fieldpermissions", primaryId: "fieldpermissionid", primaryName: "", objectTypeCode: 1201,
      ownershipType: "None", display: ["Field Permission", "Field Permissions"],
      columns: {
        fieldsecurityprofileid: { type: "Lookup", targets: ["fieldsecurityprofile"], required: "SystemRequired" },
        entityname: str(128, "Text", "SystemRequired"),
        attributelogicalname: str(128, "Text", "SystemRequired"),
        canread: permission(), cancreate: permission(), canupdate: permission(),
        canreadunmasked: picklist([0, "Not Allowed"], [1, "One Record"], [3, "All Records"]),
        versionnumber: { type: "BigInt", readOnly: true },
      },
    }),
  ];
}

const relationship = (schemaName: string, entity1: string, entity2: string, intersect: string): ManyToManyDef => ({
  schemaName, metadataId: stableGuid(`rel:${schemaName}`), entity1, entity2, nav1: schemaName, nav2: schemaName, intersect, pairs: [],
});

/** Adds what an older state file lacks: the standard N:N relationships and the admin profile. */
export function ensureSecuritySeed(store: Store): void {
  const standard = [
    relationship("systemuserprofiles_association", "fieldsecurityprofile", "systemuser", "systemuserprofiles"),
    relationship("teamprofiles_association", "fieldsecurityprofile", "team", "teamprofiles"),
    relationship("teammembership_association", "systemuser", "team", "teammembership"),
  ];
  for (const rel of standard) {
    if (!store.manyToMany.some((r) => r.schemaName === rel.schemaName)) store.manyToMany.push(rel);
  }
  if (!store.get("fieldsecurityprofile", SYSTEM_ADMIN_PROFILE_ID)) {
    const now = isoSeconds(new Date());
    store.put(store.mustTable("fieldsecurityprofile"), {
      fieldsecurityprofileid: SYSTEM_ADMIN_PROFILE_ID, name: "System Administrator",
      description: "Full access to all secured fields", createdon: now, modifiedon: now, versionnumber: store.nextVersion(),
    });
  }
}
