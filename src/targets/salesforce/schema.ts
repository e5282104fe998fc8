/**
 * Creates what the plan lists that is missing, through the Tooling API (`POST
 * /tooling/sobjects/CustomObject|CustomField` with FullName + Metadata: Tooling API Developer
 * Guide, "CustomField": developer.salesforce.com/docs/atlas.en-us.api_tooling.meta/api_tooling/tooling_api_objects_customfield.htm).
 * Order: tables, then columns, then keys; one outcome per item; idempotent (what the describe
 * already shows is ok with created: false). A Salesforce key is a field created External ID +
 * Unique, so a PlannedKey is checked, not created. New fields are granted to the running user
 * (schema-access.ts), or Salesforce would hide them from the very user who loads them.
 */
import { HandoverError, isHandoverError } from "../../contracts/handover-error.js";
import type { SchemaOutcome, SchemaPlan, TargetFailure } from "../../contracts/target.js";
import { LOCAL_CODE, toFailure, vendorCode } from "./errors.js";
import { fieldOf, type MetadataCache, type ObjectMeta } from "./metadata.js";
import { customName, fieldSpec, keyColumns, objectName, objectSpec } from "./schema-metadata.js";
import { grantMigrationAccess } from "./schema-access.js";
import type { Session } from "./session.js";

export interface SchemaDeps {
  readonly session: Session;
  readonly metadata: MetadataCache;
  readonly keyField: string;
}

const local = (reason: string): TargetFailure => ({ vendorCode: LOCAL_CODE, reason, transient: false });

async function describeOrUndefined(metadata: MetadataCache, name: string): Promise<ObjectMeta | undefined> {
  try {
    return await metadata.object(name);
  } catch (error) {
    if (isHandoverError(error) && error.code === "HO-TGT-005") return undefined;
    throw error;
  }
}

/** Creates one tooling record; "already there" (DUPLICATE_DEVELOPER_NAME) counts as done. */
async function create(session: Session, type: "CustomField" | "CustomObject", fullName: string, metadata: unknown): Promise<{ created: boolean } | TargetFailure> {
  try {
    await session.request("POST", `/tooling/sobjects/${type}`, { FullName: fullName, Metadata: metadata });
    return { created: true };
  } catch (error) {
    if (error instanceof HandoverError) throw error;
    if (vendorCode(error) === "DUPLICATE_DEVELOPER_NAME") return { created: false };
    return toFailure(error);
  }
}

/** Grants the running user the new fields; when that fails, those fields' outcomes say so. */
async function grantAccess(out: SchemaOutcome[], fields: readonly { object: string; field: string; index: number }[], deps: SchemaDeps): Promise<void> {
  try {
    await grantMigrationAccess(deps.session, fields);
  } catch (error) {
    if (error instanceof HandoverError) throw error;
    const failure = toFailure(error);
    for (const { index, object, field } of fields) {
      out[index] = { ok: false, kind: "column", table: object, name: field, error: { ...failure, reason: `created, but granting the migration user access failed: ${failure.reason}` } };
    }
  }
}

export async function applySchema(plan: SchemaPlan, deps: SchemaDeps): Promise<readonly SchemaOutcome[]> {
  const { session, metadata } = deps;
  const out: SchemaOutcome[] = [];
  const customTables = new Set((plan.tables ?? []).map((t) => t.name));
  for (const table of plan.tables ?? []) {
    const spec = objectSpec(table);
    const existing = await describeOrUndefined(metadata, spec.object);
    if (existing) {
      out.push({ ok: true, kind: "table", table: spec.object, name: spec.object, created: false });
      continue;
    }
    const result = await create(session, "CustomObject", spec.object, spec.metadata);
    metadata.invalidate(spec.object);
    out.push("created" in result
      ? { ok: true, kind: "table", table: spec.object, name: spec.object, created: result.created }
      : { ok: false, kind: "table", table: spec.object, name: spec.object, error: result });
  }

  const keyed = keyColumns(plan, deps.keyField);
  const createdNow = new Set<string>();
  const createdFields: { object: string; field: string; index: number }[] = [];
  for (const column of plan.columns) {
    const spec = fieldSpec(column, keyed.has(`${column.table}.${column.name}`.toLowerCase()), customTables);
    const meta = await describeOrUndefined(metadata, spec.object);
    const item = { kind: "column" as const, table: spec.object, name: spec.field };
    if (!meta) {
      out.push({ ...item, ok: false, error: local("the table does not exist") });
      continue;
    }
    if (fieldOf(meta, spec.field)) {
      out.push({ ...item, ok: true, created: false });
      continue;
    }
    const result = await create(session, "CustomField", `${spec.object}.${spec.field}`, spec.metadata);
    metadata.invalidate(spec.object);
    if ("created" in result) createdNow.add(`${spec.object}.${spec.field}`.toLowerCase());
    if ("created" in result && result.created) createdFields.push({ object: spec.object, field: spec.field, index: out.length });
    out.push("created" in result ? { ...item, ok: true, created: result.created } : { ...item, ok: false, error: result });
  }

  await grantAccess(out, createdFields, deps);

  for (const key of plan.keys) {
    const object = objectName(key.table, customTables);
    const item = { kind: "key" as const, table: object, name: key.name };
    const [column, ...more] = key.columns;
    if (!column || more.length > 0) {
      out.push({ ...item, ok: false, error: local("a Salesforce key is one External ID field; composite keys are not supported") });
      continue;
    }
    const meta = await describeOrUndefined(metadata, object);
    const field = meta ? fieldOf(meta, customName(column)) ?? fieldOf(meta, column) : undefined;
    if (!field) out.push({ ...item, ok: false, error: local("the key's field does not exist") });
    else if (!field.externalId || !field.unique) out.push({ ...item, ok: false, error: local("the field exists but is not External ID and Unique; set both in Setup") });
    else out.push({ ...item, ok: true, created: createdNow.has(`${object}.${field.name}`.toLowerCase()) });
  }
  return out;
}
