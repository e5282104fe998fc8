import { issue } from "../../contracts/handover-error.js";
import type { StoredRow, TargetConnector, TargetRow, WriteOutcome } from "../../contracts/target.js";
import { appendAudit, type AuditEntry } from "../../store/audit-log.js";
import type { Insertable } from "kysely";
import type { Store } from "../../store/open-store.js";
import type { CrosswalkTable } from "../../store/schema.js";
import { completeJournal, saveOutcomes, type JournalCompletion, type OutcomeEntry } from "./outcomes.js";
import type { PlannedRow, RecordResult } from "../transform/transform-record.js";

export interface BatchDeps {
  readonly store: Store;
  readonly target: TargetConnector;
  readonly runId: string;
  readonly actor: string;
}

/** A row to write: from a source record, or one Handover adds itself (then `record` is absent). */
export interface BatchItem {
  readonly planned: PlannedRow;
  readonly sourceTable: string;
  readonly record?: RecordResult;
}

export interface BatchResult {
  readonly created: number;
  readonly updated: number;
  readonly failed: number;
}

/**
 * Writes one batch of rows of one target table, keeping the promises of the journal:
 * 1. read what the target holds under our keys (before-images of rows that already exist);
 * 2. record each intent with its before-image in the store — before anything is sent;
 * 3. upsert; 4. record outcomes, crosswalk and one audit row per operation, in one transaction.
 * A crash between 2 and 4 leaves pending intents; the resumed run re-sends them (upserts are
 * idempotent) and rollback trusts the earliest intent per key to know who created the row.
 */
export async function writeBatch(deps: BatchDeps, table: string, items: readonly BatchItem[]): Promise<BatchResult> {
  if (items.length === 0) return { created: 0, updated: 0, failed: 0 };
  const { store, target, runId } = deps;
  const keys = items.map((i) => i.planned.row.sourceKey);
  const columns = [...new Set(items.flatMap((i) => [...Object.keys(i.planned.row.fields), ...Object.keys(i.planned.row.lookups)]))];
  const existing = new Map<string, StoredRow>();
  for (const row of await target.readBack(table, keys, columns)) if (row.sourceKey) existing.set(row.sourceKey, row);

  const rows: TargetRow[] = items.map((i) => {
    const before = existing.get(i.planned.row.sourceKey);
    if (!before || i.planned.createOnly.length === 0) return i.planned.row;
    const fields = { ...i.planned.row.fields };
    for (const c of i.planned.createOnly) delete fields[c];
    return { ...i.planned.row, fields };
  });

  const journalIds = await journalIntents(store, runId, table, rows, existing);
  const outcomes = await writeRespectingClosedRecords(target, rows, existing);
  return recordOutcomes(deps, table, items, outcomes, journalIds, existing);
}

/** Step 2: one pending journal row per intended write, with the before-image, before anything is sent. */
export async function journalIntents(store: Store, runId: string, table: string, rows: readonly TargetRow[], existing: ReadonlyMap<string, StoredRow>): Promise<number[]> {
  const now = new Date().toISOString();
  return store.db.transaction().execute(async (trx) => {
    const ids: number[] = [];
    for (let k = 0; k < rows.length; k += 200) {
      const inserted = await trx.insertInto("journal").values(rows.slice(k, k + 200).map((row) => {
        const before = existing.get(row.sourceKey);
        return {
          run_id: runId, op: "upsert" as const, target_table: table, source_key: row.sourceKey, target_id: before?.id ?? null,
          existed_before: before ? 1 : 0, before_image: before ? JSON.stringify(before) : null,
          intent: JSON.stringify(row), status: "pending" as const, vendor_code: null, created_at: now, completed_at: null,
        };
      })).returning("id").execute();
      ids.push(...inserted.map((r) => r.id));
    }
    return ids;
  });
}

const isClosed = (row: StoredRow | undefined) => typeof row?.fields.statecode === "number" && row.fields.statecode !== 0 && row.fields.statecode !== 3;

/**
 * A completed or cancelled activity is read-only except for a state change (Dataverse, and the
 * sandbox, refuse the update). A re-run that updates one reopens it, writes the values, then sets
 * the state again — three requests, only for rows that are closed in the target already. The
 * state changes go by id with nothing but the state (an upsert body also carries our key column).
 */
