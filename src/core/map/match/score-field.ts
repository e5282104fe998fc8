import type { SourceColumn, SourceTable } from "../../../contracts/source.js";
import { getObject, type FieldDef, type ObjectDef } from "../../../model/index.js";
import { normalizeName } from "./abbreviations.js";
import { isBirthDateField, meaningLabels, meaningOf } from "./field-meaning.js";
import { columnName, describeNameMatch, fieldPhrases, matchName, weakTokens, type ColumnName } from "./name-signal.js";
import { nameSimilarity } from "./similarity.js";
import { BIRTH_DATE_STRENGTH, describeKind, kindFit, kindNouns, patternStrength, pct, shapedKinds } from "./value-fit.js";
import { profileValues, type ValueProfile } from "./value-profile.js";
import {
  CODE_VOCABULARY_WEIGHT, CUSTOM_PENALTY, KEY_WEIGHT, MISFIT_WEIGHT, NAME_WEIGHT, NOT_KEY_PENALTY, PATTERN_WEIGHT,
  REFERENCE_TARGET_WEIGHT, REFERENCE_WEIGHT, TYPE_WEIGHT,
} from "./weights.js";

/** Everything about one column the scorer needs, computed once per column. */
export interface ColumnContext {
  readonly column: SourceColumn;
  readonly name: ColumnName;
  readonly values: ValueProfile;
  /** "key" when the profile names this column as the table's key, "other" when it names another. */
  readonly key: "key" | "other" | "unknown";
  /** Referenced table, when the profile says the column is a foreign key. */
  readonly references?: string;
  readonly custom: boolean;
}

export interface FieldScore {
  readonly field: FieldDef;
  readonly score: number;
  /** Names-only part, for "nothing matched" checks and tie-breaks. */
  readonly nameScore: number;
  readonly reasons: readonly string[];
}

/** Leading words that mark a site's own additions to the vendor schema. */
const customMarkers = new Set(["custom", "udf", "cf", "userdef"]);

export function columnContexts(table: SourceTable, object: ObjectDef): ColumnContext[] {
  const weak = weakTokens(table.name, object);
  const singleKey = table.key?.length === 1 ? table.key[0] : undefined;
  return table.columns.map((column) => {
    const name = columnName(column.name, weak);
    const reference = table.references?.find((r) => r.column === column.name)?.table;
    return {
      column,
      name,
      values: profileValues(column),
      key: singleKey === undefined ? "unknown" : singleKey === column.name ? "key" : "other",
      ...(reference ? { references: reference } : {}),
      custom: customMarkers.has(name.rawTokens[0] ?? ""),
    };
  });
}

/** Share of samples that are one of the field's codes, or a code's first letter(s) ("F" → female). */
function vocabularyShare(samples: readonly string[], codes: readonly string[]): number {
  const lower = codes.map((code) => code.toLowerCase());
  const values = samples.map((s) => s.trim().toLowerCase().replace(/[\s_-]+/g, "")).filter((s) => s.length > 0);
  if (values.length === 0) return 0;
  const hits = values.filter((v) => lower.some((code) => code === v || (v.length <= 3 && code.startsWith(v))));
  return hits.length / values.length;
}

/** Does the referenced table look like the object this lookup field points at? */
function referenceMatchesTarget(table: string, field: FieldDef): boolean {
  const target = field.ref ? getObject(field.ref) : undefined;
  if (!target) return false;
  const tableTokens = normalizeName(table);
  return [target.name, ...target.synonyms].some((phrase) => nameSimilarity(tableTokens, normalizeName(phrase)).exact);
}

/**
 * Scores one (column, field) pair: the weighted sum of the name, type, pattern, key, reference and
 * custom signals, with a reason for each signal that moved the score.
 */
export function scoreField(context: ColumnContext, field: FieldDef): FieldScore {
  const reasons: string[] = [];
  const name = matchName(context.name, fieldPhrases(field));
  let score = NAME_WEIGHT * name.score;
  const nameReason = describeNameMatch(context.name, field, name);
  if (nameReason) reasons.push(nameReason);

  // Type fit: the best fitting kind among those the samples show.
  const meaning = meaningOf(field);
  const profile = context.values;
  let bestFit = -Infinity;
  let bestMatch = profile.matches[0];
  for (const match of profile.matches) {
    const fit = kindFit(match.kind, meaning);
    if (fit > bestFit) [bestFit, bestMatch] = [fit, match];
  }
  if (bestMatch && bestMatch.kind !== "empty") {
    score += bestFit < 0 && shapedKinds.has(bestMatch.kind) ? MISFIT_WEIGHT * bestFit : TYPE_WEIGHT * bestFit;
    if (bestFit > 0) reasons.push(describeKind(bestMatch, profile.declaredFormat));
    else if (bestFit < 0) reasons.push(`values (${kindNouns[bestMatch.kind]}) don't fit a ${meaningLabels[meaning]} field`);
  }

  // Field-specific patterns.
  for (const match of profile.matches) {
    const pattern = patternStrength[match.kind];
    if (pattern?.meaning === meaning) score += PATTERN_WEIGHT * pattern.strength * match.share;
  }
  const dated = profile.matches.some((m) => m.kind === "date" || m.kind === "dateTime");
  if (dated && profile.birthDateLike && isBirthDateField(field)) {
    score += PATTERN_WEIGHT * BIRTH_DATE_STRENGTH;
    reasons.push("dates spread over decades, as birth dates do");
  }
  if (field.codes && field.codes.length > 0) {
    const share = vocabularyShare(context.column.samples, field.codes);
    if (share >= 0.5) {
      score += CODE_VOCABULARY_WEIGHT * share;
      reasons.push(`values match ${field.name}'s codes (${pct(share)})`);
    }
  }

  if (field.name === "sourceId" && context.key === "key") {
    score += KEY_WEIGHT;
    reasons.push("the profile names it the table's key");
  } else if (field.name === "sourceId" && context.key === "other") {
    score -= NOT_KEY_PENALTY;
  }
  if (context.references && field.type === "ref") {
    score += REFERENCE_WEIGHT;
    const target = referenceMatchesTarget(context.references, field);
    if (target) score += REFERENCE_TARGET_WEIGHT;
    reasons.push(`the profile says it references table '${context.references}'`);
  }
  if (context.custom) {
    score -= CUSTOM_PENALTY;
    reasons.push("the name marks it as a site-specific custom column");
  }
  return { field, score, nameScore: name.score, reasons };
}
