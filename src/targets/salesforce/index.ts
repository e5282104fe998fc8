/**
 * The Salesforce target: a TargetConnector over jsforce (REST, sObject Collections, Bulk API
 * 2.0, Tooling API). No jsforce type crosses this module's exports.
 *
 * Proxy: jsforce reads `https_proxy`/`http_proxy` (and upper-case) when first imported and sends
 * all traffic through that proxy, ignoring NO_PROXY. It is imported lazily, at the first call;
 * callers that must reach the org (or a local sandbox) directly clear those variables first.
 */
import { HandoverError } from "../../contracts/handover-error.js";
import type { TargetCatalog, TargetConnector } from "../../contracts/target.js";
import { realSleep, type Sleep } from "../../support/pause-gate.js";
import { Budget, type BudgetOptions } from "./budget.js";
import { unreachableReason } from "./errors.js";
import { estimateRequests, readDailyAllocation } from "./estimate.js";
import { exportMetadataZip } from "./metadata-export.js";
import { MetadataCache, publicTable } from "./metadata.js";
import { applyFieldSecurity } from "./field-security.js";
import { NOTE_LIMITS } from "./notes-limits.js";
import { readNotes, isNoteTable } from "./notes-read.js";
import { writeNotes } from "./notes.js";
import { readBack } from "./read-back.js";
import { removeRows, restoreRows } from "./remove.js";
import { applySchema } from "./schema.js";
import { Session, type SalesforceAuth } from "./session.js";
import { findUsers } from "./users.js";
import { writeRows } from "./write.js";

export type { SalesforceAuth } from "./session.js";
export type { BudgetOptions } from "./budget.js";
export { estimateRequests as estimateSalesforceRequests, type SalesforceRequestPlan } from "./estimate.js";

export interface SalesforceTargetOptions {
  /** With `accessToken`: the org's instance URL (https://mydomain.my.salesforce.com) or the sandbox's. */
  readonly instanceUrl?: string;
  readonly accessToken?: string;
  /** Or a login the connector performs itself (secrets come from the caller, who reads the environment). */
  readonly auth?: SalesforceAuth;
  /** REST API version (default "60.0"; jsforce's own default is far older). */
  readonly apiVersion?: string;
  /** Rows of one table per write() above which Bulk API 2.0 is used (default 2000). */
  readonly collectionThreshold?: number;
  /** Bulk job status polling interval (default 2000 ms) and give-up time (default 10 min). */
  readonly pollMs?: number;
  readonly pollTimeoutMs?: number;
  /** Share of the daily API allocation kept for the org's users (default 0.2). */
  readonly budget?: BudgetOptions;
  /** Daily API allocation assumed by estimateRequests (default 15,000, a Developer Edition org). */
  readonly entitlement?: number;
  /** Send CreatedDate & co. on insert: "auto" (default) when the org grants "Set Audit Fields upon Record Creation". */
  readonly auditFields?: boolean | "auto";
  /** Collections requests in flight at once per table (default 4). */
  readonly parallel?: number;
  readonly maxRetries?: number;
  readonly sleep?: Sleep;
  /** Told which path carried each table's rows in write() (stats, tests). */
  readonly onWritePath?: (path: "collections" | "bulk", table: string, rows: number) => void;
}

export const salesforceDefaults = {
  apiVersion: "60.0", keyField: "Handover_Source_Key__c", collectionThreshold: 2000, pollMs: 2000, pollTimeoutMs: 600_000,
  entitlement: 15_000, parallel: 4, maxRetries: 4,
} as const;

export function createSalesforceTarget(options: SalesforceTargetOptions): TargetConnector {
  const keyField = salesforceDefaults.keyField;
  const sleep = options.sleep ?? realSleep;
  const budget = new Budget(options.budget);
  const session = new Session({
    instanceUrl: options.instanceUrl, accessToken: options.accessToken, auth: options.auth, budget, sleep,
    apiVersion: options.apiVersion ?? salesforceDefaults.apiVersion, maxRetries: options.maxRetries ?? salesforceDefaults.maxRetries,
  });
  const metadata = new MetadataCache(session);
  const deps = { session, metadata, keyField };
  const entitlement = options.entitlement ?? salesforceDefaults.entitlement;
  const collectionThreshold = options.collectionThreshold ?? salesforceDefaults.collectionThreshold;
  const writeDeps = {
    ...deps, collectionThreshold, sleep, auditFields: options.auditFields ?? "auto" as const,
    bulk: { pollMs: options.pollMs ?? salesforceDefaults.pollMs, pollTimeoutMs: options.pollTimeoutMs ?? salesforceDefaults.pollTimeoutMs },
    parallel: options.parallel ?? salesforceDefaults.parallel, retryRounds: 3, onPath: options.onWritePath,
  };

  const connector: TargetConnector & { readDailyAllocation(): Promise<number> } = {
    id: "salesforce",
    capabilities: { sourceKeyColumn: keyField, maxBatchSize: 200, userTable: "User" },

    async check() {
      try {
        // Few retries: a wrong URL should fail fast, not after jsforce's and our backoff.
        await session.call((conn) => conn.request({ method: "GET", url: "/limits" }, { retry: { maxRetries: 0 } }), { retries: 0 });
      } catch (error) {
        if (error instanceof HandoverError) throw error;
        throw new HandoverError("HO-TGT-001", { reason: unreachableReason(error) }, { cause: error });
      }
    },

    async describe(tables): Promise<TargetCatalog> {
      const metas = await Promise.all(tables.map((t) => metadata.object(t)));
      return { tables: await Promise.all(metas.map(async (meta) => {
        const table = publicTable(meta);
        if (meta.name !== "ContentNote") return table;
        // A note takes no custom fields: ours (the key among them) live on its ContentVersion,
        // and that is where readBack and writeNotes find them.
        const version = publicTable(await metadata.object("ContentVersion"));
        return { ...table, columns: [...table.columns, ...version.columns.filter((c) => c.custom)], keys: [...table.keys, ...version.keys] };
      })) };
    },

    applySchema: (plan) => applySchema(plan, deps),
    write: (rows, writeOptions) => writeRows(rows, writeDeps, writeOptions?.existing),
    readBack: (table, sourceKeys, columns) => isNoteTable(table)
      ? readNotes(table, sourceKeys, columns, deps)
      : readBack(table, sourceKeys, columns, deps),
    remove: (_table, ids) => removeRows(ids, deps),
    restore: (table, images) => restoreRows(table, images, deps),
    findUsers: (emails) => findUsers(session, emails),
    writeNotes: (rows, noteOptions) => writeNotes(rows, { ...deps, auditFields: writeDeps.auditFields }, noteOptions),
    noteLimits: async () => NOTE_LIMITS,
    applyFieldSecurity: (plan) => applyFieldSecurity(plan, deps),
    exportSchema: (plan, format, version) => {
      if (format !== "metadata") throw new HandoverError("HO-CLI-002", { option: "--format", reason: "Salesforce exports 'metadata'" });
      const apiVersion = options.apiVersion ?? salesforceDefaults.apiVersion;
      return { fileName: `handover-metadata_${version.replace(/[^\w.-]/g, "_")}.zip`, bytes: exportMetadataZip(plan, { apiVersion, keyField }) };
    },
    estimateRequests: (tables, pageSize) => estimateRequests({ tables, pageSize, collectionThreshold, entitlement }),
    /** The org's daily API allocation (`GET /limits` → DailyApiRequests.Max), for the plan to show. */
    readDailyAllocation: () => readDailyAllocation(session),
  };
  return connector;
}

