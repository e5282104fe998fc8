import { isHandoverError, issue } from "../../contracts/handover-error.js";
import type { ChangeCursor, Checkpoint, SourceConnector } from "../../contracts/source.js";
import type { Store } from "../../store/open-store.js";
import type { TableMap } from "../transform/compile-map.js";
import { instantReader, type InstantReader } from "../transform/parse-dates.js";
import { laterCursor } from "./change-cursor.js";
import { freshState, loadExtract, restartExtract, saveExtract, type ExtractCounts, type ExtractState } from "./extract-state.js";
import { markDeleted } from "./mark-deleted.js";
import { fileIssues, stageRows, type PendingIssue, type PendingRow, type StageContext } from "./stage-rows.js";

export interface ExtractTableResult extends ExtractCounts {
  readonly table: string;
  /** The read went on from a checkpoint an earlier (crashed) process of the run saved. */
  readonly resumed: boolean;
}

export interface ExtractOptions {
  readonly onProgress?: (n: number) => void;
  /** Delta: a record whose values equal what an earlier run staged is skipped by rule
   * "unchanged-since-last-run"; only new and changed records are left for the load. */
  readonly compareWithPrevious?: boolean;
  /** Delta, for a source that filters by change and gives tombstones: read only what changed since
   * `cursor` (compared as above), and mark the records its tombstones name as deleted at the source.
   * `carryFrom` is the run that set the cursor (see carry-over.ts). */
  readonly changedSince?: { readonly cursor: ChangeCursor; readonly carryFrom: string };
  /** Reads the modified column's text as an instant (default: ISO, or the profile-less reading). */
  readonly readInstant?: InstantReader;
}

/** Rows read but not yet staged, at most: past it they are staged without a checkpoint (then a
 * crash restarts the table). Every reader here checkpoints at least every 1,000 rows. */
const maxPending = 2000;

/**
 * Stages one source table's rows for a run: every row ends staged, or as an issue + outcome
 * (malformed row, empty key, duplicate key — first row wins, rule "duplicate-source-key").
 *
 * Resumable: each checkpoint the reader gives is saved in the transaction that stages the rows
 * before it, so a run that crashed reads on from the last one (`read(table, { after })`) with its
 * counts, and keeps what it staged. A reader that refuses the checkpoint (HO-SRC-008: the file
 * changed) and a crash with no checkpoint saved start the table over, undoing what the run staged.
 */
export async function extractTable(store: Store, source: SourceConnector, table: TableMap, runId: string, options: ExtractOptions = {}): Promise<ExtractTableResult> {
  const db = store.db;
  const saved = await loadExtract(db, runId, table.table);
  if (saved?.state.done) return { table: table.table, ...counts(saved.state), resumed: true };
  const startOver = async (): Promise<ExtractState> => {
    const since = saved ? saved.state.since : options.changedSince?.cursor ?? null;
    const carryFrom = saved ? saved.state.carryFrom : options.changedSince?.carryFrom ?? null;
    const state = freshState(since, carryFrom, saved?.state.startedAt ?? new Date().toISOString());
    await restartExtract(db, runId, table.table, state);
    return state;
  };
  if (saved?.after) {
    try {
      const state = structuredClone(saved.state);
      return { table: table.table, ...counts(await readTable(store, source, table, runId, state, saved.after, options)), resumed: true };
    } catch (error) {
      if (!(error instanceof CheckpointRefused)) throw error;
    }
  }
  return { table: table.table, ...counts(await readTable(store, source, table, runId, await startOver(), undefined, options)), resumed: false };
}

/** The reader refused the saved checkpoint before anything of the resumed read was staged. */
class CheckpointRefused extends Error {}

async function readTable(store: Store, source: SourceConnector, table: TableMap, runId: string, state: ExtractState, after: Checkpoint | undefined, options: ExtractOptions): Promise<ExtractState> {
  const db = store.db;
  // A changed-since read numbers its rows from its own start; its row-level keys are kept apart
  // from those carried over from the earlier run's whole read (see carry-over.ts).
  const rowKey = state.since ? (base: string) => `${base}@${runId}` : (base: string) => base;
  const ctx: StageContext = { table, runId, compareWithPrevious: options.compareWithPrevious === true || state.since !== null, rowKey, readInstant: options.readInstant ?? instantReader({}) };
  let pending: PendingRow[] = [];
  let issues: PendingIssue[] = [];
  let deletions: string[] = [];
  let newest = state.newest;
  let flushed = false;

  const flush = async (checkpoint: Checkpoint | null): Promise<void> => {
    const rows = pending;
    const found = issues;
    const gone = deletions;
    pending = [];
    issues = [];
    deletions = [];
    await db.transaction().execute(async (trx) => {
      const staged = await stageRows(trx, ctx, rows);
      state.staged += staged.staged;
      state.unchanged += staged.unchanged;
      state.duplicates += staged.duplicates.length;
      await fileIssues(trx, runId, table.table, [...found, ...staged.duplicates]);
      if (gone.length > 0) state.deleted += await markDeleted(trx, table.table, runId, gone);
      state.newest = newest;
      await saveExtract(trx, runId, table.table, state, checkpoint);
    });
    flushed = true;
    options.onProgress?.(state.staged);
  };

  const read = source.read(table.table, { ...(after ? { after } : {}), ...(state.since ? { changedSince: state.since } : {}) });
  try {
    for await (const item of read) {
      if (item.kind === "checkpoint") {
        await flush(item);
        continue;
      }
      if (item.kind === "deleted") {
        // A full read stages what exists (delta compares key sets); a changed-since read is told.
        if (state.since) deletions.push(item.key);
        continue;
      }
      if (item.kind === "issue") {
        if (item.issue.severity !== "warning") state.badRows += 1;
        // Filed under the record it stands for when the reader says; else under its row.
        const key = item.key && item.issue.severity !== "warning" ? item.key : rowKey(`#row${item.issue.row ?? state.badRows}${item.issue.severity === "warning" ? `:${item.issue.code}` : ""}`);
        issues.push({ issue: item.issue, key });
      } else {
        const key = table.keyColumns.map((c) => (item.values[c] ?? "").trim()).join("|");
        if (key.replace(/\|/g, "") === "") {
          state.badRows += 1;
          issues.push({ key: rowKey(`#row${item.row}`), issue: issue("HO-SRC-005", { file: item.file, row: item.row, field: table.keyColumns.join("+") }) });
        } else {
          pending.push({ key, file: item.file, row: item.row, values: item.values });
          if (item.changedAt && !Number.isNaN(Date.parse(item.changedAt))) newest = laterCursor(newest, { at: item.changedAt, key: item.key ?? key });
        }
      }
      if (pending.length + issues.length >= maxPending) await flush(null);
    }
  } catch (error) {
    if (after && !flushed && isHandoverError(error) && error.code === "HO-SRC-008") throw new CheckpointRefused();
    throw error;
  }
  state.done = true;
  await flush(null);
  return state;
}

function counts(state: ExtractState): ExtractCounts {
  return { staged: state.staged, duplicates: state.duplicates, badRows: state.badRows, unchanged: state.unchanged, deleted: state.deleted };
}
