import { HandoverError } from "../../contracts/handover-error.js";
import type { TargetColumn, TargetColumnType, TargetTable } from "../../contracts/target.js";
import type { Session } from "./client.js";
import { asVendorError } from "./errors.js";

/** A table as the connector needs it: the contract's view plus what writes need to build URLs. */
export interface TableMeta extends TargetTable {
  readonly entitySet: string;
  /** Single-valued navigation properties: (lookup column, referenced table) → property name. */
  readonly relations: readonly Relation[];
  /** EntityKeyIndexStatus by key name: Pending, InProgress, Active, Failed. */
  readonly keyStatus: ReadonlyMap<string, string>;
}

export interface Relation {
  readonly attribute: string;
  readonly table: string;
  readonly navProp: string;
}

/** Enough to address rows of a table that we only point at (e.g. systemuser). */
export interface TableAddress {
  readonly entitySet: string;
  readonly primaryId: string;
}

interface RawAttribute {
  readonly LogicalName: string;
  readonly AttributeType?: string;
  readonly AttributeTypeName?: { readonly Value?: string };
  readonly RequiredLevel?: { readonly Value?: string };
  readonly IsCustomAttribute?: boolean;
  readonly IsValidForCreate?: boolean;
  readonly IsValidForUpdate?: boolean;
  readonly CanBeSecuredForRead?: boolean;
  readonly IsSecured?: boolean;
  readonly DisplayName?: Label;
  readonly Description?: Label;
}

/** A localized label; the user's own language first (Learn: Label EntityType). */
interface Label {
  readonly UserLocalizedLabel?: { readonly Label?: string } | null;
  readonly LocalizedLabels?: readonly { readonly Label?: string }[];
}

function labelText(label: Label | undefined): string | undefined {
  const text = label?.UserLocalizedLabel?.Label ?? label?.LocalizedLabels?.[0]?.Label;
  return text && text.trim().length > 0 ? text : undefined;
}

interface RawEntity {
  readonly LogicalName: string;
  readonly EntitySetName: string;
  readonly PrimaryIdAttribute: string;
  readonly PrimaryNameAttribute: string | null;
  readonly Attributes?: readonly RawAttribute[];
  readonly Keys?: readonly { readonly LogicalName?: string; readonly SchemaName?: string; readonly KeyAttributes?: readonly string[]; readonly EntityKeyIndexStatus?: string }[];
  readonly ManyToOneRelationships?: readonly { readonly ReferencingAttribute?: string; readonly ReferencedEntity?: string; readonly ReferencingEntityNavigationPropertyName?: string }[];
}

/** Per-type extras that only a cast to the derived metadata type returns. */
interface Extras {
  readonly maxLength: ReadonlyMap<string, number>;
  readonly dateOnly: ReadonlySet<string>;
  readonly targets: ReadonlyMap<string, readonly string[]>;
}

const logicalName = /^[a-z_][a-z0-9_]*$/;

/** Dataverse AttributeType → our column type (DateTime needs the format: see `columnType`). */
const typeMap: Readonly<Record<string, TargetColumnType>> = {
  String: "string", Memo: "memo", Integer: "integer", BigInt: "integer",
  Decimal: "decimal", Double: "decimal", Money: "money", Boolean: "boolean",
  Picklist: "choice", State: "choice", Status: "choice",
  Lookup: "lookup", Customer: "lookup", Owner: "lookup", Uniqueidentifier: "id",
};

export function columnType(attributeType: string | undefined, dateOnly: boolean): TargetColumnType {
  if (attributeType === "DateTime") return dateOnly ? "date" : "datetime";
  return (attributeType && typeMap[attributeType]) || "other";
}

