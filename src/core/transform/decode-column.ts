import type { EncodedColumn } from "../../sources/export/profile.js";

export type Decoded = { readonly ok: true; readonly text: string; readonly change: string | null } | { readonly ok: false };

const base64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * A column's value as text: decoded when the row's flag column says it is stored encoded (a
 * Core Practice note with is_b64 = Yes holds UTF-8 text in base64). Text that is flagged but
 * isn't valid base64 of UTF-8 is refused rather than passed on as gibberish.
 *
 * @example decodeColumn({ note_txt: "aGk=", is_b64: "Yes" }, "note_txt", { flagColumn: "is_b64", flagValues: ["yes"], encoding: "base64" }) // { ok: true, text: "hi", change: "base64 → text" }
 */
export function decodeColumn(values: Readonly<Record<string, string>>, column: string, encoded: EncodedColumn | undefined): Decoded {
  const raw = values[column] ?? "";
  if (!encoded) return { ok: true, text: raw, change: null };
  const flag = (values[encoded.flagColumn] ?? "").trim().toLowerCase();
  if (!encoded.flagValues.some((v) => v.toLowerCase() === flag)) return { ok: true, text: raw, change: null };
  const compact = raw.replace(/\s+/g, "");
  if (compact.length % 4 !== 0 || !base64.test(compact)) return { ok: false };
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(compact, "base64")), change: `${encoded.encoding} → text` };
  } catch {
    return { ok: false };
  }
}
