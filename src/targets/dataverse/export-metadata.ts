/**
 * Reads table definitions from a live org into one JSON document, for an offline rehearsal
 * against a sandbox loaded with the same metadata. Shape (shared with the sandbox's loader):
 *   { "value": [ { LogicalName, SchemaName, EntitySetName, PrimaryIdAttribute, PrimaryNameAttribute,
 *                  IsCustomEntity, OwnershipType, Attributes: [...], Keys: [...],
 *                  ManyToOneRelationships: [...] } ] }
 * Attributes are as the server returns them, with the properties that only a cast to the derived
 * type returns (MaxLength, Format, DateTimeBehavior, Targets, Min/MaxValue, Precision, OptionSet)
 * merged in by LogicalName (Learn: webapi/query-metadata-web-api "Retrieve attributes" — type-cast
 * segments; create-update-column-definitions-using-web-api).
 */
import { HandoverError } from "../../contracts/handover-error.js";
import type { Session } from "./client.js";
import { asVendorError } from "./errors.js";
import { entityKey } from "./metadata.js";

type Json = Record<string, unknown>;

export interface MetadataExport {
  readonly value: readonly Json[];
}

/** Standard Sales tables exported when no list is given (absent ones are skipped). */
export const SALES_TABLES: readonly string[] = [
  "account", "contact", "lead", "opportunity", "annotation", "task", "phonecall", "appointment", "email",
  "activitypointer", "activityparty", "systemuser", "team", "businessunit", "connection", "connectionrole", "transactioncurrency",
];

const ENTITY_PROPS = ["LogicalName", "SchemaName", "EntitySetName", "PrimaryIdAttribute", "PrimaryNameAttribute", "IsCustomEntity", "OwnershipType"] as const;

/** Cast type → what it adds; `options` casts also expand their option sets. */
const CASTS: readonly { readonly type: string; readonly select: readonly string[]; readonly options?: boolean }[] = [
  { type: "StringAttributeMetadata", select: ["MaxLength", "Format", "FormatName"] },
  { type: "MemoAttributeMetadata", select: ["MaxLength", "Format"] },
  { type: "DateTimeAttributeMetadata", select: ["Format", "DateTimeBehavior"] },
  { type: "LookupAttributeMetadata", select: ["Targets"] },
  { type: "IntegerAttributeMetadata", select: ["MinValue", "MaxValue", "Format"] },
  { type: "DecimalAttributeMetadata", select: ["MinValue", "MaxValue", "Precision"] },
  { type: "PicklistAttributeMetadata", select: [], options: true },
  { type: "BooleanAttributeMetadata", select: [], options: true },
  { type: "StateAttributeMetadata", select: [], options: true },
  { type: "StatusAttributeMetadata", select: [], options: true },
];

const strip = (o: Json): Json => {
  const { "@odata.context": _context, ...rest } = o;
  return rest;
};

/** The entity in the export shape: its own properties in a fixed order, then its collections. */
export function exportEntity(raw: Json, extras: ReadonlyMap<string, Json>): Json {
  const out: Json = {};
  for (const p of ENTITY_PROPS) out[p] = raw[p] ?? null;
  const attributes = Array.isArray(raw.Attributes) ? (raw.Attributes as Json[]) : [];
  out.Attributes = attributes.map((a) => ({ ...strip(a), ...(extras.get(String(a.LogicalName)) ?? {}) }));
  out.Keys = Array.isArray(raw.Keys) ? (raw.Keys as Json[]).map(strip) : [];
  out.ManyToOneRelationships = Array.isArray(raw.ManyToOneRelationships) ? (raw.ManyToOneRelationships as Json[]).map(strip) : [];
  return out;
}

async function castExtras(session: Session, table: string): Promise<Map<string, Json>> {
  const extras = new Map<string, Json>();
  for (const cast of CASTS) {
    let rows: readonly Json[];
    try {
      const response = await session.call((api) =>
        api.retrieveAttributes<Json>({
          entityKey: entityKey(table),
          castType: `Microsoft.Dynamics.CRM.${cast.type}`,
          select: ["LogicalName", ...cast.select],
          ...(cast.options ? { expand: [{ property: "OptionSet" }] } : {}),
        }),
      );
      rows = response?.value ?? [];
    } catch (error) {
      // A server that doesn't know a cast (or its option sets) leaves those properties out.
      if (error instanceof HandoverError || asVendorError(error).status === undefined) throw error;
      continue;
    }
    for (const row of rows) {
      const name = String(row.LogicalName);
      const { LogicalName: _name, MetadataId: _id, "@odata.type": _type, ...props } = row;
      extras.set(name, { ...(extras.get(name) ?? {}), ...props });
    }
  }
  return extras;
}

/** Logical names of the org's custom tables. */
async function customTables(session: Session): Promise<string[]> {
  const response = await session.call((api) => api.retrieveEntities<Json>({ select: ["LogicalName"], filter: "IsCustomEntity eq true" }));
  return (response?.value ?? []).map((e) => String(e.LogicalName));
}

/** One table, or undefined when the org has no such table. */
async function exportTable(session: Session, table: string): Promise<Json | undefined> {
  let raw: Json | undefined;
  try {
    raw = await session.call((api) =>
      api.retrieveEntity<Json>({
        key: entityKey(table),
        select: [...ENTITY_PROPS],
        expand: [{ property: "Attributes" }, { property: "Keys" }, { property: "ManyToOneRelationships" }],
      }),
    );
  } catch (error) {
    if (asVendorError(error).status === 404) return undefined;
    throw error;
  }
  if (!raw) return undefined;
  return exportEntity(raw, await castExtras(session, table));
}

/** Definitions of `tables` (default: every custom table plus the Sales tables that exist). */
export async function exportMetadata(session: Session, tables?: readonly string[]): Promise<MetadataExport> {
  const names = tables ?? [...new Set([...SALES_TABLES, ...(await customTables(session))])];
  const value: Json[] = [];
  for (const name of names) {
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new HandoverError("HO-TGT-005", { table: name });
    const entity = await exportTable(session, name);
    if (entity) value.push(entity);
    else if (tables) throw new HandoverError("HO-TGT-005", { table: name });
  }
  return { value };
}
