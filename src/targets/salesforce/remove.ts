/**
 * Rollback's two moves. remove: `DELETE /composite/sobjects?ids=…` (200 ids per request,
 * allOrNone false); a row already gone (ENTITY_IS_DELETED, or an id the org no longer knows)
 * counts as removed. restore: `PATCH /composite/sobjects` by Id with the before-image's
 * writable fields and lookups (REST API Developer Guide, "sObject Collections":
 * resources_composite_sobjects_collections_delete.htm / _update.htm).
 */
import { HandoverError } from "../../contracts/handover-error.js";
import type { RemoveOutcome, StoredRow, TargetValue } from "../../contracts/target.js";
import { recordFailure, toFailure, type RecordError } from "./errors.js";
import { fieldOf, type MetadataCache } from "./metadata.js";
import type { Session } from "./session.js";
import { chunk } from "./soql.js";
import { COLLECTION_SIZE } from "./write-collections.js";

interface SaveResult {
  readonly id?: string;
  readonly success: boolean;
  readonly errors?: readonly RecordError[];
}

const GONE = new Set(["ENTITY_IS_DELETED", "NOT_FOUND", "INVALID_CROSS_REFERENCE_KEY"]);

/** Sends `ids` in requests of 200; `send` returns one result per id, in order. */
async function perId(
  ids: readonly string[], send: (group: readonly string[]) => Promise<readonly SaveResult[]>, gone: ReadonlySet<string>,
): Promise<RemoveOutcome[]> {
  const out: RemoveOutcome[] = [];
  for (const group of chunk(ids, COLLECTION_SIZE)) {
    let results: readonly SaveResult[];
    try {
      results = await send(group);
    } catch (error) {
      if (error instanceof HandoverError) throw error;
      const failure = toFailure(error);
      for (const id of group) out.push({ ok: false, id, error: failure });
      continue;
    }
    group.forEach((id, k) => {
      const result = results[k];
      const code = result?.errors?.[0]?.statusCode ?? result?.errors?.[0]?.errorCode ?? "";
      if (result?.success || gone.has(code)) out.push({ ok: true, id });
      else out.push({ ok: false, id, error: recordFailure(result?.errors) });
    });
  }
  return out;
}

export interface RemoveDeps {
  readonly session: Session;
  readonly metadata: MetadataCache;
  readonly keyField: string;
}

/** Deletes by id. The same id twice in one call: the second is "already gone". */
export async function removeRows(ids: readonly string[], deps: RemoveDeps): Promise<readonly RemoveOutcome[]> {
  return perId(ids, async (group) => {
    const unique = [...new Set(group)];
    const results = await deps.session.request<SaveResult[]>("DELETE", `/composite/sobjects?ids=${unique.map(encodeURIComponent).join(",")}&allOrNone=false`);
    const byId = new Map(unique.map((id, k) => [id, results[k]] as const));
    const first = new Set<string>();
    return group.map((id) => {
      if (first.has(id)) return { success: true };
      first.add(id);
      return byId.get(id) ?? { success: false };
    });
  }, GONE);
}

/** Puts rows back to their before-images; a row deleted since is reported, not re-created. */
export async function restoreRows(table: string, images: readonly StoredRow[], deps: RemoveDeps): Promise<readonly RemoveOutcome[]> {
  const meta = await deps.metadata.object(table);
  const records = new Map<string, Record<string, unknown>>();
  for (const image of images) {
    const record: Record<string, TargetValue> = {};
    for (const [name, value] of Object.entries(image.fields)) {
      const field = fieldOf(meta, name);
      // Columns the platform computes (Name on Contact, audit fields…) may be in an image; they can't be written.
      if (field?.updateable && field.name !== deps.keyField) record[field.name] = value;
    }
    for (const [name, ref] of Object.entries(image.lookups)) {
      const field = fieldOf(meta, name);
      if (field?.updateable) record[field.name] = ref?.id ?? null;
    }
    records.set(image.id, { attributes: { type: meta.name }, id: image.id, ...record });
  }
  return perId(images.map((i) => i.id), (group) =>
    deps.session.request<SaveResult[]>("PATCH", "/composite/sobjects", { allOrNone: false, records: group.map((id) => records.get(id)) }), new Set());
}
