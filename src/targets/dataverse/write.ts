import { isHandoverError } from "../../contracts/handover-error.js";
import type { TargetFailure, TargetRow, WriteOutcome } from "../../contracts/target.js";
import type { BatchOp, Session } from "./client.js";
import { LOCAL_CODE, toFailure } from "./errors.js";
import { chunk, keySegment, normalizeId } from "./keys.js";
import type { MetadataCache, TableAddress, TableMeta } from "./metadata.js";
import { referencedTables, upsertBody, type Body } from "./payload.js";
import { idsBySourceKey } from "./read-back.js";

export interface WriteDeps {
  readonly session: Session;
  readonly metadata: MetadataCache;
  readonly sourceKeyColumn: string;
  readonly batchSize: number;
}

interface Prepared {
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
 * Upserts rows by our key, in $batches of independent operations, one outcome per row in input
 * order. `created` comes from a pre-read: before each batch, one query per table lists which
 * of its keys already exist; a row is "created" if its returned id was not among them (nor
 * returned earlier in this call, for a key repeated in the input).
 */
export async function writeRows(rows: readonly TargetRow[], deps: WriteDeps): Promise<readonly WriteOutcome[]> {
  const { session, metadata, sourceKeyColumn } = deps;
  const outcomes: WriteOutcome[] = new Array(rows.length);
  const fail = (i: number, error: TargetFailure) => {
    const row = rows[i] as TargetRow;
    outcomes[i] = { ok: false, table: row.table, sourceKey: row.sourceKey, error };
  };

  const metas = await loadTables(new Set(rows.map((r) => r.table)), (t) => metadata.table(t));
  const addresses = await loadTables(referencedTables(rows.map((r) => r.lookups)), (t) => metadata.address(t));

  const prepared: Prepared[] = [];
  rows.forEach((row, index) => {
    const meta = metas.get(row.table) as TableMeta | undefined;
    if (!meta) return fail(index, { vendorCode: LOCAL_CODE, reason: "unknown table", transient: false });
    const body = upsertBody(row, { meta, addresses, sourceKeyColumn });
    if (!body.ok) return fail(index, body.error);
    prepared.push({ index, row, meta, body });
  });

  const seen = new Set<string>();
  for (const group of chunk(prepared, deps.batchSize)) {
    const existing = await existingIds(group, deps);
    const ops: BatchOp[] = group.map(({ row, meta, body }) => (api) =>
      api.upsert({ collection: meta.entitySet, key: keySegment(sourceKeyColumn, row.sourceKey), data: body.data }),
    );
    const results = await session.batch(ops);
    const missingId: Prepared[] = [];
    group.forEach((item, k) => {
      const result = results[k];
      if (!result?.ok) {
        const known = new Set([...Object.keys(item.row.fields), ...Object.keys(item.row.lookups)]);
        return fail(item.index, toFailure(result?.error, { aliases: item.body.aliases, known }));
      }
      const id = normalizeId(result.value) ?? existing.get(item.meta.name)?.get(item.row.sourceKey.toLowerCase());
      if (!id) return void missingId.push(item);
      record(item, id);
    });
    // The server answered without a usable id (not the GUID form): look the keys up once.
    if (missingId.length > 0) {
      const found = await existingIds(missingId, deps);
      for (const item of missingId) {
        const id = found.get(item.meta.name)?.get(item.row.sourceKey.toLowerCase());
        if (id) record(item, id);
        else fail(item.index, { vendorCode: LOCAL_CODE, reason: "the target did not return the row's id", transient: true });
      }
    }

    function record(item: Prepared, id: string): void {
      const before = existing.get(item.meta.name);
      const existed = [...(before?.values() ?? [])].includes(id) || seen.has(id);
      seen.add(id);
      outcomes[item.index] = { ok: true, table: item.row.table, sourceKey: item.row.sourceKey, id, created: !existed };
    }
  }
  return outcomes;
}

/** Per table of the group: key (lowercased) → id of rows that exist now. */
async function existingIds(group: readonly Prepared[], deps: WriteDeps): Promise<Map<string, Map<string, string>>> {
  const byTable = new Map<string, { meta: TableMeta; keys: string[] }>();
  for (const { meta, row } of group) {
    const entry = byTable.get(meta.name) ?? { meta, keys: [] };
    entry.keys.push(row.sourceKey);
    byTable.set(meta.name, entry);
  }
  const out = new Map<string, Map<string, string>>();
  for (const [name, { meta, keys }] of byTable) {
    out.set(name, await idsBySourceKey(deps.session, meta, deps.sourceKeyColumn, keys));
  }
  return out;
}
