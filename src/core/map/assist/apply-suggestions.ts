import type { FieldRow, MappingFile } from "../../../config/mapping-file.js";
import { rowLanding } from "../row-landing.js";
import type { TargetTemplate } from "../templates/template.js";
import type { AssistRequest, Suggestion } from "./match-assistant.js";

/** A row the assistant changed or seconded, for the map's summary and the audit log. */
export interface AssistedProposal {
  readonly source: string;
  readonly model: string | null;
  readonly confidence: number;
  /** The assistant agreed with the matcher (the row only gained a reason). */
  readonly agreed: boolean;
}

export interface SuggestionOptions {
  /** The model's name, for reasons. */
  readonly assistant: string;
  /** The highest confidence a suggestion may carry: an assistant's confidence is not calibrated. */
  readonly cap: number;
  /** Columns whose sample values were sent: the assistant's own words about them are not kept (they may quote a value). */
  readonly sampled: ReadonlySet<string>;
  readonly template: TargetTemplate;
}

const REASON_LENGTH = 160;

/**
 * Turns an assistant's suggestions for one table into proposals: a suggestion that differs from
 * the matcher becomes the row's proposal at a capped confidence, with a reason naming the model
 * and what the matcher would have proposed; one that agrees adds a reason only. Suggestions for
 * columns not asked about, fields not offered, a field another column keeps, or a second column
 * for one field are ignored (counted). Rows stay "proposed". Pure.
 */
export function applySuggestions(mapping: MappingFile, request: AssistRequest, suggestions: readonly Suggestion[], o: SuggestionOptions): { mapping: MappingFile; applied: AssistedProposal[]; ignored: number } {
  const asked = new Set(request.columns.map((c) => c.column));
  const offered = new Set(request.candidates.map((c) => c.field));
  let ignored = 0;
  const byColumn = new Map<string, Suggestion>();
  for (const s of suggestions) {
    if (!asked.has(s.column) || byColumn.has(s.column) || (s.field !== null && !offered.has(s.field))) ignored++;
    else byColumn.set(s.column, s);
  }
  // A field an unsuggested asked column keeps is not free; of two columns suggested one field, the surer keeps it.
  const rowOf = (column: string) => mapping.fields.find((f) => f.source === `${request.table}.${column}`);
  const kept = new Set(request.columns.filter((c) => !byColumn.has(c.column)).map((c) => rowOf(c.column)?.model));
  const owner = new Map<string, Suggestion>();
  for (const s of [...byColumn.values()].sort((a, b) => b.confidence - a.confidence)) {
    if (s.field === null) continue;
    if (kept.has(s.field) || owner.has(s.field)) { byColumn.delete(s.column); ignored++; }
    else owner.set(s.field, s);
  }

  const requestSampled = request.columns.some((c) => o.sampled.has(`${request.table}.${c.column}`));
  const applied: AssistedProposal[] = [];
  const fields = mapping.fields.map((row): FieldRow => {
    const column = row.source.slice(request.table.length + 1);
    const s = row.source.startsWith(`${request.table}.`) ? byColumn.get(column) : undefined;
    const landing = s && rowLanding(s.field ?? `${request.object.name}.customProperties`, column, o.template);
    if (!s || !landing) return row;
    // The model saw every column of the request: when any of them carried sample values, its words
    // about any column may quote them, so none are kept for this table.
    const words = requestSampled || !s.reason ? "" : `: ${oneLine(s.reason)}`;
    if (landing.model === row.model) {
      applied.push({ source: row.source, model: row.model, confidence: row.confidence, agreed: true });
      return { ...row, reasons: [...row.reasons, `${o.assistant} (language model) agrees${words}`] };
    }
    const confidence = Math.round(Math.min(o.cap, s.confidence) * 1000) / 1000;
    applied.push({ source: row.source, model: landing.model, confidence, agreed: false });
    return {
      ...row,
      ...landing,
      confidence,
      reasons: [
        `suggested by ${o.assistant} (language model; its confidence is capped at ${o.cap})${words}`,
        `the matcher alone proposed ${row.model ?? "nothing"} (${row.confidence})`,
      ],
    };
  });
  return { mapping: { ...mapping, fields }, applied, ignored };
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > REASON_LENGTH ? `${flat.slice(0, REASON_LENGTH - 1)}…` : flat;
}
