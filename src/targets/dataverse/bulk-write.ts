/**
 * The bulk write path: one `UpsertMultiple` request per chunk of rows of one table.
 *
 * Microsoft Learn, "Use bulk operation messages" (power-apps/developer/data-platform/bulk-operations):
 * - the Web API action is POST `/<entityset>/Microsoft.Dynamics.CRM.UpsertMultiple` with
 *   `{ Targets: [...] }`; every target needs `@odata.type`, and an alternate key is given as a
 *   relative `@odata.id` ("sample_examples(sample_keyattribute='0000001')");
 * - it answers 204 with no body ("The UpsertMultipleResponse complex type is not returned"),
 *   so ids are read back by key — unless a server does return `Ids`, which we then use;
 * - on standard tables "any error … causes the entire operation to roll back", and the docs
 *   suggest falling back to `$batch` so the rest still goes in: we do exactly that per chunk,
 *   so every row keeps its own outcome and only a bad row fails;
 * - "not all standard tables support these messages": support is learnt per table by trying,
 *   and a "no such action" answer is remembered so the table goes straight to `$batch`;
 * - chunk size: the docs call 1,000 records "a reasonable place to start if the size of the
 *   record data is small and there are no plug-ins" and ask for it to be configurable so a
 *   client can send fewer; api-limits ("Avoid large batches") warns big requests hit the
 *   execution-time limit. Healthcare rows carry notes and plug-ins are common in Sales orgs,
 *   so we default to 100.
 */
import { isHandoverError } from "../../contracts/handover-error.js";
import type { Session } from "./client.js";
import { asVendorError } from "./errors.js";
import { keySegment, normalizeId } from "./keys.js";
import type { Prepared } from "./write.js";

export const UPSERT_MULTIPLE = "Microsoft.Dynamics.CRM.UpsertMultiple";

export interface BulkOptions {
  /** Rows of one table in one write() call from which UpsertMultiple is used (0 disables). */
  readonly threshold?: number;
  /** Rows per UpsertMultiple request. */
  readonly size?: number;
}

export const bulkDefaults = { threshold: 10, size: 100 } as const;

/** Which tables refused the action: learnt once per connector, then not asked again. */
export class BulkSupport {
  readonly #refused = new Set<string>();
  usable(table: string): boolean {
    return !this.#refused.has(table);
  }
  refuse(table: string): void {
    this.#refused.add(table);
  }
  get refused(): readonly string[] {
    return [...this.#refused];
  }
}

export interface BulkSettings {
  readonly threshold: number;
  readonly size: number;
  readonly support: BulkSupport;
}

export function bulkSettings(options: BulkOptions | false | undefined): BulkSettings | undefined {
  if (options === false) return undefined;
  const threshold = Math.floor(options?.threshold ?? bulkDefaults.threshold);
  if (threshold <= 0) return undefined;
  const size = Math.max(1, Math.min(1000, Math.floor(options?.size ?? bulkDefaults.size)));
  return { threshold, size, support: new BulkSupport() };
}

/** The path for `count` rows of `table` in one write() call. */
export function chooseBulk(settings: BulkSettings | undefined, table: string, count: number): boolean {
  return settings !== undefined && count >= settings.threshold && settings.support.usable(table);
}

/** Does this error say "no such action here" (rather than "this data is wrong")? The message is
 * read only to classify; it is never passed on. */
export function isUnsupportedAction(error: unknown): boolean {
  const e = asVendorError(error);
  const text = `${e.code ?? ""} ${e.message ?? ""}`;
  if (/0x80040217|0x80060891/i.test(text)) return false; // missing referenced row / key: data
  if (e.status === 501 || e.status === 405) return true;
  const aboutAction = /segment|UpsertMultiple|not supported|does not support|unknown action|no action/i.test(text);
  if (e.status === 404) return aboutAction || !e.code;
  return e.status === 400 && aboutAction;
}

/** The body of one target: our key as `@odata.id`, plus the row's columns and binds. */
export function bulkTarget(item: Prepared, sourceKeyColumn: string): Record<string, unknown> {
  return {
    "@odata.type": `Microsoft.Dynamics.CRM.${item.meta.name}`,
    "@odata.id": `${item.meta.entitySet}(${keySegment(sourceKeyColumn, item.row.sourceKey)})`,
    ...item.body.data,
  };
}

export interface BulkChunkContext {
  readonly session: Session;
  readonly sourceKeyColumn: string;
  readonly support: BulkSupport;
  /** key (lowercase) → id of rows of this table that exist now. */
  /** Key → id of the rows that exist now (used after the write, to learn new rows' ids). */
  readonly existing: (items: readonly Prepared[], session: Session) => Promise<ReadonlyMap<string, string>>;
  /** What existed before the write (default: `existing`). */
  readonly before?: (items: readonly Prepared[], session: Session) => Promise<ReadonlyMap<string, string>>;
  /** The per-record `$batch` path, given the pre-read already made. */
  readonly fallback: (items: readonly Prepared[], before: ReadonlyMap<string, string>) => Promise<void>;
  readonly ok: (item: Prepared, id: string, before: ReadonlyMap<string, string>) => void;
  readonly missingId: (item: Prepared) => void;
  /** Told which path a chunk took, for stats. */
  readonly onPath?: (path: "bulk" | "bulk-fallback" | "bulk-unsupported", rows: number) => void;
}

/** Writes one chunk (rows of one table) with UpsertMultiple, falling back to `$batch`. */
export async function writeBulkChunk(items: readonly Prepared[], ctx: BulkChunkContext): Promise<void> {
  const first = items[0];
  if (!first) return;
  const { session, sourceKeyColumn } = ctx;
  const before = await (ctx.before ?? ctx.existing)(items, session);
  let answer: unknown;
  try {
    answer = await session.call((api) => api.callAction({
      collection: first.meta.entitySet,
      actionName: UPSERT_MULTIPLE,
      action: { Targets: items.map((item) => bulkTarget(item, sourceKeyColumn)) },
    }));
  } catch (error) {
    // Unreachable, throttled past retries, credentials refused: the whole write stops, as on $batch.
    if (isHandoverError(error)) throw error;
    if (isUnsupportedAction(error)) {
      ctx.support.refuse(first.meta.name);
      ctx.onPath?.("bulk-unsupported", items.length);
    } else {
      ctx.onPath?.("bulk-fallback", items.length);
    }
    return ctx.fallback(items, before);
  }
  ctx.onPath?.("bulk", items.length);
  const returned = returnedIds(answer, items.length);
  const after = returned ? undefined : await ctx.existing(items, session);
  items.forEach((item, k) => {
    const id = returned?.[k] ?? after?.get(item.row.sourceKey.toLowerCase());
    if (id) ctx.ok(item, id, before);
    else ctx.missingId(item);
  });
}

/** `Ids` in input order, when a server returns them (CreateMultiple does; UpsertMultiple is
 * documented not to). */
function returnedIds(answer: unknown, count: number): readonly string[] | undefined {
  const ids = (answer as { Ids?: unknown } | null | undefined)?.Ids;
  if (!Array.isArray(ids) || ids.length !== count) return undefined;
  const out = ids.map(normalizeId);
  return out.every((id): id is string => id !== undefined) ? out : undefined;
}
