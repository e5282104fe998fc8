/** OAuth flows, identity, discovery, limits and the daily API allocation — through jsforce and raw HTTP. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { startSalesforceSandbox } from "./server.js";
import { API_VERSION, loadJsforce, rejection, startHarness } from "./test-helpers.js";

const TOKEN_SHAPE = /^(00D\w{12,15})![.\w]*$/;
const fakeJwt = (claims: object): string =>
  [{ alg: "RS256" }, claims].map((p) => Buffer.from(JSON.stringify(p)).toString("base64url")).join(".") + ".c2lnbmF0dXJl";

test("client credentials login sets instanceUrl, an 00D token and userInfo from the id URL", async () => {
  const h = await startHarness();
  try {
    assert.match(h.token, TOKEN_SHAPE);
    assert.equal(h.conn.instanceUrl, h.sandbox.url);
    assert.equal(h.conn.userInfo?.organizationId, h.sandbox.orgId);
    assert.match(h.conn.userInfo?.id ?? "", /^005\w{15}$/);
    const identity = await h.conn.identity();
    assert.equal(identity.username, "admin@handover-sandbox.example");
    assert.equal(identity.organization_id, h.sandbox.orgId);
  } finally {
    await h.close();
  }
});

test("password and JWT bearer logins resolve the user; bad credentials answer the OAuth error shape", async () => {
  const { Connection } = await loadJsforce();
  const sandbox = await startSalesforceSandbox({
    users: [{ email: "pat.example@handover.test", name: "Pat Example" }, { email: "gone@handover.test", name: "Gone User", isActive: false }],
    clients: [{ clientId: "app", clientSecret: "s3cret" }], password: "pw",
  });
  try {
    const oauth2 = { clientId: "app", clientSecret: "s3cret", loginUrl: sandbox.url };
    const conn = new Connection({ loginUrl: sandbox.url, version: API_VERSION, oauth2 });
    const info = await conn.login("pat.example@handover.test", "pwSECURITYTOKEN");
    assert.equal(conn.instanceUrl, sandbox.url);
    const grant = (body: Record<string, string>) => fetch(`${sandbox.url}/services/oauth2/token`, { method: "POST", body: new URLSearchParams(body) });
    const pw = (await (await grant({ grant_type: "password", client_id: "app", client_secret: "s3cret", username: "pat.example@handover.test", password: "pw" })).json()) as { refresh_token: string };
    const refreshed = (await (await grant({ grant_type: "refresh_token", client_id: "app", refresh_token: pw.refresh_token })).json()) as { access_token: string };
    assert.match(refreshed.access_token, TOKEN_SHAPE);
    const me = await conn.query<{ Username: string }>(`SELECT Username FROM User WHERE Id = '${info.id}'`);
    assert.equal(me.records[0]?.Username, "pat.example@handover.test");

    const jwtConn = new Connection({ loginUrl: sandbox.url, version: API_VERSION, oauth2 });
    await jwtConn.authorize({ grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer", assertion: fakeJwt({ iss: "app", sub: "pat.example@handover.test", aud: "https://login.salesforce.com", exp: 9999999999 }) });
    assert.equal(jwtConn.userInfo?.id, info.id);

    const bad = await rejection(new Connection({ loginUrl: sandbox.url, version: API_VERSION, oauth2 }).login("pat.example@handover.test", "wrong"));
    assert.equal(bad.name, "invalid_grant");
    assert.equal(bad.message, "authentication failure");
    assert.equal((await rejection(new Connection({ loginUrl: sandbox.url, version: API_VERSION, oauth2 }).login("gone@handover.test", "pw"))).name, "invalid_grant");
    const wrongSecret = await rejection(new Connection({ loginUrl: sandbox.url, version: API_VERSION, oauth2: { ...oauth2, clientSecret: "nope" } }).authorize({ grant_type: "client_credentials" }));
    assert.equal(wrongSecret.name, "invalid_client");
    const res = await fetch(`${sandbox.url}/services/oauth2/token`, { method: "POST", body: new URLSearchParams({ grant_type: "magic" }) });
    assert.equal(res.status, 400);
    assert.deepEqual(await res.json(), { error: "unsupported_grant_type", error_description: "grant type not supported" });
  } finally {
    await sandbox.close();
  }
});

test("userinfo, the identity URL and revoke; a revoked or missing token is 401 INVALID_SESSION_ID", async () => {
  const h = await startHarness();
  try {
    const auth = { Authorization: `Bearer ${h.token}` };
    const userinfo = (await (await fetch(`${h.sandbox.url}/services/oauth2/userinfo`, { headers: auth })).json()) as Record<string, unknown>;
    assert.equal(userinfo.organization_id, h.sandbox.orgId);
    assert.equal(userinfo.preferred_username, "admin@handover-sandbox.example");
    const idUrl = String(userinfo.sub);
    const identity = (await (await fetch(idUrl, { headers: auth })).json()) as { urls: Record<string, string>; user_id: string };
    assert.equal(identity.user_id, h.conn.userInfo?.id);
    assert.match(identity.urls.rest ?? "", /\/services\/data\/v\{version\}\/$/);

    const missing = await fetch(`${h.base}sobjects`);
    assert.equal(missing.status, 401);
    assert.deepEqual(await missing.json(), [{ message: "Session expired or invalid", errorCode: "INVALID_SESSION_ID", fields: [] }]);

    const revoked = await fetch(`${h.sandbox.url}/services/oauth2/revoke`, { method: "POST", body: new URLSearchParams({ token: h.token }) });
    assert.equal(revoked.status, 200);
    // A direct-token connection has no refresh delegate: the 401 surfaces as INVALID_SESSION_ID.
    const { Connection } = await loadJsforce();
    const direct = new Connection({ instanceUrl: h.sandbox.url, accessToken: h.token, version: API_VERSION });
    const err = await rejection(direct.query("SELECT Id FROM Account"));
    assert.equal(err.errorCode, "INVALID_SESSION_ID");
    // With a client id but no refresh token jsforce tries to refresh and says so.
    assert.match((await rejection(h.conn.query("SELECT Id FROM Account"))).message, /No refresh token found/);
  } finally {
    await h.close();
  }
});

test("version list, resource map, limits and Sforce-Limit-Info on every REST response", async () => {
  const h = await startHarness({ dailyApiLimit: 500 });
  try {
    const versions = (await (await fetch(`${h.sandbox.url}/services/data`)).json()) as { label: string; version: string; url: string }[];
    assert.deepEqual(versions.find((v) => v.version === "60.0"), { label: "Spring '24", url: "/services/data/v60.0", version: "60.0" });
    const res = await h.fetchApi("");
    assert.equal(res.headers.get("content-type"), "application/json;charset=UTF-8");
    const map = (await res.json()) as Record<string, string>;
    assert.equal(map.sobjects, "/services/data/v60.0/sobjects");
    assert.equal(map.identity, `${h.sandbox.url}/id/${h.sandbox.orgId}/${h.conn.userInfo?.id}`);
    assert.match(res.headers.get("sforce-limit-info") ?? "", /^api-usage=\d+\/500$/);
    const limits = await h.conn.limits();
    assert.equal(limits.DailyApiRequests?.Max, 500);
    assert.equal(limits.DailyApiRequests?.Remaining, 500 - Number(/=(\d+)/.exec(res.headers.get("sforce-limit-info") ?? "")?.[1]) - 1);
    assert.deepEqual(h.conn.limitInfo.apiUsage, { used: 500 - limits.DailyApiRequests?.Remaining, limit: 500 });
    for (const key of ["DailyBulkApiBatches", "DataStorageMB", "FileStorageMB", "SingleEmail", "DailyBulkV2QueryJobs"]) {
      assert.ok(typeof limits[key]?.Max === "number" && typeof limits[key]?.Remaining === "number", key);
    }
  } finally {
    await h.close();
  }
});

test("a spent daily allocation answers 403 REQUEST_LIMIT_EXCEEDED and stops counting", async () => {
  const h = await startHarness({ dailyApiLimit: 3 });
  try {
    await h.conn.query("SELECT Id FROM Account");
    await h.conn.query("SELECT Id FROM Account");
    await h.conn.query("SELECT Id FROM Account");
    const err = await rejection(h.conn.query("SELECT Id FROM Account"));
    assert.equal(err.errorCode, "REQUEST_LIMIT_EXCEEDED");
    assert.equal(err.message, "TotalRequests Limit exceeded.");
    const raw = await h.fetchApi("limits");
    assert.equal(raw.status, 403);
    assert.equal(raw.headers.get("sforce-limit-info"), "api-usage=3/3");
    const stats = (await (await fetch(`${h.sandbox.url}/_sandbox/stats`)).json()) as { limitExceeded: number; apiUsage: { used: number } };
    assert.equal(stats.limitExceeded, 2);
    assert.equal(stats.apiUsage.used, 3);
    await fetch(`${h.sandbox.url}/_sandbox/settings`, { method: "POST", body: JSON.stringify({ apiUsed: 0 }) });
    assert.equal((await h.conn.query("SELECT Id FROM Account")).totalSize, 0);
  } finally {
    await h.close();
  }
});
