/**
 * The practice model as data: objects, fields, types, PHI flags, descriptions and synonyms.
 * Code, the matcher, docs and reports all read this; nothing about an object is hard-coded
 * elsewhere.
 */
export const fieldTypes = [
  "text", "longText", "int", "decimal", "money", "bool", "date", "dateTime", "code", "codes", "ref", "file",
] as const;
export type FieldType = (typeof fieldTypes)[number];

export interface FieldDef {
  readonly name: string;
  readonly type: FieldType;
  /** Protected health information: masked in terminals and logs, never in error messages. */
  readonly phi: boolean;
  readonly description: string;
  /** Other names sources use for it (lowercase words; the matcher normalises case and separators). */
  readonly synonyms: readonly string[];
  /** For `ref`: the object it points at. */
  readonly ref?: string;
  /** For `code`/`codes`: the model's own vocabulary. */
  readonly codes?: readonly string[];
  /** The object can't exist without it (e.g. a link's patient). */
  readonly required?: boolean;
}

export interface ObjectDef {
  readonly name: string;
  readonly description: string;
  readonly synonyms: readonly string[];
  readonly fields: readonly FieldDef[];
}

type FieldOptions = Partial<Omit<FieldDef, "name" | "type" | "description">>;

/** Declares a field; `phi` defaults to false, synonyms to none. */
export function field(name: string, type: FieldType, description: string, options: FieldOptions = {}): FieldDef {
  return { name, type, description, phi: false, synonyms: [], ...options };
}

/** Fields every object carries (architecture: sourceId, createdAt, modifiedAt). */
export const commonFields: readonly FieldDef[] = [
  field("sourceId", "text", "The source system's own key for this record.", { synonyms: ["id", "key", "record id"], required: true }),
  field("createdAt", "dateTime", "When the source created the record.", { synonyms: ["created", "created date", "date created", "create date", "entered"] }),
  field("modifiedAt", "dateTime", "When the source last changed the record (drives delta).", { synonyms: ["modified", "last modified", "updated", "last updated", "date modified", "changed"] }),
];
