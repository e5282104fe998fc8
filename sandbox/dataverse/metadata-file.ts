/**
 * Seeds table definitions from a real org's metadata (sandbox option `metadataFile`), so a user can
 * rehearse against their own schema.
 *
 * File shape — the body of
 *   GET EntityDefinitions?$select=LogicalName,SchemaName,EntitySetName,PrimaryIdAttribute,PrimaryNameAttribute,
 *       IsCustomEntity,OwnershipType&$expand=Attributes,Keys,ManyToOneRelationships
 * i.e.
 *   { "value": [ {
 *       "LogicalName": "contact", "SchemaName": "Contact", "EntitySetName": "contacts",
 *       "PrimaryIdAttribute": "contactid", "PrimaryNameAttribute": "fullname",
 *       "IsCustomEntity": false, "OwnershipType": "UserOwned",          // MetadataId, ObjectTypeCode optional
 *       "Attributes": [ { "@odata.type": "#Microsoft.Dynamics.CRM.StringAttributeMetadata",
 *           "LogicalName": "hc_mrn", "SchemaName": "hc_MRN", "AttributeType": "String",
 *           "AttributeTypeName": { "Value": "StringType" }, "AttributeOf": null, "IsCustomAttribute": true,
 *           "IsValidForCreate": true, "IsValidForUpdate": true, "RequiredLevel": { "Value": "None" },
 *           "MaxLength": 20, "Format": "Text",                            // per type: MinValue/MaxValue/Precision,
 *           "Targets": ["account"],                                       //   Format + DateTimeBehavior {Value},
 *           "OptionSet": { "Options": [ { "Value": 1, "Label": {…}, "State": 0 } ] } } ],   // OptionSet optional
 *       "Keys": [ { "LogicalName": "hc_mrn_key", "SchemaName": "hc_mrn_key", "KeyAttributes": ["hc_mrn"],
 *           "EntityKeyIndexStatus": "Active" } ],
 *       "ManyToOneRelationships": [ { "SchemaName": "hc_clinic_contact", "ReferencedEntity": "hc_clinic",
 *           "ReferencingAttribute": "hc_clinicid", "ReferencingEntityNavigationPropertyName": "hc_ClinicId",
 *           "ReferencedEntityNavigationPropertyName": "hc_clinic_contact" } ] } ] }
 *
 * Attributes with AttributeOf set (e.g. `owneridname`) and types the sandbox can't store (Virtual,
 * PartyList, Image, File, …) are skipped. Definitions replace the standard table of the same
 * LogicalName; option lists missing from the file are taken from the standard table (else any
 * integer is accepted), as are the activity/state behaviours.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { labelText } from "./attribute-parse.js";
import { stableGuid } from "./model.js";
import type { AttributeType, ColumnDef, DateBehavior, KeyDef, OptionDef, RequiredLevelValue, StateDef, TableDef } from "./model.js";
import { standardTables } from "./tables.js";

type Json = Record<string, unknown>;

const BY_TYPE_NAME: Readonly<Record<string, AttributeType>> = {
  StringType: "String", MemoType: "Memo", IntegerType: "Integer", BigIntType: "BigInt", DecimalType: "Decimal",
  DoubleType: "Decimal", MoneyType: "Money", BooleanType: "Boolean", DateTimeType: "DateTime", PicklistType: "Picklist",
  MultiSelectPicklistType: "MultiSelectPicklist", StateType: "State", StatusType: "Status", LookupType: "Lookup",
  CustomerType: "Customer", OwnerType: "Owner", UniqueidentifierType: "Uniqueidentifier", EntityNameType: "EntityName",
};

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);
const arr = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);

function options(a: Json): OptionDef[] | undefined {
  const set = a.OptionSet as Json | undefined;
  if (!set) return undefined;
  if (set.TrueOption || set.FalseOption) {
    return [{ value: 0, label: labelText((set.FalseOption as Json | undefined)?.Label, "No") }, { value: 1, label: labelText((set.TrueOption as Json | undefined)?.Label, "Yes") }];
  }
  const list = arr(set.Options);
  if (list.length === 0) return undefined;
  return list.map((o) => ({ value: Number(o.Value), label: labelText(o.Label, String(o.Value)), ...(typeof o.State === "number" ? { state: o.State } : {}) }));
}

function column(table: string, a: Json, rels: readonly Json[], standard: TableDef | undefined): ColumnDef | undefined {
  const logicalName = str(a.LogicalName);
  if (!logicalName || (a.AttributeOf !== null && a.AttributeOf !== undefined)) return undefined;
  const type = BY_TYPE_NAME[String((a.AttributeTypeName as Json | undefined)?.Value ?? `${String(a.AttributeType)}Type`)];
  if (!type) return undefined;
  const mine = rels.filter((r) => r.ReferencingAttribute === logicalName);
  const targets = Array.isArray(a.Targets) ? (a.Targets as string[]) : mine.map((r) => String(r.ReferencedEntity));
  const navNames = Object.fromEntries(mine.filter((r) => str(r.ReferencingEntityNavigationPropertyName)).map((r) => [String(r.ReferencedEntity), String(r.ReferencingEntityNavigationPropertyName)]));
  const relNames = Object.fromEntries(mine.filter((r) => str(r.SchemaName)).map((r) => [String(r.ReferencedEntity), String(r.SchemaName)]));
  const behavior = str((a.DateTimeBehavior as Json | undefined)?.Value) as DateBehavior | undefined;
  const std = standard?.columns.find((c) => c.logicalName === logicalName);
  return {
    logicalName,
    schemaName: str(a.SchemaName) ?? logicalName,
    type,
    displayName: labelText(a.DisplayName, logicalName),
    maxLength: num(a.MaxLength),
    format: type === "DateTime" ? (a.Format === "DateOnly" || behavior === "DateOnly" ? "DateOnly" : "DateAndTime") : str(a.Format),
    dateBehavior: behavior,
    targets: targets.length ? targets : undefined,
    navNames: Object.keys(navNames).length ? navNames : std?.navNames,
    relationshipNames: Object.keys(relNames).length ? relNames : undefined,
    options: options(a) ?? std?.options,
    minValue: num(a.MinValue),
    maxValue: num(a.MaxValue),
    precision: num(a.Precision),
    requiredLevel: (str((a.RequiredLevel as Json | undefined)?.Value) as RequiredLevelValue | undefined) ?? "None",
    isCustom: a.IsCustomAttribute === true,
    validForCreate: a.IsValidForCreate !== false,
    validForUpdate: a.IsValidForUpdate !== false,
    metadataId: str(a.MetadataId) ?? stableGuid(`attr:${table}.${logicalName}`),
  };
}

function key(k: Json): KeyDef | undefined {
  const attrs = Array.isArray(k.KeyAttributes) ? (k.KeyAttributes as unknown[]).filter((x): x is string => typeof x === "string") : [];
  const logicalName = str(k.LogicalName) ?? str(k.SchemaName)?.toLowerCase();
  if (!logicalName || attrs.length === 0) return undefined;
  const raw = str(k.EntityKeyIndexStatus) ?? "Active";
  // A key still building in the real org finishes building here on first use.
  const status = raw === "Active" || raw === "Failed" ? raw : "Pending";
  return {
    schemaName: str(k.SchemaName) ?? logicalName, logicalName, keyAttributes: attrs, metadataId: str(k.MetadataId) ?? randomUUID(),
    status, ...(status === "Pending" ? { activateAt: 0 } : {}),
  };
}

/** State list from the statuscode options (State on each), else the standard table's, else Active/Inactive. */
function states(columns: readonly ColumnDef[], standard: TableDef | undefined): StateDef[] | undefined {
  if (!columns.some((c) => c.logicalName === "statecode")) return undefined;
  const statusOptions = columns.find((c) => c.logicalName === "statuscode")?.options ?? [];
  const stateOptions = columns.find((c) => c.logicalName === "statecode")?.options ?? [];
  if (statusOptions.some((o) => o.state !== undefined) && stateOptions.length) {
    return stateOptions.map((s) => ({ state: s.value, label: s.label, defaultStatus: statusOptions.find((o) => o.state === s.value)?.value ?? 1 }));
  }
  return standard?.states ? [...standard.states] : [{ state: 0, label: "Active", defaultStatus: 1 }, { state: 1, label: "Inactive", defaultStatus: 2 }];
}

