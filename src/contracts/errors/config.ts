import { defineErrors } from "../error-catalog.js";

export const configErrors = defineErrors({
  "HO-CFG-001": {
    category: "config",
    message: "No Handover workspace at {path} (handover.yaml not found).",
    hint: "Run 'handover init <name>' first, or pass --workspace.",
  },
  "HO-CFG-002": {
    category: "config",
    message: "{file} is not valid: {problems}.",
  },
  "HO-CFG-003": {
    category: "config",
    message: "A workspace already exists at {path}.",
    hint: "Choose another folder, or pass --force to overwrite handover.yaml.",
  },
  "HO-CFG-004": {
    category: "config",
    message: "Environment variable {name} is not set; {purpose} needs it.",
  },
  "HO-CFG-005": {
    category: "config",
    message: "Unknown {kind} '{name}'. Known: {known}.",
  },
  "HO-CFG-009": {
    category: "config",
    message: "options.assistant.url ({url}) must use HTTPS, or plain HTTP only to this machine (localhost, 127.0.0.1, ::1).",
    hint: "Column names and, when allowed, sample values would travel unencrypted. Use the endpoint's https:// address.",
  },
  "HO-CFG-010": {
    category: "config",
    message: "Sample values can't be sent to the matching assistant: {reason}.",
    hint: "Set options.assistant.allowSamples: true in handover.yaml to let a run opt in, or run 'handover map' without --assistant-samples.",
  },
  "HO-CFG-006": {
    category: "config",
    message: "{file} {field}: '{name}' is not an IANA time zone.",
    hint: "Use the zone's IANA name, e.g. Australia/Sydney, America/Chicago or UTC.",
  },
  "HO-CFG-007": {
    category: "config",
    message: "{file} {field}: '{name}' is not an ISO 3166 alpha-2 country code with a known phone numbering plan.",
    hint: "Use the two capital letters of the country, e.g. AU, US, GB, NZ.",
  },
});
