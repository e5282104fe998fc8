/**
 * Applies one Bulk API 2.0 CSV row: `""` leaves a field alone, `#N/A` sets null,
 * `Account.Ext__c` headers relate by external id, cells over 32,000 chars fail.
 */
import { RecordError } from "./errors.js";
import { deleteOne, insertOne, updateOne, upsertOne } from "./dml.js";
import type { ObjectDef } from "./object-def.js";
import type { WriteContext } from "./record-write.js";

export type IngestOperation = "insert" | "update" | "upsert" | "delete" | "hardDelete";

export const MAX_CELL = 32_000;

/** CSV header + row → the REST-style body the one-record writers take. */
export function rowBody(header: readonly string[], cells: readonly string[]): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [i, name] of header.entries()) {
    const cell = cells[i] ?? "";
    if (cell === "") continue;
    if (cell.length > MAX_CELL) throw new RecordError("STRING_TOO_LONG", `${name}: data value too large: ${cell.slice(0, 50)}... (max length=${MAX_CELL})`, [name]);
    const value = cell === "#N/A" ? null : cell;
    const dot = name.indexOf(".");
    if (dot > 0) body[name.slice(0, dot)] = { [name.slice(dot + 1)]: value };
    else body[name] = value;
  }
  return body;
}

export interface RowOutcome {
  readonly id: string;
  readonly created: boolean;
}

/** One row of a job; throws RecordError for the failedResults. */
export function applyRow(
  ctx: WriteContext, obj: ObjectDef, op: IngestOperation, extField: string | undefined, header: readonly string[], cells: readonly string[],
): RowOutcome {
  const body = rowBody(header, cells);
  const idKey = Object.keys(body).find((k) => k.toLowerCase() === "id");
  const id = idKey === undefined ? "" : String(body[idKey] ?? "");
  if (idKey !== undefined) delete body[idKey];
  switch (op) {
    case "insert":
      return { id: insertOne(ctx, obj, body), created: true };
    case "update":
      if (!id) throw new RecordError("MISSING_ARGUMENT", "Id not specified in an update call", ["Id"]);
      return { id: updateOne(ctx, obj, id, body), created: false };
    case "upsert": {
      const key = extField ?? "Id";
      if (key.toLowerCase() === "id") return upsertOne(ctx, obj, "Id", id, body);
      const valueKey = Object.keys(body).find((k) => k.toLowerCase() === key.toLowerCase());
      const value = valueKey === undefined ? undefined : body[valueKey];
      if (value === undefined || value === null) throw new RecordError("MISSING_ARGUMENT", `${key} not specified`, [key]);
      return upsertOne(ctx, obj, key, String(value), body);
    }
    default:
      if (!id) throw new RecordError("MISSING_ARGUMENT", "Id not specified in a delete call", ["Id"]);
      return { id: deleteOne(ctx, obj, id), created: false };
  }
}
