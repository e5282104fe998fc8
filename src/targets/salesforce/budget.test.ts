import assert from "node:assert/strict";
import { test } from "node:test";
import type { TargetRow } from "../../contracts/target.js";
import { estimateRequests } from "./estimate.js";
import { addKeys, startOrg } from "./test-support.js";

const contacts = (n: number): TargetRow[] => Array.from({ length: n }, (_, i) => ({ table: "Contact", sourceKey: `c:${i}`, fields: { LastName: `P${i}` }, lookups: {} }));
const isSpent = (e: { code?: string; category?: string; message?: string }) => e.code === "HO-TGT-007" && e.category === "transient" && /\d+\/100/.test(e.message ?? "");

test("a write that would eat into the org's reserve stops before sending anything, with a transient error", async () => {
  const org = await startOrg({ dailyApiLimit: 100 }, { budget: { reserveShare: 0.2 } });
  try {
    await addKeys(org.target, ["Contact"]);
    await org.control("settings", { apiUsed: 76 });
    await org.target.findUsers(["someone@example.com"]); // 77 used, seen by the connector
    await assert.rejects(org.target.write(contacts(800)), isSpent); // 4 requests: 81 > 80
    assert.equal((await org.control<{ rows: Record<string, number> }>("stats")).rows.Contact, undefined, "nothing half-written");
    const out = await org.target.write(contacts(150)); // 1 request: 78 ≤ 80
    assert.ok(out.every((o) => o.ok));
  } finally {
    await org.close();
  }
});

test("the platform's REQUEST_LIMIT_EXCEEDED is the same clean stop", async () => {
  const org = await startOrg({ dailyApiLimit: 100 }, { budget: { reserveShare: 0 } });
  try {
    await addKeys(org.target, ["Contact"]);
    await org.control("settings", { apiUsed: 100 });
    await assert.rejects(org.target.write(contacts(3)), isSpent);
  } finally {
    await org.close();
  }
});

test("estimateRequests counts collections requests per 200 rows and bulk jobs, per table", () => {
  const cost = estimateRequests({ tables: [{ table: "Account", rows: 10 }, { table: "Contact", rows: 5000 }], pageSize: 2500, collectionThreshold: 2000, entitlement: 15_000 });
  // Account: describe 1 + write 1 + before-images 1 + verify 1; Contact: 1 + 2 × (bulk 9 + 13 reads) + 25 verify.
  assert.deepEqual(cost.breakdown, { Account: 4, Contact: 70 });
  assert.equal(cost.requests, 74);
  assert.equal(cost.share, 74 / 15_000);
});
