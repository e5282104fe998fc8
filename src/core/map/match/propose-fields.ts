import type { SourceTable } from "../../../contracts/source.js";
import type { ObjectDef } from "../../../model/index.js";
import { assign, type Candidate } from "./assign.js";
import { customConfidence, fieldConfidence } from "./calibration.js";
import type { CalibrationParams } from "./calibration-params.js";
import { columnContexts, scoreField, type FieldScore } from "./score-field.js";
import type { FieldProposal, ProposeFieldsOptions } from "./types.js";
import { DEFAULT_THRESHOLD } from "./weights.js";

const ALTERNATIVES = 3;

/** A proposal with the raw numbers its confidence came from (for calibration and the bench). */
export interface RawFieldProposal {
  readonly proposal: FieldProposal;
  /** The chosen field's raw score, or the best field's when none was chosen. */
  readonly score: number;
  /** The chosen field's lead over the column's best other field (negative when it lost its best). */
  readonly margin: number;
  /** The chosen field's name-only score (0..1). */
  readonly nameScore: number;
}

/** Each field's lead over the best other field of the same column. */
function margins(row: readonly FieldScore[]): number[] {
  return row.map((entry, i) => entry.score - Math.max(-1, ...row.filter((_, j) => j !== i).map((e) => e.score)));
}

/** proposeFields with the raw scores kept; `params` swaps in other calibration (cross-validation). */
export function proposeFieldsRaw(table: SourceTable, object: ObjectDef, options: ProposeFieldsOptions = {}, params?: CalibrationParams): RawFieldProposal[] {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const contexts = columnContexts(table, object);
  const scores: FieldScore[][] = contexts.map((context) => object.fields.map((field) => scoreField(context, field, object)));
  const confidences = scores.map((row) => { const lead = margins(row); return row.map((entry, i) => Math.min(entry.cap ?? 1, fieldConfidence(entry.score, lead[i] ?? 0, entry.nameScore, params))); });

  const candidates: Candidate[] = [];
  scores.forEach((row, column) =>
    row.forEach((entry, field) => {
      if ((confidences[column]?.[field] ?? 0) >= threshold) candidates.push({ column, field, score: entry.score });
    }),
  );
  const declared = (options.declared ?? []).map((rule) => ({
    columns: rule.columns.map((name) => contexts.findIndex((c) => c.column.name === name)).filter((i) => i >= 0),
    fields: rule.fields.map((name) => object.fields.findIndex((f) => f.name === name)).filter((i) => i >= 0),
  }));
  const { fieldOf, ruleOf, lostTo } = assign(contexts.length, candidates, declared);
  const ruleOwner = (column: number) => options.declared?.[ruleOf[column] ?? -1];

  return contexts.map((context, column): RawFieldProposal => {
    const row = scores[column] ?? [];
    const rowConfidence = confidences[column] ?? [];
    // Stable: equal scores keep field (model) order.
    const ranked = row.map((entry, index) => ({ entry, index })).sort((a, b) => b.entry.score - a.entry.score || a.index - b.index);
    const chosenIndex = fieldOf[column];
    const chosen = chosenIndex === undefined ? undefined : row[chosenIndex];
    const reasons: string[] = [];
    for (const [field, winner] of lostTo[column] ?? []) {
      const rule = ruleOwner(winner);
      reasons.push(rule
        ? `${object.fields[field]?.name} is filled by the declared rule ${rule.id}`
        : `${object.fields[field]?.name} went to column '${contexts[winner]?.column.name}', which scored higher`);
    }
    const rule = ruleOwner(column);
    if (chosen) reasons.unshift(...chosen.reasons);
    else if (rule) reasons.unshift(`goes through the declared rule ${rule.id}`);
    else reasons.push(`no field scored above ${threshold}: will become a custom property`);
    const alternatives = ranked
      .filter(({ index }) => index !== chosenIndex)
      .map(({ entry, index }) => ({ field: entry.field.name, confidence: rowConfidence[index] ?? 0 }))
      .sort((a, b) => b.confidence - a.confidence) // stable: equal confidence keeps score order
      .slice(0, ALTERNATIVES);
    const best = ranked[0]?.entry.score ?? 0;
    const margin = chosenIndex === undefined ? 0 : (margins(row)[chosenIndex] ?? 0);
    const proposal: FieldProposal = {
      column: context.column.name,
      field: chosen ? chosen.field.name : null,
      // For "no field", confidence is that no model field fits: high when even the best scored low.
      confidence: chosen && chosenIndex !== undefined ? (rowConfidence[chosenIndex] ?? 0) : customConfidence(best, params),
      reasons,
      alternatives,
      ...(rule ? { rule: rule.id } : {}),
    };
    return { proposal, score: chosen ? chosen.score : best, margin, nameScore: chosen ? chosen.nameScore : 0 };
  });
}

/**
 * Proposes a model field (or none) for every column of a source table. Confidence is calibrated:
 * on the labelled corpus, proposals shown at 0.9 are right about nine times in ten.
 *
 * @example proposeFields(patientsTable, model.patient)
 * // [{ column: "DOB", field: "birthDate", confidence: 0.98, reasons: ["name 'DOB' matches synonym 'dob' of birthDate", ...], ... }, ...]
 */
export function proposeFields(table: SourceTable, object: ObjectDef, options: ProposeFieldsOptions = {}): FieldProposal[] {
  return proposeFieldsRaw(table, object, options).map((raw) => raw.proposal);
}
