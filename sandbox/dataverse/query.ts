/** Query options ($select/$filter/$orderby/$top/$count/$expand) and server-driven paging. */
import { badRequest } from "./errors.js";
import type { DvRequest, DvResponse, Preferences } from "./context.js";
import { annotationMatcher, jsonResponse } from "./context.js";
import { evaluate, filterProperties, parseFilter } from "./filter-parser.js";
import type { FilterNode, Literal } from "./filter-parser.js";
import { cellLiteral, formatRow, resolveProperty } from "./format.js";
import type { ExpandSpec } from "./format.js";
import { splitTopLevel } from "./odata-path.js";
import { findNav } from "./records.js";
import { findCollectionNav } from "./collection-nav.js";
import { fieldAccess } from "./field-security.js";
import type { ColumnDef, Row, TableDef } from "./model.js";
import type { Store } from "./store.js";

export const MAX_PAGE = 5000;

/** Splits a raw query string; values are decoded with decodeURIComponent (never `+` → space). */
export function parseQuery(raw: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of raw.split("&")) {
    if (!part) continue;
    const eq = part.indexOf("=");
    const name = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? "" : part.slice(eq + 1);
    try {
      out.set(decodeURIComponent(name), decodeURIComponent(value));
    } catch {
      throw badRequest("Bad Request - Error in query syntax.", "0x80060888");
    }
  }
  return out;
}

export interface ParsedOptions {
  readonly select?: readonly ColumnDef[];
  readonly selectNames?: readonly string[];
  readonly filter?: FilterNode;
  readonly orderBy: readonly { readonly col: ColumnDef; readonly desc: boolean }[];
  readonly top?: number;
  readonly count: boolean;
  readonly expand: readonly ExpandSpec[];
  readonly skipToken?: string;
}

function parseSelect(t: TableDef, raw: string | undefined): { select?: ColumnDef[]; names?: string[] } {
  if (raw === undefined || raw.trim() === "") return {};
  const names = raw.split(",").map((s) => s.trim()).filter(Boolean);
  return { select: names.map((n) => resolveProperty(t, n)), names };
}

export function parseExpand(store: Store, t: TableDef, raw: string | undefined): ExpandSpec[] {
  if (!raw) return [];
  return splitTopLevel(raw, ",").map((item) => {
    const open = item.indexOf("(");
    const nav = (open < 0 ? item : item.slice(0, open)).trim();
    const found = findNav(t, nav);
    const many = found ? undefined : findCollectionNav(store, t, nav);
    if (!found && !many) throw badRequest(`Could not find a property named '${nav}' on type 'Microsoft.Dynamics.CRM.${t.logicalName}'.`, "0x0");
    const target = many ? many.target : store.table(found?.target ?? found?.col.targets?.[0] ?? "");
    if (!target) throw badRequest(`Expansion of '${nav}' is not supported.`, "0x0");
    let select: ColumnDef[] | undefined;
    if (open >= 0) {
      for (const opt of splitTopLevel(item.slice(open + 1, -1), ";")) {
        const [k, v] = [opt.slice(0, opt.indexOf("=")), opt.slice(opt.indexOf("=") + 1)];
        if (k.trim() === "$select") select = parseSelect(target, v).select;
      }
    }
    return { nav, column: found?.col, many: many?.rows, target, select };
  });
}

export function parseOptions(store: Store, t: TableDef, q: Map<string, string>): ParsedOptions {
  if (q.has("$skip")) throw badRequest("The query parameter $skip is not supported", "0x80060888");
  const { select, names } = parseSelect(t, q.get("$select"));
  const rawFilter = q.get("$filter");
  let filter: FilterNode | undefined;
  if (rawFilter !== undefined && rawFilter.trim() !== "") {
    filter = parseFilter(rawFilter);
    for (const p of filterProperties(filter)) resolveProperty(t, p);
  }
  const orderBy = (q.get("$orderby") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [name = "", dir] = s.split(/\s+/);
      return { col: resolveProperty(t, name), desc: dir?.toLowerCase() === "desc" };
    });
  const topRaw = q.get("$top");
  const top = topRaw === undefined ? undefined : Number(topRaw);
  if (top !== undefined && (!Number.isInteger(top) || top < 0)) throw badRequest("The $top query option is not valid.", "0x80060888");
  return {
    select, selectNames: names, filter, orderBy, top, count: q.get("$count") === "true",
    expand: parseExpand(store, t, q.get("$expand")), skipToken: q.get("$skiptoken"),
  };
}

export function rowAccessor(t: TableDef, row: Row): (prop: string) => string | number | boolean | null | undefined {
  return (prop) => {
    const col = resolveProperty(t, prop);
    return cellLiteral(row[col.logicalName]);
  };
}

