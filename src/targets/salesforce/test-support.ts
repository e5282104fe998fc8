/**
 * Shared setup for this folder's tests: a fresh Salesforce sandbox over real HTTP and a target
 * logged in to it through the client-credentials flow. jsforce reads the proxy variables when
 * first imported, so they are cleared here, before anything imports it.
 */
import { startSalesforceSandbox, type SalesforceSandboxOptions } from "../../../sandbox/salesforce/index.js";
import type { TargetConnector } from "../../contracts/target.js";
import { createSalesforceTarget, type SalesforceTargetOptions } from "./index.js";

for (const name of ["http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"]) delete process.env[name];

export const KEY = "Handover_Source_Key__c";

export interface Org {
  readonly url: string;
  readonly target: TargetConnector;
  /** A sandbox control (`/_sandbox/<path>`): GET without body, POST with. */
  control<T = Record<string, unknown>>(path: string, body?: unknown): Promise<T>;
  /** A raw REST call with a fresh admin token (`/services/data/v60.0/<path>`). */
  api<T = unknown>(path: string, init?: RequestInit): Promise<T>;
  close(): Promise<void>;
}

export async function startOrg(sandbox: SalesforceSandboxOptions = {}, options: Partial<SalesforceTargetOptions> = {}): Promise<Org> {
  const sf = await startSalesforceSandbox({ persistDebounceMs: 20, ...sandbox });
  const target = createSalesforceTarget({
    auth: { kind: "client-credentials", loginUrl: sf.url, clientId: "handover-test", clientSecret: "secret" },
    sleep: async () => undefined, pollMs: 20, ...options,
  });
  const control = async <T>(path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${sf.url}/_sandbox/${path}`, body === undefined ? {} : { method: "POST", body: JSON.stringify(body) });
    return (await res.json()) as T;
  };
  const api = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const { access_token: token } = await control<{ access_token: string }>("token", {});
    const res = await fetch(`${sf.url}/services/data/v60.0/${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" } });
    return (res.status === 204 ? undefined : await res.json()) as T;
  };
  return { url: sf.url, target, control, api, close: () => sf.close() };
}

/** Our key column on each of `tables` (what `handover plan` would apply first). */
export async function addKeys(target: TargetConnector, tables: readonly string[]): Promise<void> {
  const out = await target.applySchema({
    columns: tables.map((table) => ({ table, name: KEY, type: "string" as const, maxLength: 255, label: "Handover Source Key", reason: "key" })),
    keys: [],
  });
  if (!out.every((o) => o.ok)) throw new Error(`schema failed: ${JSON.stringify(out)}`);
}
