import { isHandoverError } from "../../contracts/handover-error.js";
import type { PlannedColumn, PlannedKey, SchemaOutcome, SchemaPlan, TargetFailure } from "../../contracts/target.js";
import { backoffDelay } from "../../support/backoff.js";
import type { Sleep } from "../../support/pause-gate.js";
import type { Session } from "./client.js";
import { LOCAL_CODE, toFailure } from "./errors.js";
import { entityKey, type MetadataCache } from "./metadata.js";

export interface SchemaDeps {
  readonly session: Session;
  readonly metadata: MetadataCache;
  readonly sleep: Sleep;
  /** How long to wait for a new key's index to become Active before reporting it pending. */
  readonly keyWaitMs: number;
}

const LANGUAGE = 1033;

export function label(text: string) {
  return {
    "@odata.type": "Microsoft.Dynamics.CRM.Label",
    LocalizedLabels: [{ "@odata.type": "Microsoft.Dynamics.CRM.LocalizedLabel", Label: text, LanguageCode: LANGUAGE }],
  };
}

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
  }
}

/** Errors that end the whole call (auth, unreachable, throttled out) pass; others become outcomes. */
function failureOf(error: unknown): TargetFailure {
  if (isHandoverError(error)) throw error;
  return toFailure(error);
}

async function applyColumn(column: PlannedColumn, deps: SchemaDeps): Promise<SchemaOutcome> {
  const base = { kind: "column" as const, table: column.table, name: column.name };
  try {
    const meta = await deps.metadata.table(column.table);
    if (meta.columns.some((c) => c.name === column.name)) return { ok: true, ...base, created: false };
    await deps.session.call((api) => api.createAttribute({ entityKey: entityKey(column.table), data: attributeDefinition(column) }));
    deps.metadata.invalidate(column.table);
    return { ok: true, ...base, created: true };
  } catch (error) {
    if (isHandoverError(error) && error.code === "HO-TGT-005") {
      return { ok: false, ...base, error: { vendorCode: LOCAL_CODE, reason: "unknown table", transient: false } };
    }
    return { ok: false, ...base, error: failureOf(error) };
  }
}

type KeyState = "active" | "pending" | "failed" | "missing";

async function keyState(key: PlannedKey, deps: SchemaDeps): Promise<KeyState> {
  deps.metadata.invalidate(key.table);
  const meta = await deps.metadata.table(key.table);
  const name = key.name.toLowerCase();
  const sameColumns = (cols: readonly string[]) => cols.length === key.columns.length && cols.every((c) => key.columns.includes(c));
  const found = meta.keys.find((k) => k.name === name) ?? meta.keys.find((k) => sameColumns(k.columns));
  if (!found) return "missing";
  if (found.active) return "active";
  return meta.keyStatus.get(found.name) === "Failed" ? "failed" : "pending";
}

/** Polls (bounded, with backoff) until the key's index is Active. */
async function waitActive(key: PlannedKey, deps: SchemaDeps): Promise<KeyState> {
  let waited = 0;
  for (let attempt = 0; ; attempt++) {
    const state = await keyState(key, deps);
    if (state !== "pending" || waited >= deps.keyWaitMs) return state;
    const delay = Math.min(backoffDelay(attempt, { baseMs: 1000, maxMs: 15_000 }), deps.keyWaitMs - waited);
    await deps.sleep(delay);
    waited += delay;
  }
}

async function applyKey(key: PlannedKey, deps: SchemaDeps): Promise<SchemaOutcome> {
  const base = { kind: "key" as const, table: key.table, name: key.name };
  const pending: SchemaOutcome = {
    ok: false, ...base,
    error: { vendorCode: LOCAL_CODE, reason: "the key's index is still being built; run schema again later", transient: true },
  };
  const failedKey: SchemaOutcome = {
    ok: false, ...base,
    error: { vendorCode: LOCAL_CODE, reason: "the key's index failed to build (duplicate values in its columns?)", transient: false },
  };
  try {
    const before = await keyState(key, deps);
    if (before === "active") return { ok: true, ...base, created: false };
    if (before === "failed") return failedKey;
    if (before === "pending") return (await waitActive(key, deps)) === "active" ? { ok: true, ...base, created: false } : pending;
    await deps.session.call((api) =>
      api.create({
        collection: "EntityDefinitions",
        key: entityKey(key.table),
        navigationProperty: "Keys",
        data: { SchemaName: key.name, DisplayName: label(key.name), KeyAttributes: [...key.columns] },
      }),
    );
    const after = await waitActive(key, deps);
    if (after === "active") return { ok: true, ...base, created: true };
    if (after === "failed") return failedKey;
    if (after === "missing") return { ok: false, ...base, error: { vendorCode: LOCAL_CODE, reason: "the key was accepted but is not listed", transient: true } };
    return pending;
  } catch (error) {
    if (isHandoverError(error) && error.code === "HO-TGT-005") {
      return { ok: false, ...base, error: { vendorCode: LOCAL_CODE, reason: "unknown table", transient: false } };
    }
    return { ok: false, ...base, error: failureOf(error) };
  }
}

/** Columns first (keys are built on them), then keys; one outcome per plan item, in plan order. */
export async function applySchema(plan: SchemaPlan, deps: SchemaDeps): Promise<readonly SchemaOutcome[]> {
  const outcomes: SchemaOutcome[] = [];
  for (const column of plan.columns) outcomes.push(await applyColumn(column, deps));
  for (const key of plan.keys) outcomes.push(await applyKey(key, deps));
  return outcomes;
}
