/** Field definitions (what describe reports) and the small builders the object catalogs use. */

export const FIELD_TYPES = [
  "id", "string", "textarea", "email", "phone", "url", "picklist", "multipicklist", "boolean", "int", "double",
  "currency", "percent", "date", "datetime", "reference", "base64",
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** A stored cell: JSON scalars only (dates are ISO strings, base64 is a string). */
export type SfValue = string | number | boolean | null;
/** Values may be absent (undefined) in rows written before a field existed. */
export type Row = Readonly<Record<string, SfValue | undefined>>;

export interface FieldDef {
  readonly name: string;
  readonly label: string;
  readonly type: FieldType;
  /** Characters for text types; 0 otherwise. */
  readonly length: number;
  readonly precision: number;
  readonly scale: number;
  readonly nillable: boolean;
  readonly createable: boolean;
  readonly updateable: boolean;
  readonly defaultedOnCreate: boolean;
  readonly unique: boolean;
  readonly externalId: boolean;
  readonly idLookup: boolean;
  readonly caseSensitive: boolean;
  readonly custom: boolean;
  readonly calculated: boolean;
  readonly nameField: boolean;
  readonly picklistValues: readonly string[];
  readonly restrictedPicklist: boolean;
  readonly referenceTo: readonly string[];
  readonly relationshipName: string | null;
  readonly defaultValue: SfValue;
  /** Deleting the referenced record deletes this one (master-detail-like lookups such as Contact.AccountId). */
  readonly cascadeDelete: boolean;
  /** CreatedDate & co: createable only with "Set Audit Fields upon Record Creation". */
  readonly audit: boolean;
  /** LongTextArea rows (tooling Metadata.visibleLines). */
  readonly visibleLines?: number;
  readonly inlineHelpText?: string | null;
  /** Parent-side name of a custom lookup's relationship (`Treatment_Cases__r`). */
  readonly childRelationshipName?: string;
  /** Id of the tooling CustomField record (custom fields only). */
  readonly toolingId?: string;
  /** Auto-number display format (`TC-{0000}`) for auto-number name fields. */
  readonly autoNumberFormat?: string;
}

const TEXT_TYPES: ReadonlySet<FieldType> = new Set(["string", "textarea", "email", "phone", "url", "picklist", "multipicklist", "base64"]);

export const isTextType = (t: FieldType): boolean => TEXT_TYPES.has(t) && t !== "base64";

const DEFAULT_LENGTH: Partial<Record<FieldType, number>> = {
  id: 18, string: 255, textarea: 255, email: 80, phone: 40, url: 255, picklist: 255, multipicklist: 4099, reference: 18,
};

/** "BillingPostalCode" → "Billing Postal Code" (labels of standard fields are close enough). */
export function labelOf(name: string): string {
  const base = name.replace(/__c$/, "").replace(/Id$/, "").replace(/_/g, " ");
  return base.replace(/([a-z])([A-Z])/g, "$1 $2").trim() || name;
}

/**
 * A field with describe defaults filled in.
 * @example field("Phone", "phone") — nillable, createable, updateable, 40 chars
 */
export function field(name: string, type: FieldType, opts: Partial<FieldDef> = {}): FieldDef {
  const ref = type === "reference";
  return {
    name, label: labelOf(name), type, length: DEFAULT_LENGTH[type] ?? 0,
    precision: type === "currency" ? 18 : type === "double" || type === "percent" ? 18 : 0,
    scale: type === "currency" ? 2 : 0,
    nillable: true, createable: true, updateable: true, defaultedOnCreate: false, unique: false, externalId: false,
    idLookup: false, caseSensitive: false, custom: name.endsWith("__c"), calculated: false, nameField: false,
    picklistValues: [], restrictedPicklist: false, referenceTo: [],
    relationshipName: ref ? (name.endsWith("__c") ? name.replace(/__c$/, "__r") : name.replace(/Id$/, "")) : null,
    defaultValue: type === "boolean" ? false : null, cascadeDelete: false, audit: false,
    ...opts,
  };
}

/** Read-only, system-maintained field (Id, Name on Contact, IsDeleted, SystemModstamp…). */
export const readOnly = (name: string, type: FieldType, opts: Partial<FieldDef> = {}): FieldDef =>
  field(name, type, { createable: false, updateable: false, ...opts });

export const required = (name: string, type: FieldType, opts: Partial<FieldDef> = {}): FieldDef =>
  field(name, type, { nillable: false, ...opts });

export const lookup = (name: string, to: readonly string[], opts: Partial<FieldDef> = {}): FieldDef =>
  field(name, "reference", { referenceTo: to, ...opts });

export const picklist = (name: string, values: readonly string[], opts: Partial<FieldDef> = {}): FieldDef =>
  field(name, "picklist", { picklistValues: values, ...opts });

const SOAP_TYPES: Record<FieldType, string> = {
  id: "tns:ID", reference: "tns:ID", string: "xsd:string", textarea: "xsd:string", email: "xsd:string", phone: "xsd:string",
  url: "xsd:string", picklist: "xsd:string", multipicklist: "xsd:string", boolean: "xsd:boolean", int: "xsd:int",
  double: "xsd:double", currency: "xsd:double", percent: "xsd:double", date: "xsd:date", datetime: "xsd:dateTime",
  base64: "xsd:base64Binary",
};

/** The describe JSON of one field; `auditGranted` makes audit fields createable. */
export function describeField(f: FieldDef, auditGranted: boolean): Record<string, unknown> {
  const text = isTextType(f.type) || f.type === "id" || f.type === "reference";
  const sortable = f.type !== "textarea" || f.length <= 255;
  return {
    aggregatable: sortable, aiPredictionField: false, autoNumber: f.autoNumberFormat !== undefined, byteLength: text ? f.length * 3 : 0,
    calculated: f.calculated, calculatedFormula: null, cascadeDelete: f.cascadeDelete, caseSensitive: f.caseSensitive,
    compoundFieldName: null, controllerName: null, createable: f.audit ? auditGranted : f.createable, custom: f.custom,
    defaultValue: f.defaultValue, defaultValueFormula: null, defaultedOnCreate: f.defaultedOnCreate, dependentPicklist: false,
    deprecatedAndHidden: false, digits: f.type === "int" ? 9 : 0, displayLocationInDecimal: false, encrypted: false,
    externalId: f.externalId, extraTypeInfo: f.type === "textarea" && f.length > 255 ? "plaintextarea" : null,
    filterable: sortable, filteredLookupInfo: null, formulaTreatNullNumberAsZero: false, groupable: sortable && f.type !== "double",
    highScaleNumber: false, htmlFormatted: false, idLookup: f.idLookup, inlineHelpText: f.inlineHelpText ?? null, label: f.label,
    length: text ? f.length : 0, mask: null, maskType: null, name: f.name, nameField: f.nameField, namePointing: f.referenceTo.length > 1,
    nillable: f.nillable, permissionable: f.nillable && !f.calculated && f.type !== "id", picklistValues: f.picklistValues.map((v) => ({
      active: true, defaultValue: f.defaultValue === v, label: v, validFor: null, value: v,
    })),
    polymorphicForeignKey: f.referenceTo.length > 1, precision: f.precision, queryByDistance: false, referenceTargetField: null,
    referenceTo: f.referenceTo, relationshipName: f.relationshipName, relationshipOrder: null, restrictedDelete: false,
    restrictedPicklist: f.restrictedPicklist, scale: f.scale, searchPrefilterable: false, soapType: SOAP_TYPES[f.type],
    sortable, type: f.type, unique: f.unique, updateable: f.updateable, writeRequiresMasterRead: false,
  };
}