async function writeRespectingClosedRecords(target: TargetConnector, rows: readonly TargetRow[], existing: ReadonlyMap<string, StoredRow>): Promise<WriteOutcome[]> {
  const closed = rows.filter((r) => "statecode" in r.fields && isClosed(existing.get(r.sourceKey)));
  const known = new Map([...existing].map(([key, row]) => [key, row.id]));
  if (closed.length === 0) return [...(await target.write(rows, { existing: known }))];
  const table = closed[0]!.table;
  const byId = (r: TargetRow, fields: StoredRow["fields"]): StoredRow => ({ table: r.table, id: existing.get(r.sourceKey)!.id, sourceKey: r.sourceKey, fields, lookups: {} });
  const reopened = await target.restore(table, closed.map((r) => byId(r, { statecode: 0 })));
  const reopenFailed = new Map(closed.flatMap((r, k) => { const o = reopened[k]; return o && !o.ok ? [[r.sourceKey, o.error] as const] : []; }));
  const closedKeys = new Set(closed.map((r) => r.sourceKey));
  const values = rows.map((r) => {
    if (!closedKeys.has(r.sourceKey)) return r;
    const { statecode: _state, statuscode: _status, ...rest } = r.fields;
    return { ...r, fields: rest };
  });
  const outcomes = [...(await target.write(values, { existing: known }))];
  const closing = await target.restore(table, closed.map((r) => byId(r, { statecode: r.fields.statecode ?? null, statuscode: r.fields.statuscode ?? null })));
  const closeFailed = new Map(closed.flatMap((r, k) => { const o = closing[k]; return o && !o.ok ? [[r.sourceKey, o.error] as const] : []; }));
  return outcomes.map((o) => {
    const error = reopenFailed.get(o.sourceKey) ?? closeFailed.get(o.sourceKey);
    return o.ok && error ? { ok: false, table: o.table, sourceKey: o.sourceKey, error } : o;
  });
}

/** Step 4: outcomes, journal completion, crosswalk and audit, in one transaction. */
export async function recordOutcomes(
  deps: BatchDeps, table: string, items: readonly BatchItem[], outcomes: readonly WriteOutcome[],
  journalIds: readonly number[], existing: ReadonlyMap<string, StoredRow>,
): Promise<BatchResult> {
  const { store, runId, actor } = deps;
  const done = new Date().toISOString();
  let created = 0;
  let updated = 0;
  const journal: JournalCompletion[] = [];
  const crosswalk: Insertable<CrosswalkTable>[] = [];
  const results: OutcomeEntry[] = [];
  const audit: AuditEntry[] = [];
  items.forEach((item, k) => {
    const outcome = outcomes[k];
    const record = item.record;
    const key = item.planned.row.sourceKey;
    if (outcome?.ok) {
      const wasThere = existing.has(key);
      if (wasThere) updated += 1;
      else created += 1;
      journal.push({ id: journalIds[k]!, status: "ok", targetId: outcome.id, vendorCode: null });
      crosswalk.push({ target_table: table, source_key: key, target_id: outcome.id, source_table: item.sourceTable, first_run: runId, last_run: runId });
      audit.push({ actor, operation: "upsert", runId, sourceKey: key, targetTable: table, targetId: outcome.id, outcome: wasThere ? "updated" : "created" });
      if (record) results.push({ record, status: record.issues.some((i) => i.severity === "warning") ? "flagged" : "loaded", reason: null, targetTable: table, targetKey: key, issues: record.issues });
    } else {
      const error = outcome && !outcome.ok ? outcome.error : { vendorCode: "none", reason: "no outcome returned", transient: true };
      journal.push({ id: journalIds[k]!, status: "failed", targetId: null, vendorCode: error.vendorCode });
      audit.push({ actor, operation: "upsert", runId, sourceKey: key, targetTable: table, outcome: "failed", errorCode: "HO-TGT-003" });
      if (record) {
        const rejection = issue("HO-TGT-003", { file: record.file, row: record.row, field: error.field, table, vendorCode: error.vendorCode, reason: error.reason });
        results.push({ record, status: "rejected", reason: "HO-TGT-003", targetTable: table, targetKey: key, issues: [...record.issues, rejection] });
      }
    }
  });
  await store.db.transaction().execute(async (trx) => {
    await completeJournal(trx, journal, done);
    for (let k = 0; k < crosswalk.length; k += 100) {
      await trx.insertInto("crosswalk").values(crosswalk.slice(k, k + 100))
        .onConflict((oc) => oc.columns(["target_table", "source_key"]).doUpdateSet((eb) => ({ target_id: eb.ref("excluded.target_id"), last_run: eb.ref("excluded.last_run") }))).execute();
    }
    await saveOutcomes(trx, runId, results);
    await appendAudit(trx, audit);
  });
  return { created, updated, failed: items.length - created - updated };
}
