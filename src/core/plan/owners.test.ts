import assert from "node:assert/strict";
import { test } from "node:test";
import { reconcileOwners } from "./owners.js";

const users = [
  { id: "u1", email: "Ann.Lee@Example.com", fullName: "Ann Lee", active: true },
  { id: "u2", email: "bob@example.com", fullName: "Bob", active: false },
  { id: "admin", email: "admin@example.com", fullName: "Admin", active: true },
];
const staff = [
  { staffId: "P1", name: "Ann Lee", email: "ann.lee@EXAMPLE.com" },
  { staffId: "P2", name: "Bob", email: "bob@example.com" },
  { staffId: "P3", name: "Cy", email: "cy@example.org" },
];

test("staff match CRM users by email whatever the letter case; inactive and unmatched go to the fallback", () => {
  const r = reconcileOwners(staff, users, "admin@example.com");
  assert.deepEqual(r.rows.map((o) => [o.staffId, o.status, o.ownerId, o.ownerVia]), [
    ["P1", "matched", "u1", "user"], ["P2", "inactive", "admin", "fallback"], ["P3", "unmatched", "admin", "fallback"],
  ]);
  assert.deepEqual(r.counts, { matched: 1, unmatched: 1, inactive: 1 });
});

test("without a usable fallback, unresolved staff own nothing (their records will be rejected)", () => {
  for (const fallback of [null, "bob@example.com", "nobody@example.com"]) {
    const r = reconcileOwners(staff, users, fallback);
    assert.equal(r.rows.find((o) => o.staffId === "P3")?.ownerVia, "none", `fallback ${fallback}`);
  }
});
