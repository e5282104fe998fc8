/**
 * Who is calling: the bearer token's user. Every token is the sandbox admin (a System
 * Administrator) unless /_sandbox/caller maps it to another systemuser; MSCRMCallerID
 * impersonation still wins. Only System Administrators bypass field security (Learn:
 * column-level-security "When a column is secured, only people who have the system administrator
 * security role can read or set the value"); an impersonated user is one only if it is the admin
 * or a token maps it with admin: true.
 */
import type { DvRequest } from "./context.js";
import type { Store } from "./store.js";

export interface Caller {
  readonly userId: string;
  readonly admin: boolean;
}

const registries = new WeakMap<Store, Map<string, Caller>>();

function registry(store: Store): Map<string, Caller> {
  let m = registries.get(store);
  if (!m) registries.set(store, (m = new Map()));
  return m;
}

/** Maps a bearer token to a systemuser (in memory: mappings don't survive a restart). */
export function mapToken(store: Store, token: string, caller: Caller): void {
  registry(store).set(token, caller);
}

const tokenOf = (req: DvRequest): string | undefined => /^Bearer\s+(\S+)/i.exec(req.headers.authorization ?? "")?.[1];

export function resolveCaller(store: Store, req: DvRequest): Caller {
  const mapped = [...registry(store).entries()];
  const isAdmin = (userId: string): boolean =>
    userId === store.org.adminUserId || mapped.some(([, c]) => c.userId === userId && c.admin);
  const impersonated = req.headers.mscrmcallerid?.toLowerCase().replace(/[{}]/g, "");
  if (impersonated && store.get("systemuser", impersonated)) return { userId: impersonated, admin: isAdmin(impersonated) };
  const token = tokenOf(req);
  const byToken = token === undefined ? undefined : registry(store).get(token);
  if (byToken && store.get("systemuser", byToken.userId)) return byToken;
  return { userId: store.org.adminUserId, admin: true };
}
