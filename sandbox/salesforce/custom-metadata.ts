/**
 * Tooling `CustomField` / `CustomObject` Metadata → field and object definitions, with the
 * validation a real org applies (name suffix, lengths, duplicate names).
 */
import { SfError } from "./errors.js";
import { field, readOnly } from "./field-def.js";
import type { FieldDef, FieldType } from "./field-def.js";
import { defineObject } from "./object-def.js";
import type { ObjectDef } from "./object-def.js";

export type Metadata = Readonly<Record<string, unknown>>;

const invalid = (message: string): SfError => new SfError(400, "FIELD_INTEGRITY_EXCEPTION", message);
const num = (v: unknown, fallback: number): number => (typeof v === "number" ? v : typeof v === "string" && v !== "" ? Number(v) : fallback);
const bool = (v: unknown): boolean => v === true || v === "true";

const SIMPLE: Readonly<Record<string, FieldType>> = {
  Text: "string", TextArea: "textarea", LongTextArea: "textarea", Html: "textarea", Number: "double", Currency: "currency",
  Percent: "percent", Date: "date", DateTime: "datetime", Checkbox: "boolean", Picklist: "picklist", MultiselectPicklist: "multipicklist",
  Lookup: "reference", Email: "email", Phone: "phone", Url: "url",
};

function picklistValues(md: Metadata): { values: string[]; restricted: boolean; defaultValue: string | null } {
  const valueSet = (md.valueSet ?? {}) as { restricted?: unknown; valueSetDefinition?: { value?: unknown } };
  const raw = valueSet.valueSetDefinition?.value;
  const list = (Array.isArray(raw) ? raw : raw ? [raw] : []) as { fullName?: unknown; label?: unknown; default?: unknown }[];
  if (list.length === 0) throw invalid("Values: You must enter at least one value.");
  const values = list.map((v) => String(v.fullName ?? v.label ?? ""));
  const def = list.find((v) => bool(v.default));
  return { values, restricted: bool(valueSet.restricted), defaultValue: def ? String(def.fullName ?? def.label) : null };
}

/**
 * A custom field from tooling Metadata.
 * @example customField("Source_Key__c", { type: "Text", length: 80, externalId: true, unique: true, label: "Source Key" }, "00N…", lookupTarget)
 */
export function customField(name: string, md: Metadata, toolingId: string, hasObject: (n: string) => boolean): FieldDef {
  if (!/^[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*__c$/.test(name)) throw invalid(`Field Name: ${name} must end with __c and contain only letters, digits and single underscores`);
  const kind = String(md.type ?? "");
  const type = SIMPLE[kind];
  if (!type) throw invalid(`Type: bad value for restricted picklist field: ${kind}`);
  const label = String(md.label ?? name.replace(/__c$/, "").replace(/_/g, " "));
  const common = {
    label, custom: true, toolingId, externalId: bool(md.externalId), unique: bool(md.unique), caseSensitive: bool(md.caseSensitive),
    nillable: !bool(md.required), inlineHelpText: typeof md.inlineHelpText === "string" ? md.inlineHelpText : null,
  };
  const extra: { -readonly [K in keyof FieldDef]?: FieldDef[K] } = { idLookup: common.externalId || common.unique };
  if (common.externalId && !["Text", "Number", "Email"].includes(kind)) throw invalid(`External ID: not supported for ${kind} fields`);
  if (kind === "Text") {
    const length = num(md.length, 0);
    if (!(length >= 1 && length <= 255)) throw invalid("Length: must be between 1 and 255");
    extra.length = length;
  } else if (kind === "LongTextArea" || kind === "Html") {
    const length = num(md.length, 32768);
    if (!(length >= 256 && length <= 131072)) throw invalid("Length: must be between 256 and 131,072");
    Object.assign(extra, { length, visibleLines: num(md.visibleLines, 3) });
  } else if (kind === "Number" || kind === "Currency" || kind === "Percent") {
    const precision = num(md.precision, 18);
    const scale = num(md.scale, 0);
    if (precision < 1 || precision > 18 || scale < 0 || scale > precision) throw invalid("Length: precision must be 1-18 and scale no more than it");
    Object.assign(extra, { precision, scale });
  } else if (kind === "Checkbox") {
    Object.assign(extra, { nillable: false, defaultedOnCreate: true, defaultValue: bool(md.defaultValue) });
  } else if (kind === "Picklist" || kind === "MultiselectPicklist") {
    const p = picklistValues(md);
    Object.assign(extra, { picklistValues: p.values, restrictedPicklist: p.restricted, defaultValue: p.defaultValue, defaultedOnCreate: p.defaultValue !== null });
    if (kind === "MultiselectPicklist") extra.visibleLines = num(md.visibleLines, 4);
  } else if (kind === "Lookup") {
    const target = String(md.referenceTo ?? "");
    if (!hasObject(target)) throw invalid(`Related To: no such object ${target}`);
    // Metadata.relationshipName names the *child* relationship (parent-side subqueries); the lookup's own is Field__r.
    const child = String(md.relationshipName ?? name.replace(/__c$/, ""));
    Object.assign(extra, { referenceTo: [target], childRelationshipName: `${child}__r` });
  }
  return field(name, type, { ...common, ...extra });
}

/** A custom object (with its Name field) from tooling Metadata. */
export function customObject(name: string, md: Metadata, keyPrefix: string, toolingId: string): ObjectDef {
  if (!/^[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*__c$/.test(name)) throw invalid(`Object Name: ${name} must end with __c`);
  const label = String(md.label ?? name.replace(/__c$/, "").replace(/_/g, " "));
  const nf = (md.nameField ?? {}) as { type?: unknown; label?: unknown; displayFormat?: unknown };
  const nameLabel = String(nf.label ?? `${label} Name`);
  const nameField = nf.type === "AutoNumber"
    ? readOnly("Name", "string", { label: nameLabel, length: 80, nameField: true, nillable: false, defaultedOnCreate: true, autoNumberFormat: String(nf.displayFormat ?? "{0}") })
    : field("Name", "string", { label: nameLabel, length: 80, nameField: true, nillable: true, defaultedOnCreate: true });
  const obj = defineObject(name, keyPrefix, [nameField], { owner: true, custom: true, label, labelPlural: String(md.pluralLabel ?? `${label}s`) });
  return { ...obj, toolingId };
}

/** Next free custom key prefix: a00, a01 … a0Z, a10 … */
export function nextCustomPrefix(used: ReadonlySet<string>): string {
  const digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  for (let i = 0; i < digits.length * digits.length; i++) {
    const p = `a${digits[Math.floor(i / digits.length)] ?? "0"}${digits[i % digits.length] ?? "0"}`;
    if (!used.has(p)) return p;
  }
  throw new SfError(400, "LIMIT_EXCEEDED", "Too many custom objects");
}
