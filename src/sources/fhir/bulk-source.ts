import { readdir } from "node:fs/promises";
import type { ReadOptions, SourceCatalog, SourceConnector, SourceItem } from "../../contracts/source.js";
import { HandoverError } from "../../contracts/handover-error.js";
import { createFileAccess } from "../export/file-access.js";
import { runBulkExport } from "./bulk-export.js";
import { filesDirOf, loadState, type ExportState } from "./export-state.js";
import { bulkError } from "./fhir-issues.js";
import { createFhirNdjsonSource } from "./ndjson-source.js";
import { resourceTypeOf } from "./resource-tables.js";
import { createTokenProvider } from "./smart-auth.js";

export interface FhirBulkSourceOptions {
  /** FHIR base URL, e.g. https://ehr.example.org/fhir (no trailing slash needed). */
  readonly baseUrl: string;
  readonly clientId: string;
  /** PEM private key registered (as its public half) with the server: RSA → RS384, EC P-384 → ES384. */
  readonly privateKey: string;
  /** Token endpoint; discovered from `.well-known/smart-configuration` when absent. */
  readonly tokenUrl?: string;
  readonly kid?: string;
  /** Attachment bytes, content-addressed; statFile/readFile serve paths relative to it. */
  readonly filesDir: string;
  /** Export state and downloaded NDJSON; keep it between runs so a killed run resumes. */
  readonly workDir: string;
  /** `_type`: resource types to export; all the server has by default. */
  readonly types?: readonly string[];
  /** `_since` for reads that bring no delta cursor of their own (an ISO instant). */
  readonly since?: string;
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  /** A finished export younger than this serves later reads (discover, then each table); 15 minutes by default. 0: every read exports afresh. */
  readonly reuseExportForMs?: number;
  readonly checkpointEvery?: number;
}

/**
 * `_since` for a delta cursor: one second before it. The IG's `_since` is strict ("later than")
 * and servers may round it to seconds, while our contract is "at or after"; the NDJSON reader
 * then drops what is older than the cursor, and the tie-break, exactly.
 */
export function sinceFor(at: string): string {
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? at : new Date(ms - 1000).toISOString();
}

/**
 * A FHIR server's Bulk Data export as a SourceConnector: SMART Backend Services auth, a
 * system-level `$export` saved under `workDir`, read through the NDJSON source. Deltas ask the
 * server with `_since`; deletions aren't exported, so the core finds them by comparing key sets.
 *
 * @example createFhirBulkSource({ baseUrl, clientId, privateKey, filesDir: "work/files", workDir: "work/fhir" })
 */
export function createFhirBulkSource(options: FhirBulkSourceOptions): SourceConnector {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const auth = createTokenProvider({ baseUrl, clientId: options.clientId, privateKey: options.privateKey, fetch: doFetch, now,
    ...(options.tokenUrl ? { tokenUrl: options.tokenUrl } : {}), ...(options.kid ? { kid: options.kid } : {}) });
  const files = createFileAccess(options.filesDir);
  const origin = new URL(baseUrl).origin;
  const running = new Map<string, Promise<ExportState>>();

  /** One export per ask at a time in this process: concurrent reads share it. */
  function exportFor(since: string | undefined): Promise<ExportState> {
    const key = since ?? "";
    const existing = running.get(key);
    if (existing) return existing;
    const started = runBulkExport({
      baseUrl, workDir: options.workDir, auth, fetch: doFetch, now, reuseForMs: options.reuseExportForMs ?? 15 * 60_000,
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))), ...(options.types ? { types: options.types } : {}),
    }, since).finally(() => running.delete(key));
    running.set(key, started);
    return started;
  }

  function ndjson(state: ExportState) {
    return createFhirNdjsonSource({
      root: filesDirOf(options.workDir, state.id), filesDir: options.filesDir, id: "fhir-bulk", stamp: { exportId: state.id },
      fetch: doFetch, attachmentBaseUrl: baseUrl,
      headersFor: async (url): Promise<Record<string, string>> => (url.origin === origin ? { Authorization: `Bearer ${await auth.token()}` } : {}),
      ...(options.checkpointEvery !== undefined ? { checkpointEvery: options.checkpointEvery } : {}),
    });
  }

  const hasFiles = async (state: ExportState) => (await readdir(filesDirOf(options.workDir, state.id)).catch(() => [])).some((f) => f.endsWith(".ndjson"));

  return {
    id: "fhir-bulk",
    capabilities: { changedSince: true, tombstones: false },

    async check(): Promise<void> {
      const response = await doFetch(`${baseUrl}/metadata`, { headers: { Accept: "application/fhir+json", Authorization: `Bearer ${await auth.token()}` } })
        .catch((error: unknown) => { throw bulkError(baseUrl, "the server did not answer", error); });
      await response.body?.cancel().catch(() => undefined);
      if (!response.ok) throw bulkError(baseUrl, `metadata answered HTTP ${response.status}`);
    },

    async discover(): Promise<SourceCatalog> {
      const state = await exportFor(options.since);
      if (!(await hasFiles(state))) return { sourceId: "fhir-bulk", profile: "fhir-r4", tables: [] };
      return { ...(await ndjson(state).discover()), sourceId: "fhir-bulk" };
    },

    read(table: string, read?: ReadOptions): AsyncIterable<SourceItem> {
      return (async function* () {
        const type = resourceTypeOf(table);
        if (options.types && !options.types.includes(type)) throw new HandoverError("HO-SRC-006", { path: baseUrl, table });
        let state: ExportState | undefined;
        if (read?.after) {
          const id = read.after.position.exportId;
          state = typeof id === "string" ? await loadState(options.workDir, id) : undefined;
          if (state?.phase !== "complete") throw new HandoverError("HO-SRC-008", { file: table, reason: "its export is no longer in the work folder" });
        } else state = await exportFor(read?.changedSince ? sinceFor(read.changedSince.at) : options.since);
        // A type the export has no file for had nothing to export (or nothing changed): an empty table.
        if (!state.outputs?.some((o) => o.type === type)) return;
        yield* ndjson(state).read(table, read);
      })();
    },

    statFile: (path: string) => files.stat(path),
    readFile: (path: string) => files.read(path),
  };
}
