import type { SourceTable } from "../../../contracts/source.js";
import type { ObjectDef } from "../../../model/index.js";
import { assign, type Candidate } from "./assign.js";
import { columnContexts, scoreField, type FieldScore } from "./score-field.js";
import type { FieldProposal, ProposeFieldsOptions } from "./types.js";
import { DEFAULT_THRESHOLD, toConfidence } from "./weights.js";

const ALTERNATIVES = 3;

/**
 * Proposes a model field (or none) for every column of a source table.
 *
 * @example proposeFields(patientsTable, model.patient)
 * // [{ column: "DOB", field: "birthDate", confidence: 0.96, reasons: ["name 'DOB' matches synonym 'dob' of birthDate", ...], ... }, ...]
 */
export function proposeFields(table: SourceTable, object: ObjectDef, options: ProposeFieldsOptions = {}): FieldProposal[] {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const contexts = columnContexts(table, object);
  const scores: FieldScore[][] = contexts.map((context) => object.fields.map((field) => scoreField(context, field)));

  const candidates: Candidate[] = [];
  scores.forEach((row, column) =>
    row.forEach((entry, field) => {
      if (toConfidence(entry.score) >= threshold) candidates.push({ column, field, score: entry.score });
    }),
  );
  const { fieldOf, lostTo } = assign(contexts.length, candidates);

  return contexts.map((context, column): FieldProposal => {
    const row = scores[column] ?? [];
    // Stable: equal scores keep field (model) order.
    const ranked = row.map((entry, index) => ({ entry, index })).sort((a, b) => b.entry.score - a.entry.score || a.index - b.index);
    const chosenIndex = fieldOf[column];
    const chosen = chosenIndex === undefined ? undefined : row[chosenIndex];
    const reasons: string[] = [];
    for (const [field, winner] of lostTo[column] ?? []) {
      reasons.push(`${object.fields[field]?.name} went to column '${contexts[winner]?.column.name}', which scored higher`);
    }
    if (chosen) {
      reasons.unshift(...chosen.reasons);
    } else {
      reasons.push(`no field scored above ${threshold}: will become a custom property`);
    }
    const alternatives = ranked
      .filter(({ index }) => index !== chosenIndex)
      .slice(0, ALTERNATIVES)
      .map(({ entry }) => ({ field: entry.field.name, confidence: toConfidence(entry.score) }));
    const best = ranked[0]?.entry;
    return {
      column: context.column.name,
      field: chosen ? chosen.field.name : null,
      // For "no field", confidence is that nothing fits: high when even the best field scored low.
      confidence: chosen ? toConfidence(chosen.score) : Math.round((1 - (best ? toConfidence(best.score) : 0)) * 1000) / 1000,
      reasons,
      alternatives,
    };
  });
}
