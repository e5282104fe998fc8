import { HandoverError } from "../../contracts/handover-error.js";
import type { TargetCatalog, TargetConnector } from "../../contracts/target.js";
import { realSleep, type Sleep } from "../../support/pause-gate.js";
import { bulkSettings, type BulkOptions } from "./bulk-write.js";
import { sessionPool, type ThrottleInfo } from "./client.js";
import type { GovernorOptions } from "./governor.js";
import { unreachableReason } from "./errors.js";
import { MetadataCache, publicTable } from "./metadata.js";
import { readBack } from "./read-back.js";
import { removeRows, restoreRows } from "./remove.js";
import { NOTE_TABLE, writeNotes } from "./annotations.js";
import { readMaxUploadBytes } from "./annotations-files.js";
import { NOTE_TEXT_MAX } from "./long-text.js";
import type { DocumentLocationConfig } from "./annotations-location.js";
import { applyFieldSecurity } from "./field-security-apply.js";
import { applySchema } from "./schema.js";
import { findUsers } from "./users.js";
import { countCustomTables } from "./custom-tables.js";
import { estimateRequests } from "./entitlement.js";
import { exportMetadata } from "./export-metadata.js";
import { exportSolution } from "./solution-export.js";
import { writeRows, type WritePath } from "./write.js";

export { msalTokenProvider, sandboxToken, type MsalTokenOptions } from "./auth.js";
export type { ThrottleInfo } from "./client.js";
export type { GovernorOptions } from "./governor.js";
export type { BulkOptions } from "./bulk-write.js";
export type { WritePath } from "./write.js";
export type { DocumentLocationConfig } from "./annotations-location.js";
export { exportSolution, SolutionExportError, type SolutionOptions } from "./solution-export.js";
export { exportMetadata, type MetadataExport } from "./export-metadata.js";
export { estimateRequests, entitlements, type RequestEstimate, type RequestPlan } from "./entitlement.js";

export interface DataverseTargetOptions {
  /** Org URL (https://contoso.crm.dynamics.com) or the sandbox's; the Web API is under /api/data/v9.2. */
  readonly url: string;
  /** The solution publisher's option value prefix (10000–99999) for exported solutions. */
  readonly optionValuePrefix?: number;
  /** Requests per 24 h the running identity may send (default: the 500,000 application-user pool). */
  readonly entitlement?: number;
  /** One Dataverse user. Give `token`, or `tokens`/`users` for several (at least one overall). */
  readonly token?: () => Promise<string>;
  /** Several application users sharing the load: each gets its own governor and Retry-After
   * pause, since service protection limits apply per user. */
  readonly tokens?: readonly (() => Promise<string>)[];
  readonly users?: readonly { readonly token: () => Promise<string> }[];
  /** Adaptive concurrency per user (defaults: start 2, max 52; see governor.ts). */
  readonly governor?: GovernorOptions;
  /** UpsertMultiple for tables with many rows in one write() (default from 10 rows, 100 per
   * request); false = always $batch. */
  readonly bulk?: BulkOptions | false;
  /** Told which request type carried each chunk of a write (stats, tests). */
  readonly onWritePath?: (path: WritePath, rows: number) => void;
  /** Publisher prefix of our columns; the key column is `<prefix>_sourcekey`. */
  readonly prefix?: string;
  /** Operations per $batch (Dataverse allows 1000; 100 keeps one batch's retry cheap). */
  readonly batchSize?: number;
  readonly maxRetries?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly onThrottle?: (info: ThrottleInfo) => void;
  /** How long applySchema waits for a new key's index to become Active. */
  readonly keyWaitMs?: number;
  /** Where writeNotes links files too large for a note (oversizeFiles: "link"). */
  readonly documentLocation?: DocumentLocationConfig;
}

export const dataverseDefaults = { prefix: "hc", batchSize: 100, maxRetries: 6, keyWaitMs: 300_000 } as const;

