/**
 * Upserts rows by our key, one outcome per row in input order. Per table (in order of first
 * appearance): a Bulk API 2.0 job when the table has more rows than the threshold, else sObject
 * Collections requests of 200, a few in parallel. Children are sorted by their parent before
 * chunking, so parallel requests rarely touch the same parent — Salesforce locks a parent while a
 * child is written and a second request then fails with UNABLE_TO_LOCK_ROW ("Record Locking
 * Cheat Sheet", developer.salesforce.com/docs/atlas.en-us.salesforce_record_locking_cheatsheet.meta);
 * rows that still meet a lock (or another transient error) are sent again, one request at a time.
 */
import { isHandoverError } from "../../contracts/handover-error.js";
import type { TargetFailure, TargetRow, WriteOutcome } from "../../contracts/target.js";
import type { Sleep } from "../../support/pause-gate.js";
import { LOCAL_CODE } from "./errors.js";
import { idsByKey } from "./ids-by-key.js";
import { fieldOf, type MetadataCache, type ObjectMeta } from "./metadata.js";
import { needsResolving, refKey, restRecord } from "./payload.js";
import type { Session } from "./session.js";
import { chunk } from "./soql.js";
import { BULK_JOB_CALLS, bulkUpsert, type BulkSettings } from "./write-bulk.js";
import { COLLECTION_SIZE, sendChunk, type Prepared, type Retry, type Sink } from "./write-collections.js";

export interface WriteDeps {
  readonly session: Session;
  readonly metadata: MetadataCache;
  readonly keyField: string;
  /** Rows per table above which Bulk API 2.0 is used. */
  readonly collectionThreshold: number;
  readonly bulk: BulkSettings;
  /** Send audit fields (CreatedDate…) on insert: true, false, or "auto" (when describe says they are createable). */
  readonly auditFields: boolean | "auto";
  readonly sleep: Sleep;
  /** Collections requests in flight at once per table. */
  readonly parallel: number;
  /** Rounds of re-sending rows that failed transiently. */
  readonly retryRounds: number;
  /** Told which path carried each table's rows (stats, tests). */
  readonly onPath?: (path: "collections" | "bulk", table: string, rows: number) => void;
}

/** Rows per Bulk API 2.0 job (one CSV upload each; the platform takes up to 150 MB per upload). */
const BULK_ROWS = 10_000;

/** Runs tasks at most `limit` at a time; settles all before rethrowing the first failure. */
export async function runLimited(tasks: readonly (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  const errors: unknown[] = [];
  const worker = async () => {
    while (next < tasks.length) {
      const task = tasks[next++] as () => Promise<void>;
      try {
        await task();
      } catch (error) {
        errors.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, tasks.length)) }, worker));
  if (errors.length > 0) throw errors[0];
}

/** Polymorphic lookups by key, resolved to ids by one query per referenced table. */
async function resolvePolymorphic(rows: readonly TargetRow[], meta: ObjectMeta, deps: WriteDeps): Promise<Map<string, string>> {
  const wanted = new Map<string, string[]>();
  for (const row of rows) {
    for (const [name, ref] of Object.entries(row.lookups)) {
      const field = fieldOf(meta, name);
      if (!ref || "id" in ref || !field || !needsResolving(field)) continue;
      wanted.set(ref.table, [...(wanted.get(ref.table) ?? []), ref.sourceKey]);
    }
  }
  const resolved = new Map<string, string>();
  for (const [table, keys] of wanted) {
    try {
      const ids = await idsByKey(deps.session, table, deps.keyField, keys);
      for (const [key, id] of ids) resolved.set(refKey(table, key), id);
    } catch (error) {
      // An unreadable referenced table leaves its references unresolved: those rows fail alone.
      if (!isHandoverError(error) || error.code !== "HO-TGT-006") throw error;
    }
  }
  return resolved;
}

/** Keys repeated, or rows pointing at rows of their own table by key: requests must go in order. */
function orderMatters(items: readonly Prepared[], table: string): boolean {
  const keys = new Set<string>();
  for (const { row } of items) {
    const key = row.sourceKey.toLowerCase();
    if (keys.has(key)) return true;
    keys.add(key);
    if (Object.values(row.lookups).some((ref) => ref && "sourceKey" in ref && ref.table.toLowerCase() === table.toLowerCase())) return true;
  }
  return false;
}

async function auditGranted(meta: ObjectMeta, deps: WriteDeps): Promise<boolean> {
  if (deps.auditFields === false) return false;
  return deps.auditFields === true || fieldOf(meta, "CreatedDate")?.createable === true;
}

/**
 * One outcome per row, in input order. `created` is the platform's own (upsert results say
 * whether they inserted); `existing` is only used to pick inserts when audit fields ride along.
 * Audit fields (CreatedDate…) are sent on insert when the org grants them and dropped otherwise.
 */
