/**
 * Lookup columns come with their relationship: POST /RelationshipDefinitions with a
 * OneToManyRelationshipMetadata whose Lookup is the new LookupAttributeMetadata (learn:
 * power-apps/developer/data-platform/webapi/create-update-entity-relationships-using-web-api,
 * "Create a one-to-many relationship": SchemaName, ReferencedEntity, ReferencedAttribute,
 * ReferencingEntity, CascadeConfiguration, Lookup). We leave ReferencingEntityNavigationPropertyName
 * to the platform (it defaults to the lookup's SchemaName) and read it back from the table's
 * ManyToOneRelationships, which is what writes bind with.
 */
import type { PlannedColumn, SchemaOutcome, TargetFailure } from "../../contracts/target.js";
import type { TableAddress } from "./metadata.js";
import { label, REFERENTIAL_CASCADE, relationshipSchemaName, schemaCase } from "./schema-names.js";
import { done, failed, failureOf, isUnknownTable, localFailure, type SchemaDeps } from "./schema-support.js";

export type LookupColumn = PlannedColumn & { readonly lookupTarget: string };

/** The OneToManyRelationshipMetadata body that creates `column` on its table. */
export function relationshipDefinition(column: LookupColumn, referenced: TableAddress): Record<string, unknown> {
  return {
    "@odata.type": "Microsoft.Dynamics.CRM.OneToManyRelationshipMetadata",
    SchemaName: relationshipSchemaName(column),
    ReferencedEntity: column.lookupTarget,
    ReferencedAttribute: referenced.primaryId,
    ReferencingEntity: column.table,
    CascadeConfiguration: REFERENTIAL_CASCADE,
    Lookup: {
      "@odata.type": "Microsoft.Dynamics.CRM.LookupAttributeMetadata",
      AttributeType: "Lookup",
      AttributeTypeName: { Value: "LookupType" },
      SchemaName: schemaCase(column.name),
      DisplayName: label(column.label),
      Description: label(column.reason),
      RequiredLevel: { Value: "None", CanBeChanged: true, ManagedPropertyLogicalName: "canmodifyrequirementlevelsettings" },
    },
  };
}

/** The referenced table's address, or why the lookup can't point at it. */
async function referencedTable(target: string, deps: SchemaDeps): Promise<TableAddress | TargetFailure> {
  try {
    return await deps.metadata.address(target);
  } catch (error) {
    if (isUnknownTable(error)) return localFailure(`the table the lookup points at ('${target}') does not exist`);
    throw error;
  }
}

export async function applyLookup(column: PlannedColumn, deps: SchemaDeps): Promise<SchemaOutcome> {
  const item = { kind: "column" as const, table: column.table, name: column.name };
  const target = column.lookupTarget;
  if (!target) return failed(item, localFailure("a lookup column needs the table it points at"));
  try {
    const meta = await deps.metadata.table(column.table);
    const existing = meta.columns.find((c) => c.name === column.name);
    if (existing) {
      const pointsAtTarget = existing.type === "lookup" && (existing.targets ?? []).includes(target);
      return pointsAtTarget ? done(item, false) : failed(item, localFailure(`a column of this name exists but is not a lookup to '${target}'`));
    }
    const referenced = await referencedTable(target, deps);
    if ("reason" in referenced) return failed(item, referenced);
    await deps.session.call((api) => api.createRelationship({ data: relationshipDefinition({ ...column, lookupTarget: target }, referenced) }));
    // Writes bind through ManyToOneRelationships' navigation property: re-read the table now.
    deps.metadata.invalidate(column.table);
    const after = await deps.metadata.table(column.table);
    if (!after.relations.some((r) => r.attribute === column.name && r.table === target)) {
      return failed(item, localFailure("the lookup was accepted but its relationship is not listed yet; run schema again", true));
    }
    return done(item, true);
  } catch (error) {
    return failed(item, failureOf(error));
  }
}
