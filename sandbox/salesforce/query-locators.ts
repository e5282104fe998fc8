/**
 * Open query cursors. A locator is one path segment, `01g…-<offset>`, because jsforce keeps
 * only the last segment of nextRecordsUrl and asks `…/query/<locator>` even after queryAll.
 */
import { SfError } from "./errors.js";
import { makeId } from "./ids.js";
import type { QueryResult } from "./soql-run.js";

interface Cursor {
  readonly records: readonly Record<string, unknown>[];
  readonly pageSize: number;
}

export interface QueryPage {
  readonly totalSize: number;
  readonly done: boolean;
  readonly nextRecordsUrl?: string;
  readonly records: readonly Record<string, unknown>[];
}

/** Page size from `Sforce-Query-Options: batchSize=N`, clamped to the real 200–2000. */
export function batchSizeOf(header: string | undefined): number {
  const n = Number(/batchSize\s*=\s*(\d+)/i.exec(header ?? "")?.[1] ?? 2000);
  return Math.min(2000, Math.max(200, n));
}

export class QueryLocators {
  private readonly cursors = new Map<string, Cursor>();
  private counter = 1;

  constructor(private readonly maxOpen = 50) {}

  /** First page of `result`; keeps a cursor when more pages follow. */
  first(result: QueryResult, pageSize: number, version: string): QueryPage {
    if (result.records.length <= pageSize) return { totalSize: result.totalSize, done: true, records: result.records };
    const id = makeId("01g", this.counter++);
    this.cursors.set(id, { records: result.records, pageSize });
    if (this.cursors.size > this.maxOpen) this.cursors.delete(this.cursors.keys().next().value as string);
    return this.page(id, 0, version);
  }

  /** `01g…-2000` → the page starting there; 400 INVALID_QUERY_LOCATOR when unknown or expired. */
  next(locator: string, version: string): QueryPage {
    const m = /^(01g[A-Za-z0-9]{15})-(\d+)$/.exec(locator);
    if (!m || !this.cursors.has(m[1] as string)) throw new SfError(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
    return this.page(m[1] as string, Number(m[2]), version);
  }

  private page(id: string, offset: number, version: string): QueryPage {
    const cursor = this.cursors.get(id) as Cursor;
    const records = cursor.records.slice(offset, offset + cursor.pageSize);
    const end = offset + records.length;
    const done = end >= cursor.records.length;
    if (done) this.cursors.delete(id);
    return {
      totalSize: cursor.records.length, done,
      ...(done ? {} : { nextRecordsUrl: `/services/data/v${version}/query/${id}-${end}` }),
      records,
    };
  }
}
