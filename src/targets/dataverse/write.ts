import { isHandoverError } from "../../contracts/handover-error.js";
import type { TargetFailure, TargetRow, WriteOutcome } from "../../contracts/target.js";
import { chooseBulk, writeBulkChunk, type BulkSettings } from "./bulk-write.js";
import type { BatchOp, Session, SessionPool } from "./client.js";
import { LOCAL_CODE, toFailure } from "./errors.js";
import { chunk, keySegment, normalizeId } from "./keys.js";
import type { MetadataCache, TableAddress, TableMeta } from "./metadata.js";
import { referencedTables, upsertBody, type Body } from "./payload.js";
import { idsBySourceKey } from "./read-back.js";

export interface WriteDeps {
  readonly session: Session;
  /** Users to spread chunks over; absent → `session` alone. */
  readonly pool?: SessionPool;
  readonly metadata: MetadataCache;
  readonly sourceKeyColumn: string;
  readonly batchSize: number;
  /** UpsertMultiple settings; absent → always `$batch`. */
  readonly bulk?: BulkSettings;
  readonly onPath?: (path: WritePath, rows: number) => void;
}

/** Which request carried a chunk: `$batch`, UpsertMultiple, or `$batch` after UpsertMultiple
 * failed (bad data) or was refused (no such action for the table). */
export type WritePath = "batch" | "bulk" | "bulk-fallback" | "bulk-unsupported";

/** A row ready to send: its input position, table metadata and request body. */
export interface Prepared {
  readonly index: number;
  readonly row: TargetRow;
  readonly meta: TableMeta;
  readonly body: Extract<Body, { ok: true }>;
}

/** Loads what bodies need; a table that can't be read fails its rows instead of the call. */
async function loadTables(
  names: Iterable<string>,
  load: (name: string) => Promise<TableAddress | TableMeta>,
): Promise<Map<string, TableAddress | TableMeta>> {
  const out = new Map<string, TableAddress | TableMeta>();
  for (const name of names) {
    try {
      out.set(name, await load(name));
    } catch (error) {
      if (!isHandoverError(error) || error.code !== "HO-TGT-005") throw error;
    }
  }
  return out;
}

/**
 * Upserts rows by our key, one outcome per row in input order. Per table (in order of first
 * appearance): UpsertMultiple chunks when the table has enough rows (bulk-write.ts), else
 * `$batch`es of independent operations. Chunks of one table run in parallel on the least-loaded
 * user — the governors decide how many requests actually fly — unless order could matter
 * (a key repeated, or a row pointing at another row of its own table by key).
 *
 * `created` comes from a pre-read: before each chunk, one query per 100 keys lists which keys
 * already exist (unless the caller passes what it just read); a row is "created" if its id was not among them (nor returned earlier in
 * this call, for a key repeated in the input).
 */
export async function writeRows(rows: readonly TargetRow[], deps: WriteDeps, known?: ReadonlyMap<string, string>): Promise<readonly WriteOutcome[]> {
  const { metadata, sourceKeyColumn } = deps;
  // What existed before this call: the caller's own read when it gives one, else ours.
  const knownLower = known && new Map([...known].map(([k, id]) => [k.toLowerCase(), id]));
  const before = (group: readonly Prepared[], session: Session): Promise<ReadonlyMap<string, string>> => knownLower
    ? Promise.resolve(new Map(group.flatMap((p) => { const id = knownLower.get(p.row.sourceKey.toLowerCase()); return id ? [[p.row.sourceKey.toLowerCase(), id] as const] : []; })))
    : existingIds(group, session, sourceKeyColumn);
  const outcomes: WriteOutcome[] = new Array(rows.length);
  const fail = (i: number, error: TargetFailure) => {
    const row = rows[i] as TargetRow;
    outcomes[i] = { ok: false, table: row.table, sourceKey: row.sourceKey, error };
  };

  const metas = await loadTables(new Set(rows.map((r) => r.table)), (t) => metadata.table(t));
  const addresses = await loadTables(referencedTables(rows.map((r) => r.lookups)), (t) => metadata.address(t));

  const byTable = new Map<string, Prepared[]>();
  rows.forEach((row, index) => {
    const meta = metas.get(row.table) as TableMeta | undefined;
    if (!meta) return fail(index, { vendorCode: LOCAL_CODE, reason: "unknown table", transient: false });
    const body = upsertBody(row, { meta, addresses, sourceKeyColumn });
    if (!body.ok) return fail(index, body.error);
    const list = byTable.get(meta.name) ?? [];
    list.push({ index, row, meta, body });
    byTable.set(meta.name, list);
  });

  const seen = new Set<string>();
  const ok = (item: Prepared, id: string, before: ReadonlyMap<string, string>) => {
    const existed = [...before.values()].includes(id) || seen.has(id);
    seen.add(id);
    outcomes[item.index] = { ok: true, table: item.row.table, sourceKey: item.row.sourceKey, id, created: !existed };
  };
  const missingId = (item: Prepared) =>
    fail(item.index, { vendorCode: LOCAL_CODE, reason: "the target did not return the row's id", transient: true });
  const sink: Sink = { ok, missingId, fail };
  const use = <T>(work: (s: Session) => Promise<T>) => (deps.pool ? deps.pool.use(work) : work(deps.session));

  for (const [table, items] of byTable) {
    const bulk = chooseBulk(deps.bulk, table, items.length);
    const size = bulk && deps.bulk ? deps.bulk.size : deps.batchSize;
    const tasks = chunk(items, size).map((group) => () => use((session) => bulk && deps.bulk
      ? writeBulkChunk(group, {
        session, sourceKeyColumn, support: deps.bulk.support, ok, missingId,
        before, existing: (g, s) => existingIds(g, s, sourceKeyColumn),
        fallback: (g, before) => writeBatchChunk(g, session, deps, sink, before),
        onPath: deps.onPath,
      })
      : writeBatchChunk(group, session, deps, sink, undefined, before)));
    if (orderMatters(items)) {
      for (const task of tasks) await task();
    } else {
      // Settle all before returning or throwing: nothing of this call stays in flight.
      const settled = await Promise.allSettled(tasks.map((task) => task()));
      const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
      if (failed) throw failed.reason;
    }
  }
  return outcomes;
}

