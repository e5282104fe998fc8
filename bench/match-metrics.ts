/**
 * Scores a matcher's outcomes against the corpus labels: top-1 accuracy, precision / recall / F1 at
 * the confirm threshold, and expected calibration error.
 */

/** One column's proposal next to its label. "custom" on either side means no model field. */
export interface Outcome {
  readonly schema: string;
  readonly table: string;
  readonly column: string;
  readonly label: string;
  readonly predicted: string;
  readonly confidence: number;
}

export interface Metrics {
  readonly columns: number;
  readonly top1: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Share of columns confident enough to be auto-confirmed. */
  readonly coverage: number;
  readonly ece: number;
}

/** The demo's auto-confirm threshold. */
export const CONFIRM_THRESHOLD = 0.8;
export const ECE_BINS = 10;

export const isCorrect = (o: Outcome): boolean => o.predicted === o.label;

/**
 * Expected calibration error over equal-width bins: Σ (bin size / n) · |accuracy − mean confidence|.
 * 0 is perfect; a matcher saying 0.9 and right half the time scores about 0.4 on those rows.
 */
export function expectedCalibrationError(outcomes: readonly Outcome[], bins = ECE_BINS): number {
  if (outcomes.length === 0) return 0;
  const sums = Array.from({ length: bins }, () => ({ n: 0, confidence: 0, correct: 0 }));
  for (const o of outcomes) {
    const bin = sums[Math.min(bins - 1, Math.floor(o.confidence * bins))];
    if (!bin) continue;
    bin.n += 1;
    bin.confidence += o.confidence;
    bin.correct += isCorrect(o) ? 1 : 0;
  }
  return sums.reduce((total, b) => (b.n === 0 ? total : total + (b.n / outcomes.length) * Math.abs(b.correct / b.n - b.confidence / b.n)), 0);
}

/**
 * A proposal counts as predicted when its confidence reaches the threshold (custom ones too: the
 * review confirms those rows as well), and as correct when it equals the label.
 */
export function metrics(outcomes: readonly Outcome[], threshold = CONFIRM_THRESHOLD): Metrics {
  const n = outcomes.length;
  const predicted = outcomes.filter((o) => o.confidence >= threshold);
  const hits = predicted.filter(isCorrect).length;
  const precision = predicted.length === 0 ? 0 : hits / predicted.length;
  const recall = n === 0 ? 0 : hits / n;
  return {
    columns: n,
    top1: n === 0 ? 0 : outcomes.filter(isCorrect).length / n,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    coverage: n === 0 ? 0 : predicted.length / n,
    ece: expectedCalibrationError(outcomes),
  };
}

/** Reliability table rows: per bin, how many, mean confidence, accuracy. */
export function reliability(outcomes: readonly Outcome[], bins = ECE_BINS): { readonly bin: string; readonly n: number; readonly confidence: number; readonly accuracy: number }[] {
  return Array.from({ length: bins }, (_, i) => {
    const inBin = outcomes.filter((o) => Math.min(bins - 1, Math.floor(o.confidence * bins)) === i);
    const mean = (f: (o: Outcome) => number) => (inBin.length === 0 ? 0 : inBin.reduce((s, o) => s + f(o), 0) / inBin.length);
    return { bin: `${(i / bins).toFixed(1)}-${((i + 1) / bins).toFixed(1)}`, n: inBin.length, confidence: mean((o) => o.confidence), accuracy: mean((o) => (isCorrect(o) ? 1 : 0)) };
  });
}
