/** Parses an AttributeMetadata body (POST …/Attributes, or inside a new table) into a ColumnDef. */
import { randomUUID } from "node:crypto";
import { DvError } from "./errors.js";
import { TYPE_INFO } from "./metadata-json.js";
import { ATTRIBUTE_TYPES, DATE_BEHAVIORS, LOOKUP_TYPES } from "./model.js";
import type { AttributeType, ColumnDef, DateBehavior, OptionDef, RequiredLevelValue } from "./model.js";
import { parseEntityRef } from "./odata-path.js";
import type { Store } from "./store.js";

export type Json = Record<string, unknown>;

export const invalidArgument = (message: string): DvError => new DvError(400, "0x80040203", message);

export function labelText(v: unknown, fallback: string): string {
  const l = (v as { LocalizedLabels?: { Label?: unknown }[] } | undefined)?.LocalizedLabels?.[0]?.Label;
  return typeof l === "string" ? l : fallback;
}

/** Emulator choice: 0x80040203 (InvalidArgument) for bad/duplicate schema names. */
export function checkSchemaName(prefixes: readonly string[], schemaName: unknown, existing: readonly string[]): string {
  if (typeof schemaName !== "string" || !/^[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+$/.test(schemaName)) {
    throw invalidArgument("A valid SchemaName with a customization prefix is required.");
  }
  const prefix = schemaName.slice(0, schemaName.indexOf("_")).toLowerCase();
  if (!prefixes.includes(prefix)) {
    throw invalidArgument(`The SchemaName '${schemaName}' does not start with a valid publisher customization prefix (${prefixes.map((p) => `${p}_`).join(", ")}).`);
  }
  const logical = schemaName.toLowerCase();
  if (existing.includes(logical)) throw invalidArgument(`An item with the name '${logical}' already exists.`);
  return logical;
}

const CREATABLE: ReadonlySet<AttributeType> = new Set([
  "String", "Memo", "Integer", "BigInt", "Decimal", "Money", "Boolean", "DateTime", "Picklist", "MultiSelectPicklist",
]);

const num = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);

/** Options of a local OptionSet; values default to the publisher's option prefix range (100000000+). */
export function parseOptions(raw: unknown): OptionDef[] {
  const options = (raw as { Options?: { Value?: unknown; Label?: unknown }[] } | undefined)?.Options ?? [];
  return options.map((o, i) => ({ value: typeof o.Value === "number" ? o.Value : 100_000_000 + i, label: labelText(o.Label, String(o.Value)) }));
}

/** Resolves `GlobalOptionSet@odata.bind` ("/GlobalOptionSetDefinitions(<id>)" or "(Name='x')"). */
function boundOptionSet(store: Store, ref: unknown): { name: string; options: readonly OptionDef[] } | undefined {
  if (ref === undefined) return undefined;
  const parsed = typeof ref === "string" ? parseEntityRef(ref) : undefined;
  const key = parsed?.set === "GlobalOptionSetDefinitions" ? parsed.key : undefined;
  const found = key && [...store.globalOptionSets.values()].find((o) => (key.kind === "id" ? o.metadataId === key.id : o.name === key.values.Name));
  if (!found) throw new DvError(404, "0x80040217", "Could not find the global option set referenced by GlobalOptionSet@odata.bind.");
  return found;
}

function parseBoolean(body: Json): OptionDef[] {
  const set = (body.OptionSet ?? {}) as { TrueOption?: { Value?: unknown; Label?: unknown }; FalseOption?: { Label?: unknown } };
  return [{ value: 0, label: labelText(set.FalseOption?.Label, "No") }, { value: 1, label: labelText(set.TrueOption?.Label, "Yes") }];
}

function dateFormat(body: Json): { format: string; behavior: DateBehavior } {
  const raw = (body.DateTimeBehavior as { Value?: unknown } | undefined)?.Value;
  const behavior = DATE_BEHAVIORS.find((b) => b === raw) ?? (body.Format === "DateOnly" ? "UserLocal" : "UserLocal");
  // DateOnly behaviour needs the DateOnly format; the service rejects DateAndTime + DateOnly.
  if (behavior === "DateOnly" && body.Format === "DateAndTime") throw invalidArgument("The DateOnly behavior requires the DateOnly format.");
  return { format: behavior === "DateOnly" || body.Format === "DateOnly" ? "DateOnly" : "DateAndTime", behavior };
}

export function parseAttribute(store: Store, prefixes: readonly string[], body: Json, existing: readonly string[]): ColumnDef {
  const cls = String(body["@odata.type"] ?? "").replace(/^#?Microsoft\.Dynamics\.CRM\./, "");
  const type = ATTRIBUTE_TYPES.find((a) => TYPE_INFO[a].cls === cls && !LOOKUP_TYPES.has(a) && a !== "EntityName");
  if (!type || !CREATABLE.has(type)) throw invalidArgument(`Creating attributes of type '${cls}' is not supported by the sandbox.`);
  const logicalName = checkSchemaName(prefixes, body.SchemaName, existing);
  const required = (body.RequiredLevel as { Value?: RequiredLevelValue } | undefined)?.Value ?? "None";
  const global = type === "Picklist" || type === "MultiSelectPicklist" ? boundOptionSet(store, body["GlobalOptionSet@odata.bind"]) : undefined;
  const date = type === "DateTime" ? dateFormat(body) : undefined;
  const ranges: Partial<Record<AttributeType, readonly [number, number]>> = {
    Integer: [-2_147_483_648, 2_147_483_647], Decimal: [-100_000_000_000, 100_000_000_000],
    Money: [-922_337_203_685_477, 922_337_203_685_477],
  };
  const range = ranges[type];
  return {
    logicalName,
    schemaName: String(body.SchemaName),
    type,
    displayName: labelText(body.DisplayName, String(body.SchemaName)),
    ...(labelText(body.Description, "") ? { description: labelText(body.Description, "") } : {}),
    maxLength: type === "String" ? (num(body.MaxLength) ?? 100) : type === "Memo" ? (num(body.MaxLength) ?? 2000) : undefined,
    format:
      date?.format ??
      (type === "String" ? String((body.FormatName as { Value?: unknown } | undefined)?.Value ?? body.Format ?? "Text") : undefined),
    dateBehavior: date?.behavior,
    options: type === "Boolean" ? parseBoolean(body) : global ? global.options : type === "Picklist" || type === "MultiSelectPicklist" ? parseOptions(body.OptionSet) : undefined,
    globalOptionSet: global?.name,
    minValue: num(body.MinValue) ?? range?.[0],
    maxValue: num(body.MaxValue) ?? range?.[1],
    precision: type === "Decimal" || type === "Money" ? (num(body.Precision) ?? 2) : undefined,
    requiredLevel: required,
    isCustom: true,
    ...(body.IsSecured === true ? { isSecured: true } : {}),
    validForCreate: true,
    validForUpdate: true,
    metadataId: randomUUID(),
  };
}

/** Parses a metadata request body (always a JSON object). */
export function parseMetadataBody(text: string): Json {
  try {
    const v = JSON.parse(text) as unknown;
    if (typeof v === "object" && v !== null && !Array.isArray(v)) return v as Json;
  } catch {
    /* fall through */
  }
  throw new DvError(400, "0x80048d19", "The request body is not a valid metadata definition.");
}
