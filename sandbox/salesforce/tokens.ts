/**
 * Access tokens: opaque `00D…!AQ4Aemu.<hex>` strings (the shape the sf CLI accepts and jsforce
 * never mistakes for a JWT), remembered in the state file so sessions survive a restart.
 */
import { randomBytes } from "node:crypto";
import { invalidSession } from "./errors.js";
import type { OrgStore } from "./store.js";

export function issueToken(store: OrgStore, userId: string): string {
  const token = `${store.org.orgId}!AQ4Aemu.${randomBytes(24).toString("hex")}`;
  store.tokens.set(token, { userId, issuedAt: Date.now() });
  store.touch();
  return token;
}

export function revokeToken(store: OrgStore, token: string): boolean {
  const had = store.tokens.delete(token);
  if (had) store.touch();
  return had;
}

/** The user behind `Authorization: Bearer …` (or `oauth_token`), or SfError 401 INVALID_SESSION_ID. */
export function authenticate(store: OrgStore, authorization: string | undefined, queryToken?: string | null): string {
  const token = /^(?:Bearer|OAuth)\s+(\S+)/i.exec(authorization ?? "")?.[1] ?? queryToken ?? undefined;
  const info = token === undefined ? undefined : store.tokens.get(token);
  if (!info) throw invalidSession();
  const user = store.get("User", info.userId);
  if (!user || user.IsActive === false) throw invalidSession();
  return info.userId;
}
