/**
 * The schema plan as Salesforce metadata: PlannedColumn → CustomField, PlannedTable →
 * CustomObject. Pure, shared by applySchema (Tooling API) and the metadata export.
 * Field types and their properties: Metadata API Developer Guide, "CustomField"
 * (developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/customfield.htm): Text
 * length ≤ 255, LongTextArea 256–131,072 with visibleLines, Number precision ≤ 18; External ID
 * only on Text, Number and Email fields. Notes (ContentNote) take no custom fields: what the plan
 * puts on ContentNote lives on the note's ContentVersion.
 */
import type { PlannedColumn, PlannedTable, SchemaPlan } from "../../contracts/target.js";

export type FieldMetadata = Readonly<Record<string, string | number | boolean>>;

export interface FieldSpec {
  /** Object API name ("Contact", "Treatment_Case__c"). */
  readonly object: string;
  /** Field API name ("MRN__c"). */
  readonly field: string;
  readonly metadata: FieldMetadata;
}

export interface ObjectSpec {
  readonly object: string;
  readonly metadata: Readonly<Record<string, unknown>>;
}

/** A name as a custom API name: kept when it already ends in `__c`, else made safe and suffixed. */
export function customName(name: string): string {
  if (/__c$/i.test(name)) return name;
  const safe = name.replace(/[^A-Za-z0-9]+/g, "_").replace(/_+/g, "_").replace(/^_|_$/g, "");
  return `${/^[A-Za-z]/.test(safe) ? safe : `X${safe}`}__c`;
}

/** The object a planned table name means on Salesforce (standard names stay as they are). */
export function objectName(table: string, customTables: ReadonlySet<string> = new Set()): string {
  if (table === "ContentNote") return "ContentVersion";
  return customTables.has(table) ? customName(table) : table;
}

const base = (apiName: string): string => apiName.replace(/__c$/i, "");

/** Columns that carry a key: our key column and every PlannedKey's column. */
export function keyColumns(plan: SchemaPlan, keyField: string): Set<string> {
  const out = new Set<string>();
  for (const c of plan.columns) if (c.name.toLowerCase() === keyField.toLowerCase()) out.add(`${c.table}.${c.name}`.toLowerCase());
  for (const k of plan.keys) for (const c of k.columns) out.add(`${k.table}.${c}`.toLowerCase());
  return out;
}

/**
 * The CustomField for one planned column.
 * @example fieldSpec({ table: "Contact", name: "MRN__c", type: "string", maxLength: 40, label: "MRN", reason: "" }, false)
 * → { object: "Contact", field: "MRN__c", metadata: { type: "Text", length: 40, label: "MRN" } }
 */
export function fieldSpec(column: PlannedColumn, isKey: boolean, customTables: ReadonlySet<string> = new Set()): FieldSpec {
  const object = objectName(column.table, customTables);
  const field = customName(column.name);
  const label = column.label.slice(0, 40) || base(field);
  const typed = ((): Record<string, string | number | boolean> => {
    switch (column.type) {
      case "string":
        return (column.maxLength ?? 255) > 255
          ? { type: "LongTextArea", length: Math.min(131_072, column.maxLength ?? 32_768), visibleLines: 3 }
          : { type: "Text", length: Math.max(1, column.maxLength ?? 255) };
      case "memo":
        return { type: "LongTextArea", length: Math.min(131_072, Math.max(256, column.maxLength ?? 32_768)), visibleLines: 3 };
      case "date": return { type: "Date" };
      case "datetime": return { type: "DateTime" };
      case "integer": return { type: "Number", precision: 18, scale: 0 };
      case "decimal": return { type: "Number", precision: 16, scale: 2 };
      case "boolean": return { type: "Checkbox", defaultValue: false };
      case "lookup": {
        const target = objectName(column.lookupTarget ?? "", customTables);
        return { type: "Lookup", referenceTo: target, relationshipName: `${base(object)}_${base(field)}`.slice(0, 40), deleteConstraint: "SetNull" };
      }
    }
  })();
  const key: Record<string, boolean> = isKey && (typed.type === "Text" || typed.type === "Number") ? { externalId: true, unique: true } : {};
  return { object, field, metadata: { label, ...typed, ...key } };
}

/** The CustomObject for one planned table (name field as Text, deployed, read/write sharing). */
export function objectSpec(table: PlannedTable): ObjectSpec {
  return {
    object: customName(table.name),
    metadata: {
      label: table.label.slice(0, 40), pluralLabel: table.pluralLabel.slice(0, 40),
      nameField: { type: "Text", label: (table.primaryNameLabel ?? "Name").slice(0, 40) },
      deploymentStatus: "Deployed", sharingModel: "ReadWrite",
    },
  };
}
