import type { Rng } from "./prng.js";
import { notePlans, noteSentences } from "./word-lists.js";

export type NoteFormat = "Plain" | "RTF" | "HTML";

const escapeHtml = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * A short synthetic note body in the given format: two to five stock sentences and often a plan.
 * Plain text sometimes puts each sentence on its own line (a quoted multi-line CSV field); RTF and
 * HTML carry the light markup Visual Practice's editor saves (`\par`, `<p>`, `<b>`).
 *
 * @example noteBody(rng, "HTML") // "<p>Pt seen for routine visit.</p><p><b>Plan:</b> recall in 6 months.</p>"
 */
export function noteBody(rng: Rng, format: NoteFormat): string {
  const sentences: string[] = [];
  const count = rng.int(2, 5);
  for (let k = 0; k < count; k += 1) sentences.push(rng.pick(noteSentences));
  if (rng.chance(0.6)) sentences.push(rng.pick(notePlans));
  switch (format) {
    case "RTF":
      return `{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\\f0\\fs20 ${sentences.join("\\par\n")}\\par}`;
    case "HTML":
      return sentences
        .map((s) => (s.startsWith("Plan: ") ? `<p><b>Plan:</b> ${escapeHtml(s.slice(6))}</p>` : `<p>${escapeHtml(s)}</p>`))
        .join(rng.chance(0.5) ? "\n" : "");
    default:
      return sentences.join(rng.chance(0.25) ? "\n" : " ");
  }
}

/**
 * A plain-text note exactly `length` characters long (ASCII, so characters = bytes), the way a
 * chart history pasted in from a scan looks: stock sentences in paragraphs. Ends on a full stop,
 * never on white space a reader might trim.
 */
export function longNoteBody(rng: Rng, length: number): string {
  const parts: string[] = ["Consolidated chart history (imported from scanned records)."];
  let total = parts[0]!.length;
  while (total < length) {
    const sentence = rng.pick(noteSentences);
    const separator = rng.chance(0.08) ? "\n\n" : " ";
    parts.push(separator, sentence);
    total += separator.length + sentence.length;
  }
  const text = parts.join("").slice(0, length);
  return /\s$/.test(text) ? `${text.slice(0, -1)}.` : text;
}
