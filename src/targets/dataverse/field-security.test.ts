/**
 * Field-level security: the pure plan, and the Web API requests against a recording server that
 * keeps just enough state to answer like Dataverse (the sandbox has no field security yet).
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { SchemaPlan } from "../../contracts/target.js";
import { Session } from "./client.js";
import { planFieldSecurity, withFieldSecurity } from "../../core/plan/field-security-plan.js";
import { applyFieldSecurity } from "./field-security-apply.js";
import { MetadataCache } from "./metadata.js";

interface Recorded { method: string; url: string; headers: Record<string, string | string[] | undefined>; body: unknown }
const requests: Recorded[] = [];
const guid = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, "0")}`;
const state = {
  secured: false,
  profiles: [] as { id: string; name: string }[],
  permissions: [] as { id: string; profile: string; entityname: string; attributelogicalname: string; canread: number; cancreate: number; canupdate: number }[],
  members: new Set<string>(),
  next: 100,
};
let server: Server;
let base = "";

function reply(res: import("node:http").ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "OData-Version": "4.0", ...(body === undefined ? {} : { "Content-Type": "application/json; odata.metadata=minimal" }), ...headers });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

function route(method: string, path: string, query: URLSearchParams, body: any, res: import("node:http").ServerResponse): void {
  const api = `${base}/api/data/v9.2/`;
  const created = (set: string, id: string) => reply(res, 204, undefined, { "OData-EntityId": `${api}${set}(${id})` });
  const filter = query.get("$filter") ?? "";
  if (method === "GET" && path === "EntityDefinitions(LogicalName='contact')/Attributes(LogicalName='hc_mrn')") {
    return reply(res, 200, { MetadataId: guid(1), AttributeType: "String", IsSecured: state.secured, CanBeSecuredForRead: true });
  }
  if (method === "GET" && path === "EntityDefinitions(LogicalName='contact')/Attributes(LogicalName='hc_mrn')/Microsoft.Dynamics.CRM.StringAttributeMetadata") {
    return reply(res, 200, { "@odata.context": "x", MetadataId: guid(1), LogicalName: "hc_mrn", SchemaName: "hc_mrn", MaxLength: 40, IsSecured: state.secured, DisplayName: { LocalizedLabels: [] } });
  }
  if (method === "GET" && path.startsWith("EntityDefinitions(LogicalName='contact')/Attributes(LogicalName='nope')")) {
    return reply(res, 404, { error: { code: "0x80040217", message: "Could not find attribute." } });
  }
  if (method === "PUT" && path === `EntityDefinitions(LogicalName='contact')/Attributes(${guid(1)})`) {
    state.secured = body.IsSecured === true;
    return reply(res, 204);
  }
  if (method === "GET" && path === "fieldsecurityprofiles") {
    const name = /name eq '(.*)'/.exec(filter)?.[1];
    return reply(res, 200, { value: state.profiles.filter((p) => p.name === name).map((p) => ({ fieldsecurityprofileid: p.id })) });
  }
  if (method === "POST" && path === "fieldsecurityprofiles") {
    if (body.name === "broken") return reply(res, 400, { error: { code: "0x80040203", message: "Invalid name" } });
    const id = guid(state.next++);
    state.profiles.push({ id, name: body.name });
    return created("fieldsecurityprofiles", id);
  }
  if (method === "GET" && path === "fieldpermissions") {
    const m = /_fieldsecurityprofileid_value eq (\S+) and entityname eq '(\w+)' and attributelogicalname eq '(\w+)'/.exec(filter);
    const rows = state.permissions.filter((p) => m && p.profile === m[1] && p.entityname === m[2] && p.attributelogicalname === m[3]);
    return reply(res, 200, { value: rows.map((p) => ({ fieldpermissionid: p.id, canread: p.canread, cancreate: p.cancreate, canupdate: p.canupdate })) });
  }
  if (method === "POST" && path === "fieldpermissions") {
    const id = guid(state.next++);
    const profile = /fieldsecurityprofiles\((.+)\)/.exec(body["fieldsecurityprofileid@odata.bind"])?.[1] ?? "";
    state.permissions.push({ id, profile, entityname: body.entityname, attributelogicalname: body.attributelogicalname, canread: body.canread, cancreate: body.cancreate, canupdate: body.canupdate });
    return created("fieldpermissions", id);
  }
  const patch = /^fieldpermissions\((.+)\)$/.exec(path);
  if (method === "PATCH" && patch) {
    Object.assign(state.permissions.find((p) => p.id === patch[1]) ?? {}, body);
    return reply(res, 204);
  }
  if (method === "GET" && path === "teams") {
    return reply(res, 200, { value: /name eq 'Clinicians'/.test(filter) ? [{ teamid: guid(7) }] : [] });
  }
  if (method === "GET" && path === "systemusers") {
    return reply(res, 200, { value: [{ systemuserid: guid(8), internalemailaddress: "Dr.Who@clinic.test", fullname: "Dr Who", isdisabled: false }] });
  }
  const nav = /^fieldsecurityprofiles\((.+)\)\/(teamprofiles_association|systemuserprofiles_association)(\/\$ref)?$/.exec(path);
  if (nav) {
    const [, profile, rel, ref] = nav;
    const idColumn = rel === "teamprofiles_association" ? "teamid" : "systemuserid";
    if (method === "GET" && !ref) {
      const value = [...state.members].filter((m) => m.startsWith(`${profile}|${rel}|`)).map((m) => ({ [idColumn]: m.split("|")[2] }));
      return reply(res, 200, { value });
    }
    if (method === "POST" && ref) {
      const related = /\((.+)\)$/.exec(body["@odata.id"])?.[1];
      state.members.add(`${profile}|${rel}|${related}`);
      return reply(res, 204);
    }
  }
  reply(res, 404, { error: { code: "0x80060888", message: "no route" } });
}

before(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://x");
      const text = Buffer.concat(chunks).toString("utf8");
      const body = text ? JSON.parse(text) : undefined;
      requests.push({ method: req.method ?? "", url: decodeURIComponent(url.pathname + url.search), headers: req.headers, body });
      route(req.method ?? "", decodeURIComponent(url.pathname.replace(/^\/api\/data\/v9\.2\//, "")), url.searchParams, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

test("planFieldSecurity secures each PHI column once and grants the named teams and users", () => {
  const security = planFieldSecurity(
    [
      { table: "contact", name: "hc_mrn", phi: true },
      { table: "contact", name: "hc_mrn", phi: true },
      { table: "contact", name: "hc_referral", phi: false },
      { table: "contact", name: "birthdate", phi: true },
    ],
    { profileName: "PHI readers", teams: ["Clinicians", "Clinicians"], users: [" Dr.Who@clinic.test "], allow: { update: false } },
  );
  assert.deepEqual(security.columns, [{ table: "contact", name: "hc_mrn" }, { table: "contact", name: "birthdate" }]);
  assert.deepEqual(security.profile, {
    name: "PHI readers", teams: ["Clinicians"], users: ["dr.who@clinic.test"],
    permissions: [
      { table: "contact", column: "hc_mrn", read: true, create: true, update: false },
      { table: "contact", column: "birthdate", read: true, create: true, update: false },
    ],
  });
  const plan = withFieldSecurity({ columns: [{ table: "contact", name: "hc_mrn", type: "string", label: "MRN", reason: "r" }], keys: [] }, security);
  assert.equal(plan.columns[0]?.secured, true);
  assert.equal(plan.securityProfiles?.length, 1);
});

const plan: SchemaPlan = {
  columns: [{ table: "contact", name: "hc_mrn", type: "string", maxLength: 40, label: "MRN", reason: "r", secured: true }],
  keys: [],
  securityProfiles: [{
    name: "PHI readers", description: "clinical staff", teams: ["Clinicians", "Nobody"], users: ["dr.who@clinic.test", "ghost@clinic.test"],
    permissions: [{ table: "contact", column: "hc_mrn", read: true, create: true, update: false }],
  }],
};

test("applyFieldSecurity: request shapes, one outcome per item, idempotent on a second run", async () => {
  const session = new Session({ url: base, token: async () => "t", maxRetries: 0 });
  const deps = { session, metadata: new MetadataCache(session) };
  const first = await applyFieldSecurity(plan, deps);
  assert.deepEqual(first.map((o) => [o.kind, o.name, o.ok, o.ok ? o.created : o.error.reason]), [
    ["secure-column", "contact.hc_mrn", true, true],
    ["profile", "PHI readers", true, true],
    ["permission", "PHI readers: contact.hc_mrn", true, true],
    ["team", "PHI readers → Clinicians", true, true],
    ["team", "PHI readers → Nobody", false, "no team has this name"],
    ["user", "PHI readers → dr.who@clinic.test", true, true],
    ["user", "PHI readers → ghost@clinic.test", false, "no user has this email"],
  ]);

  const put = requests.find((r) => r.method === "PUT");
  assert.equal(put?.url, `/api/data/v9.2/EntityDefinitions(LogicalName='contact')/Attributes(${guid(1)})`);
  assert.equal(put?.headers["mscrm.mergelabels"], "true");
  const sent = put?.body as Record<string, unknown>;
  assert.equal(sent.IsSecured, true);
  assert.equal(sent["@odata.type"], "Microsoft.Dynamics.CRM.StringAttributeMetadata");
  assert.equal(sent.MaxLength, 40, "the whole definition goes back");
  assert.equal("@odata.context" in sent, false);

  const profile = requests.find((r) => r.method === "POST" && r.url === "/api/data/v9.2/fieldsecurityprofiles");
  assert.deepEqual(profile?.body, { name: "PHI readers", description: "clinical staff" });
  const permission = requests.find((r) => r.method === "POST" && r.url === "/api/data/v9.2/fieldpermissions");
  assert.deepEqual(permission?.body, {
    canread: 4, cancreate: 4, canupdate: 0, entityname: "contact", attributelogicalname: "hc_mrn",
    "fieldsecurityprofileid@odata.bind": `/fieldsecurityprofiles(${guid(100)})`,
  });
  const team = requests.find((r) => r.url.endsWith("/teamprofiles_association/$ref"));
  assert.equal(team?.method, "POST");
  assert.match(String((team?.body as Record<string, string>)["@odata.id"]), new RegExp(`/api/data/v9\\.2/teams\\(${guid(7)}\\)$`));
  const user = requests.find((r) => r.url.endsWith("/systemuserprofiles_association/$ref"));
  assert.match(String((user?.body as Record<string, string>)["@odata.id"]), new RegExp(`systemusers\\(${guid(8)}\\)$`));

  // Dataverse adds Not Allowed rows when a column is secured: a differing row is updated, not duplicated.
  const row = state.permissions[0];
  if (row) row.canread = 0;
  const mark = requests.length;
  const second = await applyFieldSecurity(plan, deps);
  assert.deepEqual(second.filter((o) => o.ok).map((o) => o.ok && o.created), [false, false, false, false, false]);
  const writes = requests.slice(mark).filter((r) => r.method !== "GET");
  assert.deepEqual(writes.map((r) => [r.method, r.url]), [["PATCH", `/api/data/v9.2/fieldpermissions(${guid(101)})`]]);
  assert.deepEqual(writes[0]?.body, { canread: 4, cancreate: 4, canupdate: 0 });
  assert.equal(state.permissions.length, 1);
});

test("an unknown column is an outcome; a refused profile fails its items without further requests", async () => {
  const session = new Session({ url: base, token: async () => "t", maxRetries: 0 });
  const deps = { session, metadata: new MetadataCache(session) };
  const out = await applyFieldSecurity({ columns: [], keys: [], securityProfiles: [{ name: "x'y", teams: ["Clinicians"], users: [], permissions: [{ table: "contact", column: "nope", read: true, create: false, update: false }] }] }, deps);
  assert.deepEqual(out.map((o) => [o.kind, o.ok ? "ok" : o.error.reason]), [
    ["secure-column", "unknown table or column"],
    ["profile", "ok"],
    ["permission", "ok"],
    ["team", "ok"],
  ]);
  const mark = requests.length;
  const refused = await applyFieldSecurity({ columns: [], keys: [], securityProfiles: [{ name: "broken", teams: ["Clinicians"], users: ["a@b.test"], permissions: [{ table: "contact", column: "hc_mrn", read: true, create: false, update: false }] }] }, deps);
  assert.deepEqual(refused.map((o) => [o.kind, o.ok ? "ok" : o.error.reason]), [
    ["secure-column", "ok"],
    ["profile", "a required value is missing or invalid"],
    ["permission", "its profile could not be set up"],
    ["team", "its profile could not be set up"],
    ["user", "its profile could not be set up"],
  ]);
  assert.deepEqual(requests.slice(mark).map((r) => r.method), ["GET", "GET", "POST"]);
});
