import { join } from "node:path";
import { startDataverseSandbox, type SeedUser } from "../../../sandbox/dataverse/index.js";
import { startSalesforceSandbox } from "../../../sandbox/salesforce/index.js";

export type DemoTargetKind = "dataverse" | "salesforce";

/** A running local sandbox for the demo and the handover.yaml target section that points at it. */
export interface DemoTarget {
  readonly label: string;
  readonly url: string;
  readonly config: Record<string, unknown>;
  close(): Promise<void>;
}

/** crm-users.json (Dataverse systemuser shape) as Salesforce sandbox users. */
export function salesforceUsers(users: readonly SeedUser[]): { email: string; name: string; isActive: boolean }[] {
  return users.map((u) => ({ email: u.internalemailaddress, name: u.fullname ?? [u.firstname, u.lastname].filter(Boolean).join(" "), isActive: !u.isdisabled }));
}

/**
 * Starts the demo's sandbox, state kept under the workspace. The Salesforce org grants "Set Audit
 * Fields upon Record Creation", as a migration org should, so records keep their original dates.
 */
export async function startDemoTarget(kind: DemoTargetKind, root: string, users: readonly SeedUser[]): Promise<DemoTarget> {
  if (kind === "salesforce") {
    const sandbox = await startSalesforceSandbox({ port: 0, dataFile: join(root, ".handover", "demo", "salesforce-sandbox.json"), users: salesforceUsers(users), auditFieldsGranted: true });
    return { label: "Salesforce REST + Bulk API 2.0", url: sandbox.url, config: { kind: "salesforce", url: sandbox.url, auth: { kind: "sandbox" } }, close: () => sandbox.close() };
  }
  const sandbox = await startDataverseSandbox({ port: 0, dataFile: join(root, ".handover", "demo", "dataverse-sandbox.json"), users });
  return { label: "Dataverse Web API", url: sandbox.url, config: { kind: "dataverse", url: sandbox.url, auth: { kind: "sandbox" } }, close: () => sandbox.close() };
}
