/** Runs a parsed SOQL query against a source and shapes the records like the REST API. */
import { SfError } from "./errors.js";
import type { Row } from "./field-def.js";
import type { ObjectDef } from "./object-def.js";
import { attributesOf } from "./record-json.js";
import { queryErrorText } from "./soql-lexer.js";
import { parseSoql } from "./soql-parser.js";
import { compareValues, compileCondition, parentAt, resolvePath, valueAt } from "./soql-eval.js";
import type { QuerySource, ResolvedPath } from "./soql-eval.js";

export interface QueryOptions {
  /** queryAll: include soft-deleted rows. */
  readonly includeDeleted: boolean;
  readonly version: string;
  readonly now?: Date;
}

export interface QueryResult {
  readonly totalSize: number;
  readonly records: readonly Record<string, unknown>[];
}

/** Writes one selected path into `out`, nesting parent records under their relationship names. */
function project(src: QuerySource, version: string, row: Row, p: ResolvedPath, out: Record<string, unknown>): void {
  let target = out;
  let current = row;
  for (const [i, step] of p.steps.entries()) {
    const key = step.relationshipName ?? step.name;
    const existing = target[key];
    if (existing === null) return;
    if (existing === undefined) {
      const parent = parentAt(src, current, [step]);
      if (!parent) {
        target[key] = null;
        return;
      }
      target[key] = { attributes: attributesOf(version, parent.object.name, parent.row.Id) };
    }
    const next = parentAt(src, current, [step]);
    if (!next) return;
    current = next.row;
    target = target[key] as Record<string, unknown>;
    if (i === p.steps.length - 1) {
      target[p.name] = p.name === "Type" && !p.field ? next.object.name : (current[p.name] ?? null);
      return;
    }
  }
  const value = valueAt(src, row, p);
  // Blobs are never inlined: like retrieve, a query returns the blob's URL.
  target[p.name] = p.field?.type === "base64" && value !== null ? `${attributesOf(version, String(out.attributes && (out.attributes as { type: string }).type), row.Id).url}/${p.name}` : value;
}

/**
 * Every matching record, shaped for the REST response (paging is the caller's job).
 * @example runQuery(src, "SELECT Id, Account.Name FROM Contact LIMIT 10", { includeDeleted: false, version: "60.0" })
 */
export function runQuery(src: QuerySource, soql: string, opts: QueryOptions): QueryResult {
  const q = parseSoql(soql);
  const obj: ObjectDef | undefined = src.object(q.from);
  if (!obj) {
    throw new SfError(400, "INVALID_TYPE", queryErrorText(q.text, q.fromPos, `sObject type '${q.from}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`));
  }
  const now = opts.now ?? new Date();
  const counts = q.select.filter((s) => s.kind === "count");
  if (counts.length && q.select.length > 1) throw new SfError(400, "MALFORMED_QUERY", queryErrorText(q.text, 7, "Field must be grouped or aggregated: Id"));
  const fields = q.select.flatMap((s) => (s.kind === "field" ? [resolvePath(src, obj, s.field, q.text)] : []));
  const where = q.where ? compileCondition(src, obj, q.where, q.text, now) : () => true;
  const order = q.orderBy.map((o) => ({ ...o, path: resolvePath(src, obj, o.field, q.text) }));
  if ((q.offset ?? 0) > 2000) throw new SfError(400, "NUMBER_OUTSIDE_VALID_RANGE", "Maximum SOQL offset allowed is 2000");

  let rows = [...src.rows(obj)].filter((r) => (opts.includeDeleted || r.IsDeleted !== true) && where(r));
  if (order.length) {
    const keyed = rows.map((r) => ({ r, keys: order.map((o) => valueAt(src, r, o.path)) }));
    keyed.sort((a, b) => {
      for (const [i, o] of order.entries()) {
        const x = a.keys[i] ?? null;
        const y = b.keys[i] ?? null;
        if (x === y) continue;
        if (x === null || y === null) return (x === null) === o.nullsLast ? 1 : -1;
        const c = compareValues(x, y);
        if (c !== 0) return o.desc ? -c : c;
      }
      return 0;
    });
    rows = keyed.map((k) => k.r);
  }
  rows = rows.slice(q.offset ?? 0, q.limit === undefined ? undefined : (q.offset ?? 0) + q.limit);
  const count = counts[0];
  if (count) {
    if (!count.field) return { totalSize: rows.length, records: [] };
    const p = resolvePath(src, obj, count.field, q.text);
    const n = rows.filter((r) => valueAt(src, r, p) !== null).length;
    return { totalSize: 1, records: [{ attributes: { type: "AggregateResult" }, expr0: n }] };
  }
  const records = rows.map((r) => {
    const out: Record<string, unknown> = { attributes: attributesOf(opts.version, obj.name, r.Id) };
    for (const p of fields) project(src, opts.version, r, p, out);
    return out;
  });
  return { totalSize: records.length, records };
}
