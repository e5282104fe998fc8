/** Serialises table/column/key/relationship definitions into EntityDefinitions JSON. */
import { LOOKUP_TYPES, navigationName, stableGuid } from "./model.js";
import type { AttributeType, ColumnDef, GlobalOptionSetDef, KeyDef, OptionDef, TableDef } from "./model.js";
import type { Store } from "./store.js";
import { canBeSecured } from "./field-security.js";

type Json = Record<string, unknown>;

export function label(text: string): Json {
  const l = { Label: text, LanguageCode: 1033, IsManaged: false, MetadataId: stableGuid(`label:${text}`), HasChanged: null };
  return { LocalizedLabels: [l], UserLocalizedLabel: l };
}

/** @odata.type class and AttributeTypeName per attribute type. */
export const TYPE_INFO: Readonly<Record<AttributeType, { readonly cls: string; readonly typeName: string }>> = {
  String: { cls: "StringAttributeMetadata", typeName: "StringType" },
  Memo: { cls: "MemoAttributeMetadata", typeName: "MemoType" },
  Integer: { cls: "IntegerAttributeMetadata", typeName: "IntegerType" },
  BigInt: { cls: "BigIntAttributeMetadata", typeName: "BigIntType" },
  Decimal: { cls: "DecimalAttributeMetadata", typeName: "DecimalType" },
  Money: { cls: "MoneyAttributeMetadata", typeName: "MoneyType" },
  MultiSelectPicklist: { cls: "MultiSelectPicklistAttributeMetadata", typeName: "MultiSelectPicklistType" },
  EntityName: { cls: "EntityNameAttributeMetadata", typeName: "EntityNameType" },
  Boolean: { cls: "BooleanAttributeMetadata", typeName: "BooleanType" },
  DateTime: { cls: "DateTimeAttributeMetadata", typeName: "DateTimeType" },
  Picklist: { cls: "PicklistAttributeMetadata", typeName: "PicklistType" },
  State: { cls: "StateAttributeMetadata", typeName: "StateType" },
  Status: { cls: "StatusAttributeMetadata", typeName: "StatusType" },
  Lookup: { cls: "LookupAttributeMetadata", typeName: "LookupType" },
  Customer: { cls: "LookupAttributeMetadata", typeName: "CustomerType" },
  Owner: { cls: "LookupAttributeMetadata", typeName: "OwnerType" },
  Uniqueidentifier: { cls: "UniqueIdentifierAttributeMetadata", typeName: "UniqueidentifierType" },
};

export function attributeJson(t: TableDef, c: ColumnDef, withOptionSet: boolean): Json {
  const info = TYPE_INFO[c.type];
  const out: Json = {
    "@odata.type": `#Microsoft.Dynamics.CRM.${info.cls}`,
    MetadataId: c.metadataId,
    LogicalName: c.logicalName,
    SchemaName: c.schemaName,
    EntityLogicalName: t.logicalName,
    AttributeType: c.type,
    AttributeTypeName: { Value: info.typeName },
    AttributeOf: null,
    IsCustomAttribute: c.isCustom,
    IsPrimaryId: c.logicalName === t.primaryId,
    IsPrimaryName: c.logicalName === t.primaryName,
    IsValidForCreate: c.validForCreate,
    IsValidForUpdate: c.validForUpdate,
    IsValidForRead: true,
    IsLogical: false,
    RequiredLevel: { Value: c.requiredLevel, CanBeChanged: !c.isCustom ? c.requiredLevel !== "SystemRequired" : true, ManagedPropertyLogicalName: "canmodifyrequirementlevelsettings" },
    DisplayName: label(c.displayName),
    Description: label(c.description ?? ""),
    // Column-level security (Learn: column-level-security "Discover which columns can be secured").
    IsSecured: c.isSecured === true,
    CanBeSecuredForRead: canBeSecured(t, c),
    CanBeSecuredForCreate: canBeSecured(t, c),
    CanBeSecuredForUpdate: canBeSecured(t, c),
  };
  if (c.type === "String" || c.type === "Memo") {
    out.MaxLength = c.maxLength ?? null;
    out.Format = c.type === "Memo" ? "TextArea" : (c.format ?? "Text");
    if (c.type === "String") out.FormatName = { Value: c.format ?? "Text" };
  }
  if (c.type === "DateTime") {
    out.Format = c.format ?? "DateAndTime";
    out.DateTimeBehavior = { Value: c.dateBehavior ?? (c.format === "DateOnly" ? "DateOnly" : "UserLocal") };
  }
  if (c.type === "Integer" || c.type === "Decimal" || c.type === "BigInt" || c.type === "Money") {
    out.MinValue = c.minValue ?? null;
    out.MaxValue = c.maxValue ?? null;
  }
  if (c.type === "Decimal" || c.type === "Money") out.Precision = c.precision ?? 2;
  if (c.type === "Money") out.PrecisionSource = 2;
  if (LOOKUP_TYPES.has(c.type)) out.Targets = [...(c.targets ?? [])];
  if (withOptionSet && c.options) Object.assign(out, optionSetJson(t, c));
  return out;
}

const optionJson = (o: OptionDef): Json => ({ Value: o.value, Label: label(o.label), ...(o.state !== undefined ? { State: o.state } : {}) });

