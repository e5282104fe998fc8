import type { SourceColumn, SourceTable } from "../../../contracts/source.js";
import type { FieldDef, ObjectDef } from "../../../model/index.js";
import { contextSignals } from "./context-signals.js";
import { foreignWords } from "./foreign-words.js";
import { isBirthDateField, meaningLabels, meaningOf } from "./field-meaning.js";
import { columnName, describeNameMatch, fieldPhrases, matchName, sharedPrefixLengths, weakTokens, type ColumnName } from "./name-signal.js";
import { BIRTH_DATE_STRENGTH, describeKind, kindFit, kindNouns, patternStrength, pct, shapedKinds } from "./value-fit.js";
import { profileValues, type ValueProfile } from "./value-profile.js";
import { codeForm } from "./value-recognisers.js";
import { CODE_VOCABULARY_WEIGHT, CONTRADICTED_CAP, CUSTOM_CAP, MISFIT_WEIGHT, NAME_WEIGHT, PATTERN_WEIGHT, TYPE_WEIGHT, VERBATIM_BONUS } from "./weights.js";

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
  /** The type the source declares for the column, when it declares one ("date", "picklist"). */
  readonly declaredType?: string;
}

export interface FieldScore {
  readonly field: FieldDef;
  readonly score: number;
  /** How well the name alone matched (0..1), net of what contradicts it ("OtherPhone" vs phoneWork). */
  readonly nameScore: number;
  readonly reasons: readonly string[];
  /**
   * A ceiling on confidence whatever the score: the values contradict the field's shape (emails
   * on birthDate), or the name marks a site's own column and doesn't match outright.
   */
  readonly cap?: number;
}

/** Leading words that mark a site's own additions to the vendor schema. */
const customMarkers = new Set(["custom", "udf", "cf", "userdef", "zz"]);

export function columnContexts(table: SourceTable, object: ObjectDef): ColumnContext[] {
  const weak = weakTokens(table.name, object);
  const singleKey = table.key?.length === 1 ? table.key[0] : undefined;
  const prefixes = sharedPrefixLengths(table.columns.map((c) => c.name));
  return table.columns.map((column, index) => {
    const name = columnName(column.name, weak, prefixes[index]);
    const declared = (column as SourceColumn & { readonly declaredType?: unknown }).declaredType;
    const reference = table.references?.find((r) => r.column === column.name)?.table;
    return {
      column,
      name,
      values: profileValues(column),
      key: singleKey === undefined ? "unknown" : singleKey === column.name ? "key" : "other",
      ...(reference ? { references: reference } : {}),
      custom: customMarkers.has(name.rawTokens[0] ?? ""),
      ...(typeof declared === "string" ? { declaredType: declared } : {}),
    };
  });
}

/** Share of samples that are one of the field's codes, in English or translated, or a code's first letter(s) ("F" → female). */
function vocabularyShare(samples: readonly string[], codes: readonly string[]): number {
  const lower = codes.map((code) => code.toLowerCase());
  // Translated first, so "Activo" and "abgesagt" meet active and cancelled.
  const values = samples
    .map((s) => codeForm(s))
    .map((s) => foreignWords[s]?.join("") ?? s)
    .map((s) => s.replace(/[\s_-]+/g, ""))
    .filter((s) => s.length > 0);
  if (values.length === 0) return 0;
  const hits = values.filter((v) => lower.some((code) => code === v || (v.length <= 3 && code.startsWith(v))));
  return hits.length / values.length;
}

/**
 * Scores one (column, field) pair: the weighted sum of the name, type, pattern, key, reference and
 * custom signals, with a reason for each signal that moved the score.
 */
export function scoreField(context: ColumnContext, field: FieldDef, object: ObjectDef): FieldScore {
  const reasons: string[] = [];
  let cap: number | undefined;
  const phrases = fieldPhrases(field);
  const name = matchName(context.name, phrases);
  // An exact spelling beats a match found through abbreviations ("Date Added" is uploadedAt's
  // synonym verbatim, and createdAt's only once "added" reads as "created").
  let score = NAME_WEIGHT * name.score + (name.verbatim ? VERBATIM_BONUS : 0);
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
    const contradicts = bestFit < 0 && shapedKinds.has(bestMatch.kind);
    score += contradicts ? MISFIT_WEIGHT * bestFit : TYPE_WEIGHT * bestFit;
    if (contradicts) cap = CONTRADICTED_CAP;
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

  let nameScore = name.score;
  for (const adjustment of contextSignals(context, field, object, phrases.map((p) => p.tokens))) {
    score += adjustment.delta;
    if (adjustment.aboutName) nameScore = Math.max(0, nameScore + adjustment.delta / NAME_WEIGHT);
    if (adjustment.reason) reasons.push(adjustment.reason);
  }
  if (context.custom && !name.exact) cap = Math.min(cap ?? 1, CUSTOM_CAP);
  return { field, score, nameScore, reasons, ...(cap !== undefined ? { cap } : {}) };
}
