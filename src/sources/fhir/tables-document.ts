import { fhirIssues } from "./fhir-issues.js";
import { at, concept, concepts, list, patientColumns, putPatient, putReference, putStaff, text, type Json, type Row } from "./flatten-values.js";
import { isClinicalNote } from "./note-kind.js";
import type { ExpandContext, Expanded, FlattenContext, ResourceTableSpec } from "./table-spec.js";

const authorTypes = ["Practitioner", "PractitionerRole", "Organization", "Patient"];

/** What a DocumentReference says about itself, whichever table it lands in (document or note). */
export function documentHeader(r: Readonly<Record<string, Json>>, context: FlattenContext): Row {
  const type = concept(r.type);
  const row: Row = {
    id: text(r.id), meta_lastUpdated: text(at(r, "meta", "lastUpdated")), status: text(r.status), docStatus: text(r.docStatus),
    type: type.code, type_text: type.text, category: concepts(r.category), date: text(r.date), description: text(r.description),
    content_count: String(list(r.content).length),
  };
  putPatient(row, r.subject);
  putStaff(row, "author", list(r.author)[0], context.directory);
  putReference(row, "context_encounter", list(at(r, "context", "encounter"))[0]);
  return row;
}

/** The attachment's own columns; `attachment_path` is filled once its bytes are stored. Attachment.title,
 * "the label to display in place of the data", is the name the user knew the file by: `attachment_filename`. */
function attachmentColumns(attachment: Json): Row {
  return {
    attachment_contentType: text(at(attachment, "contentType")), attachment_filename: text(at(attachment, "title")),
    attachment_size: text(at(attachment, "size")), attachment_url: text(at(attachment, "url")), attachment_creation: text(at(attachment, "creation")),
    attachment_language: text(at(attachment, "language")), attachment_path: "",
  };
}

/**
 * DocumentReference → document: one row per `content[]` item (each a rendition of the document,
 * each a file of its own), keyed `<id>` for the first and `<id>#<n>` for the n-th, so keys stay
 * the same read after read. The bytes are never a column: `attachment_path` names the stored
 * copy (content-addressed, under the source's files folder); an attachment whose bytes can't be
 * had is an issue in its row's place (HO-SRC-032), and one with neither data nor URL a row
 * without a path. Clinical notes are not documents:
 * `ClinicalNote` takes them (tables-note.ts), and this table gives no row for them.
 */
export const documentReferenceTable: ResourceTableSpec = {
  type: "DocumentReference",
  modelHint: "document",
  usesDirectory: true,
  columns: ["id", "content_index", "status", "docStatus", "type", "type_text", "category", ...patientColumns, "date", "author", "author_type", "description",
    "context_encounter", "attachment_contentType", "attachment_filename", "attachment_size", "attachment_url", "attachment_creation", "attachment_language",
    "attachment_path", "content_count", "meta_lastUpdated"],
  references: [
    { column: "patient", tables: ["Patient"] },
    { column: "author", tables: authorTypes },
    { column: "context_encounter", tables: ["Encounter"] },
  ],
  fileColumns: ["attachment_path"],
  flatten: (r, context) => ({ ...documentHeader(r, context), content_index: "1", ...attachmentColumns(at(list(r.content)[0], "attachment")) }),
  async expand(r, context: ExpandContext): Promise<Expanded> {
    if (isClinicalNote(r)) return { rows: [], issues: [] };
    const header = documentHeader(r, context);
    const id = header.id as string;
    const contents = list(r.content);
    if (contents.length === 0) return { rows: [{ key: id, values: { ...header, content_index: "", ...attachmentColumns(undefined) } }], issues: [] };
    const rows: { key: string; values: Row }[] = [];
    const issues = [];
    for (const [index, content] of contents.entries()) {
      const attachment = at(content, "attachment");
      const key = index === 0 ? id : `${id}#${index + 1}`;
      const values: Row = { ...header, id: key, content_index: String(index + 1), ...attachmentColumns(attachment) };
      const stored = await context.attachments?.put(attachment);
      if (stored && !stored.ok) {
        issues.push({ ...fhirIssues.attachment(context.file, context.row, stored.reason), recordKey: key });
        continue;
      }
      if (stored) values.attachment_path = stored.path;
      rows.push({ key, values });
    }
    return { rows, issues };
  },
};
