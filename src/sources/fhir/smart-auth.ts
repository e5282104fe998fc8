import { createPrivateKey, randomUUID, sign, type KeyObject } from "node:crypto";
import { bulkError } from "./fhir-issues.js";

export interface SmartAuthOptions {
  /** FHIR base URL; its `.well-known/smart-configuration` names the token endpoint unless `tokenUrl` is given. */
  readonly baseUrl: string;
  readonly clientId: string;
  /** PEM (PKCS#8 or traditional): an RSA key signs RS384, a P-384 EC key ES384. */
  readonly privateKey: string;
  readonly kid?: string;
  readonly tokenUrl?: string;
  /** "system/*.read" by default. */
  readonly scope?: string;
  readonly fetch: typeof fetch;
  readonly now?: () => number;
}

const b64url = (value: string | Buffer) => Buffer.from(value).toString("base64url");

/** The signing algorithm a key allows: RS384 for RSA, ES384 for a P-384 EC key; anything else is a config error. */
export function algorithmOf(key: KeyObject): "RS384" | "ES384" | undefined {
  if (key.asymmetricKeyType === "rsa") return "RS384";
  if (key.asymmetricKeyType === "ec" && key.asymmetricKeyDetails?.namedCurve === "secp384r1") return "ES384";
  return undefined;
}

/**
 * A SMART Backend Services client assertion: a JWT signed with the client's private key, iss =
 * sub = client_id, aud = the token URL, five minutes to live, a fresh jti. ES384 signatures are
 * the raw r‖s pair JWS wants (IEEE P1363), not DER.
 */
export function createClientAssertion(options: { clientId: string; tokenUrl: string; key: KeyObject; kid?: string; nowMs: number }): string {
  const alg = algorithmOf(options.key);
  if (!alg) throw new Error("unsupported key type");
  const header = b64url(JSON.stringify({ alg, typ: "JWT", ...(options.kid ? { kid: options.kid } : {}) }));
  const now = Math.floor(options.nowMs / 1000);
  const claims = b64url(JSON.stringify({ iss: options.clientId, sub: options.clientId, aud: options.tokenUrl, exp: now + 300, iat: now, jti: randomUUID() }));
  const signature = sign("sha384", Buffer.from(`${header}.${claims}`), alg === "ES384" ? { key: options.key, dsaEncoding: "ieee-p1363" } : options.key);
  return `${header}.${claims}.${b64url(signature)}`;
}

/**
 * Access tokens for the bulk client: asks once, reuses the token until a minute before it
 * expires, and asks again after `invalidate` (a 401). Errors name the server, never the key.
 */
export function createTokenProvider(options: SmartAuthOptions) {
  const now = options.now ?? Date.now;
  let key: KeyObject | undefined;
  let tokenUrl = options.tokenUrl;
  let current: { token: string; expiresAt: number } | undefined;

  async function discoverTokenUrl(): Promise<string> {
    if (tokenUrl) return tokenUrl;
    const response = await options.fetch(`${options.baseUrl}/.well-known/smart-configuration`, { headers: { Accept: "application/json" } })
      .catch((error: unknown) => { throw bulkError(options.baseUrl, "the server did not answer", error); });
    const body = (await response.json().catch(() => ({}))) as { token_endpoint?: unknown };
    if (!response.ok || typeof body.token_endpoint !== "string") throw bulkError(options.baseUrl, "no token endpoint in .well-known/smart-configuration");
    return (tokenUrl = body.token_endpoint);
  }

  async function requestToken(): Promise<string> {
    try {
      key ??= createPrivateKey(options.privateKey);
    } catch (error) {
      throw bulkError(options.baseUrl, "the private key can't be read", error);
    }
    if (!algorithmOf(key)) throw bulkError(options.baseUrl, "the private key must be RSA or EC P-384");
    const url = await discoverTokenUrl();
    const form = new URLSearchParams({
      grant_type: "client_credentials", scope: options.scope ?? "system/*.read",
      client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      client_assertion: createClientAssertion({ clientId: options.clientId, tokenUrl: url, key, nowMs: now(), ...(options.kid ? { kid: options.kid } : {}) }),
    });
    const response = await options.fetch(url, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" }, body: form })
      .catch((error: unknown) => { throw bulkError(options.baseUrl, "the token endpoint did not answer", error); });
    const body = (await response.json().catch(() => ({}))) as { access_token?: unknown; expires_in?: unknown; error?: unknown };
    if (!response.ok || typeof body.access_token !== "string") {
      const code = typeof body.error === "string" && /^[a-z_]+$/.test(body.error) ? body.error : "no token";
      throw bulkError(options.baseUrl, `the token endpoint refused us: HTTP ${response.status} ${code}`);
    }
    const ttl = typeof body.expires_in === "number" ? body.expires_in : 300;
    current = { token: body.access_token, expiresAt: now() + Math.max(0, ttl - 60) * 1000 };
    return body.access_token;
  }

  return {
    async token(): Promise<string> {
      return current && current.expiresAt > now() ? current.token : requestToken();
    },
    invalidate(): void {
      current = undefined;
    },
  };
}

export type TokenProvider = ReturnType<typeof createTokenProvider>;
