/**
 * Bulk API 2.0 ingest jobs: Open → UploadComplete → InProgress → JobComplete | Failed
 * (or Aborted). Processing runs asynchronously in slices so pollers see InProgress; each
 * slice holds its parent locks like a request does. Jobs live in memory only.
 */
import { SfError } from "./errors.js";
import type { RecordError } from "./errors.js";
import { applyRow } from "./bulk-process.js";
import type { IngestOperation } from "./bulk-process.js";
import { DELIMITERS, parseCsv } from "./bulk-csv.js";
import { attempt } from "./dml.js";
import type { LockTable } from "./locks.js";
import { findField, findRelationship } from "./object-def.js";
import type { OrgStore } from "./store.js";
import { formatDateTime } from "./values.js";

export type JobState = "Open" | "UploadComplete" | "InProgress" | "JobComplete" | "Failed" | "Aborted";

export interface IngestJob {
  readonly id: string;
  readonly object: string;
  readonly operation: IngestOperation;
  readonly externalIdFieldName?: string;
  readonly lineEnding: "LF" | "CRLF";
  readonly columnDelimiter: string;
  readonly createdById: string;
  readonly createdDate: string;
  readonly apiVersion: number;
  state: JobState;
  systemModstamp: string;
  data?: Buffer;
  processed: number;
  failed: number;
  errorMessage?: string;
  header: string[];
  successful: string[][];
  failures: string[][];
  unprocessed: string[][];
  processingMs: number;
}

const OPERATIONS: readonly IngestOperation[] = ["insert", "update", "upsert", "delete", "hardDelete"];
const SLICE = 500;
const badJob = (code: string, message: string): SfError => new SfError(400, code, message);

export class BulkJobs {
  private readonly jobs = new Map<string, IngestJob>();
  /** Internal 10k-record batches processed (DailyBulkApiBatches). */
  batchesUsed = 0;

  constructor(private readonly store: OrgStore, private readonly locks: LockTable) {}

  list(): IngestJob[] {
    return [...this.jobs.values()];
  }

  get(id: string): IngestJob {
    const job = this.jobs.get(id);
    if (!job) throw new SfError(404, "NOT_FOUND", "The requested resource does not exist");
    return job;
  }

  create(userId: string, version: string, body: Readonly<Record<string, unknown>>): IngestJob {
    const operation = body.operation as IngestOperation;
    if (!OPERATIONS.includes(operation)) throw badJob("INVALIDJOB", `InvalidJob : Invalid operation: ${String(body.operation)}`);
    const obj = this.store.object(String(body.object ?? ""));
    if (!obj) throw badJob("INVALIDENTITY", `InvalidEntity : Entity '${String(body.object)}' is not supported by the Bulk API.`);
    if (operation === "hardDelete") throw badJob("FEATURENOTENABLED", "Feature is not enabled for this org: hardDelete (Bulk API Hard Delete permission)");
    const ext = typeof body.externalIdFieldName === "string" ? body.externalIdFieldName : undefined;
    if (operation === "upsert" && !ext) throw badJob("INVALIDJOB", "InvalidJob : External ID was blank for Upsert operation.");
    const extField = ext === undefined ? undefined : findField(obj, ext);
    if (ext !== undefined && (!extField || !(extField.externalId || extField.idLookup))) {
      throw badJob("INVALIDJOB", `InvalidJob : Field name provided, ${ext} does not match an External ID, Salesforce Id, or indexed field for ${obj.name}`);
    }
    const delimiter = String(body.columnDelimiter ?? "COMMA");
    if (!(delimiter in DELIMITERS)) throw badJob("INVALIDJOB", `InvalidJob : Invalid column delimiter: ${delimiter}`);
    const lineEnding = body.lineEnding === "CRLF" ? "CRLF" : "LF";
    const now = formatDateTime(new Date());
    const job: IngestJob = {
      id: this.store.newId("750"), object: obj.name, operation, externalIdFieldName: extField?.name, lineEnding, columnDelimiter: delimiter,
      createdById: userId, createdDate: now, apiVersion: Number(version), state: "Open", systemModstamp: now, processed: 0, failed: 0,
      header: [], successful: [], failures: [], unprocessed: [], processingMs: 0,
    };
    this.jobs.set(job.id, job);
    return job;
  }

