import type { FieldRow, MappingFile } from "../../../config/mapping-file.js";
import { getField } from "../../../model/index.js";
import { tidy } from "./dictionary-file.js";
import { normalizeColumn, type Decision, type Dictionary, type EntryKey } from "./dictionary.js";

/** One decision to remember, with the entry it belongs to. */
export interface Lesson {
  readonly key: EntryKey;
  readonly decision: Decision;
}

export interface LessonContext {
  /** Who decided (the audit actor). */
  readonly by: string;
  /** ISO instant of the review. */
  readonly at: string;
  /** The workspace's name. */
  readonly migration: string;
}

/**
 * What a review taught: every row a person decided in it (proposed before, confirmed or rejected
 * after), as the proposal they saw and the outcome they chose. Confirmations count too (the
 * dictionary weighs them less than corrections). A row moved to a field of another object is
 * not remembered: the load can't route it either. Pure.
 */
export function reviewLessons(before: MappingFile, after: MappingFile, context: LessonContext): Lesson[] {
  const objectOf = new Map(after.objects.map((o) => [o.source, o.model] as const));
  const was = new Map(before.fields.map((f) => [f.source, f] as const));
  const lessons: Lesson[] = [];
  for (const row of after.fields) {
    const prior = was.get(row.source);
    if (!prior || prior.status !== "proposed" || row.status === "proposed") continue;
    const table = row.source.slice(0, row.source.indexOf("."));
    const object = objectOf.get(table);
    if (!object) continue;
    const outcome = outcomeOf(row, object);
    const proposed = outcomeOf({ ...prior, status: "confirmed" }, object);
    if (!outcome || !proposed) continue;
    lessons.push({
      key: { vendor: after.source, object, column: normalizeColumn(row.source.slice(table.length + 1)) },
      decision: { outcome, proposed, source: row.source, by: context.by, at: context.at, migration: context.migration },
    });
  }
  return lessons;
}

/** A decided row as a dictionary outcome; undefined when it names no field of the table's object. */
function outcomeOf(row: FieldRow, object: string): string | undefined {
  if (row.status === "rejected" || row.model === null) return "rejected";
  if (!row.model.startsWith(`${object}.`)) return undefined;
  if (row.model.startsWith(`${object}.customProperties.`)) return "custom";
  return getField(row.model) ? row.model : undefined;
}

/** The dictionary with the lessons added (a new entry per new key). Pure. */
export function addLessons(dictionary: Dictionary, lessons: readonly Lesson[]): Dictionary {
  return tidy([...dictionary.entries, ...lessons.map((l) => ({ ...l.key, decisions: [l.decision] }))]);
}
