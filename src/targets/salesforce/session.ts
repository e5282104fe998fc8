/**
 * One logged-in jsforce Connection with our policies around each call: the API budget is
 * checked before sending and updated from `Sforce-Limit-Info` after, transient failures
 * (socket errors, 5xx, UNABLE_TO_LOCK_ROW on a whole request) are retried with backoff, and
 * credential and quota refusals become catalogued HandoverErrors.
 *
 * jsforce reads `https_proxy`/`http_proxy` (and upper-case) when it is first imported and then
 * sends every request through that proxy, ignoring NO_PROXY. We import it lazily, at the first
 * call, and callers that must not use a proxy clear those variables before that.
 */
import { createSign } from "node:crypto";
import type { Connection } from "jsforce";
import { HandoverError } from "../../contracts/handover-error.js";
import type { Sleep } from "../../support/pause-gate.js";
import type { Budget } from "./budget.js";
import { isAuthError, isLimitError, isNetworkError, isTransientError, unreachableReason } from "./errors.js";

export type SalesforceAuth =
  | { readonly kind: "client-credentials"; readonly loginUrl: string; readonly clientId: string; readonly clientSecret: string }
  | { readonly kind: "jwt"; readonly loginUrl: string; readonly clientId: string; readonly username: string; readonly privateKey: string };

export interface SessionOptions {
  readonly instanceUrl?: string;
  readonly accessToken?: string;
  readonly auth?: SalesforceAuth;
  readonly apiVersion: string;
  readonly budget: Budget;
  readonly sleep: Sleep;
  readonly maxRetries: number;
}

export interface CallOptions {
  /** API calls the work will make (budget check before sending; default 1). */
  readonly calls?: number;
  /** Retries for transient failures (default: the session's). */
  readonly retries?: number;
}

type Raw = Record<string, unknown>;
type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/** RS256 JWT bearer assertion (OAuth 2.0 JWT Bearer Flow: help.salesforce.com "OAuth 2.0 JWT Bearer Flow for Server-to-Server Integration"). */
function jwtAssertion(auth: Extract<SalesforceAuth, { kind: "jwt" }>): string {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
  const body = `${b64({ alg: "RS256" })}.${b64({ iss: auth.clientId, sub: auth.username, aud: auth.loginUrl, exp: Math.floor(Date.now() / 1000) + 180 })}`;
  return `${body}.${createSign("RSA-SHA256").update(body).sign(auth.privateKey, "base64url")}`;
}

export class Session {
  readonly apiVersion: string;
  readonly #options: SessionOptions;
  #conn: Promise<Connection> | undefined;

  constructor(options: SessionOptions) {
    if (!options.auth && !(options.instanceUrl && options.accessToken)) {
      throw new Error("createSalesforceTarget: give instanceUrl + accessToken, or auth");
    }
    this.#options = options;
    this.apiVersion = options.apiVersion;
  }

  get budget(): Budget {
    return this.#options.budget;
  }

