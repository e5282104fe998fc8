/**
 * Bulk operation messages bound to an entity set:
 *   POST /{set}/Microsoft.Dynamics.CRM.CreateMultiple  → 200 {"@odata.context":…CreateMultipleResponse,"Ids":[…]}
 *   POST /{set}/Microsoft.Dynamics.CRM.UpdateMultiple  → 204
 *   POST /{set}/Microsoft.Dynamics.CRM.UpsertMultiple  → 204
 * Body `{"Targets":[{"@odata.type":"Microsoft.Dynamics.CRM.<logicalname>", …columns, …binds}]}`.
 *
 * Sources (learn.microsoft.com/power-apps/developer/data-platform/…):
 * - bulk-operations: "You must set the `@odata.type` property for each item in the
 *   `Targets` parameter"; CreateMultiple answers `200 OK` with `Ids`, UpdateMultiple
 *   `204 NoContent`; standard tables: "All operations roll back on error" / "Any error that
 *   occurs in a bulk operation with a standard table causes the entire operation to roll
 *   back"; "There's no set limit on the number of records … 1,000 records per request is
 *   a reasonable place to start" (so the cap here is a sandbox setting, default 1000).
 * - webapi/reference/upsertmultiple: "The UpsertMultiple action returns 204 NoContent. The
 *   UpsertMultipleResponse complex type is not returned."; targets are identified with
 *   `"@odata.id": "sample_examples(sample_keyattribute='0000001')"` (alternate key, relative
 *   URL — dynamics-web-api 2.5 leaves `@odata.id` unprefixed for exactly this case).
 *
 * Every target goes through the single-record write path (records.ts createRecord /
 * updateRecord) so validation, binds, alternate keys, uniqueness and versions behave as
 * for single requests; the first failing target's error is returned unchanged and the
 * whole request is rolled back (also when nested in a $batch change set).
 */
import { DvError, badRequest, keyNotFound, notFound } from "./errors.js";
import type { DvResponse } from "./context.js";
import { jsonResponse } from "./context.js";
import { GUID_RE, LOOKUP_TYPES } from "./model.js";
import type { Row, TableDef } from "./model.js";
import type { KeySpec } from "./odata-path.js";
import { parseEntityRef } from "./odata-path.js";
import { createRecord, findByKeySpec, updateRecord } from "./records.js";
import type { WriteContext } from "./records.js";

const NS = "Microsoft.Dynamics.CRM.";
const ACTIONS = ["CreateMultiple", "UpdateMultiple", "UpsertMultiple"] as const;
type BulkAction = (typeof ACTIONS)[number];

export const DEFAULT_MAX_BULK_RECORDS = 1000;

/** True for `Microsoft.Dynamics.CRM.CreateMultiple` / `UpdateMultiple` / `UpsertMultiple`. */
export function isBulkAction(segment: string): boolean {
  return segment.startsWith(NS) && (ACTIONS as readonly string[]).includes(segment.slice(NS.length));
}

type Target = Record<string, unknown>;

