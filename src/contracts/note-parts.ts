/**
 * Our key for part n of a note whose text was split (n ≥ 2): stable across runs, so a re-run
 * upserts the same parts, and shared by every target and by the core (journal, verify, rollback).
 *
 * @example notePartKey("vp:clinical_notes:N1", 2) → "vp:clinical_notes:N1#part2"
 */
export function notePartKey(sourceKey: string, part: number): string {
  return part <= 1 ? sourceKey : `${sourceKey}#part${part}`;
}
