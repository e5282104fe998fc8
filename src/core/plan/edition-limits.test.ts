import assert from "node:assert/strict";
import { test } from "node:test";
import { checkCustomTables } from "./edition-limits.js";

test("Sales Professional allows 15 custom tables and refuses the 16th with the counts", () => {
  assert.equal(checkCustomTables("sales-professional", 14, 1).total, 15);
  assert.throws(() => checkCustomTables("sales-professional", 15, 1), (e: { code?: string; message?: string }) =>
    e.code === "HO-PLN-005" && /needs 16 custom tables \(15 already in the org \+ 1 new\).*allows 15/.test(e.message ?? ""));
  assert.equal(checkCustomTables("enterprise", 300, 5).total, 305);
});
