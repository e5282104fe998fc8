/** Record write path: body validation, @odata.bind resolution, create/update with system columns. */
import { randomUUID } from "node:crypto";
import {
  DvError, badPicklist, badRequest, badValueType, disabledOwner, keyNotFound, notFound, stringTooLong,
  undeclaredBind, unknownProperty,
} from "./errors.js";
import type { DvRequest } from "./context.js";
import type { KeySpec } from "./odata-path.js";
import { parseEntityRef } from "./odata-path.js";
import { GUID_RE, LOOKUP_TYPES, isoSeconds, navigationName } from "./model.js";
import type { Cell, ColumnDef, Row, TableDef } from "./model.js";
import type { Store } from "./store.js";
import { checkClosedActivity, partyName, writeParties } from "./activities.js";
import { finalizeAnnotation } from "./annotations.js";
import { applyStateRules } from "./state-status.js";
import { checkSecuredWrite, fieldAccess } from "./field-security.js";
import { checkSecurityRow } from "./security-rows.js";

export interface WriteContext {
  readonly store: Store;
  readonly req: DvRequest;
  /** systemuserid of the caller (MSCRMCallerID impersonation or the sandbox admin). */
  readonly callerId: string;
}

/** Finds the lookup column behind a single-valued navigation property name (case-sensitive). */
export function findNav(t: TableDef, nav: string): { col: ColumnDef; target: string | undefined } | undefined {
  for (const col of t.columns) {
    if (!LOOKUP_TYPES.has(col.type)) continue;
    for (const target of col.targets ?? []) {
      if (navigationName(col, target) === nav) return { col, target: col.type === "Owner" ? undefined : target };
    }
  }
  return undefined;
}

/** Looks a row up by an Active alternate key; a non-key attribute set is a 400. */
export function findByAltKey(store: Store, t: TableDef, values: Readonly<Record<string, unknown>>): Row | undefined {
  const names = Object.keys(values).sort();
  const key = store.activeKeys(t).find((k) => [...k.keyAttributes].sort().join(",") === names.join(","));
  if (!key) {
    throw badRequest(
      `Invalid key attribute(s) specified: '${names.join(",")}' is not a valid alternate key for the ${t.logicalName} entity.`,
      "0x80060888",
    );
  }
  return store.findByKey(t, key, values as Row);
}

export function findByKeySpec(store: Store, t: TableDef, key: KeySpec): Row | undefined {
  return key.kind === "id" ? store.get(t.logicalName, key.id) : findByAltKey(store, t, key.values);
}

export function requireByKeySpec(store: Store, t: TableDef, key: KeySpec): Row {
  const row = findByKeySpec(store, t, key);
  if (!row) throw key.kind === "id" ? notFound(t.logicalName, key.id) : keyNotFound(t.logicalName);
  return row;
}

/** Resolves `/set(id)`, key form, absolute URL or `$n` to an existing row. */
export function resolveRef(ctx: WriteContext, value: string): { table: TableDef; row: Row } {
  let ref = value;
  if (ref.startsWith("$")) {
    const path = ctx.req.contentIds?.get(ref.slice(1));
    if (path === undefined) throw badRequest(`Content-ID Reference: '${ref}' does not exist in the batch context.`);
    ref = path;
  }
  const parsed = parseEntityRef(ref);
  const table = parsed ? ctx.store.tableBySet(parsed.set) : undefined;
  if (!parsed || !table) throw badRequest("The URI of the bound entity reference is not valid.", "0x80048d19");
  return { table, row: requireByKeySpec(ctx.store, table, parsed.key) };
}