  upload(id: string, data: Buffer): void {
    const job = this.get(id);
    if (job.state !== "Open") throw new SfError(409, "INVALIDJOBSTATE", `Job with state ${job.state} cannot accept data`);
    if (job.data) {
      throw new SfError(409, "INVALIDJOBSTATE", `Found multiple contents for job: <${id}>, please 'Close' / 'Abort' / 'Delete' the current Job then create a new Job and make sure you only do 'PUT' once on a given Job.`);
    }
    job.data = data;
  }

  /** PATCH state: UploadComplete starts processing; Aborted stops an unfinished job. */
  changeState(id: string, state: unknown, lockDelayMs: number): IngestJob {
    const job = this.get(id);
    if (state === "Aborted") {
      if (job.state !== "Open" && job.state !== "UploadComplete" && job.state !== "InProgress") throw this.stateError(job);
      job.state = "Aborted";
    } else if (state === "UploadComplete") {
      if (job.state !== "Open") throw this.stateError(job);
      job.state = "UploadComplete";
      setImmediate(() => this.start(job, lockDelayMs));
    } else {
      throw badJob("INVALIDJOBSTATE", `Invalid job state: ${String(state)}`);
    }
    job.systemModstamp = formatDateTime(new Date());
    return job;
  }

  delete(id: string): void {
    const job = this.get(id);
    if (job.state === "Open" || job.state === "InProgress") throw this.stateError(job);
    this.jobs.delete(id);
  }

  private stateError(job: IngestJob): SfError {
    return new SfError(400, "INVALIDJOBSTATE", `Job with state ${job.state} cannot be changed that way`);
  }

  private start(job: IngestJob, lockDelayMs: number): void {
    if (job.state !== "UploadComplete") return;
    job.state = "InProgress";
    const obj = this.store.object(job.object);
    let rows: string[][];
    try {
      const text = (job.data ?? Buffer.alloc(0)).toString("utf8");
      rows = text.trim() === "" ? [] : parseCsv(text, DELIMITERS[job.columnDelimiter] ?? ",");
    } catch (e) {
      return this.fail(job, `InvalidBatch : Failed to parse CSV. ${(e as Error).message}`);
    }
    const header = rows.shift() ?? [];
    job.header = header;
    const unknown = obj ? header.find((h) => !(findField(obj, h) ?? findRelationship(obj, h.split(".")[0] ?? ""))) : undefined;
    if (!obj || unknown !== undefined) return this.fail(job, `InvalidBatch : Field name not found : ${unknown ?? ""}`, rows);
    const run = (from: number): void => {
      if (job.state !== "InProgress") {
        job.unprocessed = rows.slice(from);
        return;
      }
      const started = Date.now();
      const scope = this.locks.open();
      const ctx = { store: this.store, userId: job.createdById, now: formatDateTime(new Date()), locks: scope };
      for (const cells of rows.slice(from, from + SLICE)) {
        const r = attempt(() => applyRow(ctx, obj, job.operation, job.externalIdFieldName, header, cells));
        job.processed++;
        if (r.ok) job.successful.push([r.value.id, String(r.value.created), ...cells]);
        else this.recordFailure(job, cells, r.error);
      }
      job.processingMs += Date.now() - started;
      const next = from + SLICE;
      const release = (): void => {
        scope.release();
        if (next < rows.length) setImmediate(() => run(next));
        else this.finish(job, rows.length);
      };
      if (lockDelayMs > 0 && scope.size > 0) setTimeout(release, lockDelayMs);
      else release();
    };
    run(0);
  }

  private recordFailure(job: IngestJob, cells: readonly string[], e: RecordError): void {
    job.failed++;
    const idCol = job.header.findIndex((h) => h.toLowerCase() === "id");
    job.failures.push([idCol >= 0 ? (cells[idCol] ?? "") : "", `${e.statusCode}:${e.message}:${e.fields.join(",")} --`, ...cells]);
  }

  private finish(job: IngestJob, total: number): void {
    if (job.state !== "InProgress") return;
    this.batchesUsed += Math.max(1, Math.ceil(total / 10_000));
    job.state = "JobComplete";
    job.systemModstamp = formatDateTime(new Date());
    delete job.data;
  }

  private fail(job: IngestJob, message: string, rows: string[][] = []): void {
    job.state = "Failed";
    job.errorMessage = message;
    job.unprocessed = rows;
    job.systemModstamp = formatDateTime(new Date());
  }
}