function table(e: Json, standardByName: ReadonlyMap<string, TableDef>, file: string): TableDef {
  const logicalName = str(e.LogicalName);
  const entitySetName = str(e.EntitySetName);
  const primaryId = str(e.PrimaryIdAttribute);
  if (!logicalName || !entitySetName || !primaryId) {
    throw new Error(`${file}: every EntityDefinition needs LogicalName, EntitySetName and PrimaryIdAttribute`);
  }
  const standard = standardByName.get(logicalName);
  const rels = arr(e.ManyToOneRelationships);
  const columns = arr(e.Attributes).map((a) => column(logicalName, a, rels, standard)).filter((c): c is ColumnDef => c !== undefined);
  if (!columns.some((c) => c.logicalName === primaryId)) {
    columns.unshift({
      logicalName: primaryId, schemaName: primaryId, type: "Uniqueidentifier", displayName: primaryId, requiredLevel: "SystemRequired",
      isCustom: false, validForCreate: true, validForUpdate: false, metadataId: stableGuid(`attr:${logicalName}.${primaryId}`),
    });
  }
  const ownership = str(e.OwnershipType);
  return {
    ...(standard ?? {}),
    logicalName, entitySetName, primaryId,
    schemaName: str(e.SchemaName) ?? logicalName,
    primaryName: str(e.PrimaryNameAttribute) ?? standard?.primaryName ?? primaryId,
    metadataId: str(e.MetadataId) ?? standard?.metadataId ?? stableGuid(`entity:${logicalName}`),
    objectTypeCode: num(e.ObjectTypeCode) ?? standard?.objectTypeCode ?? 10_000,
    isCustom: e.IsCustomEntity === true,
    ownershipType: ownership === "OrganizationOwned" || ownership === "BusinessOwned" || ownership === "None" ? ownership : "UserOwned",
    states: states(columns, standard),
    origin: "file",
    columns,
    keys: arr(e.Keys).map(key).filter((k): k is KeyDef => k !== undefined),
  };
}

/** Reads and converts a metadata file; throws an Error naming the file (never its contents) on bad shape. */
export function loadMetadataFile(file: string): TableDef[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    throw new Error(`${file}: not a readable JSON file`);
  }
  const value = (parsed as { value?: unknown } | null)?.value;
  if (!Array.isArray(value)) throw new Error(`${file}: expected { "value": [ EntityDefinition, … ] }`);
  const standardByName = new Map(standardTables().map((t) => [t.logicalName, t]));
  return (value as Json[]).map((e) => table(e, standardByName, file));
}
