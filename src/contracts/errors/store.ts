import { defineErrors } from "../error-catalog.js";

export const storeErrors = defineErrors({
  "HO-STO-001": {
    category: "system",
    message: "The state store at {path} could not be opened: {reason}.",
  },
  "HO-STO-002": {
    category: "config",
    message: "The state store at {path} was written by a newer Handover (schema {found}, this version knows {known}).",
  },
});
