/** `/services/oauth2/userinfo` and the identity URL `/id/{orgId}/{userId}` (used by conn.identity()). */
import { SfError } from "./errors.js";
import { json } from "./http-types.js";
import type { SfResponse } from "./http-types.js";
import type { OrgStore } from "./store.js";

function urls(origin: string, orgId: string, userId: string): Record<string, string> {
  const data = `${origin}/services/data/v{version}/`;
  return {
    enterprise: `${origin}/services/Soap/c/{version}/${orgId}`, metadata: `${origin}/services/Soap/m/{version}/${orgId}`,
    partner: `${origin}/services/Soap/u/{version}/${orgId}`, rest: data, sobjects: `${data}sobjects/`, search: `${data}search/`,
    query: `${data}query/`, recent: `${data}recent/`, tooling_soap: `${origin}/services/Soap/T/{version}/${orgId}`,
    tooling_rest: `${data}tooling/`, profile: `${origin}/${userId}`, users: `${data}chatter/users`, custom_domain: origin,
  };
}

function userRow(store: OrgStore, userId: string) {
  const row = store.get("User", userId);
  if (!row) throw new SfError(404, "NOT_FOUND", "The requested resource does not exist");
  return row;
}

export function handleUserInfo(store: OrgStore, origin: string, userId: string): SfResponse {
  const u = userRow(store, userId);
  const { orgId } = store.org;
  return json(200, {
    sub: `${origin}/id/${orgId}/${userId}`, user_id: userId, organization_id: orgId, preferred_username: u.Username,
    nickname: u.Alias, name: u.Name, email: u.Email, email_verified: true, given_name: u.FirstName, family_name: u.LastName,
    zoneinfo: "Europe/London", active: u.IsActive, user_type: "STANDARD", language: "en_US", locale: "en_GB", utcOffset: 0,
    updated_at: u.LastModifiedDate, is_app_installed: true, urls: urls(origin, orgId, userId),
  });
}

export function handleIdentity(store: OrgStore, origin: string, orgId: string, userId: string): SfResponse {
  if (orgId !== store.org.orgId) throw new SfError(403, "Bad_Id", "Bad_Id");
  const u = userRow(store, userId);
  return json(200, {
    id: `${origin}/id/${orgId}/${userId}`, asserted_user: true, user_id: userId, organization_id: orgId, username: u.Username,
    nick_name: u.Alias, display_name: u.Name, email: u.Email, email_verified: true, first_name: u.FirstName, last_name: u.LastName,
    timezone: "Europe/London", active: u.IsActive, user_type: "STANDARD", language: "en_US", locale: "en_GB", utcOffset: 0,
    last_modified_date: u.LastModifiedDate, is_app_installed: true, urls: urls(origin, orgId, userId),
  });
}
