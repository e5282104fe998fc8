/**
 * sObject describes, cached per connector: field types, lengths, relationship names (for
 * relationship-by-external-id writes), reference targets, and the global key-prefix map that
 * tells a polymorphic reference's table from its id. Describe shapes: REST API Developer Guide
 * "sObject Describe" (developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_sobject_describe.htm)
 * and SOAP "DescribeSObjectResult → Field" for what each property means.
 */
import { HandoverError } from "../../contracts/handover-error.js";
import type { TargetColumn, TargetColumnType, TargetTable } from "../../contracts/target.js";
import { vendorCode } from "./errors.js";
import type { Session } from "./session.js";

export interface FieldMeta {
  readonly name: string;
  readonly type: string;
  readonly length: number;
  readonly nillable: boolean;
  readonly createable: boolean;
  readonly updateable: boolean;
  readonly defaultedOnCreate: boolean;
  readonly unique: boolean;
  readonly externalId: boolean;
  readonly custom: boolean;
  readonly nameField: boolean;
  readonly referenceTo: readonly string[];
  readonly relationshipName: string | null;
  readonly label?: string;
  readonly inlineHelpText?: string | null;
}

export interface ObjectMeta {
  readonly name: string;
  readonly keyPrefix: string | null;
  readonly custom: boolean;
  readonly fields: readonly FieldMeta[];
}

/** Case-insensitive field lookup: Salesforce API names are case-insensitive. */
export function fieldOf(meta: ObjectMeta, name: string): FieldMeta | undefined {
  const lower = name.toLowerCase();
  return meta.fields.find((f) => f.name.toLowerCase() === lower);
}

export const isPolymorphic = (f: FieldMeta): boolean => f.referenceTo.length > 1;

export class MetadataCache {
  readonly #session: Session;
  readonly #objects = new Map<string, Promise<ObjectMeta>>();
  #prefixes: Promise<ReadonlyMap<string, string>> | undefined;

  constructor(session: Session) {
    this.#session = session;
  }

  /** The object's describe; an unknown object is HO-TGT-005. */
  object(name: string): Promise<ObjectMeta> {
    const key = name.toLowerCase();
    let found = this.#objects.get(key);
    if (!found) {
      found = this.#describe(name);
      found.catch(() => this.#objects.delete(key));
      this.#objects.set(key, found);
    }
    return found;
  }

  /** Forget a describe (after schema changes). */
  invalidate(name?: string): void {
    if (name === undefined) this.#objects.clear();
    else this.#objects.delete(name.toLowerCase());
    this.#prefixes = undefined;
  }

  /** Key prefix → object name (the first three characters of every record id). */
  prefixes(): Promise<ReadonlyMap<string, string>> {
    this.#prefixes ??= this.#session.request<{ sobjects: { name: string; keyPrefix: string | null }[] }>("GET", "/sobjects").then((global) => {
      const map = new Map<string, string>();
      for (const o of global.sobjects) if (o.keyPrefix && !map.has(o.keyPrefix)) map.set(o.keyPrefix, o.name);
      return map;
    });
    return this.#prefixes;
  }

  /** The table a record id belongs to, by its key prefix. */
  async tableOfId(id: string, candidates: readonly string[]): Promise<string> {
    if (candidates.length === 1) return candidates[0] as string;
    const table = (await this.prefixes()).get(id.slice(0, 3));
    return table ?? candidates[0] ?? "";
  }

  async #describe(name: string): Promise<ObjectMeta> {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) throw new HandoverError("HO-TGT-005", { table: name });
    let raw: { name: string; keyPrefix: string | null; custom: boolean; fields: FieldMeta[] };
    try {
      raw = await this.#session.request("GET", `/sobjects/${name}/describe`);
    } catch (error) {
      const code = vendorCode(error);
      if (code === "NOT_FOUND" || code === "INVALID_TYPE") throw new HandoverError("HO-TGT-005", { table: name }, { cause: error });
      throw error;
    }
    const fields = raw.fields.map((f): FieldMeta => ({
      name: f.name, type: f.type, length: f.length, nillable: f.nillable, createable: f.createable, updateable: f.updateable,
      defaultedOnCreate: f.defaultedOnCreate, unique: f.unique, externalId: f.externalId, custom: f.custom, nameField: f.nameField,
      referenceTo: f.referenceTo ?? [], relationshipName: f.relationshipName ?? null,
      ...(f.label ? { label: f.label } : {}), ...(f.inlineHelpText ? { inlineHelpText: f.inlineHelpText } : {}),
    }));
    return { name: raw.name, keyPrefix: raw.keyPrefix, custom: raw.custom, fields };
  }
}

const columnTypes: Readonly<Record<string, TargetColumnType>> = {
  id: "id", string: "string", email: "string", phone: "string", url: "string", combobox: "string", encryptedstring: "string",
  textarea: "memo", picklist: "choice", multipicklist: "choice", reference: "lookup", boolean: "boolean", int: "integer",
  long: "integer", double: "decimal", percent: "decimal", currency: "money", date: "date", datetime: "datetime",
};

const textTypes = new Set(["string", "email", "phone", "url", "combobox", "encryptedstring", "textarea", "picklist", "multipicklist"]);

/** The describe as our catalog table. `required` = what a create must carry. */
export function publicTable(meta: ObjectMeta): TargetTable {
  const columns = meta.fields.map((f): TargetColumn => ({
    name: f.name,
    type: columnTypes[f.type] ?? "other",
    ...(textTypes.has(f.type) && f.length > 0 ? { maxLength: f.length } : {}),
    required: !f.nillable && f.createable && !f.defaultedOnCreate,
    custom: f.custom,
    ...(f.type === "reference" ? { targets: f.referenceTo } : {}),
    validForCreate: f.createable,
    validForUpdate: f.updateable,
    ...(f.label ? { label: f.label } : {}),
    ...(f.inlineHelpText ? { description: f.inlineHelpText } : {}),
  }));
  const primaryName = meta.fields.find((f) => f.nameField)?.name ?? "Name";
  const keys = meta.fields.filter((f) => f.externalId && f.unique).map((f) => ({ name: f.name, columns: [f.name], active: true }));
  return { name: meta.name, primaryId: "Id", primaryName, columns, keys };
}
