/**
 * PUT EntityDefinitions(…)/Attributes(…): replaces a column definition (Learn:
 * webapi/create-update-column-definitions-using-web-api "Update a column" — the whole definition is
 * sent, PATCH isn't supported; MSCRM.MergeLabels: true keeps labels of other languages). The
 * sandbox keeps one (1033) label per column, so with or without MergeLabels the sent label wins.
 * Applied: IsSecured, DisplayName, Description, RequiredLevel, MaxLength (String/Memo); other
 * properties are accepted and ignored. Errors:
 * - CannotSecureAttribute 0x8004F501 "The field '{0}' is not securable" (web-service-error-codes)
 *   for columns whose CanBeSecuredFor* are false;
 * - CannotSecureEntityKeyAttribute 0x80060896 for a column in an alternate key;
 * - a different @odata.type / LogicalName / MetadataId than the column's: 400 InvalidArgument
 *   (emulator choice of code: a column's type can't be changed by an update).
 */
import type { DvResponse } from "./context.js";
import { DvError } from "./errors.js";
import { invalidArgument, labelText, parseMetadataBody } from "./attribute-parse.js";
import type { Json } from "./attribute-parse.js";
import { canBeSecured, syncAdminPermission } from "./field-security.js";
import type { MetadataContext } from "./metadata.js";
import { TYPE_INFO } from "./metadata-json.js";
import type { ColumnDef, RequiredLevelValue, TableDef } from "./model.js";

const LEVELS: readonly RequiredLevelValue[] = ["None", "Recommended", "ApplicationRequired", "SystemRequired"];

function checkIdentity(c: ColumnDef, body: Json): void {
  const cls = typeof body["@odata.type"] === "string" ? body["@odata.type"].replace(/^#?Microsoft\.Dynamics\.CRM\./, "") : undefined;
  if (cls !== undefined && cls !== TYPE_INFO[c.type].cls) throw invalidArgument("The attribute type of an existing column can't be changed.");
  if (body.LogicalName !== undefined && body.LogicalName !== c.logicalName) throw invalidArgument("The LogicalName of a column can't be changed.");
  const id = typeof body.MetadataId === "string" ? body.MetadataId.replace(/[{}]/g, "").toLowerCase() : undefined;
  if (id !== undefined && id !== c.metadataId.toLowerCase()) throw invalidArgument("The MetadataId in the body doesn't match the column.");
}

function securedValue(t: TableDef, c: ColumnDef, raw: unknown): boolean | undefined {
  if (typeof raw !== "boolean" || raw === (c.isSecured === true)) return undefined;
  if (raw && !canBeSecured(t, c)) throw new DvError(400, "0x8004F501", `The field '${c.logicalName}' is not securable`);
  if (raw && t.keys.some((k) => k.keyAttributes.includes(c.logicalName))) {
    throw new DvError(400, "0x80060896", `The field ${c.logicalName} is not securable as it is part of entity keys. Please remove the field from the keys first.`);
  }
  return raw;
}

function requiredLevel(c: ColumnDef, raw: unknown): RequiredLevelValue {
  const v = (raw as { Value?: unknown } | undefined)?.Value;
  if (v === undefined || v === c.requiredLevel) return c.requiredLevel;
  const level = LEVELS.find((l) => l === v);
  // SystemRequired is the platform's own level: it can be neither set nor lifted.
  if (!level || level === "SystemRequired" || c.requiredLevel === "SystemRequired") throw invalidArgument("This RequiredLevel can't be set on the column.");
  return level;
}

export function updateAttribute(ctx: MetadataContext, t: TableDef, c: ColumnDef): DvResponse {
  const body = parseMetadataBody(ctx.req.body);
  checkIdentity(c, body);
  const secured = securedValue(t, c, body.IsSecured);
  const maxLength = (c.type === "String" || c.type === "Memo") && Number.isInteger(body.MaxLength) && Number(body.MaxLength) > 0 ? Number(body.MaxLength) : c.maxLength;
  const next: ColumnDef = {
    ...c,
    displayName: labelText(body.DisplayName, c.displayName),
    description: labelText(body.Description, c.description ?? ""),
    requiredLevel: requiredLevel(c, body.RequiredLevel),
    maxLength,
    ...(secured !== undefined ? { isSecured: secured } : {}),
    ...(c.isCustom ? {} : { modified: true }),
  };
  const i = t.columns.indexOf(c);
  t.columns[i] = next;
  if (secured !== undefined) syncAdminPermission(ctx.store, t, next);
  ctx.store.touchSchema();
  return { status: 204, headers: {} };
}
