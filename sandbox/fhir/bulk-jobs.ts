import { randomUUID } from "node:crypto";
import type { ResourceStore } from "./resource-store.js";

export interface JobOptions {
  /** Status polls answered 202 before the manifest (default 2). */
  readonly pollsBeforeReady: number;
  readonly retryAfterSeconds: number;
  /** Resources per output file; more make `Type.000`, `Type.001`… (default 1000). */
  readonly maxResourcesPerFile: number;
  /** Raw lines appended to every export of a type (bad input for reader tests). */
  readonly extraLines?: Readonly<Record<string, readonly string[]>>;
}

interface Job {
  readonly id: string;
  readonly request: string;
  readonly transactionTime: string;
  polls: number;
  readonly files: { readonly type: string; readonly name: string; readonly body: string; readonly count: number }[];
}

export type KickOff = { readonly ok: true; readonly id: string } | { readonly ok: false; readonly status: number; readonly reason: string };

const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Bulk Data export jobs, per the IG's async pattern: the kick-off snapshots the matching
 * resources (so later changes don't leak into a running export), the status answers 202 for
 * the configured number of polls, then the manifest; the files stay until the job is deleted.
 * `_since` keeps resources whose meta.lastUpdated is later than it, as the IG says.
 */
export class BulkJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly store: ResourceStore, private readonly options: JobOptions) {}

  kickOff(request: string, params: URLSearchParams, now: Date): KickOff {
    const known = [...this.store.byType.keys()];
    const types = (params.get("_type") ?? "").split(",").map((t) => t.trim()).filter((t) => t !== "");
    const unknown = types.find((t) => !/^[A-Z][A-Za-z]+$/.test(t));
    if (unknown) return { ok: false, status: 400, reason: "_type holds something that is not a resource type" };
    const format = params.get("_outputFormat");
    if (format && !["application/fhir+ndjson", "application/ndjson", "ndjson"].includes(format)) return { ok: false, status: 400, reason: "unsupported _outputFormat" };
    const since = params.get("_since");
    if (since !== null && !instant.test(since)) return { ok: false, status: 400, reason: "_since must be a FHIR instant" };
    const sinceMs = since === null ? undefined : Date.parse(since);
    const id = randomUUID();
    const files: Job["files"] = [];
    for (const type of (types.length > 0 ? types : known).filter((t) => known.includes(t)).sort()) {
      const lines: string[] = [];
      for (const resource of this.store.byType.get(type)?.values() ?? []) {
        const updated = Date.parse(resource.meta?.lastUpdated ?? "");
        if (sinceMs === undefined || updated > sinceMs) lines.push(JSON.stringify(resource));
      }
      lines.push(...(this.options.extraLines?.[type] ?? []));
      for (let part = 0; part * this.options.maxResourcesPerFile < lines.length; part += 1) {
        const chunk = lines.slice(part * this.options.maxResourcesPerFile, (part + 1) * this.options.maxResourcesPerFile);
        files.push({ type, name: `${type}.${String(part).padStart(3, "0")}.ndjson`, body: `${chunk.join("\n")}\n`, count: chunk.length });
      }
    }
    this.jobs.set(id, { id, request, transactionTime: now.toISOString(), polls: 0, files });
    return { ok: true, id };
  }

  /** 202 with Retry-After and X-Progress while "in progress", then the manifest; undefined for an unknown job. */
  status(id: string, fileUrl: (job: string, name: string) => string): { status: 202; progress: string; retryAfter: number } | { status: 200; manifest: unknown } | undefined {
    const job = this.jobs.get(id);
    if (!job) return undefined;
    if (job.polls < this.options.pollsBeforeReady) {
      job.polls += 1;
      return { status: 202, progress: `${Math.round((100 * job.polls) / (this.options.pollsBeforeReady + 1))}%`, retryAfter: this.options.retryAfterSeconds };
    }
    return {
      status: 200,
      manifest: {
        transactionTime: job.transactionTime, request: job.request, requiresAccessToken: true,
        output: job.files.map((f) => ({ type: f.type, url: fileUrl(job.id, f.name), count: f.count })), error: [],
      },
    };
  }

  file(id: string, name: string): string | undefined {
    return this.jobs.get(id)?.files.find((f) => f.name === name)?.body;
  }

  delete(id: string): boolean {
    return this.jobs.delete(id);
  }
}
