import { defineErrors } from "../error-catalog.js";

/** Source readers' errors. Row numbers are the line in the file where the record starts. */
export const sourceErrors = defineErrors({
  "HO-SRC-001": {
    category: "config",
    message: "Source folder {path} does not exist or holds no readable export files.",
  },
  "HO-SRC-002": {
    category: "data",
    message: "{file} row {row}: malformed CSV ({reason}); the row is rejected.",
  },
  "HO-SRC-003": {
    category: "data",
    message: "{file} row {row}: {found} fields where the header has {expected}; the row is rejected.",
  },
  "HO-SRC-004": {
    category: "data",
    message: "{file}: the header names column '{field}' more than once.",
  },
  "HO-SRC-005": {
    category: "data",
    message: "{file} row {row}: the key column '{field}' is empty; the row is rejected.",
  },
  "HO-SRC-006": {
    category: "config",
    message: "The export folder {path} has no table '{table}'.",
    hint: "Run 'handover discover' to list the tables it holds (a file's name without its extension, lowercased, or the profile's name for it).",
  },
  "HO-SRC-007": {
    category: "data",
    message: "{file}: the header row can't be parsed ({reason}); the table can't be read.",
  },
  "HO-SRC-008": {
    category: "config",
    message: "{file}: the checkpoint can't be used ({reason}); read the table again from the start.",
  },
  "HO-SRC-009": {
    category: "config",
    message: "Files {file} and {other} in {path} both give the table '{table}'.",
    hint: "Rename or remove one of them; table names ignore letter case.",
  },
  "HO-SRC-010": {
    category: "data",
    message: "{file} row {row}: the record holds a NUL byte, which a text export never writes; the row is rejected.",
    hint: "The file may be damaged, or its encoding misread; re-export the table, or save it as UTF-8.",
  },
  "HO-SRC-011": {
    category: "config",
    message: "The archive {path} holds an entry whose name leads outside it ({reason}); the archive is refused.",
    hint: "An export archive never needs '..' or absolute paths; build the archive again from the export folder.",
  },
  "HO-SRC-012": {
    category: "data",
    message: "{file} row {row}: malformed JSON ({reason}); the record is rejected.",
  },
  "HO-SRC-013": {
    category: "data",
    message: "{file}: the file can't be read as {format} ({reason}); the table can't be read.",
    hint: "Check that the file is complete and saved in the format its extension says.",
  },
  "HO-SRC-014": {
    category: "transient",
    message: "The source API at {endpoint} failed after {attempts} attempts ({reason}).",
    hint: "Run the command again later; a read resumes from its last finished page.",
  },
  "HO-SRC-015": {
    category: "config",
    message: "The source API at {endpoint} refused the request: HTTP {status} {code}.",
    hint: "Check the API key (in the environment variable handover.yaml names) and the account's access.",
  },
  "HO-SRC-016": {
    category: "config",
    message: "The source at {path} has no table '{table}'.",
    hint: "Run 'handover discover' to list the tables it has.",
  },
  "HO-SRC-017": {
    category: "data",
    message: "{file} row {row}: a {found} resource in a file of {expected} resources; the line is rejected.",
  },
  "HO-SRC-018": {
    category: "data",
    message: "{file} row {row} field '{field}': the attachment's content can't be stored ({reason}); the record is kept without it.",
  },
  "HO-SRC-019": {
    category: "transient",
    message: "The FHIR bulk export from {path} stopped: {reason}.",
    hint: "Check the client id and that its public key is registered (SMART Backend Services); run again to resume the export.",
  },
  "HO-SRC-030": {
    category: "data",
    message: "{file} row {row} field '{field}': the clinical note's text can't be read ({reason}); the note is kept with an empty body.",
  },
  "HO-SRC-031": {
    category: "data",
    message: "{file} row {row} field '{field}': it points at a {type} whose practice the export doesn't tell; no practice link is made from it.",
    hint: "Export the PractitionerRole resources too (they say who works where), or point generalPractitioner at the Organization.",
  },
  "HO-SRC-032": {
    category: "data",
    message: "{file} row {row} field '{field}': the document's content can't be had ({reason}); this attachment's document is rejected.",
    hint: "A download that failed is tried again on the next run; a Binary the server doesn't have must be exported again.",
  },
});
