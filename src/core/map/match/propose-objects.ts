import type { SourceCatalog, SourceTable } from "../../../contracts/source.js";
import type { ObjectDef } from "../../../model/index.js";
import { normalizeName } from "./abbreviations.js";
import { proposeFields } from "./propose-fields.js";
import { nameSimilarity } from "./similarity.js";
import { splitName } from "./tokenize.js";
import type { ObjectProposal } from "./types.js";

/** A vendor profile was written for this export by someone who knew it: trust it. */
const HINT_CONFIDENCE = 0.95;
/** A table name equal to an object's name or synonym is strong but names can mislead. */
const TABLE_NAME_WEIGHT = 0.9;
/** Share of columns that map to an object's own fields (not the common ones) backs up a name. */
const COVERAGE_WEIGHT = 0.6;
/** A column counts towards coverage only when its field is fairly sure. */
const COVERAGE_CONFIDENCE = 0.6;
/** Below this the table holds nothing we know: its columns become custom properties elsewhere. */
const OBJECT_FLOOR = 0.4;
const commonFieldNames = new Set(["sourceId", "createdAt", "modifiedAt"]);

/** "visual-practice" → "Visual Practice". */
function profileTitle(profile: string | undefined): string {
  if (!profile) return "source";
  return profile.split(/[-_\s]+/).map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(" ");
}

interface Scored {
  readonly object: ObjectDef;
  readonly confidence: number;
  readonly reasons: string[];
}

function scoreObject(table: SourceTable, object: ObjectDef): Scored {
  const tableTokens = normalizeName(table.name);
  let nameScore = 0;
  let nameLabel = "";
  for (const [label, phrase] of [[`object ${object.name}`, object.name], ...object.synonyms.map((s) => [`synonym '${s}' of ${object.name}`, s])] as const) {
    const similarity = nameSimilarity(tableTokens, normalizeName(phrase));
    // On a tie, name the phrase spelled as the table is ('providers', not 'provider').
    const verbatim = similarity.exact && splitName(phrase).join(" ") === splitName(table.name).join(" ");
    if (similarity.score > nameScore || (verbatim && similarity.score === nameScore)) [nameScore, nameLabel] = [similarity.score, label];
  }
  const own = proposeFields(table, object).filter((p) => p.field !== null && !commonFieldNames.has(p.field));
  const covered = own.filter((p) => p.confidence >= COVERAGE_CONFIDENCE).length;
  const coverage = table.columns.length === 0 ? 0 : covered / table.columns.length;
  // Noisy-or: either signal alone can carry it, both together more so.
  const confidence = 1 - (1 - TABLE_NAME_WEIGHT * nameScore) * (1 - COVERAGE_WEIGHT * coverage);
  const reasons: string[] = [];
  if (nameScore >= 0.3) {
    reasons.push(nameScore >= 1 ? `table name '${table.name}' matches ${nameLabel}` : `table name '${table.name}' is ${Math.round(nameScore * 100)}% like ${nameLabel}`);
  }
  reasons.push(`${covered} of ${table.columns.length} columns match ${object.name} fields`);
  return { object, confidence: Math.round(confidence * 1000) / 1000, reasons };
}

/**
 * Proposes the model object each source table holds: the vendor profile's hint when it names a
 * model object, otherwise the best of table-name similarity and column coverage.
 *
 * @example proposeObjects(catalog, model)
 * // [{ table: "providers", object: "staff", confidence: 0.95, reasons: ["the Visual Practice profile says it holds staff"] }]
 */
export function proposeObjects(catalog: SourceCatalog, model: Readonly<Record<string, ObjectDef>>): ObjectProposal[] {
  const objects = Object.values(model);
  return catalog.tables.map((table): ObjectProposal => {
    const hinted = table.modelHint ? model[table.modelHint] : undefined;
    if (hinted) {
      return {
        table: table.name,
        object: hinted.name,
        confidence: HINT_CONFIDENCE,
        reasons: [`the ${profileTitle(catalog.profile)} profile says it holds ${hinted.name}`],
      };
    }
    const hintNote = table.modelHint ? [`the ${profileTitle(catalog.profile)} profile says '${table.modelHint}', which the model doesn't have`] : [];
    let best: Scored | undefined;
    // Strictly greater: ties go to the earlier object in model order.
    for (const object of objects) {
      const scored = scoreObject(table, object);
      if (!best || scored.confidence > best.confidence) best = scored;
    }
    if (!best || best.confidence < OBJECT_FLOOR) {
      return { table: table.name, object: null, confidence: best?.confidence ?? 0, reasons: [...hintNote, "no model object fits its name or columns"] };
    }
    return { table: table.name, object: best.object.name, confidence: best.confidence, reasons: [...hintNote, ...best.reasons] };
  });
}