  /** The connection, logging in on first use. */
  connection(): Promise<Connection> {
    this.#conn ??= this.#connect().catch((error: unknown) => {
      this.#conn = undefined;
      throw error;
    });
    return this.#conn;
  }

  async #connect(): Promise<Connection> {
    const { Connection } = await import("jsforce");
    const { auth, apiVersion: version } = this.#options;
    if (!auth) return new Connection({ instanceUrl: this.#options.instanceUrl, accessToken: this.#options.accessToken, version });
    const oauth2 = auth.kind === "client-credentials"
      ? { clientId: auth.clientId, clientSecret: auth.clientSecret, loginUrl: auth.loginUrl }
      : { clientId: auth.clientId, loginUrl: auth.loginUrl };
    const conn = new Connection({ loginUrl: auth.loginUrl, version, oauth2 });
    try {
      await conn.authorize(auth.kind === "client-credentials"
        ? { grant_type: "client_credentials" }
        : { grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer", assertion: jwtAssertion(auth) });
    } catch (error) {
      if (isNetworkError(error)) throw new HandoverError("HO-TGT-001", { reason: unreachableReason(error) }, { cause: error });
      throw new HandoverError("HO-TGT-002", { status: 400 }, { cause: error });
    }
    return conn;
  }

  /**
   * Runs `work` against the connection under the budget and retry policy. Errors that are
   * neither transient nor about credentials or quota are rethrown as they are, for the caller
   * to turn into outcomes.
   */
  async call<T>(work: (conn: Connection) => Promise<T>, options: CallOptions = {}): Promise<T> {
    const retries = options.retries ?? this.#options.maxRetries;
    let reauthorized = false;
    for (let attempt = 0; ; attempt++) {
      this.budget.ensure(options.calls ?? 1);
      const conn = await this.connection();
      try {
        const result = await work(conn);
        this.#observe(conn);
        return result;
      } catch (error) {
        this.#observe(conn);
        if (error instanceof HandoverError) throw error;
        if (isLimitError(error)) throw this.budget.spent(error);
        if (isAuthError(error) || /refresh session/i.test(String((error as Error).message))) {
          if (this.#options.auth && !reauthorized) {
            reauthorized = true;
            this.#conn = undefined;
            continue;
          }
          throw new HandoverError("HO-TGT-002", { status: 401 }, { cause: error });
        }
        if (!isTransientError(error) || attempt >= retries) {
          if (isNetworkError(error)) throw new HandoverError("HO-TGT-001", { reason: unreachableReason(error) }, { cause: error });
          throw error;
        }
        await this.#options.sleep(Math.min(8_000, 250 * 2 ** attempt));
      }
    }
  }

  #observe(conn: Connection): void {
    const usage = conn.limitInfo?.apiUsage;
    if (usage) this.budget.observe(usage.used, usage.limit);
  }

  /** A REST request relative to /services/data/vXX.X (or absolute /services/… path). */
  request<T = unknown>(method: Method, path: string, body?: unknown, options: CallOptions = {}): Promise<T> {
    return this.call((conn) => conn.request<T>({
      method, url: path,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
    }), options);
  }

  /**
   * The bytes of a blob field (`/sobjects/ContentVersion/{id}/VersionData`). jsforce decodes
   * response bodies as text, which would corrupt binary data, so this one GET goes through fetch.
   */
  download(path: string): Promise<Buffer> {
    return this.call(async (conn) => {
      const url = path.startsWith("/services/") ? `${conn.instanceUrl}${path}` : `${conn.instanceUrl}/services/data/v${this.apiVersion}${path}`;
      const res = await fetch(url, { headers: { Authorization: `Bearer ${conn.accessToken ?? ""}` } });
      const usage = /api-usage=(\d+)\/(\d+)/.exec(res.headers.get("sforce-limit-info") ?? "");
      if (usage) this.budget.observe(Number(usage[1]), Number(usage[2]));
      if (!res.ok) {
        const body = (await res.json().catch(() => [])) as { errorCode?: string }[];
        throw Object.assign(new Error(`download failed (HTTP ${res.status})`), { errorCode: body[0]?.errorCode ?? `ERROR_HTTP_${res.status}` });
      }
      return Buffer.from(await res.arrayBuffer());
    });
  }

  /** Every row a SOQL query returns (following nextRecordsUrl). */
  async query<T = Raw>(soql: string, options: { readonly tooling?: boolean } = {}): Promise<T[]> {
    const out: T[] = [];
    let url: string | undefined = `${options.tooling ? "/tooling" : ""}/query?q=${encodeURIComponent(soql)}`;
    while (url) {
      const page: { records: T[]; done: boolean; nextRecordsUrl?: string } = await this.request("GET", url);
      out.push(...page.records);
      url = page.done ? undefined : page.nextRecordsUrl;
    }
    return out;
  }
}
