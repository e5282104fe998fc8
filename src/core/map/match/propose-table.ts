import type { SourceTable } from "../../../contracts/source.js";
import type { ObjectDef } from "../../../model/index.js";
import { proposeFields } from "./propose-fields.js";
import { proposeRules } from "./propose-rules.js";
import type { FieldProposal, ProposeFieldsOptions, RuleProposal } from "./types.js";

export interface TableProposal {
  /** One per column; a column that goes through a rule carries the rule's id and no field. */
  readonly fields: readonly FieldProposal[];
  readonly rules: readonly RuleProposal[];
}

/**
 * Field proposals for a table plus the split/combine rules its signals call for. The plain
 * one-to-one assignment runs first (rules are proposed from it: "no column maps to firstName");
 * when a rule is proposed the assignment runs again with the rule declared, so no other column
 * takes a field the rule fills and the rule's columns take no field of their own.
 */
export function proposeTable(table: SourceTable, object: ObjectDef, options: ProposeFieldsOptions = {}): TableProposal {
  const plain = proposeFields(table, object, options);
  const rules = proposeRules(table, object, plain);
  if (rules.length === 0) return { fields: plain, rules };
  return { fields: proposeFields(table, object, { ...options, declared: rules }), rules };
}
