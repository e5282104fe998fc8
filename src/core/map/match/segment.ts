/**
 * Splits a run-together word into known words: legacy ALLCAPS headers ("PATNO", "ZIPCD",
 * "APPTDATE") and German compounds ("Mobilnummer", "Dateigroesse") are several words with the
 * separators lost. Fewest pieces wins; every piece must be a known word of at least two letters,
 * and a German linking "s" may sit between pieces ("Geburts|datum").
 *
 * @example segmentWord("apptdate", (w) => ["appt", "date"].includes(w)) // ["appt", "date"]
 */
export function segmentWord(word: string, known: (piece: string) => boolean): string[] | undefined {
  const n = word.length;
  /** best[i]: fewest pieces covering word[0, i), with the pieces. */
  const best: (string[] | undefined)[] = Array.from({ length: n + 1 }, () => undefined);
  best[0] = [];
  for (let end = 2; end <= n; end += 1) {
    for (let start = 0; start <= end - 2; start += 1) {
      const before = best[start];
      if (!before) continue;
      const piece = word.slice(start, end);
      const linked = before.length > 0 && piece.startsWith("s") && piece.length > 2 && known(piece.slice(1)) ? piece.slice(1) : undefined;
      const found = known(piece) ? piece : linked;
      if (found === undefined) continue;
      const candidate = [...before, found];
      const current = best[end];
      if (!current || candidate.length < current.length) best[end] = candidate;
    }
  }
  const result = best[n];
  return result && result.length >= 2 ? result : undefined;
}
