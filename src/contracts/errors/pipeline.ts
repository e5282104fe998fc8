import { defineErrors } from "../error-catalog.js";

/** Errors of the workflow stages: map, plan, transform, load, verify, rollback. */
export const pipelineErrors = defineErrors({
  "HO-MAP-001": {
    category: "config",
    message: "There is no mapping.yaml yet.",
    hint: "Run 'handover map' to propose one.",
  },
  "HO-MAP-002": {
    category: "config",
    message: "The map has {count} unconfirmed row(s); nothing is written to the target until every row is confirmed or rejected.",
    hint: "Run 'handover map review'.",
  },
  "HO-MAP-003": {
    category: "config",
    message: "mapping.yaml changed after it was confirmed (hash {found}, confirmed {confirmed}).",
    hint: "Run 'handover map review' to confirm the changed map.",
  },
  "HO-MAP-015": {
    category: "config",
    message: "mapping.yaml values: a value of {source} is mapped to '{code}', which is not one of {field}'s codes ({codes}).",
    hint: "Correct the code in mapping.yaml (or change it in 'handover map review'), then confirm the map again.",
  },
  "HO-MAP-016": {
    category: "config",
    message: "mapping.yaml column rule {id}: {problem}.",
    hint: "Fix the rule in mapping.yaml or reject it in 'handover map review', then confirm the map again.",
  },
  "HO-MAP-017": {
    category: "config",
    message: "mapping.yaml: {first} and {second} are both confirmed to write {what}; each record would keep only one of them.",
    hint: "Reject or change one of the two in 'handover map review' (a declared split/combine rule is the way to join columns), then confirm the map again.",
  },
  "HO-PLN-001": {
    category: "config",
    message: "There is no plan for the current map.",
    hint: "Run 'handover plan'.",
  },
  "HO-PLN-002": {
    category: "config",
    message: "The load order has a cycle: {cycle}.",
  },
  "HO-PLN-003": {
    category: "config",
    message: "{count} staff member(s) match no active CRM user and no fallback owner is confirmed.",
    hint: "Set options.fallbackOwner in handover.yaml to a CRM user's email, or create the users first.",
  },
  "HO-PLN-004": {
    category: "config",
    message: "The schema the plan needs is not in the target yet ({missing}).",
    hint: "Run 'handover schema apply'.",
  },
  "HO-PLN-005": {
    category: "config",
    message: "The map needs {total} custom tables ({existing} already in the org + {planned} new); {edition} allows {limit}. Nothing was written.",
    hint: "Map some objects to standard tables or custom columns instead, remove unused custom tables, or use an edition without the cap.",
  },
  "HO-TRN-001": {
    category: "data",
    message: "{file} row {row} field '{field}': not a valid {type}; the value is left out (a required one rejects the record).",
  },
  "HO-TRN-002": {
    category: "data",
    message: "{file} row {row} field '{field}': required value is missing; the record is rejected.",
  },
  "HO-TRN-003": {
    category: "data",
    message: "{file} row {row} field '{field}': refers to {object} '{ref}', which is not in the source; the record is rejected.",
  },
  "HO-TRN-004": {
    category: "data",
    message: "{file} row {row} field '{field}': owner could not be resolved and no fallback owner is confirmed; the record is rejected.",
  },
  "HO-TRN-005": {
    category: "data",
    message: "{file} row {row}: duplicate source key in field '{field}' (first seen at row {firstRow}); skipped by rule duplicate-source-key.",
  },
  "HO-TRN-006": {
    category: "data",
    message: "{file} row {row} field '{field}': {length} characters exceeds the target column's {max}; the value is left out, never truncated (a required one rejects the record).",
  },
  "HO-TRN-007": {
    category: "data",
    message: "{file} row {row}: looks like a duplicate of the record at row {otherRow} (same {basis}); loaded, and flagged for review.",
  },
  "HO-TRN-008": {
    category: "data",
    message: "{file} row {row} field '{field}': ends before it starts; the end is left out and the record is flagged.",
  },
  "HO-TRN-015": {
    category: "data",
    message: "{file} row {row} field '{field}': the name does not split cleanly into name parts ({why}); loaded as best read, flagged.",
  },
  "HO-TRN-016": {
    category: "data",
    message: "{file} row {row} field '{field}': the date has no time beside it; the date-time is set to midnight and the record is flagged.",
  },
  "HO-TRN-009": {
    category: "data",
    message: "{file} row {row} field '{field}': that local time happened twice in {zone} (clocks went back); read as the first ({offset}) and flagged.",
  },
  "HO-TRN-010": {
    category: "data",
    message: "{file} row {row} field '{field}': that local time never happened in {zone} (clocks went forward); the value is left out (a required one rejects the record).",
    hint: "If the source's local times are in another zone, set source.timezone in handover.yaml.",
  },
  "HO-TRN-011": {
    category: "data",
    message: "{file} row {row} field '{field}': '{flag}' marks it as {encoding}, but it does not decode to text; the value is left out (a required one rejects the record).",
  },
  "HO-LOD-001": {
    category: "data",
    message: "{table} record from {file} row {row} depends on {dependency} record '{ref}', which was not loaded; the record is rejected.",
  },
  "HO-LOD-002": {
    category: "config",
    message: "Another run ({runId}) is in progress in this workspace.",
    hint: "Wait for it, or if it crashed, resume it with 'handover run'.",
  },
  "HO-LOD-003": {
    category: "data",
    message: "{file} row {row} field '{field}': the file it names is {problem}; the record is rejected.",
    hint: "Put the file back in the export folder (paths are relative to it) and run again; a re-run picks the record up.",
  },
  "HO-LOD-004": {
    category: "data",
    message: "{file} row {row} field '{field}': the text is longer than one note holds; it was written as {parts} linked notes, flagged.",
  },
  "HO-LOD-005": {
    category: "data",
    message: "{file} row {row} field '{field}': the file is larger than the target's upload limit; {handling}.",
    hint: "Set options.oversizeFiles to 'link' with a document location to link such files instead of refusing them.",
  },
  "HO-LOD-006": {
    category: "config",
    message: "There is no completed run to pick up changes from.",
    hint: "Run 'handover run' first; 'handover delta' then loads what changed since.",
  },
  "HO-LOD-007": {
    category: "data",
    message: "{file} row {row} field '{field}': the record names a file (its name or type) but has none to send; the note goes without a file name or type, flagged.",
  },
  "HO-VER-001": {
    category: "data",
    message: "Verification found {mismatches} field mismatch(es) and {missing} missing row(s).",
  },
  "HO-RBK-001": {
    category: "config",
    message: "There is nothing to roll back: no run has written to the target.",
  },
  "HO-RBK-002": {
    category: "data",
    message: "Rollback left {count} compensation(s) failed; see the rollback report.",
  },
  "HO-MAP-010": {
    category: "config",
    message: "{file}, entry {entry}: {problem}.",
    hint: "A matching dictionary holds, per vendor, object and column name, the decisions people made (object.field, custom or rejected; by, at, migration). Fix or remove the entry and retry.",
  },
  "HO-MAP-011": {
    category: "config",
    message: "{file} can't be read as a matching dictionary: {problem}.",
    hint: "Pass a file written by 'handover map dictionary export' (YAML, version 1).",
  },
  "HO-MAP-012": {
    category: "transient",
    message: "The matching assistant at {url} did not answer ({problem}); the map was proposed without it.",
    hint: "Check options.assistant in handover.yaml and the endpoint, then 'handover map --force' to ask again. Nothing else depends on it.",
  },
  "HO-MAP-013": {
    category: "data",
    message: "The matching assistant's answer for table {table} was not usable ({problem}); {ignored} suggestion(s) ignored.",
    hint: "Only suggestions naming an asked column and one of the offered model fields are used. Another model may follow the instructions better.",
  },
  "HO-MAP-014": {
    category: "usage",
    message: "'{model}' is not a field of {object} (write object.field, e.g. {example}); {source} was left undecided.",
  },
});
