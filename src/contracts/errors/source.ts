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
    hint: "Run discovery to list the tables the folder holds; table names are file names without '.csv', lowercased.",
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
});
