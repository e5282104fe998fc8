/** Turns stored rows into Web API JSON (lookups as `_x_value`, annotations, etags). */
import { unknownColumn } from "./errors.js";
import { CHOICE_TYPES, LOOKUP_TYPES, isLookupValue, navigationName } from "./model.js";
import type { Cell, ColumnDef, Row, TableDef } from "./model.js";
import type { Store } from "./store.js";
import type { FieldAccess } from "./field-security.js";

export const FORMATTED = "OData.Community.Display.V1.FormattedValue";
export const LOOKUP_NAME = "Microsoft.Dynamics.CRM.lookuplogicalname";
export const NAV_NAME = "Microsoft.Dynamics.CRM.associatednavigationproperty";

/** Wire property name of a column: lookups are exposed as `_<attr>_value`. */
export const propertyName = (c: ColumnDef): string => (LOOKUP_TYPES.has(c.type) ? `_${c.logicalName}_value` : c.logicalName);

/** Resolves a $select/$filter/$orderby property to its column; throws the spec's 0x0 error. */
export function resolveProperty(t: TableDef, name: string): ColumnDef {
  const m = /^_(.+)_value$/.exec(name);
  const col = m?.[1]
    ? t.columns.find((c) => c.logicalName === m[1] && LOOKUP_TYPES.has(c.type))
    : t.columns.find((c) => c.logicalName === name && !LOOKUP_TYPES.has(c.type));
  if (!col) throw unknownColumn(t.logicalName, name);
  return col;
}

/** Value of a column as a filter/orderby literal (lookups compare by GUID). */
export function cellLiteral(v: Cell | undefined): string | number | boolean | null | undefined {
  return isLookupValue(v) ? v.id : v;
}

const pad = (n: number): string => String(n);
function formatDate(value: string, dateOnly: boolean): string {
  const d = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  const date = `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${d.getUTCFullYear()}`;
  if (dateOnly) return date;
  const h = d.getUTCHours();
  const mm = String(d.getUTCMinutes()).padStart(2, "0");
  return `${date} ${h % 12 === 0 ? 12 : h % 12}:${mm} ${h < 12 ? "AM" : "PM"}`;
}

function formattedValue(store: Store, c: ColumnDef, v: Cell): string | undefined {
  if (v === null) return undefined;
  if (isLookupValue(v)) {
    const target = store.table(v.table);
    const row = target ? store.get(v.table, v.id) : undefined;
    const name = target && row ? row[target.primaryName] : undefined;
    return typeof name === "string" ? name : undefined;
  }
  if (c.type === "MultiSelectPicklist" && typeof v === "string") {
    return v.split(",").map((x) => c.options?.find((o) => o.value === Number(x))?.label ?? x).join("; ");
  }
  if (CHOICE_TYPES.has(c.type)) return c.options?.find((o) => o.value === v)?.label;
  if (c.type === "Boolean") return c.options?.find((o) => o.value === (v === true ? 1 : 0))?.label ?? (v === true ? "Yes" : "No");
  if (c.type === "Money" && typeof v === "number") return `$${v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  if (c.type === "DateTime" && typeof v === "string") return formatDate(v, c.format === "DateOnly");
  if (typeof v === "number" && c.type !== "BigInt") return v.toLocaleString("en-US");
  return undefined;
}

export interface FormatOptions {
  /** Columns to include (primary id is always added); undefined = all. */
  readonly select?: readonly ColumnDef[];
  readonly annotate?: (name: string) => boolean;
  readonly expand?: readonly ExpandSpec[];
  readonly baseUrl: string;
  /** Field security: a secured column the caller may not read comes back null (column-level-security). */
  readonly readable?: FieldAccess;
}

export interface ExpandSpec {
  readonly nav: string;
  /** Single-valued navigation: the lookup column. */
  readonly column?: ColumnDef;
  /** Collection-valued navigation: the related rows. */
  readonly many?: (row: Row) => Row[];
  readonly target: TableDef;
  readonly select?: readonly ColumnDef[];
}

export function formatRow(store: Store, t: TableDef, row: Row, opts: FormatOptions): Record<string, unknown> {
  const out: Record<string, unknown> = { "@odata.etag": `W/"${String(row.versionnumber ?? 0)}"` };
  const cols = opts.select
    ? [t.columns.find((c) => c.logicalName === t.primaryId), ...opts.select.filter((c) => c.logicalName !== t.primaryId)]
    : t.columns;
  for (const c of cols) {
    if (!c) continue;
    const v: Cell = opts.readable && !opts.readable(t, c, "read") ? null : (row[c.logicalName] ?? null);
    const prop = propertyName(c);
    if (opts.annotate) {
      const fv = formattedValue(store, c, v);
      if (fv !== undefined && opts.annotate(FORMATTED)) out[`${prop}@${FORMATTED}`] = fv;
      if (isLookupValue(v)) {
        if (opts.annotate(NAV_NAME)) out[`${prop}@${NAV_NAME}`] = navigationName(c, v.table);
        if (opts.annotate(LOOKUP_NAME)) out[`${prop}@${LOOKUP_NAME}`] = v.table;
      }
    }
    out[prop] = isLookupValue(v) ? v.id : v;
  }
  for (const e of opts.expand ?? []) {
    const sub = { select: e.select, annotate: opts.annotate, baseUrl: opts.baseUrl, readable: opts.readable };
    if (e.many) {
      out[e.nav] = e.many(row).map((r) => formatRow(store, e.target, r, sub));
      continue;
    }
    if (!e.column) continue;
    const v = row[e.column.logicalName];
    const target = isLookupValue(v) && v.table === e.target.logicalName ? store.get(v.table, v.id) : undefined;
    out[e.nav] = target ? formatRow(store, e.target, target, sub) : null;
  }
  return out;
}