/** OptionSet / GlobalOptionSet properties of a choice or Boolean attribute. */
function optionSetJson(t: TableDef, c: ColumnDef): Json {
  const options = c.options ?? [];
  if (c.type === "Boolean") {
    const find = (v: number): OptionDef => options.find((o) => o.value === v) ?? { value: v, label: v ? "Yes" : "No" };
    return {
      OptionSet: {
        MetadataId: stableGuid(`optionset:${t.logicalName}.${c.logicalName}`), Name: `${t.logicalName}_${c.logicalName}`,
        IsGlobal: false, OptionSetType: "Boolean", TrueOption: optionJson(find(1)), FalseOption: optionJson(find(0)),
      },
      GlobalOptionSet: null,
    };
  }
  const set: Json = {
    MetadataId: stableGuid(`optionset:${c.globalOptionSet ?? `${t.logicalName}.${c.logicalName}`}`),
    Name: c.globalOptionSet ?? `${t.logicalName}_${c.logicalName}`,
    IsGlobal: c.globalOptionSet !== undefined,
    OptionSetType: c.type === "Picklist" || c.type === "MultiSelectPicklist" ? "Picklist" : c.type,
    Options: options.map(optionJson),
  };
  return { OptionSet: set, GlobalOptionSet: c.globalOptionSet !== undefined ? set : null };
}

export function globalOptionSetJson(o: GlobalOptionSetDef): Json {
  return {
    "@odata.type": "#Microsoft.Dynamics.CRM.OptionSetMetadata",
    MetadataId: o.metadataId, Name: o.name, IsGlobal: true, IsCustomOptionSet: true, OptionSetType: "Picklist",
    DisplayName: label(o.displayName), Options: o.options.map(optionJson),
  };
}

export function keyJson(store: Store, t: TableDef, k: KeyDef): Json {
  store.noteKeyRead(t, k);
  return {
    MetadataId: k.metadataId,
    LogicalName: k.logicalName,
    SchemaName: k.schemaName,
    EntityLogicalName: t.logicalName,
    KeyAttributes: [...k.keyAttributes],
    EntityKeyIndexStatus: k.status,
    DisplayName: label(k.schemaName),
    IsCustomizable: { Value: true, CanBeChanged: true, ManagedPropertyLogicalName: "iscustomizable" },
  };
}

const KNOWN_RELATIONSHIPS: Readonly<Record<string, string>> = {
  "contact.parentcustomerid.account": "contact_customer_accounts",
  "contact.parentcustomerid.contact": "contact_customer_contacts",
  "account.parentaccountid.account": "account_parent_account",
  "fieldpermission.fieldsecurityprofileid.fieldsecurityprofile": "lk_fieldpermission_fieldsecurityprofileid",
};

export function manyToOneJson(t: TableDef, store?: Store): Json[] {
  const out: Json[] = [];
  for (const c of t.columns) {
    if (!LOOKUP_TYPES.has(c.type)) continue;
    for (const target of c.targets ?? []) {
      const schema =
        c.relationshipNames?.[target] ??
        KNOWN_RELATIONSHIPS[`${t.logicalName}.${c.logicalName}.${target}`] ??
        (c.type === "Owner" ? `${target === "systemuser" ? "user" : target}_${t.entitySetName}` : `${t.logicalName}_${c.logicalName}_${target}`);
      out.push({
        "@odata.type": "#Microsoft.Dynamics.CRM.OneToManyRelationshipMetadata",
        MetadataId: stableGuid(`rel:${schema}`),
        SchemaName: schema,
        RelationshipType: "OneToManyRelationship",
        IsCustomRelationship: c.isCustom,
        ReferencedEntity: target,
        ReferencedAttribute: store?.table(target)?.primaryId ?? `${target}id`,
        ReferencingEntity: t.logicalName,
        ReferencingAttribute: c.logicalName,
        ReferencedEntityNavigationPropertyName: schema,
        ReferencingEntityNavigationPropertyName: navigationName(c, target),
      });
    }
  }
  return out;
}

export function entityJson(t: TableDef): Json {
  return {
    "@odata.type": "#Microsoft.Dynamics.CRM.EntityMetadata",
    MetadataId: t.metadataId,
    LogicalName: t.logicalName,
    SchemaName: t.schemaName,
    EntitySetName: t.entitySetName,
    LogicalCollectionName: t.entitySetName,
    CollectionSchemaName: `${t.schemaName}s`,
    PrimaryIdAttribute: t.primaryId,
    PrimaryNameAttribute: t.primaryName,
    ObjectTypeCode: t.objectTypeCode,
    IsCustomEntity: t.isCustom,
    IsActivity: t.isActivity === true,
    OwnershipType: t.ownershipType,
    DisplayName: label(t.displayName ?? t.schemaName),
    DisplayCollectionName: label(t.displayCollectionName ?? `${t.schemaName}s`),
  };
}

/** Keeps MetadataId, @odata.type and the selected properties. */
export function selectProps(obj: Json, select: readonly string[] | undefined): Json {
  if (!select) return obj;
  const out: Json = {};
  for (const k of ["@odata.type", "MetadataId", ...select]) if (k in obj) out[k] = obj[k];
  return out;
}
