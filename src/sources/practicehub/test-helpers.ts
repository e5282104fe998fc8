/** Test wiring: a PracticeHub sandbox on a free port and a source pointed at its global base URL. */
import { defaultApiKey, startPracticeHubSandbox } from "../../../sandbox/practicehub/index.js";
import type { PageRequest, PracticeHubSandbox, PracticeHubSandboxOptions, PracticeHubStats } from "../../../sandbox/practicehub/index.js";
import type { SourceConnector, SourceItem, SourceRecord, Checkpoint } from "../../contracts/source.js";
import { createPracticeHubSource, type PracticeHubSourceOptions } from "./practicehub-source.js";

export interface Harness {
  readonly sandbox: PracticeHubSandbox;
  /** A new source on the sandbox (each has its own pacing gate, as a new process would). */
  source(overrides?: Partial<PracticeHubSourceOptions>): SourceConnector;
  /** POSTs a `/_sandbox/*` control over HTTP and returns its JSON answer. */
  control<T = unknown>(name: string, body?: unknown): Promise<T>;
  stats(): Promise<PracticeHubStats>;
  close(): Promise<void>;
}

export async function startHarness(sandboxOptions: PracticeHubSandboxOptions, sourceOptions: Partial<PracticeHubSourceOptions> = {}): Promise<Harness> {
  const sandbox = await startPracticeHubSandbox(sandboxOptions);
  return {
    sandbox,
    source: (overrides = {}) =>
      createPracticeHubSource({ baseUrl: sandbox.url, apiKey: defaultApiKey, ratePerSecond: sandboxOptions.rateLimitPerSecond ?? 1, ...sourceOptions, ...overrides }),
    async control<T>(name: string, body: unknown = {}) {
      const response = await fetch(`${sandbox.url}/_sandbox/${name}`, { method: "POST", body: JSON.stringify(body) });
      return (await response.json()) as T;
    },
    async stats() {
      return (await (await fetch(`${sandbox.url}/_sandbox/stats`)).json()) as PracticeHubStats;
    },
    close: () => sandbox.close(),
  };
}

export interface Collected {
  readonly records: SourceRecord[];
  readonly checkpoints: Checkpoint[];
  readonly issues: SourceItem[];
  readonly deleted: string[];
}

/** Drains a read; stops right after the `stopAfterCheckpoints`-th checkpoint, like an interrupted run. */
export async function collect(items: AsyncIterable<SourceItem>, stopAfterCheckpoints = Infinity): Promise<Collected> {
  const out: Collected = { records: [], checkpoints: [], issues: [], deleted: [] };
  for await (const item of items) {
    if (item.kind === "record") out.records.push(item);
    else if (item.kind === "deleted") out.deleted.push(item.key);
    else if (item.kind === "issue") out.issues.push(item);
    else {
      out.checkpoints.push(item);
      if (out.checkpoints.length >= stopAfterCheckpoints) break;
    }
  }
  return out;
}

export const pagesOf = (stats: PracticeHubStats, object: string): PageRequest[] => stats.pages.filter((p) => p.object === object);
