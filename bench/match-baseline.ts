/**
 * The plain name-similarity baseline the matcher is measured against: normalised Levenshtein
 * similarity between the column name and each field's name and synonyms (lowercased, separators
 * removed), the same greedy one-to-one assignment, and the similarity itself as confidence.
 * No abbreviations, no values, no calibration.
 */
import type { SourceTable } from "../src/contracts/source.js";
import { assign, type Candidate } from "../src/core/map/match/assign.js";
import type { ObjectDef } from "../src/model/index.js";

/** Below this similarity the baseline proposes no field (names under half alike are noise). */
export const BASELINE_FLOOR = 0.5;

const squash = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");

export function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** 1 − distance / longer length, in 0..1. */
export function nameLikeness(a: string, b: string): number {
  const x = squash(a);
  const y = squash(b);
  const longer = Math.max(x.length, y.length);
  return longer === 0 ? 0 : 1 - levenshtein(x, y) / longer;
}

export interface BaselineProposal {
  readonly column: string;
  readonly field: string | null;
  readonly confidence: number;
}

/** @example baselineProposals(table, model.patient) // [{ column: "DOB", field: null, confidence: 0.67 }, ...] */
export function baselineProposals(table: SourceTable, object: ObjectDef): BaselineProposal[] {
  const scores = table.columns.map((column) => object.fields.map((field) => Math.max(...[field.name, ...field.synonyms].map((phrase) => nameLikeness(column.name, phrase)))));
  const candidates: Candidate[] = [];
  scores.forEach((row, column) => row.forEach((score, field) => { if (score >= BASELINE_FLOOR) candidates.push({ column, field, score }); }));
  const { fieldOf } = assign(table.columns.length, candidates);
  return table.columns.map((column, i) => {
    const chosen = fieldOf[i];
    const row = scores[i] ?? [];
    const best = Math.max(0, ...row);
    return chosen === undefined
      ? { column: column.name, field: null, confidence: 1 - best }
      : { column: column.name, field: object.fields[chosen]?.name ?? null, confidence: row[chosen] ?? 0 };
  });
}
