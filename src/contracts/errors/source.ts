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
});
