/** The connector's applyFieldSecurity against the sandbox over HTTP, then who may read and write. */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { SchemaPlan } from "../../src/contracts/target.js";
import { createDataverseTarget } from "../../src/targets/dataverse/index.js";
import { startHarness } from "./test-helpers.js";
import type { Harness } from "./test-helpers.js";

const control = async (h: Harness, path: string, body: unknown): Promise<unknown> => {
  const res = await fetch(`${h.sandbox.url}/_sandbox/${path}`, { method: "POST", body: JSON.stringify(body) });
  assert.equal(res.status, 200, `/_sandbox/${path}`);
  return res.json();
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type J = Record<string, any>;
const j = async (r: Response | Promise<Response>): Promise<J> => (await (await r).json()) as J;

const as = (h: Harness, token: string, path: string, init: RequestInit = {}) =>
  h.fetchApi(path, { ...init, headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", ...(init.headers as Record<string, string> | undefined) } });

const plan: SchemaPlan = {
  columns: [{ table: "contact", name: "hc_mrn", type: "string", maxLength: 40, label: "MRN", reason: "r", secured: true }],
  keys: [],
  securityProfiles: [{
    name: "PHI readers", description: "clinical staff", teams: ["Clinicians"], users: ["dr.who@clinic.test"],
    permissions: [{ table: "contact", column: "hc_mrn", read: true, create: true, update: true }],
  }],
};

async function setUp(h: Harness): Promise<string> {
  await h.api.createAttribute({
    entityKey: "LogicalName='contact'",
    data: {
      "@odata.type": "Microsoft.Dynamics.CRM.StringAttributeMetadata", SchemaName: "hc_mrn", MaxLength: 40,
      DisplayName: { LocalizedLabels: [{ Label: "MRN", LanguageCode: 1033 }] }, RequiredLevel: { Value: "None" },
    },
  });
  await control(h, "seed-users", [
    { internalemailaddress: "dr.who@clinic.test", lastname: "Who" },
    { internalemailaddress: "nurse@clinic.test", lastname: "Nurse" },
    { internalemailaddress: "clerk@clinic.test", lastname: "Clerk" },
  ]);
  await control(h, "seed-teams", [{ name: "Clinicians", members: ["nurse@clinic.test"] }]);
  const users = await h.api.retrieveMultiple<{ systemuserid: string; internalemailaddress: string }>({ collection: "systemusers", select: ["internalemailaddress"] });
  for (const who of ["dr.who", "nurse", "clerk"]) {
    const user = users.value?.find((u) => u.internalemailaddress === `${who}@clinic.test`);
    await control(h, "caller", { token: `tok-${who}`, systemuserid: user?.systemuserid });
  }
  return h.api.create<object, string>({ collection: "contacts", data: { lastname: "Patient", hc_mrn: "MRN-1" } });
}

const outcomes = (out: readonly { ok: boolean; kind: string; name: string }[]) =>
  out.map((o) => [o.kind, o.name, o.ok, "created" in o ? o.created : (o as { error?: { reason?: string } }).error?.reason]);

test("applyFieldSecurity secures hc_mrn for a team and a user; others read null and can't write it; a rerun changes nothing", async () => {
  const h = await startHarness();
  try {
    const contactId = await setUp(h);
    const target = createDataverseTarget({ url: h.sandbox.url, token: async () => "test-token", maxRetries: 0 });
    const first = await target.applyFieldSecurity?.(plan);
    assert.deepEqual(outcomes(first ?? []), [
      ["secure-column", "contact.hc_mrn", true, true],
      ["profile", "PHI readers", true, true],
      ["permission", "PHI readers: contact.hc_mrn", true, true],
      ["team", "PHI readers → Clinicians", true, true],
      ["user", "PHI readers → dr.who@clinic.test", true, true],
    ]);
    const meta = await j(h.fetchApi("EntityDefinitions(LogicalName='contact')/Attributes(LogicalName='hc_mrn')?$select=IsSecured,CanBeSecuredForRead"));
    assert.equal(meta.IsSecured, true);

    // (a) no profile: the value reads as null, the rest of the row doesn't; writes are refused with 403.
    const clerk = await j(as(h, "tok-clerk", `contacts(${contactId})?$select=lastname,hc_mrn`));
    assert.deepEqual([clerk.lastname, clerk.hc_mrn], ["Patient", null]);
    const listed = await j(as(h, "tok-clerk", "contacts?$select=hc_mrn"));
    assert.equal(listed.value[0].hc_mrn, null);
    const update = await as(h, "tok-clerk", `contacts(${contactId})`, { method: "PATCH", body: JSON.stringify({ hc_mrn: "X" }) });
    assert.equal(update.status, 403);
    assert.equal((await j(update)).error.code, "0x8004F507");
    const create = await as(h, "tok-clerk", "contacts", { method: "POST", body: JSON.stringify({ lastname: "New", hc_mrn: "X" }) });
    assert.equal(create.status, 403);
    assert.equal((await j(create)).error.code, "0x8004F502");
    assert.equal((await as(h, "tok-clerk", "contacts", { method: "POST", body: JSON.stringify({ lastname: "New" }) })).status, 204);

    // (b) the profiled user, directly and through the team, reads and writes it.
    assert.equal((await j(as(h, "tok-dr.who", `contacts(${contactId})?$select=hc_mrn`))).hc_mrn, "MRN-1");
    assert.equal((await as(h, "tok-dr.who", `contacts(${contactId})`, { method: "PATCH", body: JSON.stringify({ hc_mrn: "MRN-2" }) })).status, 204);
    assert.equal((await j(as(h, "tok-nurse", `contacts(${contactId})?$select=hc_mrn`))).hc_mrn, "MRN-2");
    assert.equal((await as(h, "tok-nurse", "contacts", { method: "POST", body: JSON.stringify({ lastname: "N", hc_mrn: "MRN-3" }) })).status, 204);
    // The sandbox admin is a System Administrator: unaffected.
    assert.equal((await h.api.retrieve<{ hc_mrn: string }>({ collection: "contacts", key: contactId, select: ["hc_mrn"] })).hc_mrn, "MRN-2");

    // (c) idempotent: nothing created, no duplicate permission; a row narrowed meanwhile is corrected.
    const perms = await h.api.retrieveMultiple<{ fieldpermissionid: string }>({ collection: "fieldpermissions", filter: "attributelogicalname eq 'hc_mrn'" });
    assert.equal(perms.value?.length, 2, "the profile's row and the System Administrator profile's row");
    const mine = await h.api.retrieveMultiple<{ fieldpermissionid: string }>({ collection: "fieldpermissions", filter: "attributelogicalname eq 'hc_mrn' and canread eq 4 and _fieldsecurityprofileid_value ne 572329c1-a042-4e22-be47-367c6374ea45" });
    const permId = mine.value?.[0]?.fieldpermissionid ?? "";
    await h.api.update({ collection: "fieldpermissions", key: permId, data: { canread: 0 } });
    assert.equal((await j(as(h, "tok-nurse", `contacts(${contactId})?$select=hc_mrn`))).hc_mrn, null);
    const second = await target.applyFieldSecurity?.(plan);
    assert.deepEqual((second ?? []).map((o) => o.ok && o.created), [false, false, false, false, false]);
    const after = await h.api.retrieveMultiple({ collection: "fieldpermissions", filter: "attributelogicalname eq 'hc_mrn'" });
    assert.equal(after.value?.length, 2);
    assert.equal((await j(as(h, "tok-nurse", `contacts(${contactId})?$select=hc_mrn`))).hc_mrn, "MRN-2");
  } finally {
    await h.sandbox.close();
  }
});

test("field security rows: permissions need a secured column, are unique per profile; profile names are unique; the admin profile is fixed", async () => {
  const h = await startHarness();
  try {
    const post = (set: string, body: unknown) => h.fetchApi(set, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    assert.equal((await post("fieldsecurityprofiles", { name: "Billing" })).status, 204);
    const dup = await post("fieldsecurityprofiles", { name: "billing" });
    assert.equal(dup.status, 412);
    const profile = (await h.api.retrieveMultiple<{ fieldsecurityprofileid: string }>({ collection: "fieldsecurityprofiles", filter: "name eq 'Billing'" })).value?.[0]?.fieldsecurityprofileid;
    const perm = { entityname: "contact", attributelogicalname: "birthdate", canread: 4, "fieldsecurityprofileid@odata.bind": `/fieldsecurityprofiles(${profile})` };
    const unsecured = await post("fieldpermissions", perm);
    assert.equal(unsecured.status, 400);
    assert.equal((await j(unsecured)).error.code, "0x8004F508");
    const head = await j(h.fetchApi("EntityDefinitions(LogicalName='contact')/Attributes(LogicalName='birthdate')/Microsoft.Dynamics.CRM.DateTimeAttributeMetadata"));
    const put = await h.fetchApi("EntityDefinitions(LogicalName='contact')/Attributes(LogicalName='birthdate')", {
      method: "PUT", headers: { "Content-Type": "application/json", "MSCRM.MergeLabels": "true" }, body: JSON.stringify({ ...head, IsSecured: true }),
    });
    assert.equal(put.status, 204);
    assert.equal((await post("fieldpermissions", perm)).status, 204);
    const row = (await h.api.retrieveMultiple<Record<string, unknown>>({ collection: "fieldpermissions", filter: `_fieldsecurityprofileid_value eq ${profile}` })).value?.[0];
    assert.deepEqual([row?.canread, row?.cancreate, row?.canupdate], [4, 0, 0], "unset permissions are Not Allowed");
    assert.equal((await post("fieldpermissions", perm)).status, 412);
    assert.equal((await post("fieldpermissions", { ...perm, attributelogicalname: "telephone2", canread: 2 })).status, 400);
    const admin = "572329c1-a042-4e22-be47-367c6374ea45";
    const fixed = await h.fetchApi(`fieldsecurityprofiles(${admin})`, { method: "PATCH", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ name: "x" }) });
    assert.equal((await j(fixed)).error.code, "0x8004F50C");
    assert.equal((await h.fetchApi(`fieldsecurityprofiles(${admin})`, { method: "DELETE" })).status, 400);
    // Users and teams are linked through the documented N:N navigation properties.
    const me = (await j(h.fetchApi("WhoAmI"))).UserId as string;
    const link = await post(`fieldsecurityprofiles(${profile})/systemuserprofiles_association/$ref`, { "@odata.id": `${h.base}systemusers(${me})` });
    assert.equal(link.status, 204);
    const members = await j(h.fetchApi(`fieldsecurityprofiles(${profile})/systemuserprofiles_association?$select=systemuserid`));
    assert.deepEqual(members.value.map((m: { systemuserid: string }) => m.systemuserid), [me]);
  } finally {
    await h.sandbox.close();
  }
});
