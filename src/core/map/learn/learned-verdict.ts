import { newestFirst, type Decision, type DictionaryEntry } from "./dictionary.js";

/** What an entry's history says the column is, how sure that is, and why, in plain words. */
export interface LearnedVerdict {
  /** The newest decision's outcome: `object.field`, "custom" or "rejected". */
  readonly outcome: string;
  readonly confidence: number;
  readonly reasons: readonly string[];
  /** The decisions that went another way (newest first): shown, never silently outvoted. */
  readonly contrary: readonly Decision[];
}

/** A correction (the person changed, rejected or replaced the proposal) says more than a confirmation. */
export const CORRECTION_WEIGHT = 2;
export const CONFIRMATION_WEIGHT = 1;
/** A person's past decision is strong evidence, not certainty: the review still shows the row. */
export const LEARNED_CEILING = 0.97;
const SHOWN_CONTRARY = 2;

const weight = (d: Decision) => (d.outcome === d.proposed ? CONFIRMATION_WEIGHT : CORRECTION_WEIGHT);

/**
 * The newest decision wins (an older one never overrides a newer contrary decision); confidence is
 * the weighted share of decisions that agree with it, smoothed (Laplace) so one decision is not
 * certainty: one correction 0.75, a correction then a confirmation 0.8, two corrections 0.83,
 * a correction against an older contrary correction 0.5.
 *
 * @example learnedVerdict(entry) // { outcome: "patient.mrn", confidence: 0.75, reasons: ["changed to patient.mrn by ana@clinic in migration north on 2025-03-02"], contrary: [] }
 */
export function learnedVerdict(entry: DictionaryEntry): LearnedVerdict {
  const history = newestFirst(entry.decisions);
  const newest = history[0]!;
  const agreeing = history.filter((d) => d.outcome === newest.outcome);
  const contrary = history.filter((d) => d.outcome !== newest.outcome);
  const support = agreeing.reduce((sum, d) => sum + weight(d), 0);
  const against = contrary.reduce((sum, d) => sum + weight(d), 0);
  const confidence = Math.round(Math.min(LEARNED_CEILING, (support + 1) / (support + against + 2)) * 1000) / 1000;
  const reasons = [describe(newest)];
  if (history.length > 1) reasons.push(`learned from ${history.length} decisions: ${agreeing.length} for ${label(newest.outcome)}, ${contrary.length} against`);
  for (const d of contrary.slice(0, SHOWN_CONTRARY)) reasons.push(`conflict: an older decision ${describe(d)}`);
  if (contrary.length > SHOWN_CONTRARY) reasons.push(`and ${contrary.length - SHOWN_CONTRARY} more older contrary decision(s)`);
  return { outcome: newest.outcome, confidence, reasons, contrary };
}

/** "confirmed as patient.mrn by ana in migration north on 2025-03-02" (or changed to / kept as / left out). */
export function describe(d: Decision): string {
  const what = d.outcome === d.proposed ? `confirmed as ${label(d.outcome)}` : d.outcome === "rejected" ? "rejected (left out of the migration)" : `changed to ${label(d.outcome)}`;
  return `${what} by ${d.by} in migration ${d.migration} on ${d.at.slice(0, 10)}`;
}

export function label(outcome: string): string {
  return outcome === "custom" ? "a custom property" : outcome === "rejected" ? "left out" : outcome;
}
