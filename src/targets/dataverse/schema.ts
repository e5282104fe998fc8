/**
 * applySchema: everything a plan needs, in dependency order — custom tables, then columns
 * (lookups through their relationships, which need both tables), then alternate keys (built on
 * columns). Idempotent: what exists is reported ok with created: false. An item whose table,
 * lookup target or key column could not be created is not attempted and says why.
 */
import type { PlannedColumn, PlannedKey, SchemaOutcome, SchemaPlan, TargetFailure } from "../../contracts/target.js";
import { entityKey } from "./metadata.js";
import { applyKey } from "./schema-keys.js";
import { applyLookup } from "./schema-lookups.js";
import { label } from "./schema-names.js";
import { applyTable } from "./schema-tables.js";
import { done, failed, failureOf, localFailure, type SchemaDeps } from "./schema-support.js";

export type { SchemaDeps } from "./schema-support.js";
export { label } from "./schema-names.js";
export { tableDefinition } from "./schema-tables.js";
export { relationshipDefinition } from "./schema-lookups.js";

/** The attribute definition Dataverse expects for a planned column. */
export function attributeDefinition(column: PlannedColumn): Record<string, unknown> {
  const common = {
    SchemaName: column.name,
    DisplayName: label(column.label),
    Description: label(column.reason),
    RequiredLevel: { Value: "None", CanBeChanged: true, ManagedPropertyLogicalName: "canmodifyrequirementlevelsettings" },
  };
  switch (column.type) {
    case "string":
      return { "@odata.type": "Microsoft.Dynamics.CRM.StringAttributeMetadata", ...common, AttributeType: "String", AttributeTypeName: { Value: "StringType" }, MaxLength: column.maxLength ?? 100, FormatName: { Value: "Text" } };
    case "memo":
      return { "@odata.type": "Microsoft.Dynamics.CRM.MemoAttributeMetadata", ...common, AttributeType: "Memo", AttributeTypeName: { Value: "MemoType" }, MaxLength: column.maxLength ?? 2000, Format: "TextArea" };
    case "date":
    case "datetime":
      return {
        "@odata.type": "Microsoft.Dynamics.CRM.DateTimeAttributeMetadata", ...common, AttributeType: "DateTime", AttributeTypeName: { Value: "DateTimeType" },
        Format: column.type === "date" ? "DateOnly" : "DateAndTime",
        // DateOnly behaviour: a birth date must not shift with the viewer's time zone.
        DateTimeBehavior: { Value: column.type === "date" ? "DateOnly" : "UserLocal" },
      };
    case "integer":
      return { "@odata.type": "Microsoft.Dynamics.CRM.IntegerAttributeMetadata", ...common, AttributeType: "Integer", AttributeTypeName: { Value: "IntegerType" }, Format: "None", MinValue: -2147483648, MaxValue: 2147483647 };
    case "decimal":
      return { "@odata.type": "Microsoft.Dynamics.CRM.DecimalAttributeMetadata", ...common, AttributeType: "Decimal", AttributeTypeName: { Value: "DecimalType" }, Precision: 2, MinValue: -100000000000, MaxValue: 100000000000 };
    case "boolean":
      return {
        "@odata.type": "Microsoft.Dynamics.CRM.BooleanAttributeMetadata", ...common, AttributeType: "Boolean", AttributeTypeName: { Value: "BooleanType" },
        DefaultValue: false,
        OptionSet: {
          "@odata.type": "Microsoft.Dynamics.CRM.BooleanOptionSetMetadata",
          OptionSetType: "Boolean",
          TrueOption: { Value: 1, Label: label("Yes") },
          FalseOption: { Value: 0, Label: label("No") },
        },
      };
    case "lookup":
      // A lookup is created with its relationship (schema-lookups.ts), never as a bare attribute.
      throw new Error(`'${column.name}' is a lookup: create it through relationshipDefinition`);
  }
}

async function applyColumn(column: PlannedColumn, deps: SchemaDeps): Promise<SchemaOutcome> {
  const item = { kind: "column" as const, table: column.table, name: column.name };
  try {
    const meta = await deps.metadata.table(column.table);
    if (meta.columns.some((c) => c.name === column.name)) return done(item, false);
    await deps.session.call((api) => api.createAttribute({ entityKey: entityKey(column.table), data: attributeDefinition(column) }));
    deps.metadata.invalidate(column.table);
    return done(item, true);
  } catch (error) {
    return failed(item, failureOf(error));
  }
}

/** Why an item can't be attempted: the failure of something it needs carries over. */
function blockedBy(what: string, cause: TargetFailure): TargetFailure {
  return { ...localFailure(`not attempted: ${what} could not be created (${cause.reason})`), transient: cause.transient };
}

function blockerOfColumn(column: PlannedColumn, tables: ReadonlyMap<string, TargetFailure>): TargetFailure | undefined {
  const own = tables.get(column.table);
  if (own) return blockedBy(`table '${column.table}'`, own);
  const target = column.lookupTarget === undefined ? undefined : tables.get(column.lookupTarget);
  return target && blockedBy(`table '${column.lookupTarget}'`, target);
}

function blockerOfKey(key: PlannedKey, tables: ReadonlyMap<string, TargetFailure>, columns: ReadonlyMap<string, TargetFailure>): TargetFailure | undefined {
  const own = tables.get(key.table);
  if (own) return blockedBy(`table '${key.table}'`, own);
  const column = key.columns.find((c) => columns.has(`${key.table}.${c}`));
  const cause = column === undefined ? undefined : columns.get(`${key.table}.${column}`);
  return cause && blockedBy(`column '${column}'`, cause);
}

/** Tables, then columns, then keys; one outcome per plan item, in plan order within each. */
export async function applySchema(plan: SchemaPlan, deps: SchemaDeps): Promise<readonly SchemaOutcome[]> {
  const outcomes: SchemaOutcome[] = [];
  const failedTables = new Map<string, TargetFailure>();
  const failedColumns = new Map<string, TargetFailure>();
  for (const table of plan.tables ?? []) {
    const outcome = await applyTable(table, deps);
    if (!outcome.ok) failedTables.set(table.name, outcome.error);
    outcomes.push(outcome);
  }
  for (const column of plan.columns) {
    const blocker = blockerOfColumn(column, failedTables);
    const outcome = blocker ? failed({ kind: "column", table: column.table, name: column.name }, blocker)
      : column.type === "lookup" ? await applyLookup(column, deps)
      : await applyColumn(column, deps);
    if (!outcome.ok) failedColumns.set(`${column.table}.${column.name}`, outcome.error);
    outcomes.push(outcome);
  }
  for (const key of plan.keys) {
    const blocker = blockerOfKey(key, failedTables, failedColumns);
    outcomes.push(blocker ? failed({ kind: "key", table: key.table, name: key.name }, blocker) : await applyKey(key, deps));
  }
  return outcomes;
}
