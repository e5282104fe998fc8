/** Compact column specs → full table definitions (used by the standard table files). */
import { stableGuid } from "./model.js";
import type { AttributeType, ColumnDef, DateBehavior, OptionDef, RequiredLevelValue, StateDef, TableDef } from "./model.js";

export interface ColSpec {
  readonly type: AttributeType;
  readonly display?: string;
  readonly maxLength?: number;
  readonly format?: string;
  readonly targets?: readonly string[];
  readonly navNames?: Readonly<Record<string, string>>;
  readonly options?: readonly OptionDef[];
  readonly required?: RequiredLevelValue;
  readonly readOnly?: boolean;
  readonly createOnly?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly precision?: number;
  readonly dateBehavior?: DateBehavior;
}

export type Columns = Readonly<Record<string, ColSpec>>;

export const str = (maxLength: number, format = "Text", required: RequiredLevelValue = "None"): ColSpec => ({
  type: "String", maxLength, format, required,
});
export const memo = (maxLength: number): ColSpec => ({ type: "Memo", maxLength });
export const readOnlyDate: ColSpec = { type: "DateTime", format: "DateAndTime", readOnly: true };
export const dateTime: ColSpec = { type: "DateTime", format: "DateAndTime" };
export const dateOnly: ColSpec = { type: "DateTime", format: "DateOnly", dateBehavior: "DateOnly" };
export const int = (min = -2_147_483_648, max = 2_147_483_647): ColSpec => ({ type: "Integer", min, max });
export const money: ColSpec = { type: "Money", precision: 2, min: -922_337_203_685_477, max: 922_337_203_685_477 };
export const bool = (falseLabel = "No", trueLabel = "Yes"): ColSpec => ({
  type: "Boolean", options: [{ value: 0, label: falseLabel }, { value: 1, label: trueLabel }],
});
export const picklist = (...labels: readonly (readonly [number, string])[]): ColSpec => ({
  type: "Picklist", options: labels.map(([value, label]) => ({ value, label })),
});

/** One state with its status reasons; the first status is the state's default. */
export interface StateSpec {
  readonly state: number;
  readonly label: string;
  readonly statuses: readonly (readonly [number, string])[];
}

/** statecode/statuscode columns plus the table's state list. */
export function stateColumns(specs: readonly StateSpec[]): { columns: Columns; states: StateDef[] } {
  return {
    columns: {
      statecode: { type: "State", options: specs.map((s) => ({ value: s.state, label: s.label })) },
      statuscode: {
        type: "Status",
        options: specs.flatMap((s) => s.statuses.map(([value, label]) => ({ value, label, state: s.state }))),
      },
    },
    states: specs.map((s) => ({ state: s.state, label: s.label, defaultStatus: s.statuses[0]?.[0] ?? 1 })),
  };
}

export const ACTIVE_INACTIVE: readonly StateSpec[] = [
  { state: 0, label: "Active", statuses: [[1, "Active"]] },
  { state: 1, label: "Inactive", statuses: [[2, "Inactive"]] },
];

/** Audit and versioning columns every table carries. */
export const AUDIT_COLUMNS: Columns = {
  createdon: readOnlyDate,
  modifiedon: readOnlyDate,
  versionnumber: { type: "BigInt", readOnly: true },
};

/** Columns of user/team-owned tables (without state). */
export const OWNED_COLUMNS: Columns = {
  ownerid: { type: "Owner", targets: ["systemuser", "team"], required: "SystemRequired" },
  overriddencreatedon: { type: "DateTime", format: "DateAndTime", createOnly: true },
  ...AUDIT_COLUMNS,
};

export interface TableSpec {
  readonly entitySetName: string;
  readonly primaryId: string;
  readonly primaryName: string;
  readonly objectTypeCode: number;
  readonly ownershipType: TableDef["ownershipType"];
  readonly states?: readonly StateSpec[];
  readonly columns: Columns;
  readonly isActivity?: boolean;
  readonly partyCollection?: string;
  readonly transitions?: TableDef["transitions"];
  readonly unionOf?: readonly string[];
  readonly display?: readonly [string, string];
}

export function columnFromSpec(table: string, name: string, c: ColSpec, primaryId: string): ColumnDef {
  return {
    logicalName: name,
    schemaName: name,
    type: c.type,
    displayName: c.display ?? name,
    maxLength: c.maxLength,
    format: c.format,
    targets: c.targets,
    navNames: c.navNames,
    options: c.options,
    minValue: c.min,
    maxValue: c.max,
    precision: c.precision,
    dateBehavior: c.dateBehavior,
    requiredLevel: c.required ?? (name === primaryId ? "SystemRequired" : "None"),
    isCustom: false,
    validForCreate: !c.readOnly,
    validForUpdate: !c.readOnly && !c.createOnly,
    metadataId: stableGuid(`attr:${table}.${name}`),
  };
}

export function build(logicalName: string, spec: TableSpec): TableDef {
  const state = spec.states ? stateColumns(spec.states) : undefined;
  const all: Columns = { [spec.primaryId]: { type: "Uniqueidentifier", createOnly: true }, ...spec.columns, ...state?.columns };
  const columns = Object.entries(all).map(([name, c]) => columnFromSpec(logicalName, name, c, spec.primaryId));
  return {
    logicalName, schemaName: logicalName.charAt(0).toUpperCase() + logicalName.slice(1),
    entitySetName: spec.entitySetName, primaryId: spec.primaryId, primaryName: spec.primaryName,
    metadataId: stableGuid(`entity:${logicalName}`), objectTypeCode: spec.objectTypeCode, isCustom: false,
    ownershipType: spec.ownershipType, states: state?.states, transitions: spec.transitions,
    isActivity: spec.isActivity, partyCollection: spec.partyCollection, unionOf: spec.unionOf,
    displayName: spec.display?.[0], displayCollectionName: spec.display?.[1], origin: "standard",
    columns, keys: [],
  };
}
