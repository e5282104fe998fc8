/** User, Organization and the permission-set objects (stored only; enforcement may come later). */
import { field, readOnly, required } from "./field-def.js";
import { defineObject } from "./object-def.js";
import type { ObjectDef } from "./object-def.js";

export function adminObjects(): ObjectDef[] {
  const user = defineObject("User", "005", [
    required("Username", "string", { length: 80, unique: true, idLookup: true }),
    required("Email", "email", { length: 128 }),
    field("FirstName", "string", { length: 40 }),
    required("LastName", "string", { length: 80 }),
    readOnly("Name", "string", { length: 121, nameField: true, label: "Full Name", nillable: false, defaultedOnCreate: true }),
    field("Alias", "string", { length: 8, nillable: false, defaultedOnCreate: true }),
    field("IsActive", "boolean", { nillable: false, defaultedOnCreate: true, defaultValue: true, label: "Active" }),
    field("Title", "string", { length: 80 }),
  ], { deletable: false });

  const org = defineObject("Organization", "00D", [
    readOnly("Name", "string", { length: 80, nameField: true }),
    readOnly("InstanceName", "string", { length: 5 }),
    readOnly("IsSandbox", "boolean"),
    readOnly("TrialExpirationDate", "datetime"),
    readOnly("NamespacePrefix", "string", { length: 15 }),
    readOnly("OrganizationType", "string", { length: 40, label: "Edition" }),
  ], { createable: false, updateable: false, deletable: false });

  const permissionSet = defineObject("PermissionSet", "0PS", [
    required("Name", "string", { length: 80, unique: true }),
    required("Label", "string", { length: 80, nameField: true }),
    field("Description", "textarea", { length: 255 }),
  ], { label: "Permission Set" });

  const fieldPermissions = defineObject("FieldPermissions", "01k", [
    required("ParentId", "reference", { referenceTo: ["PermissionSet"], relationshipName: "Parent", updateable: false, cascadeDelete: true }),
    required("SobjectType", "string", { updateable: false, label: "Sobject Type Name" }),
    required("Field", "string", { updateable: false, label: "Field Name" }),
    field("PermissionsRead", "boolean", { nillable: false, defaultedOnCreate: true, defaultValue: false, label: "Read Access" }),
    field("PermissionsEdit", "boolean", { nillable: false, defaultedOnCreate: true, defaultValue: false, label: "Edit Access" }),
  ], { label: "Field Permissions", labelPlural: "Field Permissions" });

  const assignment = defineObject("PermissionSetAssignment", "0Pa", [
    required("AssigneeId", "reference", { referenceTo: ["User"], relationshipName: "Assignee", updateable: false }),
    required("PermissionSetId", "reference", { referenceTo: ["PermissionSet"], relationshipName: "PermissionSet", updateable: false, cascadeDelete: true }),
  ], { label: "Permission Set Assignment" });

  return [user, org, permissionSet, fieldPermissions, assignment];
}