function compareCells(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === "string" && typeof b === "string") return a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0;
  return (a as number) < (b as number) ? -1 : 1;
}

/**
 * When the filter pins a single-column active alternate key (`k eq 'v'`, `In(PropertyName='k',…)`,
 * possibly ANDed with more conditions), only the rows the key index names can match: look them
 * up instead of scanning the table. The full filter still runs on each candidate.
 */
function keyCandidates(store: Store, t: TableDef, filter: FilterNode): Row[] | undefined {
  const keyFor = (prop: string) => store.activeKeys(t).find((k) => k.keyAttributes.length === 1 && k.keyAttributes[0] === prop);
  const lookup = (prop: string, values: readonly Literal[]) => {
    const key = keyFor(prop);
    if (!key) return undefined;
    const rows = new Set<Row>();
    for (const v of values) {
      if (v === null) return undefined;
      const row = store.findByKey(t, key, { [prop]: v });
      if (row) rows.add(row);
    }
    return [...rows];
  };
  switch (filter.kind) {
    case "and": return keyCandidates(store, t, filter.left) ?? keyCandidates(store, t, filter.right);
    case "in": return filter.negate ? undefined : lookup(filter.prop, filter.values);
    case "cmp":
      if (filter.op !== "eq") return undefined;
      if (filter.left.kind === "prop" && filter.right.kind === "lit") return lookup(filter.left.name, [filter.right.value]);
      if (filter.right.kind === "prop" && filter.left.kind === "lit") return lookup(filter.right.name, [filter.left.value]);
      return undefined;
    default: return undefined;
  }
}

/** Applies a prepared set of options; paging uses an opaque offset cookie in $skiptoken. */
export function runQuery(store: Store, t: TableDef, req: DvRequest, prefs: Preferences, extraFilter?: (r: Row) => boolean): DvResponse {
  const q = parseQuery(req.query);
  const opts = parseOptions(store, t, q);
  let rows: Row[] = [];
  for (const row of (opts.filter && keyCandidates(store, t, opts.filter)) || store.allRows(t.logicalName)) {
    if (extraFilter && !extraFilter(row)) continue;
    if (opts.filter && !evaluate(opts.filter, rowAccessor(t, row))) continue;
    rows.push(row);
  }
  const keys = [...opts.orderBy, { col: { logicalName: t.primaryId } as ColumnDef, desc: false }];
  rows.sort((a, b) => {
    for (const k of keys) {
      const c = compareCells(cellLiteral(a[k.col.logicalName]), cellLiteral(b[k.col.logicalName]));
      if (c !== 0) return k.desc ? -c : c;
    }
    return 0;
  });
  const total = rows.length;
  let nextLink: string | undefined;
  const applied: string[] = [];
  if (opts.top !== undefined) rows = rows.slice(0, opts.top);
  else {
    const pageSize = Math.min(prefs.maxPageSize ?? MAX_PAGE, MAX_PAGE);
    if (prefs.maxPageSize !== undefined) applied.push(`odata.maxpagesize=${pageSize}`);
    const m = opts.skipToken ? /pagenumber="(\d+)"/.exec(opts.skipToken) : null;
    const page = m?.[1] ? Number(m[1]) : 1;
    const offset = (page - 1) * pageSize;
    if (offset + pageSize < total) {
      const cookie = `<cookie pagenumber="${page + 1}" pagingcookie="${encodeURIComponent(`<cookie page="${page}"/>`)}" istracking="False" />`;
      const kept = req.query.split("&").filter((p) => p && !p.startsWith("$skiptoken=") && !p.startsWith("%24skiptoken="));
      kept.push(`$skiptoken=${encodeURIComponent(cookie)}`);
      nextLink = `${req.baseUrl}${req.path}?${kept.join("&")}`;
    }
    rows = rows.slice(offset, offset + pageSize);
  }
  const annotate = annotationMatcher(prefs.annotations);
  if (prefs.annotations) applied.push(`odata.include-annotations="${prefs.annotations}"`);
  const body: Record<string, unknown> = {
    "@odata.context": `${req.baseUrl}$metadata#${t.entitySetName}${opts.selectNames ? `(${opts.selectNames.join(",")})` : ""}`,
  };
  if (opts.count) body["@odata.count"] = Math.min(total, MAX_PAGE);
  const readable = fieldAccess(store, req);
  body.value = rows.map((r) => formatRow(store, t, r, { select: opts.select, annotate, expand: opts.expand, baseUrl: req.baseUrl, readable }));
  if (nextLink) body["@odata.nextLink"] = nextLink;
  return jsonResponse(200, body, applied.length ? { "Preference-Applied": applied.join(",") } : {});
}
