/** Shared data model: column/table/key definitions and stored row shapes. */
import { createHash } from "node:crypto";

export const ATTRIBUTE_TYPES = [
  "String", "Memo", "Integer", "BigInt", "Decimal", "Money", "Boolean", "DateTime", "Picklist", "MultiSelectPicklist",
  "State", "Status", "Lookup", "Customer", "Owner", "Uniqueidentifier", "EntityName",
] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

export type RequiredLevelValue = "None" | "SystemRequired" | "ApplicationRequired" | "Recommended";

export interface OptionDef {
  readonly value: number;
  readonly label: string;
  /** Status options carry the state they belong to. */
  readonly state?: number;
}

export interface ColumnDef {
  readonly logicalName: string;
  readonly schemaName: string;
  readonly type: AttributeType;
  readonly displayName: string;
  readonly maxLength?: number;
  /** String format (Text/Email/Url/Phone) or DateTime format (DateOnly/DateAndTime). */
  readonly format?: string;
  readonly targets?: readonly string[];
  readonly options?: readonly OptionDef[];
  readonly minValue?: number;
  readonly maxValue?: number;
  readonly requiredLevel: RequiredLevelValue;
  /** DateTime behaviour (default UserLocal; DateOnly columns default DateOnly). */
  readonly dateBehavior?: DateBehavior;
  /** Decimal places kept for Decimal/Money values. */
  readonly precision?: number;
  /** Name of the global option set this choice column uses (options are read from it). */
  readonly globalOptionSet?: string;
  /** Target table → navigation property name, where it differs from the default rule. */
  readonly navNames?: Readonly<Record<string, string>>;
  /** Target table → 1:N relationship SchemaName, where it differs from the default rule. */
  readonly relationshipNames?: Readonly<Record<string, string>>;
  readonly isCustom: boolean;
  /** Field-level security on (AttributeMetadata.IsSecured). */
  readonly isSecured?: boolean;
  readonly description?: string;
  /** A standard column changed over the API (PUT …/Attributes): persisted like custom ones. */
  readonly modified?: boolean;
  readonly validForCreate: boolean;
  readonly validForUpdate: boolean;
  readonly metadataId: string;
}

export const DATE_BEHAVIORS = ["UserLocal", "DateOnly", "TimeZoneIndependent"] as const;
export type DateBehavior = (typeof DATE_BEHAVIORS)[number];

export type KeyStatus = "Pending" | "Active" | "Failed";

export interface KeyDef {
  readonly schemaName: string;
  readonly logicalName: string;
  readonly keyAttributes: readonly string[];
  readonly metadataId: string;
  status: KeyStatus;
  /** Epoch ms after which a Pending key becomes Active (keyActivation.afterMs). */
  activateAt?: number;
  /** Remaining status reads before a Pending key becomes Active (keyActivation.afterReads). */
  readsRemaining?: number;
}

export interface TableDef {
  readonly logicalName: string;
  readonly schemaName: string;
  readonly entitySetName: string;
  readonly primaryId: string;
  readonly primaryName: string;
  readonly metadataId: string;
  readonly objectTypeCode: number;
  readonly isCustom: boolean;
  readonly ownershipType: "UserOwned" | "OrganizationOwned" | "BusinessOwned" | "None";
  /** State → default status (label names the state in errors, e.g. TaskState.Open). */
  readonly states?: readonly StateDef[];
  /** Allowed state changes on update (from → to); absent = any. */
  readonly transitions?: Readonly<Record<number, readonly number[]>>;
  readonly isActivity?: boolean;
  /** Activity party collection accepted on create/update, e.g. `email_activity_parties`. */
  readonly partyCollection?: string;
  /** Read-only union of other tables' rows (activitypointer). */
  readonly unionOf?: readonly string[];
  readonly displayName?: string;
  readonly displayCollectionName?: string;
  /** Where the definition came from: standard, created over the API, or a metadata file. */
  readonly origin?: "standard" | "api" | "file";
  columns: ColumnDef[];
  keys: KeyDef[];
}

export interface StateDef {
  readonly state: number;
  readonly defaultStatus: number;
  readonly label?: string;
}

export interface GlobalOptionSetDef {
  readonly name: string;
  readonly metadataId: string;
  readonly displayName: string;
  readonly multi: boolean;
  readonly options: readonly OptionDef[];
}

/** N:N relationship; each side reaches the other through its navigation property. */
export interface ManyToManyDef {
  readonly schemaName: string;
  readonly metadataId: string;
  readonly entity1: string;
  readonly entity2: string;
  readonly nav1: string;
  readonly nav2: string;
  readonly intersect: string;
  /** Pairs [entity1 id, entity2 id]. */
  pairs: [string, string][];
}

export interface LookupValue {
  readonly id: string;
  readonly table: string;
}
export type Cell = string | number | boolean | null | LookupValue;
export type Row = Record<string, Cell>;

export const isLookupValue = (c: Cell | undefined): c is LookupValue =>
  typeof c === "object" && c !== null && "id" in c;

export const LOOKUP_TYPES: ReadonlySet<AttributeType> = new Set(["Lookup", "Customer", "Owner"]);
export const CHOICE_TYPES: ReadonlySet<AttributeType> = new Set(["Picklist", "State", "Status", "MultiSelectPicklist"]);

/** Stable GUID derived from a name, so standard metadata ids survive restarts. */
export function stableGuid(name: string): string {
  const h = createHash("sha1").update(name).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const GUID_RE = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

/** Navigation property name for a lookup column and one of its targets (spec §3.6). */
export function navigationName(col: ColumnDef, target: string): string {
  const named = col.navNames?.[target];
  if (named) return named;
  if (col.type === "Owner") return col.logicalName;
  const base = col.isCustom ? col.schemaName : col.logicalName;
  if ((col.targets?.length ?? 0) <= 1) return base;
  return `${base}_${target}`;
}

/** ISO date-time without fractional seconds — the library only revives this form into Date. */
export const isoSeconds = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, "Z");
