/**
 * customizations.xml parts: attributes, alternate keys and entities, in the element vocabulary of
 * exported unmanaged solutions (Type nvarchar/ntext/int/decimal/bit/datetime, displaynames,
 * EntityKeys/EntityKey/EntityKeyAttributes/AttributeName). Values mirror `attributeDefinition`
 * in schema.ts so an imported column equals one created through the Web API.
 * Unverified against a real import (no org here): the minimal element set per attribute, the
 * datetime <Behavior> codes (1 UserLocal, 2 DateOnly), and that a custom table imports without
 * forms, views and ribbon (Dataverse is expected to add its defaults).
 * Lookups: an attribute of Type "lookup" (LookupStyle single) named by its SchemaName casing,
 * plus an <EntityRelationship> (OneToMany, cascade as REFERENTIAL_CASCADE, roles naming the
 * navigation properties), in the element set of exported unmanaged solutions; equally unverified
 * by an import here.
 */
import type { PlannedColumn, PlannedKey, PlannedTable } from "../../contracts/target.js";
import { REFERENTIAL_CASCADE, relationshipSchemaName, schemaCase } from "./schema-names.js";
import { el, flag, labels, type XmlElement } from "./solution-export-xml.js";

/** Schema names of standard tables we add columns to (customizations.xml names tables by schema name). */
const STANDARD_SCHEMA: Readonly<Record<string, string>> = {
  account: "Account", contact: "Contact", lead: "Lead", opportunity: "Opportunity", annotation: "Annotation",
  task: "Task", phonecall: "PhoneCall", appointment: "Appointment", email: "Email", systemuser: "SystemUser", team: "Team",
};

export function tableSchemaName(table: string): string {
  return STANDARD_SCHEMA[table] ?? table;
}

const TYPE: Readonly<Record<PlannedColumn["type"], string>> = {
  string: "nvarchar", memo: "ntext", integer: "int", decimal: "decimal", boolean: "bit", date: "datetime", datetime: "datetime", lookup: "lookup",
};

function typeSpecific(column: PlannedColumn): XmlElement[] {
  switch (column.type) {
    case "string": {
      const max = column.maxLength ?? 100;
      return [el("Format", "text"), el("MaxLength", String(max)), el("Length", String(max * 2))];
    }
    case "memo":
      return [el("Format", "textarea"), el("MaxLength", String(column.maxLength ?? 2000))];
    case "integer":
      return [el("Format"), el("MinValue", "-2147483648"), el("MaxValue", "2147483647")];
    case "decimal":
      return [el("Precision", "2"), el("MinValue", "-100000000000"), el("MaxValue", "100000000000")];
    case "date":
    case "datetime": {
      const dateOnly = column.type === "date";
      // DateOnly behaviour: a birth date must not shift with the viewer's time zone.
      return [el("Format", dateOnly ? "date" : "datetime"), flag("CanChangeDateTimeBehavior", true), el("Behavior", dateOnly ? "2" : "1")];
    }
    case "boolean":
      return [
        el("DefaultValue", "0"),
        el("optionset", { Name: `${column.table}_${column.name}` },
          el("OptionSetType", "bool"), flag("IsGlobal", false), flag("IsCustomizable", true),
          labels("displaynames", "displayname", column.label),
          el("TrueOption", { value: "1" }, labels("labels", "label", "Yes")),
          el("FalseOption", { value: "0" }, labels("labels", "label", "No")),
        ),
      ];
    case "lookup":
      // The target table is carried by the relationship (relationshipXml), not the attribute.
      return [el("LookupStyle", "single"), el("LookupTypes")];
  }
}

/** One <attribute> for a planned column (IsSecured carries field-level security). */
export function attributeXml(column: PlannedColumn, version: string): XmlElement {
  const isDate = column.type === "date" || column.type === "datetime";
  // A lookup's navigation property is its SchemaName: keep the casing the Web API path uses.
  const physical = column.type === "lookup" ? schemaCase(column.name) : column.name;
  return el("attribute", { PhysicalName: physical },
    el("Type", TYPE[column.type]),
    el("Name", column.name),
    el("LogicalName", column.name),
    el("RequiredLevel", "none"),
    el("DisplayMask", "ValidForAdvancedFind|ValidForForm|ValidForGrid"),
    el("ImeMode", isDate ? "inactive" : "auto"),
    flag("ValidForUpdateApi", true), flag("ValidForReadApi", true), flag("ValidForCreateApi", true),
    flag("IsCustomField", true), flag("IsAuditEnabled", true), flag("IsSecured", column.secured === true),
    el("IntroducedVersion", version), flag("IsCustomizable", true), flag("IsRenameable", true),
    flag("CanModifySearchSettings", true), flag("CanModifyRequirementLevelSettings", true), flag("CanModifyAdditionalSettings", true),
    el("SourceType", "0"),
    flag("IsSearchable", false), flag("IsFilterable", column.type !== "memo"), flag("IsRetrievable", true), flag("IsLocalizable", false),
    ...typeSpecific(column),
    labels("displaynames", "displayname", column.label),
    labels("Descriptions", "Description", column.reason),
  );
}

export function keyXml(key: PlannedKey, version: string): XmlElement {
  return el("EntityKey",
    el("Name", key.name),
    el("LogicalName", key.name.toLowerCase()),
    el("IntroducedVersion", version),
    flag("IsCustomizable", true),
    el("EntityKeyAttributes", key.columns.map((c) => el("AttributeName", c))),
    labels("displaynames", "displayname", key.name),
  );
}

