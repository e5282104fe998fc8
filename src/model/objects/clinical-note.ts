import { commonFields, field, type ObjectDef } from "../types.js";

/** A clinician's note on a patient. Lands as a note on the patient's row, split with a flag
 * when the text is longer than the target's note column allows — never cut. */
export const clinicalNote: ObjectDef = {
  name: "clinicalNote",
  description: "A clinician's written note on a patient (chart note, treatment note).",
  synonyms: ["clinical note", "clinical notes", "chart note", "chart notes", "notes", "note", "treatment notes", "progress notes"],
  fields: [
    ...commonFields,
    field("patient", "ref", "The patient the note is about.", { ref: "patient", required: true, synonyms: ["patient", "patient id", "pt id"] }),
    field("appointment", "ref", "The visit the note was written for.", { ref: "appointment", synonyms: ["appointment", "appt id", "appointment id", "visit id"] }),
    field("author", "ref", "Who wrote it.", { ref: "staff", synonyms: ["author", "author id", "author provider id", "provider", "provider id", "written by", "clinician"] }),
    field("title", "text", "The note's heading.", { synonyms: ["title", "subject", "heading", "note title"] }),
    field("body", "longText", "The note itself.", { phi: true, synonyms: ["body", "note text", "text", "content", "note body", "narrative"] }),
    field("format", "code", "How the body is written.", { codes: ["plain", "rtf", "html"], synonyms: ["format", "note format", "text format"] }),
    field("writtenAt", "dateTime", "When it was written (kept as the note's creation time).", { synonyms: ["written", "written at", "written date", "note date", "date written", "entered at"] }),
  ],
};
