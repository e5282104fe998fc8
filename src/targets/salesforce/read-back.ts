/**
 * Rows of one table by our key: `SELECT Id, <key>, <columns> FROM T WHERE <key> IN (…)`, in
 * IN lists short enough for a GET URL. Lookups come back as `{table, id}`: the one table the
 * field references, or for a polymorphic field (WhoId, WhatId) the table whose key prefix the
 * id carries. Datetimes come back in ISO form ("2024-05-01T13:45:00Z").
 */
import type { StoredRow, TargetValue } from "../../contracts/target.js";
import { queryOrFail } from "./ids-by-key.js";
import { fieldOf, type FieldMeta, type MetadataCache, type ObjectMeta } from "./metadata.js";
import type { Session } from "./session.js";
import { inLists, isoDateTime } from "./soql.js";

type Raw = Readonly<Record<string, unknown>>;

/** A stored value as our TargetValue. */
export function plainValue(value: unknown, field: FieldMeta | undefined): TargetValue {
  if (value === undefined || value === null) return null;
  if (typeof value === "string" && field?.type === "datetime") return isoDateTime(value);
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return JSON.stringify(value);
}

/** One queried record as a StoredRow with the asked columns. */
export async function toStoredRow(raw: Raw, meta: ObjectMeta, keyField: string, columns: readonly string[], metadata: MetadataCache): Promise<StoredRow> {
  const fields: Record<string, TargetValue> = {};
  const lookups: Record<string, { table: string; id: string } | null> = {};
  for (const name of columns) {
    const field = fieldOf(meta, name);
    const value = raw[field?.name ?? name];
    if (field?.type !== "reference") {
      fields[name] = plainValue(value, field);
      continue;
    }
    lookups[name] = typeof value === "string" && value !== "" ? { table: await metadata.tableOfId(value, field.referenceTo), id: value } : null;
  }
  const key = raw[keyField];
  return { table: meta.name, id: String(raw.Id), sourceKey: typeof key === "string" ? key : null, fields, lookups };
}

export interface ReadDeps {
  readonly session: Session;
  readonly metadata: MetadataCache;
  readonly keyField: string;
}

export async function readBack(table: string, sourceKeys: readonly string[], columns: readonly string[], deps: ReadDeps): Promise<readonly StoredRow[]> {
  if (sourceKeys.length === 0) return [];
  const meta = await deps.metadata.object(table);
  const skip = new Set(["id", deps.keyField.toLowerCase()]);
  const wanted = columns.filter((c) => !skip.has(c.toLowerCase()));
  const select = ["Id", deps.keyField, ...new Set(wanted.map((c) => fieldOf(meta, c)?.name ?? c))];
  const out: StoredRow[] = [];
  for (const list of inLists(sourceKeys)) {
    const rows = await queryOrFail(deps.session, meta.name, `SELECT ${select.join(", ")} FROM ${meta.name} WHERE ${deps.keyField} IN (${list})`);
    for (const raw of rows) out.push(await toStoredRow(raw, meta, deps.keyField, wanted, deps.metadata));
  }
  return out;
}
