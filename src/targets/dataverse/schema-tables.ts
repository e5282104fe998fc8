/**
 * Custom tables: POST /EntityDefinitions with the EntityMetadata and, in Attributes, exactly one
 * StringAttributeMetadata with IsPrimaryName = true (learn: power-apps/developer/data-platform/
 * webapi/create-update-entity-definitions-using-web-api, "Create table definitions": SchemaName,
 * DisplayName, DisplayCollectionName, OwnershipType, IsActivity, HasActivities, HasNotes are
 * required; the primary name column uses FormatName Text). 204 + OData-EntityId on success.
 */
import type { PlannedTable, SchemaOutcome } from "../../contracts/target.js";
import { label, schemaCase } from "./schema-names.js";
import { done, failed, failureOf, isUnknownTable, type SchemaDeps } from "./schema-support.js";

const NONE_REQUIRED = { Value: "None", CanBeChanged: true, ManagedPropertyLogicalName: "canmodifyrequirementlevelsettings" } as const;

/** The EntityMetadata body for a planned table. */
export function tableDefinition(table: PlannedTable): Record<string, unknown> {
  return {
    "@odata.type": "Microsoft.Dynamics.CRM.EntityMetadata",
    SchemaName: schemaCase(table.name),
    DisplayName: label(table.label),
    DisplayCollectionName: label(table.pluralLabel),
    Description: label(table.reason),
    OwnershipType: table.ownership === "organization" ? "OrganizationOwned" : "UserOwned",
    HasNotes: table.hasNotes ?? false,
    // Activities (tasks, calls) regarding these rows are not part of what we migrate into them.
    HasActivities: false,
    IsActivity: false,
    Attributes: [{
      "@odata.type": "Microsoft.Dynamics.CRM.StringAttributeMetadata",
      SchemaName: schemaCase(table.primaryName),
      IsPrimaryName: true,
      AttributeType: "String",
      AttributeTypeName: { Value: "StringType" },
      MaxLength: table.primaryNameMaxLength ?? 100,
      FormatName: { Value: "Text" },
      DisplayName: label(table.primaryNameLabel ?? "Name"),
      Description: label(`Primary name of ${table.label}`),
      RequiredLevel: NONE_REQUIRED,
    }],
  };
}

async function exists(name: string, deps: SchemaDeps): Promise<boolean> {
  try {
    await deps.metadata.table(name);
    return true;
  } catch (error) {
    if (isUnknownTable(error)) return false;
    throw error;
  }
}

/** Creates the table unless a table of that logical name exists (then ok, created: false). */
export async function applyTable(table: PlannedTable, deps: SchemaDeps): Promise<SchemaOutcome> {
  const item = { kind: "table" as const, table: table.name, name: table.name };
  try {
    if (await exists(table.name, deps)) return done(item, false);
    await deps.session.call((api) => api.createEntity({ data: tableDefinition(table) }));
    deps.metadata.invalidate(table.name);
    return done(item, true);
  } catch (error) {
    return failed(item, failureOf(error));
  }
}
