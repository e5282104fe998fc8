import type { FieldDef, ObjectDef } from "../../../model/index.js";
import { getObject } from "../../../model/index.js";
import { normalizeName } from "./abbreviations.js";
import { meaningOf } from "./field-meaning.js";
import { negates, qualifierConflict } from "./name-conflict.js";
import type { ColumnContext } from "./score-field.js";
import { nameSimilarity } from "./similarity.js";
import { describePrior, tablePrior } from "./table-context.js";
import { kindFit } from "./value-fit.js";
import type { ValueKind } from "./value-profile.js";
import {
  CONFLICT_PENALTY, CUSTOM_PENALTY, DECLARED_MISFIT_WEIGHT, DECLARED_TYPE_WEIGHT, KEY_WEIGHT, MAIN_DATE_WEIGHT, NAME_PARTS_PENALTY,
  NEGATION_PENALTY, NOT_KEY_PENALTY, NOT_OWN_KEY_PENALTY, OTHER_OBJECT_PENALTY, POINTS_AT_WEIGHT, REFERENCE_TARGET_WEIGHT,
  REFERENCE_WEIGHT, REPEATED_KEY_PENALTY, UNIQUE_KEY_WEIGHT,
} from "./weights.js";

/**
 * The signals that aren't about the name's likeness or the values' shape: the key and references
 * the profile declares, the table's context, contradicting qualifiers, declared types, uniqueness.
 * Each adds to the score and says why in words.
 */
export interface Adjustment {
  readonly delta: number;
  readonly reason?: string;
  /** The adjustment contradicts the name's likeness (a clashing qualifier, a negation, another object). */
  readonly aboutName?: boolean;
}

/** Does the referenced table look like the object this lookup field points at? */
function referenceMatchesTarget(table: string, field: FieldDef): boolean {
  const target = field.ref ? getObject(field.ref) : undefined;
  if (!target) return false;
  const tableTokens = normalizeName(table);
  return [target.name, ...target.synonyms].some((phrase) => nameSimilarity(tableTokens, normalizeName(phrase)).exact);
}

function keySignals(context: ColumnContext, field: FieldDef): Adjustment[] {
  const out: Adjustment[] = [];
  if (field.name === "sourceId" && context.key === "key") out.push({ delta: KEY_WEIGHT, reason: "the profile names it the table's key" });
  else if (field.name === "sourceId" && context.key === "other") out.push({ delta: -NOT_KEY_PENALTY });
  const { nonEmptyCount, distinctCount } = context.column;
  if (field.name === "sourceId" && context.key === "unknown" && nonEmptyCount > 0) {
    const ratio = distinctCount / nonEmptyCount;
    if (ratio >= 0.98) out.push({ delta: UNIQUE_KEY_WEIGHT, reason: "every value is different, as a record key's is" });
    else if (ratio < 0.9) out.push({ delta: -REPEATED_KEY_PENALTY, reason: "values repeat, so it can't be the record's key" });
  }
  if (context.references && field.type === "ref") {
    out.push({ delta: REFERENCE_WEIGHT + (referenceMatchesTarget(context.references, field) ? REFERENCE_TARGET_WEIGHT : 0), reason: `the profile says it references table '${context.references}'` });
  }
  return out;
}

function priorSignal(context: ColumnContext, field: FieldDef, object: ObjectDef, phraseTokens: readonly (readonly string[])[]): Adjustment[] {
  const prior = tablePrior(context.name.tokens, object, field, new Set(phraseTokens.flat()));
  if (!prior) return [];
  const delta = { "points-at": POINTS_AT_WEIGHT, "other-object": -OTHER_OBJECT_PENALTY, "not-own-key": -NOT_OWN_KEY_PENALTY, "main-date": MAIN_DATE_WEIGHT }[prior.kind];
  return [{ delta, reason: describePrior(prior, field, object), aboutName: delta < 0 }];
}

function conflictSignals(context: ColumnContext, field: FieldDef, phraseTokens: readonly (readonly string[])[]): Adjustment[] {
  const out: Adjustment[] = [];
  const conflict = qualifierConflict(context.name.tokens, normalizeName(field.name), phraseTokens);
  if (conflict) out.push({ delta: -CONFLICT_PENALTY, reason: `the name says '${conflict.column}' where ${field.name} says '${conflict.field}'`, aboutName: true });
  const negated = negates(context.name.tokens, phraseTokens);
  if (negated) out.push({ delta: -NEGATION_PENALTY, reason: `the name '${negated}' says the opposite of ${field.name}`, aboutName: true });
  return out;
}

/** Source-declared types (Salesforce field types, API schemas) as value kinds. */
const declaredKinds: Readonly<Record<string, ValueKind>> = {
  date: "date", datetime: "dateTime", boolean: "bool", bool: "bool", int: "int", integer: "int", double: "decimal",
  number: "decimal", currency: "money", phone: "phone", email: "email", url: "url", picklist: "code", textarea: "prose",
};

function declaredSignal(context: ColumnContext, field: FieldDef): Adjustment[] {
  const declared = context.declaredType?.toLowerCase();
  if (!declared) return [];
  const meaning = meaningOf(field);
  const fit = declared === "reference" ? (meaning === "ref" ? 1 : meaning === "identifier" ? 0.5 : -1) : declaredKinds[declared] ? kindFit(declaredKinds[declared], meaning) : 0;
  if (fit > 0) return [{ delta: DECLARED_TYPE_WEIGHT * fit, reason: `the source declares it a ${declared} field` }];
  if (fit < 0) return [{ delta: DECLARED_MISFIT_WEIGHT * fit, reason: `the source declares it a ${declared} field, which ${field.name} is not` }];
  return [];
}

const namePartWords = new Set(["first", "last", "middle", "preferred"]);

/** "Full Name" values ("Amara Quill") on firstName: more than one name part per value. */
function namePartsSignal(context: ColumnContext, field: FieldDef): Adjustment[] {
  const words = normalizeName(field.name);
  if (field.type !== "text" || words.length !== 2 || words[1] !== "name" || !namePartWords.has(words[0] ?? "")) return [];
  const samples = context.column.samples.filter((s) => s.trim().length > 0);
  const several = samples.filter((s) => s.trim().split(/[\s,]+/).length >= 2).length;
  if (samples.length < 3 || several / samples.length < 0.8) return [];
  return [{ delta: -NAME_PARTS_PENALTY, reason: "values hold two or more words each, more than one name part" }];
}

/** Every adjustment for one (column, field) pair. */
export function contextSignals(context: ColumnContext, field: FieldDef, object: ObjectDef, phraseTokens: readonly (readonly string[])[]): Adjustment[] {
  const out = [
    ...keySignals(context, field),
    ...priorSignal(context, field, object, phraseTokens),
    ...conflictSignals(context, field, phraseTokens),
    ...declaredSignal(context, field),
    ...namePartsSignal(context, field),
  ];
  if (context.custom) out.push({ delta: -CUSTOM_PENALTY, reason: "the name marks it as a site-specific custom column" });
  return out;
}
