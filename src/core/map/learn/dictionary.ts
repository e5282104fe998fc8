import { z } from "zod";
import { splitName } from "../match/tokenize.js";

/**
 * The matching dictionary (dictionary.yaml, version 1): what people decided about source columns,
 * so the next migration from the same vendor proposes it. Column names and decisions only — never
 * a sample value. An entry is keyed by vendor (the export profile or source id), the model object
 * the column's table holds, and the column's normalized name: the same vendor's "Patients" table
 * may be "Patient List" next time, but it still holds patients, and "Chart_No" is "ChartNo".
 */

/** A decision's result: a model field (`patient.mrn`), a custom property, or left out. */
const outcome = z.string().regex(/^(custom|rejected|[a-z][A-Za-z0-9]*\.[a-z][A-Za-z0-9]*)$/, "expected object.field, custom or rejected");

export const decisionSchema = z.strictObject({
  /** What the person settled on. */
  outcome,
  /** What the map proposed when they decided (equal to outcome: they confirmed it). */
  proposed: outcome,
  /** `table.column` as it was in that migration. */
  source: z.string().regex(/^[^.]+\..+$/, "expected table.column"),
  by: z.string().min(1),
  at: z.iso.datetime({ offset: true }),
  /** The workspace's name (handover.yaml `name`). */
  migration: z.string().min(1),
});

export const entrySchema = z.strictObject({
  vendor: z.string().min(1),
  object: z.string().min(1),
  /** The column name as lowercase words ("Custom_NewsletterOptIn" → "custom newsletter opt in"). */
  column: z.string().min(1),
  decisions: z.array(decisionSchema).min(1),
});

export const dictionarySchema = z.strictObject({
  version: z.literal(1),
  entries: z.array(entrySchema),
});

export type Decision = z.infer<typeof decisionSchema>;
export type DictionaryEntry = z.infer<typeof entrySchema>;
export type Dictionary = z.infer<typeof dictionarySchema>;

export const emptyDictionary: Dictionary = { version: 1, entries: [] };

/**
 * Case and separators don't matter; words do. Abbreviations are not expanded: a person's decision
 * is about this spelling, not about everything the matcher reads as the same.
 *
 * @example normalizeColumn("Custom_NewsletterOptIn") // "custom newsletter opt in"
 */
export function normalizeColumn(name: string): string {
  return splitName(name).join(" ");
}

export interface EntryKey {
  readonly vendor: string;
  readonly object: string;
  readonly column: string;
}

export function keyOf(e: EntryKey): string {
  return `${e.vendor}\u0000${e.object}\u0000${e.column}`;
}

/** Newest first; ties keep file order. */
export function newestFirst(decisions: readonly Decision[]): Decision[] {
  return [...decisions].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

/** Decisions kept per entry: the newest ones; older history stays in the audit log. */
export const MAX_DECISIONS = 20;
