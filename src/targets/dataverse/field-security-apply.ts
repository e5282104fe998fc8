/**
 * Field-level security through the Web API; idempotent, one outcome per item, in this order:
 * secured columns, then per profile: the profile, its field permissions, its teams, its users.
 *
 * - Securing a column: column definitions can't be patched property by property; the update is a
 *   PUT of the whole definition, read through its concrete type cast, with IsSecured set, to the
 *   uncast URI, with MSCRM.MergeLabels: true (Learn: column-level-security "Secure a column with
 *   code" → UpdateAttributeRequest with MergeLabels; webapi/create-update-column-definitions-using-web-api
 *   "Update a column").
 * - fieldsecurityprofiles rows; fieldpermissions rows bound by fieldsecurityprofileid with
 *   entityname, attributelogicalname, canread/cancreate/canupdate = 4 Allowed / 0 Not Allowed.
 * - Members through the N:N relationships systemuserprofiles_association (users) and
 *   teamprofiles_association (teams) (Learn: column-level-security "Manage access using field
 *   security profiles"; reference/entities/fieldsecurityprofile).
 */
import { isHandoverError } from "../../contracts/handover-error.js";
import type { PlannedSecurityProfile, SchemaPlan, SecurityItemKind, SecurityOutcome, TargetFailure } from "../../contracts/target.js";
import type { Session } from "./client.js";
import { asVendorError, LOCAL_CODE, toFailure } from "./errors.js";
import { securedColumns, permissionValue } from "./field-security.js";
import { filterLiteral, normalizeId } from "./keys.js";
import { entityKey, type MetadataCache } from "./metadata.js";
import { findUsers } from "./users.js";

export interface FieldSecurityDeps {
  readonly session: Session;
  readonly metadata: MetadataCache;
}

type Raw = Readonly<Record<string, unknown>>;

/** AttributeType → the derived metadata type whose GET returns the full definition. */
const castOf: Readonly<Record<string, string>> = {
  String: "StringAttributeMetadata", Memo: "MemoAttributeMetadata", Integer: "IntegerAttributeMetadata",
  BigInt: "BigIntAttributeMetadata", Decimal: "DecimalAttributeMetadata", Double: "DoubleAttributeMetadata",
  Money: "MoneyAttributeMetadata", Boolean: "BooleanAttributeMetadata", DateTime: "DateTimeAttributeMetadata",
  Picklist: "PicklistAttributeMetadata", Lookup: "LookupAttributeMetadata", Customer: "LookupAttributeMetadata",
  Owner: "LookupAttributeMetadata", Uniqueidentifier: "UniqueIdentifierAttributeMetadata",
};

const local = (reason: string): TargetFailure => ({ vendorCode: LOCAL_CODE, reason, transient: false });

/** Something we refuse before sending, with our reason. */
class Refusal extends Error {}

function failureOf(error: unknown, notFound: string): TargetFailure {
  if (isHandoverError(error)) throw error;
  if (error instanceof Refusal) return local(error.message);
  if (asVendorError(error).status === 404) return local(notFound);
  return toFailure(error);
}

/** Sets IsSecured on one column (no request when it already is). Returns whether it changed. */
export async function secureColumn(deps: FieldSecurityDeps, table: string, column: string): Promise<boolean> {
  const { session } = deps;
  const attributeKey = `LogicalName='${column}'`;
  const head = await session.call((api) =>
    api.retrieveAttribute<Raw>({ entityKey: entityKey(table), attributeKey, select: ["MetadataId", "AttributeType", "IsSecured", "CanBeSecuredForRead"] }),
  );
  if (head?.IsSecured === true) return false;
  if (head?.CanBeSecuredForRead === false) throw new Refusal("the target does not allow securing this column");
  const cast = castOf[String(head?.AttributeType)];
  if (!cast) throw new Refusal("columns of this type are not supported for securing");
  const full = await session.call((api) =>
    api.retrieveAttribute<Raw>({ entityKey: entityKey(table), attributeKey, castType: `Microsoft.Dynamics.CRM.${cast}` }),
  );
  const data: Record<string, unknown> = { ...full, "@odata.type": `Microsoft.Dynamics.CRM.${cast}`, IsSecured: true };
  delete data["@odata.context"];
  data.MetadataId = normalizeId(full?.MetadataId ?? head?.MetadataId);
  await session.call((api) => api.updateAttribute({ entityKey: entityKey(table), data, mergeLabels: true }));
  deps.metadata.invalidate(table);
  return true;
}

async function firstId(session: Session, collection: string, idColumn: string, filter: string, extra: string[] = []): Promise<Raw | undefined> {
  const response = await session.call((api) => api.retrieveMultiple<Raw>({ collection, select: [idColumn, ...extra], filter, top: 1 }));
  return response?.value?.[0];
}

/** The profile's id, created when no profile has its name. */
async function ensureProfile(session: Session, profile: PlannedSecurityProfile): Promise<{ id: string; created: boolean }> {
  const found = normalizeId((await firstId(session, "fieldsecurityprofiles", "fieldsecurityprofileid", `name eq ${filterLiteral(profile.name)}`))?.fieldsecurityprofileid);
  if (found) return { id: found, created: false };
  const data = { name: profile.name, ...(profile.description ? { description: profile.description } : {}) };
  const id = normalizeId(await session.call((api) => api.create({ collection: "fieldsecurityprofiles", data })));
  if (!id) throw new Error("the profile was created without an id");
  return { id, created: true };
}

