import { at, concept, concepts, list, putReference, text, type Json, type Row } from "./flatten-values.js";
import type { ResourceTableSpec } from "./table-spec.js";

/** The attachment a DocumentReference row stands for: its first `content[].attachment`. */
export function firstAttachment(resource: Readonly<Record<string, Json>>): Json {
  return at(list(resource.content)[0], "attachment");
}

/**
 * DocumentReference → document. Only the first content's attachment is described (the others are
 * counted in `content_count`); its bytes are never a column: `attachment_path` names the stored
 * copy (content-addressed, under the source's files folder), filled in by the reader.
 */
export const documentReferenceTable: ResourceTableSpec = {
  type: "DocumentReference",
  modelHint: "document",
  columns: ["id", "status", "docStatus", "type", "type_text", "category", "subject", "subject_type", "date", "author", "author_type", "description",
    "context_encounter", "attachment_contentType", "attachment_title", "attachment_size", "attachment_url", "attachment_creation", "attachment_language",
    "attachment_path", "content_count", "meta_lastUpdated"],
  references: [
    { column: "subject", tables: ["Patient", "Practitioner", "Group"] },
    { column: "author", tables: ["Practitioner", "PractitionerRole", "Organization", "Patient"] },
    { column: "context_encounter", tables: ["Encounter"] },
  ],
  fileColumns: ["attachment_path"],
  flatten(r) {
    const type = concept(r.type);
    const attachment = firstAttachment(r);
    const row: Row = {
      id: text(r.id), meta_lastUpdated: text(at(r, "meta", "lastUpdated")), status: text(r.status), docStatus: text(r.docStatus),
      type: type.code, type_text: type.text, category: concepts(r.category), date: text(r.date), description: text(r.description),
      attachment_contentType: text(at(attachment, "contentType")), attachment_title: text(at(attachment, "title")),
      attachment_size: text(at(attachment, "size")), attachment_url: text(at(attachment, "url")), attachment_creation: text(at(attachment, "creation")),
      attachment_language: text(at(attachment, "language")), attachment_path: "", content_count: String(list(r.content).length),
    };
    putReference(row, "subject", r.subject, true);
    putReference(row, "author", list(r.author)[0], true);
    putReference(row, "context_encounter", list(at(r, "context", "encounter"))[0]);
    return row;
  },
};
