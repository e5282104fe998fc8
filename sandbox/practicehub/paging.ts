/**
 * Keyset pagination. A cursor names the last item of the page it ends (its change time and id)
 * and the query it belongs to, so it survives rows being added or deleted between pages and is
 * refused when replayed against another query. Opaque to clients: base64url JSON.
 */
export interface Keyed {
  readonly sortId: string;
  readonly modifiedMs: number;
}

/** `byModified`: order by (modified_at, id), used whenever modified_since is given; else by id. */
export interface PageQuery {
  readonly scope: string;
  readonly byModified: boolean;
  readonly pageSize: number;
  readonly cursor?: string;
}

interface CursorBody {
  readonly q: string;
  readonly m: number;
  readonly k: string;
}

export class CursorError extends Error {}

export function compareKeyed(a: Keyed, b: Keyed, byModified: boolean): number {
  if (byModified && a.modifiedMs !== b.modifiedMs) return a.modifiedMs - b.modifiedMs;
  return a.sortId < b.sortId ? -1 : a.sortId > b.sortId ? 1 : 0;
}

/** One page of `items` (any order), with the cursor of the next page or null on the last one. */
export function page<T extends Keyed>(items: readonly T[], query: PageQuery): { items: T[]; next: string | null } {
  const sorted = [...items].sort((a, b) => compareKeyed(a, b, query.byModified));
  const after = query.cursor === undefined ? undefined : decode(query.cursor, query.scope);
  const start = after ? sorted.findIndex((item) => compareKeyed(item, { sortId: after.k, modifiedMs: after.m }, query.byModified) > 0) : 0;
  const rest = start < 0 ? [] : sorted.slice(start);
  const chosen = rest.slice(0, query.pageSize);
  const last = chosen[chosen.length - 1];
  const next = rest.length > query.pageSize && last ? encode({ q: query.scope, m: last.modifiedMs, k: last.sortId }) : null;
  return { items: chosen, next };
}

function encode(body: CursorBody): string {
  return Buffer.from(JSON.stringify(body)).toString("base64url");
}

function decode(cursor: string, scope: string): CursorBody {
  let body: Partial<CursorBody>;
  try {
    body = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Partial<CursorBody>;
  } catch {
    throw new CursorError("the cursor is not one this API issued");
  }
  if (typeof body.m !== "number" || typeof body.k !== "string") throw new CursorError("the cursor is not one this API issued");
  if (body.q !== scope) throw new CursorError("the cursor belongs to another query (object, modified_since or since differ)");
  return body as CursorBody;
}
