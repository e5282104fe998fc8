import { defineErrors } from "../error-catalog.js";

/** `handover match` and the second hop of `handover map`: schema descriptions and reused columns. */
export const matchErrors = defineErrors({
  "HO-MAP-004": {
    category: "config",
    message: "Can't read the schema description {file}: {reason}.",
    hint: "Give a .csv or .json columns table, a .sql DDL file, a FHIR StructureDefinition (.json), or source:<workspace> / target:<workspace>.",
  },
  "HO-MAP-005": {
    category: "config",
    message: "{file} line {line}: {reason}.",
    hint: "A columns table has the columns table, column, type, description, samples (samples separated by '|').",
  },
  "HO-MAP-006": {
    category: "config",
    message: "{file} line {line}: the SQL could not be parsed as {dialect} DDL ({reason}).",
    hint: "Only CREATE TABLE and COMMENT ON statements are read; check the statement at that line, or name the dialect with --dialect.",
  },
  "HO-MAP-007": {
    category: "config",
    message: "{file}: FHIR StructureDefinition element {element}: {reason}.",
  },
  "HO-MAP-008": {
    category: "config",
    message: "{file} describes no table with columns.",
  },
  "HO-CLI-004": {
    category: "usage",
    message: "Invalid {option} '{given}': {reason}.",
    hint: "Use a file path, source:<workspace folder> or target:<workspace folder>.",
  },
  "HO-PLN-006": {
    category: "config",
    message: "The map writes {source} to the existing column {table}.{column}, which the target no longer has.",
    hint: "Run 'handover map --force' to propose the map again, or change the row's target in mapping.yaml and confirm it.",
  },
});
