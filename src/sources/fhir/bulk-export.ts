import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { once } from "node:events";
import { join } from "node:path";
import { bulkError } from "./fhir-issues.js";
import { filesDirOf, latestFor, newState, saveState, type ExportState } from "./export-state.js";
import type { TokenProvider } from "./smart-auth.js";

export interface BulkExportOptions {
  readonly baseUrl: string;
  readonly workDir: string;
  readonly auth: TokenProvider;
  readonly fetch: typeof fetch;
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => number;
  readonly types?: readonly string[];
  /** A completed export of the same ask younger than this is read again instead of a new one. */
  readonly reuseForMs: number;
  /** Gives up polling after this long (default six hours). */
  readonly maxWaitMs?: number;
}

/** Retry-After as milliseconds: delay-seconds or an HTTP date; absent or odd → 1 s, capped at 10 min. */
export function retryAfterMs(header: string | null, now: number): number {
  if (header && /^\d+$/.test(header.trim())) return Math.min(Number(header) * 1000, 600_000);
  const date = header ? Date.parse(header) : NaN;
  return Number.isNaN(date) ? 1000 : Math.min(Math.max(date - now, 0), 600_000);
}

/**
 * Runs (or resumes) a system-level Bulk Data export for `_since` and returns its state once
 * every file is saved under `exports/<id>/files`. Follows the IG's async pattern: kick-off
 * (202 + Content-Location), status polls obeying Retry-After until 200 and the manifest, then
 * each output file, with the bearer token when the manifest requires it.
 */
export async function runBulkExport(options: BulkExportOptions, since: string | undefined, fresh = false): Promise<ExportState> {
  const ask = JSON.stringify({ types: options.types ?? [], since: since ?? null });
  const latest = fresh ? undefined : await latestFor(options.workDir, ask);
  const stale = latest?.phase === "complete" && options.now() - (latest.completedAt ?? 0) > options.reuseForMs;
  let state = latest && !stale ? latest : newState(ask, options.now());
  const request = async (url: string, init: { method?: string; headers?: Record<string, string> } = {}, withToken = true): Promise<Response> => {
    for (let attempt = 0; ; attempt += 1) {
      const headers = { ...init.headers, ...(withToken ? { Authorization: `Bearer ${await options.auth.token()}` } : {}) };
      const response = await options.fetch(url, { ...init, headers }).catch((error: unknown) => { throw bulkError(options.baseUrl, "the server did not answer", error); });
      if (response.status === 401 && withToken && attempt === 0) options.auth.invalidate();
      else if ((response.status === 429 || response.status === 503) && attempt < 5) await options.sleep(retryAfterMs(response.headers.get("retry-after"), options.now()));
      else return response;
      await response.body?.cancel().catch(() => undefined);
    }
  };

  if (state.phase === "kick-off" || !state.statusUrl) {
    const params = new URLSearchParams();
    if (options.types?.length) params.set("_type", options.types.join(","));
    if (since) params.set("_since", since);
    const query = params.toString();
    const response = await request(`${options.baseUrl}/$export${query ? `?${query}` : ""}`, { headers: { Accept: "application/fhir+json", Prefer: "respond-async" } });
    await response.body?.cancel().catch(() => undefined);
    const location = response.headers.get("content-location");
    if (response.status !== 202 || !location) throw bulkError(options.baseUrl, `the export kick-off answered HTTP ${response.status}`);
    state = { ...state, phase: "polling", statusUrl: new URL(location, `${options.baseUrl}/`).href };
    await saveState(options.workDir, state);
  }

  const started = options.now();
  while (state.phase === "polling") {
    const response = await request(state.statusUrl as string, { headers: { Accept: "application/json" } });
    if (response.status === 202) {
      await response.body?.cancel().catch(() => undefined);
      if (options.now() - started > (options.maxWaitMs ?? 6 * 3_600_000)) throw bulkError(options.baseUrl, "the export took too long");
      await options.sleep(retryAfterMs(response.headers.get("retry-after"), options.now()));
      continue;
    }
    if (response.status === 404 || response.status === 410) {
      // The server forgot the job (expired or deleted): start over with a new kick-off.
      await response.body?.cancel().catch(() => undefined);
      return runBulkExport(options, since, true);
    }
    const manifest = (await response.json().catch(() => undefined)) as Manifest | undefined;
    if (response.status !== 200 || !manifest || !Array.isArray(manifest.output)) throw bulkError(options.baseUrl, `the export status answered HTTP ${response.status}`);
    state = { ...state, phase: "downloading", transactionTime: manifest.transactionTime, requiresAccessToken: manifest.requiresAccessToken === true, outputs: name(manifest.output), errors: name(manifest.error ?? [], "errors/") };
    await saveState(options.workDir, state);
  }

  const dir = filesDirOf(options.workDir, state.id);
  await mkdir(join(dir, "errors"), { recursive: true });
  for (const output of [...(state.outputs ?? []), ...(state.errors ?? [])]) {
    if (state.downloaded.includes(output.file)) continue;
    const response = await request(output.url, { headers: { Accept: "application/fhir+ndjson" } }, state.requiresAccessToken === true);
    if (!response.ok || !response.body) throw bulkError(options.baseUrl, `an export file answered HTTP ${response.status}`);
    const temp = join(dir, `${output.file}.part`);
    const out = createWriteStream(temp);
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) if (!out.write(chunk)) await once(out, "drain");
      out.end();
      await once(out, "finish");
    } catch (error) {
      out.destroy();
      await rm(temp, { force: true });
      throw bulkError(options.baseUrl, "an export file download broke off", error);
    }
    await rename(temp, join(dir, output.file));
    state = { ...state, downloaded: [...state.downloaded, output.file] };
    await saveState(options.workDir, state);
  }
  if (state.phase !== "complete") {
    state = { ...state, phase: "complete", completedAt: options.now() };
    await saveState(options.workDir, state);
  }
  return state;
}

interface Manifest {
  transactionTime?: string;
  requiresAccessToken?: boolean;
  output: { type?: unknown; url?: unknown }[];
  error?: { type?: unknown; url?: unknown }[];
}

/** Local names `<Type>.<nnn>.ndjson`, numbered per type in manifest order (what the NDJSON source reads). */
function name(entries: readonly { type?: unknown; url?: unknown }[], prefix = ""): { type: string; url: string; file: string }[] {
  const counts = new Map<string, number>();
  return entries.flatMap((entry) => {
    if (typeof entry.url !== "string") return [];
    const type = typeof entry.type === "string" && /^[A-Z][A-Za-z]+$/.test(entry.type) ? entry.type : "Unknown";
    const n = counts.get(type) ?? 0;
    counts.set(type, n + 1);
    return [{ type, url: entry.url, file: `${prefix}${type}.${String(n).padStart(3, "0")}.ndjson` }];
  });
}
