import { commonFields, field, type ObjectDef } from "../types.js";

/** A file kept on a patient's chart (consent form, lab report, x-ray). Lands as a note with the
 * file attached; a file over the target's upload limit is flagged in the plan. The model page
 * says owner ref(any); sources we read attach files to patients, so the ref is to the patient. */
export const document: ObjectDef = {
  name: "document",
  description: "A file on a patient's chart: consent, lab report, imaging, insurance card, form.",
  synonyms: ["document", "documents", "attachment", "attachments", "file", "files", "x-ray", "xray", "scans"],
  fields: [
    ...commonFields,
    field("patient", "ref", "The patient whose chart holds the file.", { ref: "patient", required: true, synonyms: ["patient", "patient id", "pt id", "owner", "owner id"] }),
    field("fileName", "text", "The file's name as the user saw it.", { synonyms: ["file name", "filename", "name", "original name"] }),
    field("mimeType", "text", "Its media type (application/pdf, image/jpeg…).", { synonyms: ["mime type", "content type", "media type", "mime"] }),
    field("sizeBytes", "int", "Its size in bytes, as the source says.", { synonyms: ["size", "size bytes", "file size", "bytes", "length"] }),
    field("content", "file", "The file itself: a path relative to the export folder.", { phi: true, synonyms: ["path", "file path", "location", "content", "stored as", "storage path", "download url", "file url"] }),
    field("category", "code", "What kind of file it is.", { codes: ["consent", "lab", "imaging", "insuranceCard", "form", "other"], synonyms: ["category", "document type", "doc type", "type", "kind"] }),
    field("uploadedAt", "dateTime", "When it was filed (kept as the note's creation time).", { synonyms: ["uploaded", "uploaded at", "uploaded date", "upload date", "date added", "filed at", "scanned"] }),
  ],
};
