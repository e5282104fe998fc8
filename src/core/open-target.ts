import type { HandoverConfig } from "../config/handover-config.js";
import type { TargetConnector } from "../contracts/target.js";
import { HandoverError } from "../contracts/handover-error.js";
import { createDataverseTarget, msalTokenProvider, sandboxToken } from "../targets/dataverse/index.js";
import { createSalesforceTarget } from "../targets/salesforce/index.js";
import { dataverseTemplate } from "./map/templates/dataverse.js";
import { salesforceTemplate } from "./map/templates/salesforce.js";
import type { TargetTemplate } from "./map/templates/template.js";

/** The local sandboxes accept any client; this one names us in their logs. */
const SANDBOX_CLIENT = { clientId: "handover-sandbox", clientSecret: "sandbox" };

/** A secret from the environment variable handover.yaml names; never from the file itself. */
function secret(name: string, purpose: string): string {
  const value = process.env[name];
  if (!value) throw new HandoverError("HO-CFG-004", { name, purpose });
  return value;
}

/** The configured target and the template the map lands on it with. */
export function openTarget(config: HandoverConfig): { target: TargetConnector; template: TargetTemplate } {
  const t = config.target;
  if (t.kind === "salesforce") {
    const auth = t.auth.kind === "sandbox"
      ? { kind: "client-credentials" as const, loginUrl: t.url, ...SANDBOX_CLIENT }
      : t.auth.kind === "client-credentials"
        ? { kind: "client-credentials" as const, loginUrl: t.url, clientId: t.auth.clientId, clientSecret: secret(t.auth.clientSecretEnv, "the Salesforce connection (client secret)") }
        : { kind: "jwt" as const, loginUrl: t.url, clientId: t.auth.clientId, username: t.auth.username, privateKey: secret(t.auth.privateKeyEnv, "the Salesforce connection (JWT signing key)") };
    const target = createSalesforceTarget({ auth, apiVersion: t.apiVersion, collectionThreshold: t.bulkThreshold, budget: { reserveShare: t.reserveShare } });
    return { target, template: salesforceTemplate() };
  }
  const token = t.auth.kind === "sandbox" ? sandboxToken : msalTokenProvider({ ...t.auth, url: t.url });
  const target = createDataverseTarget({
    url: t.url, token, prefix: t.prefix, batchSize: config.options.batchSize,
    ...(t.dailyRequestEntitlement ? { entitlement: t.dailyRequestEntitlement } : {}),
    governor: { maxRequests: t.requestLimit.requests, windowMs: t.requestLimit.windowSeconds * 1000 },
    ...(t.documentLocation ? { documentLocation: t.documentLocation } : {}),
  });
  return { target, template: dataverseTemplate(t.prefix, { practiceLinks: t.practiceLinks }) };
}
