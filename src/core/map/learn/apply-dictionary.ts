import type { FieldRow, MappingFile } from "../../../config/mapping-file.js";
import { rowLanding, type RowLanding } from "../row-landing.js";
import type { TargetTemplate } from "../templates/template.js";
import { keyOf, newestFirst, normalizeColumn, type Dictionary, type DictionaryEntry } from "./dictionary.js";
import { learnedVerdict, type LearnedVerdict } from "./learned-verdict.js";

/** A row the dictionary proposed, for the map's summary and the audit log. */
export interface LearnedProposal {
  readonly source: string;
  /** `object.field`, `object.customProperties.<column>`, or null (leave the column out). */
  readonly model: string | null;
  readonly confidence: number;
  /** The matcher alone proposed the same. */
  readonly agreed: boolean;
}

/** Confidence of a row that lost its field to a learned decision: it needs a person's look. */
const DISPLACED_CONFIDENCE = 0.5;

/** Where a learned outcome lands; model null: the column is left out. */
type Landing = Omit<RowLanding, "model"> & { readonly model: string | null };

interface Candidate {
  readonly row: FieldRow;
  readonly column: string;
  readonly verdict: LearnedVerdict;
  readonly landing: Landing;
  readonly newestAt: number;
}

/**
 * Lays the dictionary over the matcher's proposals: a column with an entry for this vendor and
 * object gets the newest decision as its proposal, with the reasons and a confidence from how
 * often it was confirmed or overridden. Rows stay "proposed": learning never confirms. One column
 * per model field still holds: the newer decision keeps a field two columns claim, and a column
 * the matcher gave that field becomes a custom property (never dropped). Pure.
 */
export function applyDictionary(mapping: MappingFile, dictionary: Dictionary, template: TargetTemplate): { mapping: MappingFile; learned: LearnedProposal[] } {
  const entries = new Map(dictionary.entries.map((e) => [keyOf(e), e] as const));
  const objectOf = new Map(mapping.objects.map((o) => [o.source, o.model] as const));
  const candidates: Candidate[] = [];
  for (const row of mapping.fields) {
    if (row.status !== "proposed") continue;
    const table = row.source.slice(0, row.source.indexOf("."));
    const column = row.source.slice(table.length + 1);
    const object = objectOf.get(table);
    const entry = object ? entries.get(keyOf({ vendor: mapping.source, object, column: normalizeColumn(column) })) : undefined;
    const candidate = object && entry ? candidateFor(row, column, object, entry, template) : undefined;
    if (candidate) candidates.push(candidate);
  }

  // Newest decision first: it keeps a model field another learned column also claims.
  const claimed = new Map<string, string>();
  const chosen = new Map<string, Candidate>();
  const notes = new Map<string, string>();
  for (const c of [...candidates].sort((a, b) => b.newestAt - a.newestAt)) {
    const field = isField(c.landing.model) ? c.landing.model : undefined;
    const holder = field ? claimed.get(tableOf(c.row.source) + "|" + field) : undefined;
    if (field && holder) {
      notes.set(c.row.source, `learned ${field} for this column, but column '${holder}' holds it by a newer decision`);
      continue;
    }
    if (field) claimed.set(tableOf(c.row.source) + "|" + field, c.column);
    chosen.set(c.row.source, c);
  }

  const learned: LearnedProposal[] = [];
  const fields = mapping.fields.map((row): FieldRow => {
    const c = chosen.get(row.source);
    if (c) {
      const agreed = c.landing.model === row.model;
      const confidence = confidenceOf(row, c, agreed);
      learned.push({ source: row.source, model: c.landing.model, confidence, agreed });
      return learnedRow(row, c, agreed, confidence);
    }
    const note = notes.get(row.source);
    const withNote = note ? { ...row, reasons: [note, ...row.reasons] } : row;
    const holder = row.status === "proposed" && isField(row.model) ? claimed.get(tableOf(row.source) + "|" + row.model) : undefined;
    return holder ? displaced(withNote, holder, template) : withNote;
  });
  return { mapping: { ...mapping, fields }, learned };
}

function candidateFor(row: FieldRow, column: string, object: string, entry: DictionaryEntry, template: TargetTemplate): Candidate | undefined {
  const verdict = learnedVerdict(entry);
  const landing: Landing | undefined =
    verdict.outcome === "rejected" ? { model: null, target: null, phi: row.phi }
      : verdict.outcome === "custom" ? rowLanding(`${object}.customProperties`, column, template)
        : verdict.outcome.startsWith(`${object}.`) ? rowLanding(verdict.outcome, column, template) : undefined;
  if (!landing) return undefined;
  return { row, column, verdict, landing, newestAt: Date.parse(newestFirst(entry.decisions)[0]!.at) };
}

/**
 * Agreement with the matcher never lowers what it was sure of; but when people disagreed with
 * each other, the history's confidence stands (lower), so a person looks at the row again.
 */
function confidenceOf(row: FieldRow, c: Candidate, agreed: boolean): number {
  return agreed && c.verdict.contrary.length === 0 ? Math.max(row.confidence, c.verdict.confidence) : c.verdict.confidence;
}

function learnedRow(row: FieldRow, c: Candidate, agreed: boolean, confidence: number): FieldRow {
  const reasons = [...c.verdict.reasons];
  if (c.landing.model === null) reasons.push("accept to leave this column out of the migration");
  if (agreed) reasons.push(...row.reasons);
  else reasons.push(`the matcher alone proposed ${row.model ?? "nothing"} (${row.confidence})`);
  return {
    ...row,
    model: c.landing.model,
    target: c.landing.target,
    phi: c.landing.phi,
    confidence,
    reasons,
    status: "proposed",
  };
}

/** The matcher's field went to another column by a person's earlier decision: keep this one as a custom property. */
function displaced(row: FieldRow, holder: string, template: TargetTemplate): FieldRow {
  const column = row.source.slice(tableOf(row.source).length + 1);
  const object = (row.model ?? "").split(".")[0] ?? "";
  const landing = rowLanding(`${object}.customProperties`, column, template);
  if (!landing) return row;
  return {
    ...row,
    ...landing,
    confidence: Math.min(row.confidence, DISPLACED_CONFIDENCE),
    reasons: [`${row.model} went to column '${holder}', as people decided in earlier migrations`, ...row.reasons, "kept as a custom property"],
  };
}

const tableOf = (source: string) => source.slice(0, source.indexOf("."));
const isField = (model: string | null): model is string => model !== null && !model.includes(".customProperties.");