export function toTable(raw: RawEntity, extras: Extras): TableMeta {
  const columns: TargetColumn[] = (raw.Attributes ?? []).map((a) => {
    const type = columnType(a.AttributeType, extras.dateOnly.has(a.LogicalName));
    const level = a.RequiredLevel?.Value;
    const maxLength = extras.maxLength.get(a.LogicalName);
    const targets = extras.targets.get(a.LogicalName);
    return {
      name: a.LogicalName,
      type,
      ...(maxLength !== undefined && (type === "string" || type === "memo") ? { maxLength } : {}),
      required: level === "SystemRequired" || level === "ApplicationRequired",
      custom: a.IsCustomAttribute === true,
      ...(type === "lookup" ? { targets: targets ?? [] } : {}),
      validForCreate: a.IsValidForCreate !== false,
      validForUpdate: a.IsValidForUpdate !== false,
      ...(a.CanBeSecuredForRead !== undefined ? { securable: a.CanBeSecuredForRead } : {}),
      ...(a.IsSecured ? { secured: true } : {}),
      ...(labelText(a.DisplayName) ? { label: labelText(a.DisplayName) } : {}),
      ...(labelText(a.Description) ? { description: labelText(a.Description) } : {}),
    };
  });
  return {
    name: raw.LogicalName,
    primaryId: raw.PrimaryIdAttribute,
    primaryName: raw.PrimaryNameAttribute ?? "",
    entitySet: raw.EntitySetName,
    columns,
    keys: (raw.Keys ?? []).map((k) => ({
      name: (k.LogicalName ?? k.SchemaName ?? "").toLowerCase(),
      columns: k.KeyAttributes ?? [],
      active: k.EntityKeyIndexStatus === "Active",
    })),
    keyStatus: new Map((raw.Keys ?? []).map((k) => [(k.LogicalName ?? k.SchemaName ?? "").toLowerCase(), k.EntityKeyIndexStatus ?? ""] as const)),
    relations: (raw.ManyToOneRelationships ?? []).flatMap((r) =>
      r.ReferencingAttribute && r.ReferencedEntity && r.ReferencingEntityNavigationPropertyName
        ? [{ attribute: r.ReferencingAttribute, table: r.ReferencedEntity, navProp: r.ReferencingEntityNavigationPropertyName }]
        : [],
    ),
  };
}

/** Strips our extra fields: what `describe` hands out. */
export function publicTable(meta: TableMeta): TargetTable {
  return { name: meta.name, primaryId: meta.primaryId, primaryName: meta.primaryName, columns: meta.columns, keys: meta.keys };
}

export function entityKey(table: string): string {
  return `LogicalName='${table}'`;
}

/** Reads and caches table definitions; writes need entity set names and navigation properties. */
export class MetadataCache {
  readonly #session: Session;
  readonly #tables = new Map<string, Promise<TableMeta>>();
  readonly #addresses = new Map<string, Promise<TableAddress>>();

  constructor(session: Session) {
    this.#session = session;
  }

  table(name: string): Promise<TableMeta> {
    let entry = this.#tables.get(name);
    if (!entry) {
      entry = this.#load(name);
      this.#tables.set(name, entry);
      entry.catch(() => this.#tables.delete(name)); // a failed read is not cached
    }
    return entry;
  }

  /** Forget a table (after we changed its columns or keys). */
  invalidate(name: string): void {
    this.#tables.delete(name);
  }

  /** Entity set and primary id of a table; cheap when the table itself isn't needed. */
  address(name: string): Promise<TableAddress> {
    const known = this.#tables.get(name);
    if (known) return known;
    let entry = this.#addresses.get(name);
    if (!entry) {
      entry = this.#loadAddress(name);
      this.#addresses.set(name, entry);
      entry.catch(() => this.#addresses.delete(name));
    }
    return entry;
  }

  async #loadAddress(name: string): Promise<TableAddress> {
    const raw = await this.#retrieve<RawEntity>(name, () =>
      this.#session.call((api) => api.retrieveEntity({ key: entityKey(name), select: ["LogicalName", "EntitySetName", "PrimaryIdAttribute"] })),
    );
    return { entitySet: raw.EntitySetName, primaryId: raw.PrimaryIdAttribute };
  }

