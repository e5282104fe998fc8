import type { RemoveOutcome, StoredRow } from "../../contracts/target.js";
import type { BatchOp, Session } from "./client.js";
import { asVendorError, toFailure } from "./errors.js";
import { chunk, normalizeId } from "./keys.js";
import type { MetadataCache } from "./metadata.js";
import { referencedTables, restoreBody } from "./payload.js";
import type { TableAddress } from "./metadata.js";

export interface RemoveDeps {
  readonly session: Session;
  readonly metadata: MetadataCache;
  readonly sourceKeyColumn: string;
  readonly batchSize: number;
}

/** Deletes by id in $batches; a row already gone (404) counts as removed. */
export async function removeRows(table: string, ids: readonly string[], deps: RemoveDeps): Promise<readonly RemoveOutcome[]> {
  const { entitySet } = await deps.metadata.address(table);
  const outcomes: RemoveOutcome[] = [];
  for (const group of chunk(ids, deps.batchSize)) {
    const ops: BatchOp[] = group.map((id) => (api) => api.deleteRecord({ collection: entitySet, key: normalizeId(id) ?? id }));
    const results = await deps.session.batch(ops);
    group.forEach((id, k) => {
      const result = results[k];
      if (result?.ok || asVendorError(result?.error).status === 404) outcomes.push({ ok: true, id });
      else outcomes.push({ ok: false, id, error: toFailure(result?.error) });
    });
  }
  return outcomes;
}

/**
 * Puts rows back to their before-images: PATCH by id (If-Match: *, so a row deleted since is
 * reported, not re-created half-empty) with the image's columns; a lookup that was empty is cleared.
 */
export async function restoreRows(table: string, images: readonly StoredRow[], deps: RemoveDeps): Promise<readonly RemoveOutcome[]> {
  const meta = await deps.metadata.table(table);
  const addresses = new Map<string, TableAddress>();
  for (const name of referencedTables(images.map((i) => i.lookups))) {
    addresses.set(name, await deps.metadata.address(name));
  }
  const outcomes: RemoveOutcome[] = new Array(images.length);
  const sendable: { index: number; image: StoredRow; op: BatchOp; aliases: ReadonlyMap<string, string> }[] = [];
  // Columns the platform computes (fullname, createdon…) may be in an image; they can't be written.
  const readOnly = new Set(meta.columns.filter((c) => !c.validForUpdate).map((c) => c.name));
  images.forEach((image, index) => {
    const fields = Object.fromEntries(Object.entries(image.fields).filter(([name]) => !readOnly.has(name)));
    const body = restoreBody({ ...image, fields }, { meta, addresses, sourceKeyColumn: deps.sourceKeyColumn });
    if (!body.ok) {
      outcomes[index] = { ok: false, id: image.id, error: body.error };
      return;
    }
    const key = normalizeId(image.id) ?? image.id;
    sendable.push({ index, image, aliases: body.aliases, op: (api) => api.update({ collection: meta.entitySet, key, data: body.data }) });
  });
  for (const group of chunk(sendable, deps.batchSize)) {
    const results = await deps.session.batch(group.map((g) => g.op));
    group.forEach(({ index, image, aliases }, k) => {
      const result = results[k];
      const known = new Set([...Object.keys(image.fields), ...Object.keys(image.lookups)]);
      outcomes[index] = result?.ok ? { ok: true, id: image.id } : { ok: false, id: image.id, error: toFailure(result?.error, { aliases, known }) };
    });
  }
  return outcomes;
}
