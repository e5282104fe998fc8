/** `/jobs/ingest…`: the Bulk API 2.0 ingest resource. */
import { SfError, methodNotAllowed } from "./errors.js";
import type { IngestJob } from "./bulk-jobs.js";
import { writeCsv } from "./bulk-csv.js";
import { json } from "./http-types.js";
import type { SfResponse } from "./http-types.js";
import { jsonObjectBody } from "./route-env.js";
import type { Call } from "./route-env.js";

function info(job: IngestJob, full: boolean): Record<string, unknown> {
  const base: Record<string, unknown> = {
    id: job.id, operation: job.operation, object: job.object, createdById: job.createdById, createdDate: job.createdDate,
    systemModstamp: job.systemModstamp, state: job.state, ...(job.externalIdFieldName ? { externalIdFieldName: job.externalIdFieldName } : {}),
    concurrencyMode: "Parallel", contentType: "CSV", apiVersion: job.apiVersion,
    ...(job.state === "Open" ? { contentUrl: `services/data/v${job.apiVersion.toFixed(1)}/jobs/ingest/${job.id}/batches` } : {}),
    lineEnding: job.lineEnding, columnDelimiter: job.columnDelimiter,
  };
  if (!full) return base;
  return {
    ...base, jobType: "V2Ingest", numberRecordsProcessed: job.processed, numberRecordsFailed: job.failed, retries: 0,
    totalProcessingTime: job.processingMs, apiActiveProcessingTime: job.processingMs, apexProcessingTime: 0,
    ...(job.errorMessage ? { errorMessage: job.errorMessage } : {}),
  };
}

function csv(job: IngestJob, extra: readonly string[], rows: readonly (readonly string[])[]): SfResponse {
  const header = [...extra, ...job.header];
  const body = writeCsv([header, ...rows], job.lineEnding === "CRLF" ? "\r\n" : "\n");
  return { status: 200, headers: { "Content-Type": "text/csv" }, body };
}

/** `segs` are the path segments after `jobs/ingest`. */
export function handleIngest(call: Call, segs: readonly string[], lockDelayMs: number): SfResponse {
  const { method } = call.req;
  const bulk = call.env.bulk;
  const [id, sub] = segs;
  if (id === undefined || id === "") {
    if (method === "POST") return json(200, info(bulk.create(call.userId, call.req.version, jsonObjectBody(call.req)), false));
    if (method === "GET") return json(200, { done: true, records: bulk.list().map((j) => info(j, false)), nextRecordsUrl: null });
    throw methodNotAllowed(method);
  }
  if (sub === undefined) {
    if (method === "GET") return json(200, info(bulk.get(id), true));
    if (method === "PATCH") return json(200, info(bulk.changeState(id, jsonObjectBody(call.req).state, lockDelayMs), false));
    if (method === "DELETE") {
      bulk.delete(id);
      return { status: 204, headers: {} };
    }
    throw methodNotAllowed(method);
  }
  if (sub === "batches") {
    if (method !== "PUT") throw methodNotAllowed(method);
    bulk.upload(id, call.req.body);
    return { status: 201, headers: {} };
  }
  if (method !== "GET") throw methodNotAllowed(method);
  const job = bulk.get(id);
  if (sub === "successfulResults") return csv(job, ["sf__Id", "sf__Created"], job.successful);
  if (sub === "failedResults") return csv(job, ["sf__Id", "sf__Error"], job.failures);
  if (sub === "unprocessedrecords") return csv(job, [], job.unprocessed);
  throw new SfError(404, "NOT_FOUND", "The requested resource does not exist");
}
