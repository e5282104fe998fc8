import { createPublicKey, verify, type JsonWebKey, type KeyObject } from "node:crypto";

/** A client registered with the sandbox's authorization server: its public key as PEM or a JWKS. */
export interface RegisteredClient {
  readonly clientId: string;
  readonly publicKeyPem?: string;
  readonly jwks?: { readonly keys: readonly JsonWebKey[] };
}

export type AssertionCheck = { readonly ok: true; readonly clientId: string } | { readonly ok: false; readonly reason: string };

const decode = (part: string): unknown => JSON.parse(Buffer.from(part, "base64url").toString("utf8"));

function keysOf(client: RegisteredClient, kid: string | undefined): KeyObject[] {
  if (client.publicKeyPem) return [createPublicKey(client.publicKeyPem)];
  const keys = (client.jwks?.keys ?? []).filter((k) => kid === undefined || (k as { kid?: string }).kid === kid);
  return keys.map((key) => createPublicKey({ key, format: "jwk" }));
}

/**
 * Checks a SMART Backend Services client assertion (RFC 7523 as SMART profiles it): RS384 or
 * ES384, signed by the registered client's key; iss = sub = client_id; aud = this token URL;
 * exp in the future and at most five minutes ahead; a jti not seen before.
 */
export function checkClientAssertion(jwt: string, clients: readonly RegisteredClient[], tokenUrl: string, seen: Set<string>, nowSeconds: number): AssertionCheck {
  const parts = jwt.split(".");
  if (parts.length !== 3) return { ok: false, reason: "the assertion is not a JWT" };
  const [head, body, signature] = parts as [string, string, string];
  let header: { alg?: string; kid?: string };
  let claims: { iss?: string; sub?: string; aud?: string | string[]; exp?: number; jti?: string };
  try {
    header = decode(head) as typeof header;
    claims = decode(body) as typeof claims;
  } catch {
    return { ok: false, reason: "the assertion can't be decoded" };
  }
  if (header.alg !== "RS384" && header.alg !== "ES384") return { ok: false, reason: "alg must be RS384 or ES384" };
  const client = clients.find((c) => c.clientId === claims.iss);
  if (!client || claims.sub !== claims.iss) return { ok: false, reason: "unknown client (iss and sub must be the client_id)" };
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(tokenUrl)) return { ok: false, reason: "aud must be the token URL" };
  if (typeof claims.exp !== "number" || claims.exp <= nowSeconds || claims.exp > nowSeconds + 300 + 5) return { ok: false, reason: "exp must be within the next five minutes" };
  if (!claims.jti || seen.has(`${client.clientId}:${claims.jti}`)) return { ok: false, reason: "jti missing or replayed" };
  const data = Buffer.from(`${head}.${body}`);
  const sig = Buffer.from(signature, "base64url");
  const good = keysOf(client, header.kid).some((key) => {
    const type = key.asymmetricKeyType;
    if ((header.alg === "RS384") !== (type === "rsa")) return false;
    try {
      return verify("sha384", data, type === "ec" ? { key, dsaEncoding: "ieee-p1363" } : key, sig);
    } catch {
      return false;
    }
  });
  if (!good) return { ok: false, reason: "the signature does not verify with the registered key" };
  seen.add(`${client.clientId}:${claims.jti}`);
  return { ok: true, clientId: client.clientId };
}