function validateValue(ctx: WriteContext, t: TableDef, col: ColumnDef, v: unknown): Cell {
  const set = t.entitySetName;
  if (v === null) return null;
  switch (col.type) {
    case "String":
    case "Memo":
      if (typeof v !== "string") throw badValueType(set, col.logicalName, "Edm.String");
      if (col.maxLength !== undefined && v.length > col.maxLength) throw stringTooLong(col.logicalName, t.logicalName, col.maxLength);
      return v;
    case "Integer":
    case "BigInt":
    case "Decimal":
    case "Money": {
      const fractional = col.type === "Decimal" || col.type === "Money";
      if (typeof v !== "number" || (!fractional && !Number.isInteger(v))) {
        throw badValueType(set, col.logicalName, fractional ? "Edm.Decimal" : col.type === "BigInt" ? "Edm.Int64" : "Edm.Int32");
      }
      if ((col.minValue !== undefined && v < col.minValue) || (col.maxValue !== undefined && v > col.maxValue)) {
        throw new DvError(400, "0x8004431A", `A validation error occurred. The value of '${col.logicalName}' on record of type '${t.logicalName}' is outside the valid range.`);
      }
      return fractional ? Number(v.toFixed(col.precision ?? 2)) : v;
    }
    case "MultiSelectPicklist": {
      // Wire format: comma-separated option values ("1,3"), stored normalised.
      if (typeof v !== "string" || !/^\s*-?\d+(\s*,\s*-?\d+)*\s*$|^$/.test(v)) throw badValueType(set, col.logicalName, "Edm.String");
      const values = v.split(",").map((x) => x.trim()).filter(Boolean).map(Number);
      const allowed = (col.options ?? []).map((o) => o.value);
      if (col.options && values.some((x) => !allowed.includes(x))) throw badPicklist(col.logicalName, t.logicalName, allowed);
      return values.length ? [...new Set(values)].join(",") : null;
    }
    case "EntityName":
      if (typeof v !== "string") throw badValueType(set, col.logicalName, "Edm.String");
      return v;
    case "Boolean":
      if (typeof v !== "boolean") throw badValueType(set, col.logicalName, "Edm.Boolean");
      return v;
    case "DateTime": {
      if (typeof v !== "string") throw badValueType(set, col.logicalName, "Edm.DateTimeOffset");
      if (col.format === "DateOnly") {
        if (!/^\d{4}-\d{2}-\d{2}/.test(v) || Number.isNaN(Date.parse(v.slice(0, 10)))) throw badValueType(set, col.logicalName, "Edm.Date");
        return v.slice(0, 10);
      }
      const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v);
      if (Number.isNaN(ms)) throw badValueType(set, col.logicalName, "Edm.DateTimeOffset");
      return isoSeconds(new Date(ms));
    }
    case "Picklist":
    case "State":
    case "Status": {
      const allowed = (col.options ?? []).map((o) => o.value);
      if (typeof v !== "number" || !Number.isInteger(v)) throw badValueType(set, col.logicalName, "Edm.Int32");
      // Definitions seeded from a metadata file may lack option lists: then any integer is accepted.
      if (col.options && !allowed.includes(v)) throw badPicklist(col.logicalName, t.logicalName, allowed);
      return v;
    }
    case "Uniqueidentifier": {
      const g = typeof v === "string" ? GUID_RE.exec(v) : null;
      if (!g?.[1]) throw badValueType(set, col.logicalName, "Edm.Guid");
      return g[1].toLowerCase();
    }
    default:
      throw unknownProperty(set, t.logicalName, col.logicalName);
  }
}

/**
 * Applies a JSON body onto `row` (mutated). Read-only system columns are ignored like Dataverse does.
 * Returns the activity party list when the body carries one (written after the row exists).
 */
export function applyBody(ctx: WriteContext, t: TableDef, body: unknown, row: Row, mode: "create" | "update"): { parties?: unknown } {
  const set = t.entitySetName;
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw badRequest("The request body must be a JSON object.", "0x80048d19");
  }
  const out: { parties?: unknown } = {};
  const access = fieldAccess(ctx.store, ctx.req);
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (k.startsWith("@")) continue;
    if (t.partyCollection !== undefined && k === t.partyCollection) {
      out.parties = v;
      continue;
    }
    if (k.endsWith("@odata.bind")) {
      const nav = k.slice(0, -"@odata.bind".length);
      const found = findNav(t, nav);
      if (!found) throw undeclaredBind(set, nav);
      if (v === null) {
        row[found.col.logicalName] = null;
        continue;
      }
      if (typeof v !== "string") throw badValueType(set, nav, "Edm.String");
      const { table, row: target } = resolveRef(ctx, v);
      const allowed = found.target ? [found.target] : (found.col.targets ?? []);
      if (!allowed.includes(table.logicalName)) throw undeclaredBind(set, nav);
      if (found.col.type === "Owner" && table.logicalName === "systemuser" && target.isdisabled === true) throw disabledOwner();
      row[found.col.logicalName] = { id: String(target[table.primaryId]), table: table.logicalName };
      continue;
    }
    if (k.includes("@")) continue; // instance annotations on properties
    const col = t.columns.find((c) => c.logicalName === k && !LOOKUP_TYPES.has(c.type));
    if (!col) throw unknownProperty(set, t.logicalName, k);
    if (col.logicalName === t.primaryId) {
      if (mode === "create") row[k] = validateValue(ctx, t, col, v);
      continue;
    }
    if (mode === "create" ? !col.validForCreate : !col.validForUpdate) continue;
    checkSecuredWrite(access, t, col, mode, v);
    row[k] = validateValue(ctx, t, col, v);
  }
  return out;
}

