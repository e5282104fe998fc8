import { HandoverError } from "../../contracts/handover-error.js";
import type { StoredRow, TargetColumn, TargetValue } from "../../contracts/target.js";
import type { Session } from "./client.js";
import { asVendorError, toFailure } from "./errors.js";
import { chunk, inFilter, normalizeId } from "./keys.js";
import type { TableMeta } from "./metadata.js";

/** Keys per query: one read per 100-row chunk. Past 2,000 URL characters the library sends the GET
 * inside a one-part $batch, which the service counts as one request. */
export const KEYS_PER_QUERY = 100;

const lookupTableAnnotation = "Microsoft.Dynamics.CRM.lookuplogicalname";

type Raw = Readonly<Record<string, unknown>>;

/** Runs one query, turning a refusal (bad column, bad filter) into HO-TGT-006. */
async function query(session: Session, table: string, request: Parameters<Session["api"]["retrieveAll"]>[0]): Promise<readonly Raw[]> {
  try {
    const response = await session.call((api) => api.retrieveAll<Raw>(request));
    return response?.value ?? [];
  } catch (error) {
    if (error instanceof HandoverError || asVendorError(error).status === undefined) throw error;
    const failure = toFailure(error);
    throw new HandoverError("HO-TGT-006", { operation: "read rows", table, vendorCode: failure.vendorCode, reason: failure.reason }, { cause: error });
  }
}

/** Target ids of the rows whose key is among `keys`, by key (lowercased: Dataverse matches
 * string keys case-insensitively). */
export async function idsBySourceKey(
  session: Session,
  meta: TableMeta,
  sourceKeyColumn: string,
  keys: readonly string[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const part of chunk([...new Set(keys)], KEYS_PER_QUERY)) {
    const rows = await query(session, meta.name, {
      collection: meta.entitySet,
      select: [meta.primaryId, sourceKeyColumn],
      filter: inFilter(sourceKeyColumn, part),
    });
    for (const row of rows) {
      const id = normalizeId(row[meta.primaryId]);
      const key = row[sourceKeyColumn];
      if (id && typeof key === "string") ids.set(key.toLowerCase(), id);
    }
  }
  return ids;
}

/** The library revives "YYYY-MM-DDTHH:MM:SSZ" into Date; we hand out ISO text again. */
export function plainValue(value: unknown, column: TargetColumn | undefined): TargetValue {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) {
    const iso = value.toISOString();
    return column?.type === "date" ? iso.slice(0, 10) : iso.replace(/\.\d{3}Z$/, "Z");
  }
  if (typeof value === "string" && column?.type === "date") return value.slice(0, 10);
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return JSON.stringify(value);
}

export function toStoredRow(raw: Raw, meta: TableMeta, sourceKeyColumn: string, columns: readonly string[]): StoredRow {
  const byName = new Map(meta.columns.map((c) => [c.name, c] as const));
  const fields: Record<string, TargetValue> = {};
  const lookups: Record<string, { table: string; id: string } | null> = {};
  for (const name of columns) {
    const column = byName.get(name);
    if (column?.type !== "lookup") {
      fields[name] = plainValue(raw[name], column);
      continue;
    }
    const valueKey = `_${name}_value`;
    const id = normalizeId(raw[valueKey]);
    const annotated = raw[`${valueKey}_LogicalName`] ?? raw[`${valueKey}@${lookupTableAnnotation}`];
    const table = typeof annotated === "string" ? annotated : column.targets?.length === 1 ? column.targets[0] ?? "" : "";
    lookups[name] = id ? { table, id } : null;
  }
  const key = raw[sourceKeyColumn];
  return {
    table: meta.name,
    id: normalizeId(raw[meta.primaryId]) ?? String(raw[meta.primaryId]),
    sourceKey: typeof key === "string" ? key : null,
    fields,
    lookups,
  };
}

/** Rows of one table by our key, with the asked columns (lookups with their tables). */
export async function readBack(
  session: Session,
  meta: TableMeta,
  sourceKeyColumn: string,
  sourceKeys: readonly string[],
  columns: readonly string[],
): Promise<readonly StoredRow[]> {
  const lookupColumns = new Set(meta.columns.filter((c) => c.type === "lookup").map((c) => c.name));
  const wanted = columns.filter((c) => c !== meta.primaryId && c !== sourceKeyColumn);
  const select = [meta.primaryId, sourceKeyColumn, ...wanted.map((c) => (lookupColumns.has(c) ? `_${c}_value` : c))];
  const out: StoredRow[] = [];
  for (const part of chunk([...new Set(sourceKeys)], KEYS_PER_QUERY)) {
    const rows = await query(session, meta.name, {
      collection: meta.entitySet,
      select,
      filter: inFilter(sourceKeyColumn, part),
      includeAnnotations: lookupTableAnnotation,
    });
    for (const raw of rows) out.push(toStoredRow(raw, meta, sourceKeyColumn, wanted));
  }
  return out;
}