async function ensurePermission(session: Session, profileId: string, p: PlannedSecurityProfile["permissions"][number]): Promise<boolean> {
  const values = { canread: permissionValue(p.read), cancreate: permissionValue(p.create), canupdate: permissionValue(p.update) };
  const filter = `_fieldsecurityprofileid_value eq ${profileId} and entityname eq ${filterLiteral(p.table)} and attributelogicalname eq ${filterLiteral(p.column)}`;
  const row = await firstId(session, "fieldpermissions", "fieldpermissionid", filter, ["canread", "cancreate", "canupdate"]);
  const id = normalizeId(row?.fieldpermissionid);
  if (id) {
    // A row may already exist (an earlier run, or one an admin edited since): bring it in line rather
    // than add a duplicate. (Microsoft's sample creates profile rows explicitly; only the built-in
    // System Administrator profile gets rows of its own when a column is secured.)
    const same = row?.canread === values.canread && row?.cancreate === values.cancreate && row?.canupdate === values.canupdate;
    if (!same) await session.call((api) => api.update({ collection: "fieldpermissions", key: id, data: values }));
    return false;
  }
  const data = { ...values, entityname: p.table, attributelogicalname: p.column, "fieldsecurityprofileid@odata.bind": `/fieldsecurityprofiles(${profileId})` };
  await session.call((api) => api.create({ collection: "fieldpermissions", data }));
  return true;
}

/** Associates `memberId` through `relationship` unless it already is. */
async function ensureMember(session: Session, profileId: string, relationship: string, collection: string, idColumn: string, memberId: string): Promise<boolean> {
  const current = await session.call((api) =>
    api.retrieve<{ value?: readonly Raw[] }>({ collection: "fieldsecurityprofiles", key: profileId, navigationProperty: relationship, select: [idColumn] }),
  );
  if ((current?.value ?? []).some((m) => normalizeId(m[idColumn]) === memberId)) return false;
  await session.call((api) => api.associate({ collection: "fieldsecurityprofiles", primaryKey: profileId, relationshipName: relationship, relatedCollection: collection, relatedKey: memberId }));
  return true;
}

async function teamId(session: Session, name: string): Promise<string | undefined> {
  return normalizeId((await firstId(session, "teams", "teamid", `name eq ${filterLiteral(name)}`))?.teamid);
}

export async function applyFieldSecurity(plan: SchemaPlan, deps: FieldSecurityDeps): Promise<readonly SecurityOutcome[]> {
  const out: SecurityOutcome[] = [];
  const ok = (kind: SecurityItemKind, name: string, created: boolean) => out.push({ ok: true, kind, name, created });
  const bad = (kind: SecurityItemKind, name: string, error: TargetFailure) => out.push({ ok: false, kind, name, error });
  const attempt = async (kind: SecurityItemKind, name: string, notFound: string, fn: () => Promise<boolean>) => {
    try {
      ok(kind, name, await fn());
    } catch (error) {
      bad(kind, name, failureOf(error, notFound));
    }
  };

  for (const c of securedColumns(plan)) await attempt("secure-column", `${c.table}.${c.name}`, "unknown table or column", () => secureColumn(deps, c.table, c.name));

  for (const profile of plan.securityProfiles ?? []) {
    let profileId: string | undefined;
    await attempt("profile", profile.name, "field security profiles are not available", async () => {
      const result = await ensureProfile(deps.session, profile);
      profileId = result.id;
      return result.created;
    });
    const items: [SecurityItemKind, string][] = [
      ...profile.permissions.map((p): [SecurityItemKind, string] => ["permission", `${profile.name}: ${p.table}.${p.column}`]),
      ...profile.teams.map((t): [SecurityItemKind, string] => ["team", `${profile.name} → ${t}`]),
      ...profile.users.map((u): [SecurityItemKind, string] => ["user", `${profile.name} → ${u}`]),
    ];
    const id = profileId;
    if (!id) {
      for (const [kind, name] of items) bad(kind, name, local("its profile could not be set up"));
      continue;
    }
    for (const p of profile.permissions) await attempt("permission", `${profile.name}: ${p.table}.${p.column}`, "field permissions are not available", () => ensurePermission(deps.session, id, p));
    for (const team of profile.teams) {
      const found = await teamId(deps.session, team).catch((e: unknown) => { failureOf(e, ""); return undefined; });
      if (!found) bad("team", `${profile.name} → ${team}`, local("no team has this name"));
      else await attempt("team", `${profile.name} → ${team}`, "unknown team", () => ensureMember(deps.session, id, "teamprofiles_association", "teams", "teamid", found));
    }
    const users = profile.users.length > 0 ? await findUsers(deps.session, profile.users) : [];
    for (const email of profile.users) {
      const user = users.find((u) => u.email.toLowerCase() === email.toLowerCase());
      if (!user) bad("user", `${profile.name} → ${email}`, local("no user has this email"));
      else await attempt("user", `${profile.name} → ${email}`, "unknown user", () => ensureMember(deps.session, id, "systemuserprofiles_association", "systemusers", "systemuserid", user.id));
    }
  }
  return out;
}
