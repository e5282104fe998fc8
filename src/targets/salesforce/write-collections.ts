/**
 * One sObject Collections request: upsert by our key (`PATCH /composite/sobjects/{Type}/{Field}`,
 * API 46.0+), or create when audit fields ride along (`POST /composite/sobjects`, since upsert
 * refuses them). Up to 200 records, allOrNone false: results come back one per record, in order
 * (REST API Developer Guide, "sObject Collections": resources_composite_sobjects_collections_upsert.htm).
 */
import { HandoverError } from "../../contracts/handover-error.js";
import type { TargetFailure, TargetRow, TargetValue } from "../../contracts/target.js";
import { recordFailure, toFailure, type RecordError } from "./errors.js";
import type { SfRecord } from "./payload.js";
import type { Session } from "./session.js";

/** Records per collections request (the platform's cap). */
export const COLLECTION_SIZE = 200;

export interface Prepared {
  readonly index: number;
  readonly row: TargetRow;
  readonly record: SfRecord;
  readonly audit: Readonly<Record<string, TargetValue>>;
  readonly parentKey: string;
}

export interface Sink {
  ok(item: Prepared, id: string, created: boolean): void;
  fail(item: Prepared, error: TargetFailure): void;
}

interface SaveResult {
  readonly id?: string;
  readonly success: boolean;
  readonly created?: boolean;
  readonly errors?: readonly RecordError[];
}

/** Items that failed with a transient error, with it, for the caller's retry round. */
export type Retry = { readonly item: Prepared; readonly error: TargetFailure };

/**
 * Sends one chunk; settles every item through `sink` except transient failures, which are
 * returned. `mode` "insert" sends audit fields and creates (the caller knows the keys are new).
 */
export async function sendChunk(
  session: Session, table: string, keyField: string, items: readonly Prepared[], sink: Sink, mode: "upsert" | "insert",
): Promise<Retry[]> {
  const records = items.map((i) => ({ attributes: { type: table }, ...i.record, ...(mode === "insert" ? i.audit : {}) }));
  let results: readonly SaveResult[];
  try {
    results = mode === "insert"
      ? await session.request<SaveResult[]>("POST", "/composite/sobjects", { allOrNone: false, records })
      : await session.request<SaveResult[]>("PATCH", `/composite/sobjects/${table}/${keyField}`, { allOrNone: false, records });
  } catch (error) {
    if (error instanceof HandoverError) throw error;
    const failure = toFailure(error);
    if (failure.transient) return items.map((item) => ({ item, error: failure }));
    for (const item of items) sink.fail(item, failure);
    return [];
  }
  const retry: Retry[] = [];
  items.forEach((item, k) => {
    const result = results[k];
    if (result?.success && result.id) {
      sink.ok(item, result.id, mode === "insert" || result.created === true);
      return;
    }
    const failure = result ? recordFailure(result.errors) : { vendorCode: "local", reason: "the target returned no result for the row", transient: true };
    if (failure.transient) retry.push({ item, error: failure });
    else sink.fail(item, failure);
  });
  return retry;
}