/** The two attributes every custom table has: its id and its primary name. */
function customTableAttributes(table: PlannedTable, version: string): XmlElement[] {
  const idName = `${table.name}id`;
  const id = el("attribute", { PhysicalName: idName },
    el("Type", "primarykey"), el("Name", idName), el("LogicalName", idName), el("RequiredLevel", "systemrequired"),
    el("DisplayMask", "ValidForAdvancedFind|RequiredForGrid"), el("ImeMode", "auto"),
    flag("ValidForUpdateApi", false), flag("ValidForReadApi", true), flag("ValidForCreateApi", true),
    flag("IsCustomField", false), flag("IsAuditEnabled", false), flag("IsSecured", false),
    el("IntroducedVersion", version), flag("IsCustomizable", false), flag("IsRenameable", false),
    el("SourceType", "0"), flag("IsSearchable", false), flag("IsFilterable", true), flag("IsRetrievable", true), flag("IsLocalizable", false),
    labels("displaynames", "displayname", table.label), labels("Descriptions", "Description", `Unique identifier for ${table.label}`),
  );
  const nameColumn: PlannedColumn = {
    table: table.name, name: table.primaryName, type: "string", maxLength: table.primaryNameMaxLength ?? 100,
    label: table.primaryNameLabel ?? "Name", reason: "primary name",
  };
  const primary = attributeXml(nameColumn, version);
  // The primary name column: PrimaryName in its display mask, required on forms.
  const children = primary.children.map((c) =>
    typeof c !== "string" && c.name === "DisplayMask" ? el("DisplayMask", "PrimaryName|ValidForAdvancedFind|ValidForForm|ValidForGrid|RequiredForForm")
      : typeof c !== "string" && c.name === "RequiredLevel" ? el("RequiredLevel", "required") : c);
  return [id, { ...primary, children }];
}

/** <Entity> for a table: standard tables list only our new columns; custom tables the full shape. */
export function entityXml(
  table: string,
  columns: readonly PlannedColumn[],
  keys: readonly PlannedKey[],
  custom: PlannedTable | undefined,
  version: string,
): XmlElement {
  const schema = custom ? custom.name : tableSchemaName(table);
  const label = custom?.label ?? schema;
  const attributes = [...(custom ? customTableAttributes(custom, version) : []), ...columns.map((c) => attributeXml(c, version))];
  const entityInfo = el("entity", { Name: schema },
    custom && labels("LocalizedNames", "LocalizedName", custom.label),
    custom && labels("LocalizedCollectionNames", "LocalizedCollectionName", custom.pluralLabel),
    custom && labels("Descriptions", "Description", custom.reason),
    el("attributes", attributes),
    keys.length > 0 && el("EntityKeys", keys.map((k) => keyXml(k, version))),
    ...(custom
      ? [
          el("EntitySetName", `${custom.name}s`),
          el("OwnershipTypeMask", custom.ownership === "organization" ? "OrgOwned" : "UserOwned"),
          flag("IsActivity", false),
          flag("IsAuditEnabled", true),
          flag("IsDuplicateCheckSupported", true),
          el("IntroducedVersion", version),
          flag("IsCustomizable", true),
          flag("IsRenameable", true),
          flag("IsMappable", true),
          flag("CanCreateAttributes", true),
          flag("ChangeTrackingEnabled", true),
        ]
      : []),
  );
  return el("Entity",
    el("Name", { LocalizedName: label, OriginalName: label }, schema),
    el("EntityInfo", entityInfo),
  );
}

/** <EntityRelationship> for a lookup column: the referenced table (one) to the column's table (many). */
export function relationshipXml(column: PlannedColumn & { readonly lookupTarget: string }, version: string): XmlElement {
  const name = relationshipSchemaName(column);
  const c = REFERENTIAL_CASCADE;
  return el("EntityRelationship", { Name: name },
    el("EntityRelationshipType", "OneToMany"),
    flag("IsCustomizable", true),
    el("IntroducedVersion", version),
    flag("IsHierarchical", false),
    el("ReferencingEntityName", tableSchemaName(column.table)),
    el("ReferencedEntityName", tableSchemaName(column.lookupTarget)),
    el("CascadeAssign", c.Assign), el("CascadeDelete", c.Delete), el("CascadeReparent", c.Reparent),
    el("CascadeShare", c.Share), el("CascadeUnshare", c.Unshare), el("CascadeRollupView", "NoCascade"),
    flag("IsValidForAdvancedFind", true),
    el("ReferencingAttributeName", column.name),
    el("RelationshipDescription", labels("Descriptions", "Description", column.reason)),
    el("EntityRelationshipRoles",
      // Role 1: the referencing side (its navigation property binds the lookup); 0: the referenced side.
      el("EntityRelationshipRole",
        el("NavPaneDisplayOption", "UseCollectionName"), el("NavPaneArea", "Details"), el("NavPaneOrder", "10000"),
        el("NavigationPropertyName", schemaCase(column.name)), el("RelationshipRoleType", "1")),
      el("EntityRelationshipRole", el("NavigationPropertyName", name), el("RelationshipRoleType", "0")),
    ),
  );
}
