import { issue } from "../../contracts/handover-error.js";
import type { Derived, StagedRecord } from "./transform-record.js";
import type { CompiledMap, TableMap } from "./compile-map.js";
import { handoverKey, sourceKey } from "./source-key.js";
import type { TargetTemplate } from "../map/templates/template.js";

export interface PrimaryLink {
  readonly linkId: string;
  readonly practiceId: string;
}

export interface DeriveInputs {
  readonly map: CompiledMap;
  /** Where the primary practice lands on this target (template.primaryPractice). */
  readonly primaryPractice: TargetTemplate["primaryPractice"];
  readonly prefix: string;
  /** Patient id → primary link, for the patients of the batch being transformed. */
  readonly primaryByPatient: ReadonlyMap<string, PrimaryLink>;
  /** Link ids chosen as some patient's primary practice, among the batch's links. */
  readonly primaryLinkIds: ReadonlySet<string>;
}

/** The key of the default account for patients with no practice. */
export const unaffiliatedName = "unaffiliated-patients";

/**
 * The practice-link derivations every template shares: a patient's practice lookup
 * (contact.parentcustomerid, Contact.AccountId) is its primary practice (most recently modified
 * link) or the Unaffiliated Patients account; a primary link is carried by that lookup instead of
 * becoming a row of its own (connection, AccountContactRelation).
 */
export function deriveLinks(inputs: DeriveInputs) {
  const { column, practiceTable, patientTable } = inputs.primaryPractice;
  return (record: StagedRecord, table: TableMap): Derived => {
    if (table.object.name === "patient") {
      const link = inputs.primaryByPatient.get(record.key);
      const practices = inputs.map.tableForObject("practice");
      const linkTable = inputs.map.tableForObject("patientPracticeLink") ?? "links";
      if (link && practices) {
        return {
          lookups: {
            [column]: {
              ref: { table: practiceTable, sourceKey: sourceKey(inputs.prefix, practices, link.practiceId) },
              transform: "primary practice: most recently modified link",
              sourceColumn: `${linkTable}.${link.linkId}`,
            },
          },
        };
      }
      return {
        lookups: {
          [column]: {
            ref: { table: practiceTable, sourceKey: handoverKey(inputs.prefix, unaffiliatedName) },
            transform: "no practice link: Unaffiliated Patients account",
            sourceColumn: "(none)",
          },
        },
      };
    }
    if (table.object.name === "patientPracticeLink") {
      const patientColumn = table.columnFor("patient");
      const patients = inputs.map.tableForObject("patient");
      if (inputs.primaryLinkIds.has(record.key) && patientColumn && patients) {
        return { foldInto: { table: patientTable, sourceKey: sourceKey(inputs.prefix, patients, record.values[patientColumn] ?? "") } };
      }
      const roleColumn = table.columnFor("role");
      if (roleColumn && !(record.values[roleColumn] ?? "").trim()) {
        return { extraIssues: [issue("HO-TRN-002", { file: record.file, row: record.row, field: roleColumn }, "warning")] };
      }
    }
    return {};
  };
}
