/**
 * `POST /services/oauth2/token` (client_credentials, password, JWT bearer, refresh_token)
 * and `/revoke`. JWT signatures are not verified — only `sub` (the username) is read.
 */
import { createHmac, randomBytes } from "node:crypto";
import type { Row } from "./field-def.js";
import { json } from "./http-types.js";
import type { SfResponse } from "./http-types.js";
import type { OrgStore } from "./store.js";
import { issueToken, revokeToken } from "./tokens.js";

export interface OAuthClient {
  readonly clientId: string;
  readonly clientSecret: string;
}

export interface OAuthConfig {
  /** Connected apps; when empty any client id/secret is accepted. */
  readonly clients: readonly OAuthClient[];
  /** Password every user logs in with (a security token may be appended); unset = any password. */
  readonly password?: string;
}

const oauthError = (error: string, description: string, status = 400): SfResponse => json(status, { error, error_description: description });
const REFRESH = "refresh:";

function userByUsername(store: OrgStore, username: string): Row | undefined {
  const user = store.object("User");
  const row = user ? store.findBy(user, "Username", username)[0] : undefined;
  return row && row.IsActive !== false ? row : undefined;
}

/** `sub` of a JWT assertion, without checking its signature. */
function jwtSubject(assertion: string): string | undefined {
  const part = assertion.split(".")[1];
  if (!part) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as { sub?: unknown };
    return typeof claims.sub === "string" ? claims.sub : undefined;
  } catch {
    return undefined;
  }
}

function checkClient(config: OAuthConfig, params: URLSearchParams, secretRequired: boolean): SfResponse | undefined {
  if (config.clients.length === 0) return params.get("client_id") ? undefined : oauthError("invalid_client_id", "client identifier invalid");
  const client = config.clients.find((c) => c.clientId === params.get("client_id"));
  if (!client) return oauthError("invalid_client_id", "client identifier invalid");
  const secret = params.get("client_secret");
  if ((secretRequired || secret !== null) && secret !== client.clientSecret) return oauthError("invalid_client", "invalid client credentials");
  return undefined;
}

function tokenResponse(store: OrgStore, origin: string, userId: string, withRefresh: boolean): SfResponse {
  const accessToken = issueToken(store, userId);
  const id = `${origin}/id/${store.org.orgId}/${userId}`;
  const issuedAt = String(Date.now());
  const out: Record<string, string> = {
    access_token: accessToken, instance_url: origin, id, token_type: "Bearer", issued_at: issuedAt,
    signature: createHmac("sha256", store.org.orgId).update(id + issuedAt).digest("base64"), scope: withRefresh ? "api refresh_token" : "api",
  };
  if (withRefresh) {
    const refresh = `5Aep861emu.${randomBytes(24).toString("hex")}`;
    store.tokens.set(REFRESH + refresh, { userId, issuedAt: Date.now() });
    out.refresh_token = refresh;
  }
  return json(200, out);
}

export function handleToken(store: OrgStore, config: OAuthConfig, origin: string, body: string): SfResponse {
  const params = new URLSearchParams(body);
  const grant = params.get("grant_type");
  if (grant === "client_credentials") {
    return checkClient(config, params, true) ?? tokenResponse(store, origin, store.org.adminUserId, false);
  }
  if (grant === "password") {
    const bad = checkClient(config, params, false);
    if (bad) return bad;
    const user = userByUsername(store, params.get("username") ?? "");
    const password = params.get("password") ?? "";
    if (!user || (config.password !== undefined && !password.startsWith(config.password))) {
      return oauthError("invalid_grant", "authentication failure");
    }
    return tokenResponse(store, origin, String(user.Id), true);
  }
  if (grant === "urn:ietf:params:oauth:grant-type:jwt-bearer") {
    const sub = jwtSubject(params.get("assertion") ?? "");
    if (sub === undefined) return oauthError("invalid_grant", "invalid assertion");
    const user = userByUsername(store, sub);
    if (!user) return oauthError("invalid_grant", "user hasn't approved this consumer");
    return tokenResponse(store, origin, String(user.Id), false);
  }
  if (grant === "refresh_token") {
    const bad = checkClient(config, params, false);
    if (bad) return bad;
    const info = store.tokens.get(REFRESH + (params.get("refresh_token") ?? ""));
    if (!info) return oauthError("invalid_grant", "expired access/refresh token");
    const res = tokenResponse(store, origin, info.userId, false);
    return res;
  }
  return oauthError("unsupported_grant_type", "grant type not supported");
}

/** Revokes an access or refresh token; an unknown token is a 400 like the real endpoint. */
export function handleRevoke(store: OrgStore, body: string, query: URLSearchParams): SfResponse {
  const token = new URLSearchParams(body).get("token") ?? query.get("token") ?? "";
  const ok = revokeToken(store, token) || store.tokens.delete(REFRESH + token);
  return ok ? { status: 200, headers: {} } : oauthError("unsupported_token_type", "this token type is not supported");
}
