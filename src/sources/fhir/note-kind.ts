import { TextDecoder } from "node:util";
import { at, list, text, type Json } from "./flatten-values.js";

/** US Core's DocumentReference category for clinical notes. */
export const clinicalNoteCategory = "clinical-note";

/**
 * LOINC types of narrative notes: US Core's clinical note types (consult, discharge summary,
 * history and physical, procedure, progress) and the other common note types (referral, nurse,
 * emergency department, transfer). Reports (imaging, lab, pathology) are left to their category.
 */
export const noteTypes: ReadonlySet<string> = new Set(["11488-4", "18842-5", "34117-2", "28570-0", "11506-3", "57133-1", "34746-8", "34111-5", "18761-7"]);

/** MIME types a note's text may be written in, best first, with the model's `format` code. */
const textFormats: readonly (readonly [string, "plain" | "html" | "rtf"])[] = [
  ["text/plain", "plain"], ["text/html", "html"], ["text/rtf", "rtf"], ["application/rtf", "rtf"],
];

/** `text/plain; charset=utf-8` → "text/plain". */
export const mimeBase = (contentType: string): string => contentType.split(";")[0]!.trim().toLowerCase();

const codesOf = (concepts: Json): string[] => list(concepts).flatMap((c) => list(at(c, "coding")).map((coding) => text(at(coding, "code"))));

/** The note's text: the best text rendition among `content[]` that has data or a URL. */
export function noteRendition(resource: Readonly<Record<string, Json>>): { attachment: Json; format: "plain" | "html" | "rtf"; count: number } | undefined {
  const attachments = list(resource.content).map((c) => at(c, "attachment"));
  const readable = attachments.filter((a) => text(at(a, "data")) !== "" || text(at(a, "url")) !== "");
  for (const [mime, format] of textFormats) {
    const found = readable.find((a) => mimeBase(text(at(a, "contentType"))) === mime);
    if (found !== undefined) return { attachment: found, format, count: attachments.length };
  }
  return undefined;
}

/**
 * A DocumentReference is a clinical note when it says it is one (category `clinical-note`, or a
 * note's LOINC type) and has its text in a form a note can hold (plain, HTML or RTF). Anything
 * else — a scanned PDF filed as a note included — is a document. The answer depends on the
 * resource alone, so the two tables split the DocumentReferences exactly, read after read.
 */
export function isClinicalNote(resource: Readonly<Record<string, Json>>): boolean {
  const said = codesOf(resource.category).includes(clinicalNoteCategory) || codesOf([resource.type]).some((code) => noteTypes.has(code));
  return said && noteRendition(resource) !== undefined;
}

/** A note's bytes as text, in the charset its MIME type names (UTF-8 when none); undefined when
 * the charset is unknown or the bytes are not valid in it (never U+FFFD in place of a character). */
export function decodeText(bytes: Uint8Array, contentType: string): string | undefined {
  const charset = /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType)?.[1];
  try {
    return new TextDecoder(charset ?? "utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