export async function writeRows(rows: readonly TargetRow[], deps: WriteDeps, existing?: ReadonlyMap<string, string>): Promise<readonly WriteOutcome[]> {
  const outcomes: WriteOutcome[] = new Array(rows.length);
  const failRow = (index: number, error: TargetFailure) => {
    const row = rows[index] as TargetRow;
    outcomes[index] = { ok: false, table: row.table, sourceKey: row.sourceKey, error };
  };
  const sink: Sink = {
    ok: (item, id, created) => { outcomes[item.index] = { ok: true, table: item.row.table, sourceKey: item.row.sourceKey, id, created }; },
    fail: (item, error) => failRow(item.index, error),
  };
  const byTable = new Map<string, number[]>();
  rows.forEach((row, index) => byTable.set(row.table, [...(byTable.get(row.table) ?? []), index]));

  for (const [table, indexes] of byTable) {
    let meta: ObjectMeta;
    try {
      meta = await deps.metadata.object(table);
    } catch (error) {
      if (!isHandoverError(error) || error.code !== "HO-TGT-005") throw error;
      for (const i of indexes) failRow(i, { vendorCode: LOCAL_CODE, reason: "unknown table", transient: false });
      continue;
    }
    const tableRows = indexes.map((i) => rows[i] as TargetRow);
    const resolved = await resolvePolymorphic(tableRows, meta, deps);
    const items: Prepared[] = [];
    for (const index of indexes) {
      const payload = restRecord(rows[index] as TargetRow, { meta, keyField: deps.keyField, resolved });
      if (!payload.ok) failRow(index, payload.error);
      else items.push({ index, row: rows[index] as TargetRow, record: payload.record, audit: payload.audit, parentKey: payload.parentKey });
    }
    const ordered = orderMatters(items, meta.name);
    // Group children of one parent (stable sort keeps input order within a parent).
    if (!ordered) items.sort((a, b) => (a.parentKey < b.parentKey ? -1 : a.parentKey > b.parentKey ? 1 : a.index - b.index));
    await writeTable(meta.name, items, ordered, deps, sink, existing);
  }
  return outcomes;
}

async function writeTable(
  table: string, items: Prepared[], ordered: boolean, deps: WriteDeps, sink: Sink, existing?: ReadonlyMap<string, string>,
): Promise<void> {
  if (items.length === 0) return;
  const meta = await deps.metadata.object(table);
  // Rows already there get no field they can't change (AccountContactRelation's AccountId and
  // ContactId are createable, not updateable: sending them, even unchanged, fails the row; in a
  // Bulk CSV the left-out cell is empty, which leaves the field as it is).
  if (existing) items = items.map((i) => (existing.has(i.row.sourceKey) ? { ...i, record: updatable(i.record, meta) } : i));
  const withAudit = items.some((i) => Object.keys(i.audit).length > 0) && await auditGranted(meta, deps);
  const bulk = items.length > deps.collectionThreshold && !ordered && !withAudit;
  // The whole table's calls must fit in our share of the allocation before the first is sent:
  // stopping between requests would leave the table half-written.
  deps.session.budget.ensure(bulk ? Math.ceil(items.length / BULK_ROWS) * (BULK_JOB_CALLS + 2) : Math.ceil(items.length / COLLECTION_SIZE) * (withAudit ? 2 : 1));
  if (bulk) {
    deps.onPath?.("bulk", table, items.length);
    for (const part of chunk(items, BULK_ROWS)) await bulkUpsert(deps.session, table, deps.keyField, part, sink, deps.bulk);
    return;
  }
  deps.onPath?.("collections", table, items.length);
  // Audit fields are accepted on insert only: rows whose key is new are created, the rest upserted.
  let inserts: Prepared[] = [];
  let upserts = items;
  if (withAudit) {
    const known = existing
      ? new Map([...existing].map(([k, id]) => [k.toLowerCase(), id]))
      : await idsByKey(deps.session, table, deps.keyField, items.map((i) => i.row.sourceKey));
    const seen = new Set<string>();
    inserts = items.filter((i) => {
      const key = i.row.sourceKey.toLowerCase();
      const isNew = !known.has(key) && !seen.has(key);
      seen.add(key);
      return isNew;
    });
    upserts = items.filter((i) => !inserts.includes(i));
  }
  let retry: Retry[] = [];
  const collect = (mode: "upsert" | "insert") => (group: readonly Prepared[]) => async () => {
    retry.push(...await sendChunk(deps.session, table, deps.keyField, group, sink, mode));
  };
  const tasks = [...chunk(inserts, COLLECTION_SIZE).map(collect("insert")), ...chunk(upserts, COLLECTION_SIZE).map(collect("upsert"))];
  await runLimited(tasks, ordered ? 1 : deps.parallel);
  for (let round = 0; retry.length > 0 && round < deps.retryRounds; round++) {
    await deps.sleep(200 * 2 ** round);
    const again = retry.sort((a, b) => a.item.index - b.item.index);
    retry = [];
    const isInsert = (i: Prepared) => inserts.includes(i);
    await runLimited([
      ...chunk(again.filter((r) => isInsert(r.item)).map((r) => r.item), COLLECTION_SIZE).map(collect("insert")),
      ...chunk(again.filter((r) => !isInsert(r.item)).map((r) => r.item), COLLECTION_SIZE).map(collect("upsert")),
    ], 1);
  }
  for (const { item, error } of retry) sink.fail(item, error);
}


/** The record without fields (or relationship references) that are not updateable. */
function updatable(record: Prepared["record"], meta: ObjectMeta): Prepared["record"] {
  const fixed = new Set(meta.fields.filter((f) => !f.updateable).flatMap((f) => [f.name, ...(f.relationshipName ? [f.relationshipName] : [])]));
  return Object.fromEntries(Object.entries(record).filter(([name]) => !fixed.has(name) || name === "attributes")) as Prepared["record"];
}