function fullName(row: Row): string | null {
  const parts = [row.firstname, row.lastname].filter((p): p is string => typeof p === "string" && p !== "");
  return parts.length ? parts.join(" ") : null;
}

/** address1_composite as Dataverse builds it: lines, "city, state postalcode", country. */
function composite(row: Row): string | null {
  const v = (k: string): string => (typeof row[k] === "string" ? String(row[k]) : "");
  const cityLine = [[v("address1_city"), v("address1_stateorprovince")].filter(Boolean).join(", "), v("address1_postalcode")].filter(Boolean).join(" ");
  const lines = [v("address1_line1"), v("address1_line2"), v("address1_line3"), cityLine, v("address1_country")].filter(Boolean);
  return lines.length ? lines.join("\r\n") : null;
}

/** Computes derived/system columns and validates the state/status pair. */
function finalize(ctx: WriteContext, t: TableDef, row: Row, body: Record<string, unknown>, previous: Row | undefined): void {
  const now = isoSeconds(new Date());
  const has = (c: string): boolean => t.columns.some((col) => col.logicalName === c);
  if (t.logicalName === "contact" || t.logicalName === "systemuser") row.fullname = fullName(row);
  if (has("address1_composite")) row.address1_composite = composite(row);
  if (t.logicalName === "annotation") finalizeAnnotation(ctx.store, row, body);
  if (t.logicalName === "activityparty") row.partyidname = partyName(ctx, row);
  if (t.isActivity) row.activitytypecode = t.logicalName;
  applyStateRules(t, row, body, previous);
  checkSecurityRow(ctx.store, t, row, previous);
  if (!previous) {
    if (has("ownerid") && !row.ownerid) {
      row.ownerid = { id: ctx.callerId, table: "systemuser" };
    }
    const overridden = row.overriddencreatedon;
    row.createdon = typeof overridden === "string" ? overridden : now;
    if (typeof overridden === "string") row.overriddencreatedon = now;
  }
  row.modifiedon = now;
  row.versionnumber = ctx.store.nextVersion();
}

export function createRecord(ctx: WriteContext, t: TableDef, body: unknown, preset: Row = {}): Row {
  if (t.unionOf) throw new DvError(405, "0x80060888", `The '${t.logicalName}' table is read-only; create rows in one of its activity tables.`);
  const row: Row = { ...preset };
  const { parties } = applyBody(ctx, t, body, row, "create");
  for (const [k, v] of Object.entries(preset)) {
    if (k in row && row[k] !== v && !(typeof v === "string" && typeof row[k] === "string" && v.toLowerCase() === String(row[k]).toLowerCase())) {
      throw badRequest(`The value of key attribute '${k}' in the request body does not match the URL.`, "0x80060888");
    }
  }
  const idCell = row[t.primaryId];
  const id = typeof idCell === "string" ? idCell : randomUUID();
  row[t.primaryId] = id;
  if (ctx.store.get(t.logicalName, id)) throw new DvError(412, "0x80040237", "A record with matching key values already exists.");
  finalize(ctx, t, row, body as Record<string, unknown>, undefined);
  ctx.store.checkUnique(t, row);
  ctx.store.put(t, row);
  if (parties !== undefined) writeParties(ctx, t, row, parties, false);
  return row;
}

export function updateRecord(ctx: WriteContext, t: TableDef, existing: Row, body: unknown): Row {
  if (t.unionOf) throw new DvError(405, "0x80060888", `The '${t.logicalName}' table is read-only; update rows in their activity tables.`);
  if (typeof body === "object" && body !== null) checkClosedActivity(t, existing, body as Record<string, unknown>);
  const row: Row = { ...existing };
  const { parties } = applyBody(ctx, t, body, row, "update");
  finalize(ctx, t, row, body as Record<string, unknown>, existing);
  ctx.store.checkUnique(t, row);
  ctx.store.put(t, row);
  if (parties !== undefined) writeParties(ctx, t, row, parties, true);
  return row;
}
