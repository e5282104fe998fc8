/**
 * Bulk API 2.0 upsert for large tables: one ingest job (create, upload CSV, close, poll,
 * results) through jsforce's `bulk2.loadAndWaitForResults`. Results are CSV files whose rows
 * echo the uploaded columns, in no guaranteed order (Bulk API 2.0 Developer Guide,
 * "Get Job Successful Record Results" / "Get Job Failed Record Results":
 * developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/get_job_successful_results.htm),
 * so each result is matched back to its input row by our key column; `sf__Error` reads
 * `CODE:message:field1,field2 --` and only its code and field names are kept.
 */
import { HandoverError } from "../../contracts/handover-error.js";
import type { TargetFailure, TargetValue } from "../../contracts/target.js";
import { failureOf, isNetworkError, LOCAL_CODE, toFailure } from "./errors.js";
import { csvRecord } from "./payload.js";
import type { Session } from "./session.js";
import type { Prepared, Sink } from "./write-collections.js";

export interface BulkSettings {
  readonly pollMs: number;
  readonly pollTimeoutMs: number;
}

/** Calls one job takes besides polls: create, upload, close, three result reads. */
export const BULK_JOB_CALLS = 6;

type ResultRow = Readonly<Record<string, unknown>>;

/** `REQUIRED_FIELD_MISSING:Required fields are missing: [LastName]:LastName --` → code and fields. */
export function parseBulkError(text: string): { code: string; fields: string[] } {
  const trimmed = text.replace(/\s*--\s*$/, "");
  const code = trimmed.split(":")[0] ?? "unknown";
  const last = trimmed.includes(":") ? (trimmed.slice(trimmed.lastIndexOf(":") + 1)) : "";
  const fields = last.split(",").map((f) => f.trim()).filter((f) => /^[A-Za-z][\w.]*$/.test(f));
  return { code, fields };
}

/** Every item settles through `sink` (none is lost): rows the job never reported fail transiently. */
export async function bulkUpsert(
  session: Session, table: string, keyField: string, items: readonly Prepared[], sink: Sink, settings: BulkSettings,
): Promise<void> {
  const columns = new Set<string>();
  const flat = items.map((i) => csvRecord(i.record));
  for (const record of flat) for (const name of Object.keys(record)) columns.add(name);
  // jsforce takes the CSV header from the first record: give every record every column ("" = leave as is).
  const input = flat.map((record) => Object.fromEntries([...columns].map((c): [string, TargetValue] => [c, c in record ? record[c] ?? null : ""])));
  const polls = Math.ceil(settings.pollTimeoutMs / Math.max(1, settings.pollMs));
  let results: { successfulResults: ResultRow[]; failedResults: ResultRow[] };
  try {
    results = await session.call((conn) => conn.bulk2.loadAndWaitForResults({
      object: table, operation: "upsert", externalIdFieldName: keyField, input: input as Record<string, string>[],
      pollInterval: settings.pollMs, pollTimeout: settings.pollTimeoutMs,
    }), { calls: BULK_JOB_CALLS + Math.min(polls, 10), retries: 0 });
  } catch (error) {
    if (error instanceof HandoverError) throw error;
    const failure: TargetFailure = isNetworkError(error) ? toFailure(error) : { vendorCode: LOCAL_CODE, reason: "the bulk job failed or did not finish in time", transient: true };
    for (const item of items) sink.fail(item, failure);
    return;
  }
  const byKey = new Map<string, Prepared[]>();
  for (const item of items) {
    const key = item.row.sourceKey.toLowerCase();
    byKey.set(key, [...(byKey.get(key) ?? []), item]);
  }
  const take = (row: ResultRow): Prepared | undefined => {
    const key = String(row[keyField] ?? "").toLowerCase();
    const list = byKey.get(key);
    const item = list?.shift();
    if (list && list.length === 0) byKey.delete(key);
    return item;
  };
  for (const row of results.successfulResults) {
    const item = take(row);
    if (item) sink.ok(item, String(row.sf__Id), String(row.sf__Created).toLowerCase() === "true");
  }
  for (const row of results.failedResults) {
    const item = take(row);
    if (!item) continue;
    const { code, fields } = parseBulkError(String(row.sf__Error ?? ""));
    sink.fail(item, failureOf(code, fields));
  }
  for (const rest of byKey.values()) {
    for (const item of rest) sink.fail(item, { vendorCode: LOCAL_CODE, reason: "the bulk job did not process the row", transient: true });
  }
}
