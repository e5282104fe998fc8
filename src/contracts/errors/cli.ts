import { defineErrors } from "../error-catalog.js";

export const cliErrors = defineErrors({
  "HO-CLI-001": {
    category: "usage",
    message: "'handover {verb}' is not yet available in this version.",
    hint: "Run 'handover --help' to see the verbs that work today.",
  },
  "HO-CLI-002": {
    category: "usage",
    message: "Invalid option {option}: {reason}.",
  },
  "HO-CLI-003": {
    category: "system",
    message: "Internal error ({name}). This is a bug in Handover, not in your data or settings.",
    hint: "Re-run with HANDOVER_DEBUG=1 to print the stack trace, and report it.",
  },
});
