/**
 * Text longer than its column allows is split into numbered parts, never cut. annotation.notetext
 * is a Memo of MaxLength 100,000 and annotation.subject a String of 500 (Learn:
 * reference/entities/annotation#BKMK_NoteText, #BKMK_Subject); we read the live lengths when we can.
 */

/** Dataverse counts string length in UTF-16 code units, as JavaScript does. */
export const NOTE_TEXT_MAX = 100_000;
export const NOTE_SUBJECT_MAX = 500;

/** How far back from a cut we look for a line break or space to cut at instead. */
const SOFT_WINDOW = 200;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Where to end a part that may hold at most `max` code units from `start`. */
function cutAt(text: string, start: number, max: number): number {
  let end = start + max;
  if (end >= text.length) return text.length;
  // Prefer a line break, then a space, near the end, so a part doesn't end mid-word.
  const window = text.slice(Math.max(start + 1, end - SOFT_WINDOW), end);
  const newline = window.lastIndexOf("\n");
  const space = window.lastIndexOf(" ");
  const soft = newline >= 0 ? newline : space;
  if (soft >= 0) return end - window.length + soft + 1;
  // Never split a surrogate pair (an emoji would turn into two broken halves).
  if (isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  return end;
}

/** `text` in parts of at most `max` code units each; joined, they give back `text` exactly. */
export function splitText(text: string, max: number): readonly string[] {
  if (!Number.isInteger(max) || max < 2) throw new RangeError("max must be an integer of at least 2");
  if (text.length <= max) return [text];
  const parts: string[] = [];
  for (let start = 0; start < text.length; ) {
    const end = cutAt(text, start, max);
    parts.push(text.slice(start, end));
    start = end;
  }
  return parts;
}

export interface PartSubject {
  readonly subject: string;
  /** The original subject was shortened to make room for the suffix. */
  readonly shortened: boolean;
}

/** "Visit summary (part 2 of 3)"; the original is shortened (never the suffix) to fit `max`. */
export function partSubject(subject: string | null, part: number, of: number, max = NOTE_SUBJECT_MAX): PartSubject {
  const base = subject ?? "";
  if (of <= 1) return { subject: base, shortened: false };
  const suffix = `(part ${part} of ${of})`;
  const joined = base === "" ? suffix : `${base} ${suffix}`;
  if (joined.length <= max) return { subject: joined, shortened: false };
  const room = Math.max(0, max - suffix.length - 2); // "… " before the suffix
  let head = base.slice(0, room);
  if (head.length > 0 && isHighSurrogate(head.charCodeAt(head.length - 1))) head = head.slice(0, -1);
  return { subject: `${head}… ${suffix}`.slice(0, max), shortened: true };
}

/** Our key for part n (n ≥ 2) of a note: stable across runs, so re-runs upsert the same parts. */
export { notePartKey as partKey } from "../../contracts/note-parts.js";
