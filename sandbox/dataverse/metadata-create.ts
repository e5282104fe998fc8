/** Creating definitions: tables (POST /EntityDefinitions), columns and alternate keys (spec §8.2–8.4). */
import { randomUUID } from "node:crypto";
import { DvError } from "./errors.js";
import type { DvResponse } from "./context.js";
import { checkSchemaName, invalidArgument, labelText, parseAttribute, parseMetadataBody } from "./attribute-parse.js";
import type { Json } from "./attribute-parse.js";
import type { MetadataContext } from "./metadata.js";
import { canBeSecured, syncAdminPermission } from "./field-security.js";
import type { AttributeType, KeyDef, TableDef } from "./model.js";
import { SALES_PROFESSIONAL_CUSTOM_TABLE_LIMIT } from "./org-settings.js";
import { ACTIVE_INACTIVE, AUDIT_COLUMNS, OWNED_COLUMNS, columnFromSpec, stateColumns } from "./table-builder.js";

export function createAttribute(ctx: MetadataContext, t: TableDef): DvResponse {
  const body = parseMetadataBody(ctx.req.body);
  const col = parseAttribute(ctx.store, ctx.prefixes, body, t.columns.map((c) => c.logicalName));
  if (col.isSecured && !canBeSecured(t, col)) throw new DvError(400, "0x8004F501", `The field '${col.logicalName}' is not securable`);
  ctx.store.addColumn(t, col);
  if (col.isSecured) syncAdminPermission(ctx.store, t, col);
  const url = `${ctx.req.baseUrl}EntityDefinitions(LogicalName='${t.logicalName}')/Attributes(${col.metadataId})`;
  return { status: 204, headers: { "OData-EntityId": url } };
}

const KEYABLE: ReadonlySet<AttributeType> = new Set(["String", "Integer", "BigInt", "Decimal", "DateTime", "Lookup", "Picklist"]);

export function createKey(ctx: MetadataContext, t: TableDef): DvResponse {
  const body = parseMetadataBody(ctx.req.body);
  const logicalName = checkSchemaName(ctx.prefixes, body.SchemaName, t.keys.map((k) => k.logicalName));
  const attrs = body.KeyAttributes;
  if (!Array.isArray(attrs) || attrs.length === 0 || attrs.some((a) => typeof a !== "string")) {
    throw invalidArgument("KeyAttributes must be a non-empty array of attribute logical names.");
  }
  for (const a of attrs as string[]) {
    const col = t.columns.find((c) => c.logicalName === a);
    if (!col || !KEYABLE.has(col.type)) throw invalidArgument(`Attribute '${a}' cannot be used in an alternate key for entity '${t.logicalName}'.`);
  }
  const key: KeyDef = { schemaName: String(body.SchemaName), logicalName, keyAttributes: attrs as string[], metadataId: randomUUID(), status: "Pending" };
  ctx.store.addKey(t, key);
  const url = `${ctx.req.baseUrl}EntityDefinitions(LogicalName='${t.logicalName}')/Keys(${key.metadataId})`;
  return { status: 204, headers: { "OData-EntityId": url } };
}

/** English plural of a logical name, as Dataverse derives EntitySetName/LogicalCollectionName. */
export function pluralize(name: string): string {
  if (/[^aeiou]y$/.test(name)) return `${name.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(name)) return `${name}es`;
  return `${name}s`;
}

/**
 * Sales Professional refuses a 16th custom table. Microsoft documents the licence limit but not an
 * API error for it; emulator choice: 400 0x80040203 (InvalidArgument) with this message.
 */
const editionLimit = (): DvError =>
  new DvError(400, "0x80040203", `The Dynamics 365 Sales Professional edition allows at most ${SALES_PROFESSIONAL_CUSTOM_TABLE_LIMIT} custom tables.`);

export function createTable(ctx: MetadataContext): DvResponse {
  const { store } = ctx;
  const body = parseMetadataBody(ctx.req.body);
  const logical = checkSchemaName(ctx.prefixes, body.SchemaName, [...store.tables.keys()]);
  const customCount = [...store.tables.values()].filter((t) => t.isCustom).length;
  if (store.settings.edition === "sales-professional" && customCount >= SALES_PROFESSIONAL_CUSTOM_TABLE_LIMIT) throw editionLimit();
  const attrs = Array.isArray(body.Attributes) ? (body.Attributes as Json[]) : [];
  const primary = attrs.find((a) => a.IsPrimaryName === true);
  if (!primary || !String(primary["@odata.type"] ?? "").endsWith("StringAttributeMetadata")) {
    throw invalidArgument("A table needs exactly one primary name attribute (StringAttributeMetadata with IsPrimaryName = true).");
  }
  const ownership = body.OwnershipType === "OrganizationOwned" ? "OrganizationOwned" : "UserOwned";
  const primaryId = `${logical}id`;
  const state = stateColumns(ACTIVE_INACTIVE);
  const system = { [primaryId]: { type: "Uniqueidentifier", createOnly: true } as const, ...state.columns, ...(ownership === "UserOwned" ? OWNED_COLUMNS : { ...AUDIT_COLUMNS, overriddencreatedon: OWNED_COLUMNS.overriddencreatedon }) };
  const columns = Object.entries(system).map(([name, spec]) => columnFromSpec(logical, name, spec ?? { type: "String" }, primaryId));
  for (const a of attrs) columns.push(parseAttribute(store, ctx.prefixes, a, columns.map((c) => c.logicalName)));
  const primaryName = String(primary.SchemaName).toLowerCase();
  const t: TableDef = {
    logicalName: logical, schemaName: String(body.SchemaName), entitySetName: pluralize(logical), primaryId, primaryName,
    metadataId: randomUUID(), objectTypeCode: 10_000 + customCount, isCustom: true, ownershipType: ownership,
    states: state.states, displayName: labelText(body.DisplayName, String(body.SchemaName)),
    displayCollectionName: labelText(body.DisplayCollectionName, pluralize(String(body.SchemaName))),
    isActivity: false, origin: "api", columns, keys: [],
  };
  store.addTable(t);
  return { status: 204, headers: { "OData-EntityId": `${ctx.req.baseUrl}EntityDefinitions(${t.metadataId})` } };
}
