/**
 * One PracticeHub object as source items: a page at a time, a checkpoint after each page, rows
 * numbered by their place in the stream (1-based, continued across a resume). A delta read asks
 * for `modified_since` (the API's `>=`), drops the records the previous read already had (same
 * instant, key ≤ the cursor's key), then lists the object's tombstones since that instant.
 */
import type { ChangeCursor, Checkpoint, SourceItem } from "../../contracts/source.js";
import type { ApiClient } from "./api-client.js";
import { fromCheckpoint, startPosition, toCheckpoint, type Position } from "./checkpoint.js";
import { flattenItem, isPlainObject } from "./flatten.js";
import { apiUnavailable, badCheckpoint, missingKey, notAnObject } from "./source-errors.js";
import { changedColumn, keyColumn } from "./tables.js";

export interface ObjectReadOptions {
  readonly api: ApiClient;
  readonly table: string;
  readonly pageSize: number;
  /** Top-level fields to ask for; absent = every field. */
  readonly fields?: readonly string[];
  readonly after?: Checkpoint;
  readonly changedSince?: ChangeCursor;
}

/** The endpoint an object is read from: what items and issues name as their `file`. */
export const endpointOf = (table: string): string => `/v1/${table}`;

export async function* readObject(options: ObjectReadOptions): AsyncGenerator<SourceItem> {
  const { api, table, changedSince } = options;
  const file = endpointOf(table);
  const fields = options.fields?.join(",") ?? "";
  const since = changedSince?.at ?? "";
  const sinceIso = since ? isoInstant(since) : undefined;
  if (since && !sinceIso) throw badCheckpoint(file, "changedSince.at is not an ISO instant with a zone");
  let position: Position = options.after ? fromCheckpoint(options.after, table, file, since, fields) : startPosition(since, fields);

  while (position.phase === "records") {
    const params = { page_size: options.pageSize, fields: fields || undefined, modified_since: sinceIso, cursor: position.cursor || undefined };
    const page = asPage(await api.get(file, params), file);
    let row = position.row;
    for (const item of page.data) {
      row += 1;
      const out = toItem(item, table, file, row);
      if (out.kind === "record" && changedSince && readBefore(out.changedAt, out.key, changedSince)) continue;
      yield out;
    }
    position = page.next ? { ...position, cursor: page.next, row } : { ...position, phase: since ? "deleted" : "end", cursor: "", row };
    yield toCheckpoint(table, position);
  }

  while (position.phase === "deleted") {
    const params = { object: table, since: sinceIso, page_size: options.pageSize, cursor: position.cursor || undefined };
    const page = asPage(await api.get("/v1/deleted", params), "/v1/deleted");
    for (const tombstone of page.data) {
      if (!isPlainObject(tombstone) || (typeof tombstone.id !== "string" && typeof tombstone.id !== "number")) continue;
      const at = typeof tombstone.deleted_at === "string" ? isoInstant(tombstone.deleted_at) : undefined;
      yield { kind: "deleted", table, key: String(tombstone.id), ...(at ? { at } : {}) };
    }
    position = page.next ? { ...position, cursor: page.next } : { ...position, phase: "end", cursor: "" };
    yield toCheckpoint(table, position);
  }
}

type RecordOrIssue = Extract<SourceItem, { kind: "record" | "issue" }>;

function toItem(item: unknown, table: string, file: string, row: number): RecordOrIssue {
  if (!isPlainObject(item)) return { kind: "issue", table, issue: notAnObject(file, row, describe(item)) };
  const id = item[keyColumn];
  if ((typeof id !== "string" && typeof id !== "number") || String(id).trim() === "") {
    return { kind: "issue", table, issue: missingKey(file, row, keyColumn) };
  }
  const changed = item[changedColumn];
  const changedAt = typeof changed === "string" ? isoInstant(changed) : undefined;
  return { kind: "record", table, file, row, values: flattenItem(item), key: String(id), ...(changedAt ? { changedAt } : {}) };
}

/** The tie-break of ReadOptions.changedSince: at the cursor's instant, keys up to its key were read. */
function readBefore(changedAt: string | undefined, key: string | undefined, cursor: ChangeCursor): boolean {
  if (!changedAt || key === undefined) return false;
  const at = Date.parse(changedAt);
  const from = Date.parse(cursor.at);
  return at < from || (at === from && key <= cursor.key);
}

/** A zoned ISO instant, normalized (`…T09:30:00.000Z`) so cursors compare as strings; else undefined. */
function isoInstant(text: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

function describe(item: unknown): string {
  if (item === null) return "null";
  if (Array.isArray(item)) return "an array";
  return typeof item === "string" ? "a string (likely truncated JSON)" : `a ${typeof item}`;
}

function asPage(body: unknown, file: string): { data: readonly unknown[]; next: string | null } {
  if (!isPlainObject(body) || !Array.isArray(body.data)) throw apiUnavailable(file, 1, "a page without a data list");
  const next = typeof body.next_cursor === "string" && body.next_cursor !== "" ? body.next_cursor : null;
  return { data: body.data, next };
}
