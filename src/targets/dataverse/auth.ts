import { ConfidentialClientApplication } from "@azure/msal-node";
import { HandoverError } from "../../contracts/handover-error.js";

export interface MsalTokenOptions {
  readonly tenantId: string;
  readonly clientId: string;
  /** Name of the environment variable holding the client secret (never the secret itself). */
  readonly clientSecretEnv: string;
  /** The Dataverse org URL, e.g. https://contoso.crm.dynamics.com */
  readonly url: string;
}

/**
 * Client-credentials tokens for an app registration (application user in Dataverse).
 * MSAL caches the token and renews it near expiry, so calling this per request is cheap.
 */
export function msalTokenProvider(options: MsalTokenOptions): () => Promise<string> {
  const secret = process.env[options.clientSecretEnv];
  if (!secret) {
    throw new HandoverError("HO-CFG-004", { name: options.clientSecretEnv, purpose: "the Dataverse connection (client secret)" });
  }
  const app = new ConfidentialClientApplication({
    auth: {
      clientId: options.clientId,
      authority: `https://login.microsoftonline.com/${options.tenantId}`,
      clientSecret: secret,
    },
  });
  const scope = `${new URL(options.url).origin}/.default`;
  return async () => {
    const result = await app.acquireTokenByClientCredential({ scopes: [scope] });
    if (!result?.accessToken) throw new HandoverError("HO-TGT-002", { status: "no token" });
    return result.accessToken;
  };
}

/** The local sandbox accepts any bearer token. */
export const sandboxToken = async (): Promise<string> => "sandbox";
