/** The delimiters an export may use, in the order a tie is broken. */
export const delimiters = [",", ";", "\t", "|"] as const;
export type Delimiter = (typeof delimiters)[number];

/** Records looked at; a header and a few dozen rows settle it. */
const sampleRecords = 50;

/**
 * Guesses the delimiter from the start of a file's text: for each candidate, counts it outside
 * quotes in each record of the sample, and picks the one that the header holds and that most
 * records hold exactly as often as the header does (ties: more columns, then the order above).
 * Quoted fields may hold line breaks and any delimiter. `complete` says the text is the whole
 * file, so its last record is not cut short. Falls back to `fallback` (a one-column file).
 *
 * @example sniffDelimiter("Name;Town\nAnn;Lyon\n", true, ",") // ";"
 */
export function sniffDelimiter(text: string, complete: boolean, fallback: Delimiter): Delimiter {
  const counts = countPerRecord(text, complete);
  const header = counts[0];
  if (!header) return fallback;
  let best: { delimiter: Delimiter; consistent: number; columns: number } | undefined;
  for (const [index, delimiter] of delimiters.entries()) {
    const columns = header[index]!;
    if (columns === 0) continue;
    const rows = counts.slice(1);
    const consistent = rows.length === 0 ? 1 : rows.filter((row) => row[index] === columns).length / rows.length;
    if (!best || consistent > best.consistent || (consistent === best.consistent && columns > best.columns)) {
      best = { delimiter, consistent, columns };
    }
  }
  return best?.delimiter ?? fallback;
}

/** Per record, how often each candidate occurs outside quotes. A doubled quote toggles twice: no net change. */
function countPerRecord(text: string, complete: boolean): number[][] {
  const records: number[][] = [];
  let current = delimiters.map(() => 0);
  let quoted = false;
  let empty = true;
  for (let i = 0; i < text.length && records.length < sampleRecords; i += 1) {
    const char = text[i]!;
    if (char === '"') {
      quoted = !quoted;
      empty = false;
    } else if (!quoted && (char === "\n" || char === "\r")) {
      if (!empty) records.push(current);
      current = delimiters.map(() => 0);
      empty = true;
    } else {
      empty = false;
      if (!quoted) {
        const index = delimiters.indexOf(char as Delimiter);
        if (index >= 0) current[index]! += 1;
      }
    }
  }
  if (complete && !empty && records.length < sampleRecords) records.push(current);
  return records;
}