  async #load(name: string): Promise<TableMeta> {
    const raw = await this.#retrieve<RawEntity>(name, () =>
      this.#session.call((api) =>
        api.retrieveEntity({
          key: entityKey(name),
          select: ["LogicalName", "EntitySetName", "PrimaryIdAttribute", "PrimaryNameAttribute"],
          expand: [
            { property: "Attributes", select: ["LogicalName", "AttributeType", "AttributeTypeName", "RequiredLevel", "IsCustomAttribute", "IsValidForCreate", "IsValidForUpdate", "CanBeSecuredForRead", "IsSecured", "DisplayName", "Description"] },
            { property: "Keys", select: ["LogicalName", "SchemaName", "KeyAttributes", "EntityKeyIndexStatus"] },
            { property: "ManyToOneRelationships", select: ["ReferencingAttribute", "ReferencedEntity", "ReferencingEntityNavigationPropertyName"] },
          ],
        }),
      ),
    );
    // Type-specific properties exist only on derived metadata types: one cast query each.
    const [strings, memos, dates, lookups] = await Promise.all([
      this.#cast<{ LogicalName: string; MaxLength?: number }>(name, "StringAttributeMetadata", ["LogicalName", "MaxLength"]),
      this.#cast<{ LogicalName: string; MaxLength?: number }>(name, "MemoAttributeMetadata", ["LogicalName", "MaxLength"]),
      this.#cast<{ LogicalName: string; Format?: string; DateTimeBehavior?: { Value?: string } }>(name, "DateTimeAttributeMetadata", ["LogicalName", "Format", "DateTimeBehavior"]),
      this.#cast<{ LogicalName: string; Targets?: readonly string[] }>(name, "LookupAttributeMetadata", ["LogicalName", "Targets"]),
    ]);
    const maxLength = new Map<string, number>();
    for (const a of [...strings, ...memos]) if (typeof a.MaxLength === "number") maxLength.set(a.LogicalName, a.MaxLength);
    const dateOnly = new Set(dates.filter((a) => a.Format === "DateOnly" || a.DateTimeBehavior?.Value === "DateOnly").map((a) => a.LogicalName));
    const targets = new Map(lookups.map((a) => [a.LogicalName, a.Targets ?? []] as const));
    const meta = toTable(raw, { maxLength, dateOnly, targets });
    this.#addresses.set(name, Promise.resolve(meta));
    return meta;
  }

  async #cast<T>(table: string, type: string, select: string[]): Promise<readonly T[]> {
    const response = await this.#session.call((api) =>
      api.retrieveAttributes<T>({ entityKey: entityKey(table), castType: `Microsoft.Dynamics.CRM.${type}`, select }),
    );
    return response?.value ?? [];
  }

  /** Unknown (or malformed) table name → HO-TGT-005. */
  async #retrieve<T>(name: string, fn: () => Promise<T>): Promise<T> {
    if (!logicalName.test(name)) throw new HandoverError("HO-TGT-005", { table: name });
    try {
      const raw = await fn();
      if (!raw) throw new HandoverError("HO-TGT-005", { table: name });
      return raw;
    } catch (error) {
      if (asVendorError(error).status === 404) throw new HandoverError("HO-TGT-005", { table: name }, { cause: error });
      throw error;
    }
  }
}

/**
 * The navigation property to bind `column` of `meta` to a row of `target`.
 * Exact (column, table) relationship first; else one name shared by all the column's
 * relationships (ownerid's is declared against "owner", not systemuser/team); else, for an
 * owner column, the column name itself.
 */
export function navProperty(meta: TableMeta, column: string, target: string | undefined): string | undefined {
  const forColumn = meta.relations.filter((r) => r.attribute === column);
  const declared = meta.columns.find((c) => c.name === column)?.targets;
  if (target !== undefined && declared && declared.length > 0 && !declared.includes(target)) return undefined;
  if (target !== undefined) {
    const exact = forColumn.find((r) => r.table === target);
    if (exact) return exact.navProp;
  }
  const names = new Set(forColumn.map((r) => r.navProp));
  if (names.size === 1) return [...names][0];
  // Clearing (no target known): any of the column's properties clears the column.
  if (target === undefined && forColumn[0]) return forColumn[0].navProp;
  const col = meta.columns.find((c) => c.name === column);
  if (col?.type === "lookup" && col.targets?.length === 1 && (target === undefined || col.targets[0] === target)) return column;
  if (column === "ownerid") return column;
  return undefined;
}
