/**
 * Shared setup for the sandbox tests: a fresh org on a random port and an unmodified jsforce
 * Connection logged in through the client-credentials flow. jsforce reads the proxy variables
 * when it is first imported, so they are cleared first and jsforce is imported dynamically.
 */
import type { Connection } from "jsforce";
import { startSalesforceSandbox } from "./server.js";
import type { SalesforceSandbox, SalesforceSandboxOptions } from "./server.js";

for (const name of ["http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"]) delete process.env[name];

export const API_VERSION = "60.0";

const importJsforce = () => import("jsforce");
export type JsforceModule = Awaited<ReturnType<typeof importJsforce>>;

export async function loadJsforce(): Promise<JsforceModule> {
  return importJsforce();
}

export interface Harness {
  readonly sandbox: SalesforceSandbox;
  readonly conn: Connection;
  readonly token: string;
  /** `${url}/services/data/v60.0/` */
  readonly base: string;
  /** Raw fetch of a REST path (relative to `base`) with the harness token. */
  fetchApi(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export async function startHarness(options: SalesforceSandboxOptions = {}): Promise<Harness> {
  const { Connection } = await loadJsforce();
  const sandbox = await startSalesforceSandbox({ persistDebounceMs: 20, ...options });
  const conn = new Connection({
    loginUrl: sandbox.url, version: API_VERSION, oauth2: { clientId: "handover-test", clientSecret: "secret", loginUrl: sandbox.url },
  });
  await conn.authorize({ grant_type: "client_credentials" });
  const base = `${sandbox.url}/services/data/v${API_VERSION}/`;
  return {
    sandbox, conn, token: conn.accessToken ?? "", base,
    fetchApi: (path, init = {}) => fetch(base + path, {
      ...init, headers: { Authorization: `Bearer ${conn.accessToken ?? ""}`, "Content-Type": "application/json", ...(init.headers as Record<string, string> | undefined) },
    }),
    close: () => sandbox.close(),
  };
}

/** The rejection of `p` (fails the test when it resolves). */
export async function rejection<E = { errorCode?: string; name?: string; message: string; data?: unknown }>(p: PromiseLike<unknown>): Promise<E> {
  try {
    await p;
  } catch (e) {
    return e as E;
  }
  throw new Error("expected the call to fail");
}
