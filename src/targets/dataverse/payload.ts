import type { LookupRef, StoredRow, TargetFailure, TargetRow, TargetValue } from "../../contracts/target.js";
import { LOCAL_CODE } from "./errors.js";
import { keySegment } from "./keys.js";
import { navProperty, type TableAddress, type TableMeta } from "./metadata.js";

/** A request body, or why one couldn't be built (found before sending anything). */
export type Body =
  | { readonly ok: true; readonly data: Readonly<Record<string, TargetValue>>; readonly aliases: ReadonlyMap<string, string> }
  | { readonly ok: false; readonly error: TargetFailure };

export interface PayloadContext {
  readonly meta: TableMeta;
  /** Entity sets of every table a lookup may point at. */
  readonly addresses: ReadonlyMap<string, TableAddress>;
  /** Our key column ("hc_sourcekey"), on every table. */
  readonly sourceKeyColumn: string;
}

function localFailure(reason: string, field: string): { ok: false; error: TargetFailure } {
  return { ok: false, error: { vendorCode: LOCAL_CODE, reason, transient: false, field } };
}

/** `/accounts(<id>)` or `/accounts(hc_sourcekey='A-1')`. */
export function bindPath(ref: LookupRef, address: TableAddress, sourceKeyColumn: string): string {
  return "id" in ref
    ? `/${address.entitySet}(${ref.id.replace(/[{}]/g, "")})`
    : `/${address.entitySet}(${keySegment(sourceKeyColumn, ref.sourceKey)})`;
}

/**
 * The PATCH body for `fields` + `lookups`: plain columns as they are, each lookup as
 * `<navigation property>@odata.bind` (null clears it). `aliases` maps the navigation property
 * names back to our column names, so an error blaming `parentcustomerid_account` reads as
 * `parentcustomerid`.
 */
export function buildBody(
  fields: Readonly<Record<string, TargetValue>>,
  lookups: Readonly<Record<string, LookupRef | { readonly table: string; readonly id: string } | null>>,
  ctx: PayloadContext,
): Body {
  const data: Record<string, TargetValue> = { ...fields };
  const aliases = new Map<string, string>();
  for (const [column, ref] of Object.entries(lookups)) {
    const nav = navProperty(ctx.meta, column, ref?.table);
    if (!nav) return localFailure(ref ? `no lookup from this column to table '${ref.table}'` : "unknown lookup column", column);
    aliases.set(nav, column);
    aliases.set(nav.toLowerCase(), column);
    if (ref === null) {
      data[`${nav}@odata.bind`] = null;
      continue;
    }
    const address = ctx.addresses.get(ref.table);
    if (!address) return localFailure(`unknown table '${ref.table}'`, column);
    data[`${nav}@odata.bind`] = bindPath(ref, address, ctx.sourceKeyColumn);
  }
  return { ok: true, data, aliases };
}

/** Body of an upsert: the row's columns and lookups, plus our key (it must equal the URL's). */
export function upsertBody(row: TargetRow, ctx: PayloadContext): Body {
  return buildBody({ ...row.fields, [ctx.sourceKeyColumn]: row.sourceKey }, row.lookups, ctx);
}

/** Body that puts a row back to a before-image taken by readBack. */
export function restoreBody(image: StoredRow, ctx: PayloadContext): Body {
  return buildBody(image.fields, image.lookups, ctx);
}

/** Tables the lookups of `rows` point at (their entity sets are needed for binds). */
export function referencedTables(lookupSets: Iterable<Readonly<Record<string, { readonly table: string } | null>>>): Set<string> {
  const tables = new Set<string>();
  for (const lookups of lookupSets) for (const ref of Object.values(lookups)) if (ref) tables.add(ref.table);
  return tables;
}
