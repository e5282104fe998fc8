import { calibrationParams, type CalibrationParams } from "./calibration-params.js";

/**
 * Raw score → probability that the proposal is right, fitted on the labelled corpus
 * (test/corpus/match) by bench/match-calibrate.ts. Two small logistic (Platt) maps:
 * - a proposed field: from its score, its margin over the column's next-best field (a clear
 *   winner is more often right than a close call at the same score) and how well the name alone
 *   matched (values without a name to back them are right less often);
 * - "no field" (custom property): from the best field's score — the lower it is, the surer.
 * Both are monotone: a higher score (or margin) never lowers a field's confidence.
 */

/** Margins beyond this say nothing more (and keep one outlier from steering the fit). */
export const MARGIN_CAP = 0.5;
/** Never claim certainty, nor rule a row out entirely: the review still shows every mapping. */
const FLOOR = 0.01;
const CEILING = 0.99;

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const round = (x: number) => Math.round(clamp(x, FLOOR, CEILING) * 1000) / 1000;

/** The features of a field proposal the map reads, already clipped. */
export function fieldFeatures(score: number, margin: number, nameScore: number): readonly [number, number, number] {
  return [score, clamp(margin, -MARGIN_CAP, MARGIN_CAP), clamp(nameScore, 0, 1)];
}

/**
 * @example fieldConfidence(0.85, 0.4, 1) // ≈ 0.98: an exact name with fitting values, well ahead
 */
export function fieldConfidence(score: number, margin: number, nameScore: number, params: CalibrationParams = calibrationParams): number {
  const [s, m, n] = fieldFeatures(score, margin, nameScore);
  return round(sigmoid(params.field.score * s + params.field.margin * m + params.field.name * n + params.field.bias));
}

/**
 * "No field fits" is judged against the model as it stands; a column the corpus never showed may
 * still have a home, so this confidence stops short of the field ceiling.
 */
const CUSTOM_CEILING = 0.95;

/** Probability that no model field fits, from the best field's raw score. */
export function customConfidence(bestScore: number, params: CalibrationParams = calibrationParams): number {
  return Math.min(CUSTOM_CEILING, round(sigmoid(params.custom.best * bestScore + params.custom.bias)));
}
