import { HandoverError } from "../../contracts/handover-error.js";
import type { TargetCatalog, TargetConnector } from "../../contracts/target.js";
import { realSleep, type Sleep } from "../../support/pause-gate.js";
import { Session, type ThrottleInfo } from "./client.js";
import { unreachableReason } from "./errors.js";
import { MetadataCache, publicTable } from "./metadata.js";
import { readBack } from "./read-back.js";
import { removeRows, restoreRows } from "./remove.js";
import { applySchema } from "./schema.js";
import { findUsers } from "./users.js";
import { writeRows } from "./write.js";

export { msalTokenProvider, sandboxToken, type MsalTokenOptions } from "./auth.js";
export type { ThrottleInfo } from "./client.js";

export interface DataverseTargetOptions {
  /** Org URL (https://contoso.crm.dynamics.com) or the sandbox's; the Web API is under /api/data/v9.2. */
  readonly url: string;
  readonly token: () => Promise<string>;
  /** Publisher prefix of our columns; the key column is `<prefix>_sourcekey`. */
  readonly prefix?: string;
  /** Operations per $batch (Dataverse allows 1000; 100 keeps one batch's retry cheap). */
  readonly batchSize?: number;
  readonly maxRetries?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly onThrottle?: (info: ThrottleInfo) => void;
  /** How long applySchema waits for a new key's index to become Active. */
  readonly keyWaitMs?: number;
}

export const dataverseDefaults = { prefix: "hc", batchSize: 100, maxRetries: 6, keyWaitMs: 300_000 } as const;

export function createDataverseTarget(options: DataverseTargetOptions): TargetConnector {
  const prefix = options.prefix ?? dataverseDefaults.prefix;
  const sourceKeyColumn = `${prefix}_sourcekey`;
  const batchSize = Math.max(1, Math.min(1000, options.batchSize ?? dataverseDefaults.batchSize));
  const sleep: Sleep = options.sleep ?? realSleep;
  const session = new Session({
    url: options.url,
    token: options.token,
    maxRetries: options.maxRetries ?? dataverseDefaults.maxRetries,
    sleep,
    onThrottle: options.onThrottle,
  });
  const metadata = new MetadataCache(session);
  const deps = { session, metadata, sourceKeyColumn, batchSize };

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

    write: (rows) => writeRows(rows, deps),

    async readBack(table, sourceKeys, columns) {
      if (sourceKeys.length === 0) return [];
      return readBack(session, await metadata.table(table), sourceKeyColumn, sourceKeys, columns);
    },

    remove: (table, ids) => removeRows(table, ids, deps),

    restore: (table, images) => restoreRows(table, images, deps),

    findUsers: (emails) => findUsers(session, emails),
  };
}
