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
});