interface Sink {
  readonly ok: (item: Prepared, id: string, before: ReadonlyMap<string, string>) => void;
  readonly missingId: (item: Prepared) => void;
  readonly fail: (index: number, error: TargetFailure) => void;
}

/** Keys repeated, or rows binding to rows of their own table by key: chunks must go in order. */
function orderMatters(items: readonly Prepared[]): boolean {
  const keys = new Set<string>();
  for (const { row, meta } of items) {
    const key = row.sourceKey.toLowerCase();
    if (keys.has(key)) return true;
    keys.add(key);
    for (const ref of Object.values(row.lookups)) if (ref && ref.table === meta.name && "sourceKey" in ref) return true;
  }
  return false;
}

/** One `$batch` of upserts by key, after a pre-read (or with the one the caller made). */
async function writeBatchChunk(
  group: readonly Prepared[], session: Session, deps: WriteDeps, sink: Sink, pre?: ReadonlyMap<string, string>,
  read: (group: readonly Prepared[], session: Session) => Promise<ReadonlyMap<string, string>> = (g, sess) => existingIds(g, sess, deps.sourceKeyColumn),
): Promise<void> {
  const { sourceKeyColumn } = deps;
  const before = pre ?? await read(group, session);
  const ops: BatchOp[] = group.map(({ row, meta, body }) => (api) =>
    api.upsert({ collection: meta.entitySet, key: keySegment(sourceKeyColumn, row.sourceKey), data: body.data }),
  );
  const results = await session.batch(ops);
  if (!pre) deps.onPath?.("batch", group.length);
  const missing: Prepared[] = [];
  group.forEach((item, k) => {
    const result = results[k];
    if (!result?.ok) {
      const known = new Set([...Object.keys(item.row.fields), ...Object.keys(item.row.lookups)]);
      return sink.fail(item.index, toFailure(result?.error, { aliases: item.body.aliases, known }));
    }
    const id = normalizeId(result.value) ?? before.get(item.row.sourceKey.toLowerCase());
    if (!id) return void missing.push(item);
    sink.ok(item, id, before);
  });
  // The server answered without a usable id (not the GUID form): look the keys up once.
  if (missing.length > 0) {
    const found = await existingIds(missing, session, sourceKeyColumn);
    for (const item of missing) {
      const id = found.get(item.row.sourceKey.toLowerCase());
      if (id) sink.ok(item, id, before);
      else sink.missingId(item);
    }
  }
}

/** Key (lowercased) → id of the group's rows that exist now. All rows are of one table. */
async function existingIds(group: readonly Prepared[], session: Session, sourceKeyColumn: string): Promise<Map<string, string>> {
  const first = group[0];
  if (!first) return new Map();
  return idsBySourceKey(session, first.meta, sourceKeyColumn, group.map((p) => p.row.sourceKey));
}