export function createDataverseTarget(options: DataverseTargetOptions): TargetConnector {
  const prefix = options.prefix ?? dataverseDefaults.prefix;
  const sourceKeyColumn = `${prefix}_sourcekey`;
  const batchSize = Math.max(1, Math.min(1000, options.batchSize ?? dataverseDefaults.batchSize));
  const sleep: Sleep = options.sleep ?? realSleep;
  const tokens = [...(options.token ? [options.token] : []), ...(options.tokens ?? []), ...(options.users ?? []).map((u) => u.token)];
  if (tokens.length === 0) throw new Error("createDataverseTarget: give token, tokens or users");
  const pool = sessionPool(tokens, {
    url: options.url,
    maxRetries: options.maxRetries ?? dataverseDefaults.maxRetries,
    sleep,
    onThrottle: options.onThrottle,
    governor: options.governor,
  });
  const session = pool.primary;
  const metadata = new MetadataCache(session);
  const deps = { session, pool, metadata, sourceKeyColumn, batchSize, bulk: bulkSettings(options.bulk), onPath: options.onWritePath };

  return {
    id: "dataverse",
    capabilities: { sourceKeyColumn, maxBatchSize: batchSize, userTable: "systemuser" },

    async check() {
      try {
        // Few retries: a wrong URL should fail fast, not after a minute of backoff.
        await session.call((api) => api.callFunction("WhoAmI"), 2);
      } catch (error) {
        if (error instanceof HandoverError) throw error;
        // Network failure, or an answer that isn't a Dataverse Web API (wrong URL): unreachable.
        throw new HandoverError("HO-TGT-001", { reason: unreachableReason(error) }, { cause: error });
      }
    },

    async describe(tables): Promise<TargetCatalog> {
      const metas = await Promise.all(tables.map((t) => metadata.table(t)));
      return { tables: metas.map(publicTable) };
    },

    applySchema: (plan) => applySchema(plan, { session, metadata, sleep, keyWaitMs: options.keyWaitMs ?? dataverseDefaults.keyWaitMs }),

    write: (rows, writeOptions) => writeRows(rows, deps, writeOptions?.existing),

    async readBack(table, sourceKeys, columns) {
      if (sourceKeys.length === 0) return [];
      const meta = await metadata.table(table);
      return pool.use((s) => readBack(s, meta, sourceKeyColumn, sourceKeys, columns));
    },

    remove: (table, ids) => removeRows(table, ids, deps),

    restore: (table, images) => restoreRows(table, images, deps),

    findUsers: (emails) => findUsers(session, emails),

    writeNotes: (rows, noteOptions) =>
      writeNotes(rows, { session, metadata, sourceKeyColumn, batchSize, documentLocation: options.documentLocation }, noteOptions),

    async noteLimits() {
      const meta = await metadata.table(NOTE_TABLE);
      const maxUpload = await readMaxUploadBytes(session);
      // The org limit applies to the Base64 text: 4 characters carry 3 bytes.
      return { table: NOTE_TABLE, maxTextLength: meta.columns.find((c) => c.name === "notetext")?.maxLength ?? NOTE_TEXT_MAX, maxFileBytes: Math.floor(maxUpload / 4) * 3 };
    },

    applyFieldSecurity: (plan) => applyFieldSecurity(plan, { session, metadata }),
    countCustomTables: () => countCustomTables(session),
    exportMetadata: (tables) => exportMetadata(session, tables),
    exportSchema: (plan, format, version) => {
      if (format !== "solution") throw new HandoverError("HO-CLI-002", { option: "--format", reason: "Dataverse exports 'solution'" });
      const uniqueName = `${prefix}migration`;
      return {
        fileName: `${uniqueName}_${version.replace(/\./g, "_")}.zip`,
        bytes: exportSolution(plan, {
          uniqueName, displayName: "Handover migration schema", version,
          publisher: { uniqueName: `${prefix}publisher`, displayName: "Handover", prefix, optionValuePrefix: options.optionValuePrefix ?? 10000 },
        }),
      };
    },
    estimateRequests: (tables, pageSize) => {
      const estimate = estimateRequests({ tables, batchSize: pageSize, opsPerBatch: batchSize, ...(options.entitlement ? { entitlement: options.entitlement } : {}) });
      return { ...estimate, breakdown: { ...estimate.breakdown } };
    },
  };
}
