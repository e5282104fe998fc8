import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assign } from "./assign.js";

describe("assign", () => {
  it("never gives one field to two columns", () => {
    const { fieldOf } = assign(3, [
      { column: 0, field: 1, score: 0.9 }, { column: 1, field: 1, score: 0.8 }, { column: 2, field: 1, score: 0.7 },
    ]);
    assert.deepEqual(fieldOf, [1, undefined, undefined]);
  });
  it("gives a contested field to the better column, whatever the column order", () => {
    const { fieldOf } = assign(2, [{ column: 0, field: 4, score: 0.6 }, { column: 1, field: 4, score: 0.9 }]);
    assert.deepEqual(fieldOf, [undefined, 4]);
  });
  it("lets the loser fall back to its next best field, and records who took the first", () => {
    const { fieldOf, lostTo } = assign(2, [
      { column: 0, field: 0, score: 0.9 }, { column: 1, field: 0, score: 0.8 }, { column: 1, field: 2, score: 0.5 },
    ]);
    assert.deepEqual(fieldOf, [0, 2]);
    assert.equal(lostTo[1]?.get(0), 0);
  });
  it("leaves the loser without a field (a custom property) when it has no other candidate", () => {
    const { fieldOf } = assign(2, [{ column: 0, field: 0, score: 0.9 }, { column: 1, field: 0, score: 0.8 }]);
    assert.equal(fieldOf[1], undefined);
  });

  it("shares a field between columns only under a declared combine rule", () => {
    const candidates = [{ column: 0, field: 5, score: 0.9 }, { column: 1, field: 5, score: 0.8 }];
    assert.deepEqual(assign(2, candidates).fieldOf, [5, undefined], "no rule: one column only");
    const { fieldOf, ruleOf } = assign(2, candidates, [{ columns: [0, 1], fields: [5] }]);
    assert.deepEqual(ruleOf, [0, 0], "both columns go through the rule");
    assert.deepEqual(fieldOf, [undefined, undefined], "and take no field of their own");
  });
  it("gives one column several fields only under a declared split rule, and keeps them from everyone else", () => {
    const candidates = [
      { column: 0, field: 1, score: 0.6 }, { column: 1, field: 1, score: 0.95 }, { column: 1, field: 2, score: 0.9 }, { column: 2, field: 7, score: 0.8 },
    ];
    const { fieldOf, ruleOf, lostTo } = assign(3, candidates, [{ columns: [0], fields: [1, 2] }]);
    assert.deepEqual(ruleOf, [0, undefined, undefined]);
    assert.deepEqual(fieldOf, [undefined, undefined, 7], "column 1 scored higher for both, but the rule holds them");
    assert.equal(lostTo[1]?.get(1), 0, "and the loser says the rule's column took them");
  });
  it("ignores a declared rule that overlaps an earlier one rather than half-applying it", () => {
    const { ruleOf } = assign(3, [], [{ columns: [0], fields: [1, 2] }, { columns: [1, 2], fields: [2] }]);
    assert.deepEqual(ruleOf, [0, undefined, undefined]);
  });
});
