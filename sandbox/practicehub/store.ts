/**
 * The account's records in memory: what the list and deleted endpoints serve, and what the
 * `/_sandbox/mutate` control changes. Each entry keeps its sort id and change time beside the
 * body served, so planted bad items (not objects, no id) still sit at a stable place in the list.
 */
import type { Filler } from "../visual-practice/document-bytes.js";
import { fileBytes, fileMimeType, fileUrl } from "./gen-files.js";
import { page, type Keyed } from "./paging.js";
import type { Dataset, Row } from "./row.js";
import { isoStamp } from "./values.js";

interface Entry extends Keyed {
  modifiedMs: number;
  body: unknown;
}

interface Tombstone extends Keyed {
  readonly object: string;
}

export interface ListQuery {
  readonly pageSize: number;
  readonly cursor?: string;
  readonly modifiedSinceMs?: number;
  /** Top-level fields to return; `id` and `modified_at` always come. Absent: every field. */
  readonly fields?: readonly string[];
}

export interface MutateRequest {
  readonly object: string;
  readonly change?: number;
  readonly add?: number;
  readonly delete?: number;
  /** The change time to stamp (ISO); default: a second past the newest change, or now if later. */
  readonly at?: string;
}

export interface MutateResult {
  readonly changed: string[];
  readonly added: string[];
  readonly deleted: string[];
  /** The change time given to every changed, added and deleted record. */
  readonly at: string;
}

/** Items a broken integration left in a list: read as issues, never as records. */
function badItem(kind: number, near: Row): unknown {
  switch (kind % 4) {
    case 0: return null;
    case 1: return `{"id":"${near.id}x","first_name":"Trunc`;
    case 2: return { modified_at: near.modified_at, note: "row lost its id in a sync" };
    default: return { id: "", modified_at: near.modified_at };
  }
}

export class AccountStore {
  private readonly entries = new Map<string, Entry[]>();
  private readonly tombstones: Tombstone[] = [];

  constructor(data: Dataset, private readonly now: () => number, private readonly filler: Filler, bad?: { readonly object: string; readonly count: number }) {
    for (const [object, rows] of data) {
      const entries: Entry[] = rows.map((row) => ({ sortId: row.id, modifiedMs: Date.parse(row.modified_at), body: row }));
      if (bad?.object === object && rows.length > 0) {
        for (let k = 0; k < bad.count; k += 1) {
          const near = rows[Math.floor(((k + 0.5) * rows.length) / bad.count)] ?? rows[0]!;
          entries.push({ sortId: `${near.id}~${k}`, modifiedMs: Date.parse(near.modified_at), body: badItem(k, near) });
        }
      }
      this.entries.set(object, entries.sort((a, b) => (a.sortId < b.sortId ? -1 : 1)));
    }
  }

  has(object: string): boolean {
    return this.entries.has(object);
  }

  count(object: string): number {
    return this.entries.get(object)?.length ?? 0;
  }

  list(object: string, query: ListQuery): { data: unknown[]; next_cursor: string | null } {
    const since = query.modifiedSinceMs;
    const all = this.entries.get(object) ?? [];
    const scope = `${object}|${since ?? ""}|${query.fields?.join(",") ?? "*"}`;
    const chosen = since === undefined ? all : all.filter((entry) => entry.modifiedMs >= since);
    const { items, next } = page(chosen, { scope, byModified: since !== undefined, pageSize: query.pageSize, ...(query.cursor ? { cursor: query.cursor } : {}) });
    return { data: items.map((entry) => project(entry.body, query.fields)), next_cursor: next };
  }

  deleted(object: string | undefined, sinceMs: number | undefined, pageSize: number, cursor?: string): { data: unknown[]; next_cursor: string | null } {
    const chosen = this.tombstones.filter((t) => (object === undefined || t.object === object) && (sinceMs === undefined || t.modifiedMs >= sinceMs));
    const scope = `deleted|${object ?? ""}|${sinceMs ?? ""}`;
    const { items, next } = page(chosen, { scope, byModified: true, pageSize, ...(cursor ? { cursor } : {}) });
    return { data: items.map((t) => ({ object: t.object, id: t.sortId, deleted_at: isoStamp(t.modifiedMs) })), next_cursor: next };
  }

