/**
 * Names and fixed settings shared by the Web API schema calls and the solution export. Pure.
 */
import type { PlannedColumn } from "../../contracts/target.js";

const LANGUAGE = 1033;

/** A Label ComplexType in English (LocalizedLabels with LanguageCode 1033). */
export function label(text: string) {
  return {
    "@odata.type": "Microsoft.Dynamics.CRM.Label",
    LocalizedLabels: [{ "@odata.type": "Microsoft.Dynamics.CRM.LocalizedLabel", Label: text, LanguageCode: LANGUAGE }],
  };
}

/**
 * The SchemaName we give a table or lookup from its logical name: "hc_patient" → "hc_Patient",
 * "hc_start_date" → "hc_Start_Date". Dataverse derives LogicalName by lowercasing SchemaName
 * (learn: create-update-entity-definitions-using-web-api), so the logical name is unchanged; the
 * casing matters for lookups, whose navigation property defaults to the lookup's SchemaName.
 */
export function schemaCase(logicalName: string): string {
  const [prefix, ...rest] = logicalName.split("_");
  if (rest.length === 0) return logicalName;
  return [prefix, ...rest.map((p) => (p ? p.charAt(0).toUpperCase() + p.slice(1) : p))].join("_");
}

/** The publisher prefix of a prefixed name ("hc_patient" → "hc"). */
export function prefixOf(name: string): string {
  const at = name.indexOf("_");
  return at > 0 ? name.slice(0, at) : name;
}

const unprefixed = (name: string): string => name.slice(prefixOf(name).length + 1) || name;

/** "<prefix>_<target>_<table>_<column>" without repeating the prefix: hc_contact_patientpractice_patient. */
export function relationshipSchemaName(column: PlannedColumn & { readonly lookupTarget: string }): string {
  return `${prefixOf(column.name)}_${unprefixed(column.lookupTarget)}_${unprefixed(column.table)}_${unprefixed(column.name)}`;
}

/**
 * "Referential, remove link": deleting the referenced row clears the lookup; assign, share,
 * merge and reparent leave referencing rows alone. The Dataverse Python SDK's
 * CascadeConfiguration uses these as its defaults (learn: python/api/powerplatform-dataverse-client
 * …relationship.cascadeconfiguration); values per CascadeType (learn:
 * configure-entity-relationship-cascading-behavior). A migration must not delete or reassign
 * patients because a practice row changes.
 */
export const REFERENTIAL_CASCADE = {
  Assign: "NoCascade", Delete: "RemoveLink", Merge: "NoCascade", Reparent: "NoCascade", Share: "NoCascade", Unshare: "NoCascade",
} as const;