function parseTargets(body: string, t: TableDef, maxRecords: number): Target[] {
  let parsed: unknown;
  try {
    parsed = body.trim() === "" ? {} : (JSON.parse(body) as unknown);
  } catch {
    throw badRequest("The request body is not valid JSON.", "0x80048d19");
  }
  const targets = (parsed as { Targets?: unknown } | null)?.Targets;
  if (!Array.isArray(targets) || targets.length === 0) {
    throw badRequest("The 'Targets' parameter must be a non-empty collection of entities.", "0x80048d19");
  }
  // Emulator cap: the real service has none, only message size and time limits.
  if (targets.length > maxRecords) {
    throw badRequest(`The number of records in 'Targets' exceeds the limit of ${maxRecords} per request.`, "0x80040203");
  }
  const type = `${NS}${t.logicalName}`;
  for (const target of targets) {
    if (typeof target !== "object" || target === null || Array.isArray(target)) {
      throw badRequest("Each item in 'Targets' must be an entity object.", "0x80048d19");
    }
    const declared = (target as Target)["@odata.type"];
    if (typeof declared !== "string" || declared.replace(/^#/, "") !== type) {
      throw badRequest(`Each item in 'Targets' must set '@odata.type' to '${type}'.`, "0x80048d19");
    }
  }
  return targets as Target[];
}

/** Key from `@odata.id` (GUID or alternate-key form, relative or absolute) or the primary id column. */
function explicitKey(t: TableDef, target: Target): KeySpec | undefined {
  const odataId = target["@odata.id"];
  if (odataId !== undefined) {
    const ref = typeof odataId === "string" ? parseEntityRef(odataId) : undefined;
    if (!ref || ref.set !== t.entitySetName) {
      throw badRequest(`The '@odata.id' of an item in 'Targets' must reference a ${t.logicalName} record.`, "0x80048d19");
    }
    return ref.key;
  }
  const id = target[t.primaryId];
  if (id === undefined || id === null) return undefined;
  const g = typeof id === "string" ? GUID_RE.exec(id) : null;
  if (!g?.[1]) throw badRequest(`Cannot convert the value of property '${t.primaryId}' to the expected type 'Edm.Guid'.`, "0x80048d19");
  return { kind: "id", id: g[1].toLowerCase() };
}

/** UpsertMultiple may also carry the alternate-key columns in the record itself. */
function keyFromBody(ctx: WriteContext, t: TableDef, target: Target): KeySpec | undefined {
  for (const key of ctx.store.activeKeys(t)) {
    const values: Record<string, string | number | boolean> = {};
    const complete = key.keyAttributes.every((attr) => {
      const col = t.columns.find((c) => c.logicalName === attr);
      const v = target[attr];
      if (!col || LOOKUP_TYPES.has(col.type) || (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean")) return false;
      values[attr] = v;
      return true;
    });
    if (complete) return { kind: "alt", values };
  }
  return undefined;
}

const missing = (t: TableDef, key: KeySpec): DvError => (key.kind === "id" ? notFound(t.logicalName, key.id) : keyNotFound(t.logicalName));

function runTarget(ctx: WriteContext, t: TableDef, action: BulkAction, target: Target): Row {
  if (action === "CreateMultiple") return createRecord(ctx, t, target);
  const key = explicitKey(t, target) ?? (action === "UpsertMultiple" ? keyFromBody(ctx, t, target) : undefined);
  if (action === "UpdateMultiple") {
    if (!key) throw badRequest(`Each item in 'Targets' must identify the ${t.logicalName} record to update.`, "0x80040203");
    const existing = findByKeySpec(ctx.store, t, key);
    if (!existing) throw missing(t, key);
    return updateRecord(ctx, t, existing, target);
  }
  const existing = key ? findByKeySpec(ctx.store, t, key) : undefined;
  if (existing) return updateRecord(ctx, t, existing, target);
  const preset: Row = !key ? {} : key.kind === "id" ? { [t.primaryId]: key.id } : { ...key.values };
  return createRecord(ctx, t, target, preset);
}

export function handleBulkAction(ctx: WriteContext, t: TableDef, segment: string, maxRecords = DEFAULT_MAX_BULK_RECORDS): DvResponse {
  const action = segment.slice(NS.length) as BulkAction;
  if (ctx.req.method !== "POST") throw new DvError(405, "0x80060888", "Actions must be invoked with POST.");
  const targets = parseTargets(ctx.req.body, t, maxRecords);
  const rows = ctx.store.atomically(() => targets.map((target) => runTarget(ctx, t, action, target)));
  if (action !== "CreateMultiple") return { status: 204, headers: {} };
  return jsonResponse(200, {
    "@odata.context": `${ctx.req.baseUrl}$metadata#Microsoft.Dynamics.CRM.CreateMultipleResponse`,
    Ids: rows.map((row) => String(row[t.primaryId])),
  });
}
