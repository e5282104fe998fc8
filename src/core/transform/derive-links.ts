import { issue } from "../../contracts/handover-error.js";
import type { Derived, StagedRecord } from "./transform-record.js";
import type { CompiledMap, TableMap } from "./compile-map.js";
import { handoverKey, sourceKey } from "./source-key.js";

export interface PrimaryLink {
  readonly linkId: string;
  readonly practiceId: string;
}

export interface DeriveInputs {
  readonly map: CompiledMap;
  readonly prefix: string;
  /** Patient id → primary link, for the patients of the batch being transformed. */
  readonly primaryByPatient: ReadonlyMap<string, PrimaryLink>;
  /** Link ids chosen as some patient's primary practice, among the batch's links. */
  readonly primaryLinkIds: ReadonlySet<string>;
}

/** The key of the default account for patients with no practice. */
export const unaffiliatedName = "unaffiliated-patients";

/**
 * The Dataverse template's derivations: a contact's parentcustomerid is its primary practice
 * (most recently modified link) or the Unaffiliated Patients account; a primary link is carried
 * by that lookup instead of becoming a connection.
 */
export function dataverseDerive(inputs: DeriveInputs) {
  return (record: StagedRecord, table: TableMap): Derived => {
    if (table.object.name === "patient") {
      const link = inputs.primaryByPatient.get(record.key);
      const practices = inputs.map.tableForObject("practice");
      const linkTable = inputs.map.tableForObject("patientPracticeLink") ?? "links";
      if (link && practices) {
        return {
          lookups: {
            parentcustomerid: {
              ref: { table: "account", sourceKey: sourceKey(inputs.prefix, practices, link.practiceId) },
              transform: "primary practice: most recently modified link",
              sourceColumn: `${linkTable}.${link.linkId}`,
            },
          },
        };
      }
      return {
        lookups: {
          parentcustomerid: {
            ref: { table: "account", sourceKey: handoverKey(inputs.prefix, unaffiliatedName) },
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
        return { foldInto: { table: "contact", sourceKey: sourceKey(inputs.prefix, patients, record.values[patientColumn] ?? "") } };
      }
      const roleColumn = table.columnFor("role");
      if (roleColumn && !(record.values[roleColumn] ?? "").trim()) {
        return { extraIssues: [issue("HO-TRN-002", { file: record.file, row: record.row, field: roleColumn }, "warning")] };
      }
    }
    return {};
  };
}
