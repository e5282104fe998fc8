import { decisionId, tidy } from "./dictionary-file.js";
import { keyOf, newestFirst, type Dictionary, type DictionaryEntry } from "./dictionary.js";

/** An entry whose newest decisions differ between the two dictionaries: the newer one now leads. */
export interface MergeConflict {
  readonly vendor: string;
  readonly object: string;
  readonly column: string;
  readonly local: string;
  readonly imported: string;
  /** The outcome the merged entry proposes (the newest decision's). */
  readonly proposes: string;
}

export interface MergeReport {
  /** Entries new to this workspace. */
  readonly added: number;
  /** Entries that gained decisions agreeing with the local newest one. */
  readonly updated: number;
  /** Entries that gained decisions whose newest outcome differs from the local newest one. */
  readonly conflicting: number;
  /** Entries with nothing new. */
  readonly unchanged: number;
  readonly conflicts: readonly MergeConflict[];
}

/**
 * Merges an imported dictionary into the workspace's: decisions are unioned per entry (duplicates
 * dropped), so nothing either side decided is lost, and the newest decision leads — an older
 * import never overrides a newer local decision. Pure.
 */
export function mergeDictionary(local: Dictionary, incoming: Dictionary): { dictionary: Dictionary; report: MergeReport } {
  const byKey = new Map(local.entries.map((e) => [keyOf(e), e] as const));
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  const conflicts: MergeConflict[] = [];
  const merged: DictionaryEntry[] = [...local.entries];
  for (const entry of incoming.entries) {
    const mine = byKey.get(keyOf(entry));
    merged.push(entry);
    if (!mine) { added++; continue; }
    const known = new Set(mine.decisions.map(decisionId));
    const fresh = entry.decisions.filter((d) => !known.has(decisionId(d)));
    if (fresh.length === 0) { unchanged++; continue; }
    const localOutcome = newestFirst(mine.decisions)[0]!.outcome;
    const importedOutcome = newestFirst(entry.decisions)[0]!.outcome;
    if (localOutcome === importedOutcome) { updated++; continue; }
    const proposes = newestFirst([...mine.decisions, ...fresh])[0]!.outcome;
    conflicts.push({ vendor: entry.vendor, object: entry.object, column: entry.column, local: localOutcome, imported: importedOutcome, proposes });
  }
  return { dictionary: tidy(merged), report: { added, updated, conflicting: conflicts.length, unchanged, conflicts } };
}