  /** The file a record's `download_url` names, while that record exists. */
  file(id: string): { readonly bytes: Buffer; readonly mimeType: string } | undefined {
    const url = fileUrl(id);
    for (const entries of this.entries.values()) {
      for (const entry of entries) {
        if (isRow(entry.body) && entry.body.download_url === url) return { bytes: fileBytes(this.filler, entry.body), mimeType: fileMimeType(entry.body) };
      }
    }
    return undefined;
  }

  /**
   * Changes, adds and deletes records of one object, all stamped with one time later than any
   * change the account holds (so a delta read from the previous newest change sees all of them),
   * or with `at` when given (to plant a change at a chosen instant).
   * Picks are spread evenly over the list and deterministic.
   */
  mutate(request: MutateRequest): MutateResult {
    const entries = this.entries.get(request.object);
    if (!entries) throw new RangeError(`no object ${request.object}`);
    let newest = 0;
    for (const list of [...this.entries.values(), this.tombstones]) for (const e of list) newest = Math.max(newest, e.modifiedMs);
    const atMs = request.at !== undefined ? Date.parse(request.at) : Math.ceil(Math.max(this.now(), newest + 1000) / 1000) * 1000;
    const good = entries.filter((e) => isRow(e.body));
    const pick = (n: number, offset: number): Entry[] =>
      Array.from({ length: Math.min(n, good.length) }, (_, k) => good[(Math.floor((k * good.length) / Math.max(1, n)) + offset) % good.length]!);
    const toDelete = new Set(pick(request.delete ?? 0, 1));
    const toChange = pick(request.change ?? 0, 0).filter((e) => !toDelete.has(e));
    for (const entry of toChange) {
      const row = entry.body as Row;
      entry.body = { ...row, ...changedValue(row), modified_at: isoStamp(atMs) };
      entry.modifiedMs = atMs;
    }
    for (const entry of toDelete) {
      entries.splice(entries.indexOf(entry), 1);
      this.tombstones.push({ object: request.object, sortId: entry.sortId, modifiedMs: atMs });
    }
    const added: string[] = [];
    const template = good[good.length - 1]?.body as Row | undefined;
    for (let k = 0; template && k < (request.add ?? 0); k += 1) {
      const id = nextId(entries.map((e) => e.sortId));
      const body: Row = { ...template, id, created_at: isoStamp(atMs), modified_at: isoStamp(atMs), ...("download_url" in template ? { download_url: fileUrl(id) } : {}) };
      entries.push({ sortId: id, modifiedMs: atMs, body });
      added.push(id);
    }
    return { changed: toChange.map((e) => e.sortId), added, deleted: [...toDelete].map((e) => e.sortId), at: isoStamp(atMs) };
  }
}

const isRow = (body: unknown): body is Row => typeof body === "object" && body !== null && typeof (body as Row).id === "string" && (body as Row).id !== "";

/** A visible change to the first plain text field after the id, so a diff has something to find. */
function changedValue(row: Row): Record<string, string> {
  const field = Object.keys(row).find((name) => name !== "id" && !name.endsWith("_id") && typeof row[name] === "string");
  return field ? { [field]: `${String(row[field])} (changed)` } : {};
}

/** `pat_000200` → `pat_000201`: the next id after the highest, keeping prefix and width. */
function nextId(ids: readonly string[]): string {
  const top = ids.filter((id) => /^[a-z]+_\d+$/.test(id)).sort().pop() ?? "row_000000";
  const [, prefix, digits] = /^([a-z]+_)(\d+)$/.exec(top)!;
  return `${prefix}${String(Number(digits) + 1).padStart(digits!.length, "0")}`;
}

function project(body: unknown, fields: readonly string[] | undefined): unknown {
  if (!fields || typeof body !== "object" || body === null || Array.isArray(body)) return body;
  const row = body as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const name of ["id", "modified_at", ...fields]) if (name in row) out[name] = row[name];
  return out;
}
