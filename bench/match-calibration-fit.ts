/**
 * Fits the matcher's calibration (src/core/map/match/calibration.ts) on corpus outcomes: two small
 * logistic regressions with sign constraints so the maps stay monotone, and leave-one-schema-out
 * cross-validation so the reported calibration error is measured on schemas the fit never saw.
 */
import { customConfidence, fieldConfidence, fieldFeatures } from "../src/core/map/match/calibration.js";
import type { CalibrationParams } from "../src/core/map/match/calibration-params.js";
import { proposeFieldsRaw } from "../src/core/map/match/propose-fields.js";
import { model, type ObjectDef } from "../src/model/index.js";
import { toSourceTable, type CorpusSchema } from "./match-corpus.js";
import type { Outcome } from "./match-metrics.js";

/** One proposal's raw numbers and whether it was right. */
export interface RawOutcome extends Outcome {
  readonly mapped: boolean;
  readonly score: number;
  readonly margin: number;
  readonly nameScore: number;
}

export function rawOutcomes(schemas: readonly CorpusSchema[], params?: CalibrationParams): RawOutcome[] {
  const out: RawOutcome[] = [];
  for (const schema of schemas) {
    for (const t of schema.tables) {
      const object = t.object ? (model[t.object] as ObjectDef) : undefined;
      if (!object) continue;
      proposeFieldsRaw(toSourceTable(t, true), object, {}, params).forEach((raw, i) => {
        const column = t.columns[i];
        if (!column) return;
        const predicted = raw.proposal.field ? `${object.name}.${raw.proposal.field}` : "custom";
        out.push({ schema: schema.name, table: t.name, column: column.name, label: column.label, predicted, confidence: raw.proposal.confidence, mapped: raw.proposal.field !== null, score: raw.score, margin: raw.margin, nameScore: raw.nameScore });
      });
    }
  }
  return out;
}

/**
 * Logistic regression by gradient descent with a little L2; `signs` pins each weight's sign
 * (+1 ≥ 0, −1 ≤ 0) so the fitted map is monotone in the direction we know it must be.
 */
export function fitLogistic(xs: readonly (readonly number[])[], ys: readonly number[], signs: readonly number[]): { weights: number[]; bias: number } {
  const k = signs.length;
  const weights = Array.from({ length: k }, () => 0);
  let bias = 0;
  const n = Math.max(1, xs.length);
  for (let step = 0; step < 20000; step += 1) {
    const grad = Array.from({ length: k }, () => 0);
    let gradBias = 0;
    xs.forEach((x, i) => {
      const z = x.reduce((s, v, j) => s + v * (weights[j] ?? 0), bias);
      const error = 1 / (1 + Math.exp(-z)) - (ys[i] ?? 0);
      x.forEach((v, j) => { grad[j] = (grad[j] ?? 0) + error * v; });
      gradBias += error;
    });
    for (let j = 0; j < k; j += 1) {
      const w = (weights[j] ?? 0) - 1.0 * ((grad[j] ?? 0) / n + 1e-3 * (weights[j] ?? 0));
      weights[j] = (signs[j] ?? 1) > 0 ? Math.max(0, w) : Math.min(0, w);
    }
    bias -= 1.0 * (gradBias / n);
  }
  return { weights, bias };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Platt's smoothed targets: (N₊+1)/(N₊+2) for right rows and 1/(N₋+2) for wrong ones, so a set
 * with no mistakes (often, for "no field") still fits a finite map rather than certainty.
 */
export function plattTargets(right: readonly boolean[]): number[] {
  const positives = right.filter(Boolean).length;
  const negatives = right.length - positives;
  return right.map((r) => (r ? (positives + 1) / (positives + 2) : 1 / (negatives + 2)));
}

export function fitParams(rows: readonly RawOutcome[], schemas: number): CalibrationParams {
  const mapped = rows.filter((r) => r.mapped);
  const custom = rows.filter((r) => !r.mapped);
  const field = fitLogistic(mapped.map((r) => [...fieldFeatures(r.score, r.margin, r.nameScore)]), plattTargets(mapped.map((r) => r.predicted === r.label)), [1, 1, 1]);
  const none = fitLogistic(custom.map((r) => [r.score]), plattTargets(custom.map((r) => r.predicted === r.label)), [-1]);
  return {
    field: { score: round3(field.weights[0] ?? 0), margin: round3(field.weights[1] ?? 0), name: round3(field.weights[2] ?? 0), bias: round3(field.bias) },
    custom: { best: round3(none.weights[0] ?? 0), bias: round3(none.bias) },
    fittedOn: { schemas, columns: rows.length },
  };
}

/** Re-scores outcomes with other calibration parameters (the proposals themselves unchanged). */
export function recalibrate(rows: readonly RawOutcome[], params: CalibrationParams): RawOutcome[] {
  return rows.map((r) => ({ ...r, confidence: r.mapped ? fieldConfidence(r.score, r.margin, r.nameScore, params) : customConfidence(r.score, params) }));
}

/** Leave-one-schema-out: each schema's confidences come from a fit on the other schemas only. */
export function crossValidated(rows: readonly RawOutcome[]): RawOutcome[] {
  const names = [...new Set(rows.map((r) => r.schema))];
  return names.flatMap((name) => {
    const params = fitParams(rows.filter((r) => r.schema !== name), names.length - 1);
    return recalibrate(rows.filter((r) => r.schema === name), params);
  });
}
