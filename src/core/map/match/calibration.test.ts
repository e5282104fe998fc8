import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { customConfidence, fieldConfidence } from "./calibration.js";
import { calibrationParams } from "./calibration-params.js";

const grid = Array.from({ length: 31 }, (_, i) => -0.5 + i * 0.05);

describe("calibration", () => {
  it("is fitted on the corpus", () => {
    assert.ok(calibrationParams.fittedOn.schemas >= 12 && calibrationParams.fittedOn.columns > 0);
  });
  it("never lowers a field's confidence as its score, margin or name match rises", () => {
    for (const margin of [-0.3, 0, 0.3]) {
      for (const name of [0, 0.5, 1]) {
        const curve = grid.map((score) => fieldConfidence(score, margin, name));
        curve.slice(1).forEach((c, i) => assert.ok(c >= (curve[i] ?? 0), `score ${grid[i + 1]} margin ${margin} name ${name}`));
      }
    }
    assert.ok(fieldConfidence(0.6, 0.3, 1) >= fieldConfidence(0.6, 0, 1));
    assert.ok(fieldConfidence(0.6, 0.1, 1) >= fieldConfidence(0.6, 0.1, 0.5));
  });
  it("is surer that no field fits the lower the best field scored", () => {
    const curve = grid.map((best) => customConfidence(best));
    curve.slice(1).forEach((c, i) => assert.ok(c <= (curve[i] ?? 1)));
  });
  it("stays inside (0, 1): it never claims certainty", () => {
    assert.ok(fieldConfidence(5, 5, 1) <= 0.99 && fieldConfidence(-5, -5, 0) >= 0.01);
    assert.ok(customConfidence(-5) <= 0.95);
  });
});
