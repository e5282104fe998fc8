import { fhirIssues } from "./fhir-issues.js";
import { at, patientColumns, text, type Row } from "./flatten-values.js";
import { decodeText, isClinicalNote, noteRendition } from "./note-kind.js";
import type { ExpandContext, Expanded, ResourceTableSpec } from "./table-spec.js";
import { documentHeader } from "./tables-document.js";

/** A note's text is a column: larger ones are refused rather than held (a note is rarely over a few pages). */
export const maxNoteBytes = 8 * 1024 * 1024;

/**
 * DocumentReferences that are clinical notes (note-kind.ts) → ClinicalNote, the model's
 * `clinicalNote`: one row per note, `body` the text of its best rendition (plain, then HTML, then
 * RTF: a note's renditions are the same text in other formats) decoded in its charset, `format`
 * from the MIME type, `date_written` from `date`, `author` the practitioner. Any other
 * DocumentReference is the DocumentReference table's. A text that can't be had (a download that
 * fails, bad base64, over 8 MiB) is a warning and the note comes with an empty body.
 */
export const clinicalNoteTable: ResourceTableSpec = {
  type: "DocumentReference",
  table: "ClinicalNote",
  derived: true,
  usesDirectory: true,
  modelHint: "clinicalNote",
  columns: ["id", "status", "docStatus", "type", "type_text", "category", ...patientColumns, "author", "author_type", "context_encounter", "title",
    "body", "format", "date_written", "content_contentType", "content_count", "meta_lastUpdated"],
  references: [
    { column: "patient", tables: ["Patient"] },
    { column: "author", tables: ["Practitioner", "PractitionerRole", "Organization", "Patient"] },
    { column: "context_encounter", tables: ["Encounter"] },
  ],
  flatten(r, context) {
    const { date, description, ...header } = documentHeader(r, context);
    const rendition = noteRendition(r);
    const contentType = text(at(rendition?.attachment, "contentType"));
    return {
      ...header, title: description || header.type_text || text(at(rendition?.attachment, "title")), body: "", format: rendition?.format ?? "",
      date_written: date ?? "", content_contentType: contentType,
    } satisfies Row;
  },
  async expand(r, context: ExpandContext): Promise<Expanded> {
    if (!isClinicalNote(r)) return { rows: [], issues: [] };
    const values = clinicalNoteTable.flatten(r, context);
    const rendition = noteRendition(r);
    const got = context.attachments ? await context.attachments.bytes(rendition?.attachment, maxNoteBytes) : undefined;
    const body = got?.ok ? decodeText(got.bytes, values.content_contentType ?? "") : undefined;
    if (body !== undefined) values.body = body;
    const problem = got && !got.ok ? got.reason : got?.ok && body === undefined ? "its bytes are not text in the charset its content type names" : undefined;
    const issues = problem ? [fhirIssues.noteText(context.file, context.row, problem)] : [];
    return { rows: [{ key: values.id as string, values }], issues };
  },
};
