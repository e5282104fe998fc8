import { test } from "node:test";
import assert from "node:assert/strict";
import { applicationUserPool, entitlements, estimateRequests } from "./entitlement.js";

test("bulk path: 1,000 rows in write calls of 100 → UpsertMultiple per call, pre-read and id read per 50 keys", () => {
  const e = estimateRequests({ tables: [{ table: "contact", rows: 1000 }], batchSize: 100, verify: true });
  // per call: 2 before-image reads + 2 pre-reads + 1 UpsertMultiple (100 ops) + 2 id reads
  assert.deepEqual(e.breakdown, { writes: 1000, preReads: 20, idReads: 20, beforeImages: 20, verifyReads: 20, metadata: 4 });
  assert.equal(e.requests, 1000 + 20 + 20 + 20 + 20 + 4);
  assert.equal(e.httpRequests, 10 + 20 + 20 + 20 + 20 + 4);
  assert.equal(e.entitlement, 500_000);
  assert.equal(e.share, e.requests / 500_000);
});

test("batch path below the threshold, and $batch parts count one each", () => {
  const e = estimateRequests({ tables: [{ table: "account", rows: 9 }, { table: "contact", rows: 25 }], batchSize: 5, verify: false, beforeImages: false });
  // account: calls 5+4 (both < 10 → $batch), contact: 5×5 → $batch
  assert.deepEqual(e.breakdown, { writes: 34, preReads: 7, idReads: 0, beforeImages: 0, verifyReads: 0, metadata: 7 });
  assert.equal(e.httpRequests, 7 + 7 + 7);
  assert.equal(e.requests, 34 + 7 + 7);
});

test("forced paths and chunking inside a write call", () => {
  const batch = estimateRequests({ tables: [{ table: "t", rows: 250 }], batchSize: 250, opsPerBatch: 100, writePath: "batch", verify: false, beforeImages: false, metadataPerTable: 0 });
  assert.equal(batch.httpRequests, 3 + 5 + 1); // 3 $batches, pre-reads 2+2+1 (50 keys each), WhoAmI
  const bulk = estimateRequests({ tables: [{ table: "t", rows: 250 }], batchSize: 250, writePath: "bulk", bulkSize: 250, verify: false, beforeImages: false, metadataPerTable: 0 });
  assert.deepEqual(bulk.breakdown, { writes: 250, preReads: 5, idReads: 5, beforeImages: 0, verifyReads: 0, metadata: 1 });
});

test("entitlement is configurable; the application-user pool grows per licence up to its cap", () => {
  const e = estimateRequests({ tables: [{ table: "t", rows: 100 }], batchSize: 100, entitlement: entitlements.licensedUser });
  assert.equal(e.entitlement, 40_000);
  assert.ok(e.share > 0 && e.share < 1);
  assert.equal(applicationUserPool(0), 500_000);
  assert.equal(applicationUserPool(20), 600_000);
  assert.equal(applicationUserPool(1_000_000), 10_000_000);
  assert.equal(estimateRequests({ tables: [], batchSize: 100, entitlement: 0 }).share, Infinity);
});
