import type { Issue } from "../../contracts/handover-error.js";
import { fhirIssues } from "./fhir-issues.js";
import { at, list, reference, text, type Json, type Row } from "./flatten-values.js";
import type { Directory } from "./directory.js";
import type { ExpandContext, Expanded, ResourceTableSpec } from "./table-spec.js";

/** The organization a general practitioner stands for: itself, a role's, or a practitioner's (from their roles). */
function organizationOf(gp: Json, directory: Directory): { org?: string; type: string } {
  const { id, type } = reference(gp);
  if (type === "Organization") return { org: id, type };
  if (type === "PractitionerRole") return { ...pick(directory.organizationOfRole(id)), type };
  if (type === "Practitioner") return { ...pick(directory.organizationOfPractitioner(id)), type };
  return { type: type || "unknown" };
}
const pick = (org: string | undefined) => (org ? { org } : {});

/**
 * Patient → PatientPracticeLink, the model's `patientPracticeLink`: FHIR has no link resource, so
 * the links are derived from each Patient. Each `generalPractitioner` (an Organization, or a
 * PractitionerRole or Practitioner whose organization the export's roles give) is a
 * `primaryCare` link to that practice; `managingOrganization`, when it is another practice, an
 * `other` link. The key is `<patient>#<role>#<practice>`, the same every read; `primaryCare` sorts
 * after `other`, so when the core picks a patient's primary account (most recently changed link,
 * ties to the larger key) between links of one patient — which share the patient's
 * meta.lastUpdated — the primary-care practice wins. A general practitioner whose practice
 * can't be told is a warning, and no link.
 */
export const practiceLinkTable: ResourceTableSpec = {
  type: "Patient",
  table: "PatientPracticeLink",
  derived: true,
  usesDirectory: true,
  modelHint: "patientPracticeLink",
  columns: ["id", "patient", "practice", "role", "source_element", "meta_lastUpdated"],
  references: [
    { column: "patient", tables: ["Patient"] },
    { column: "practice", tables: ["Organization"] },
  ],
  flatten: (r) => ({ id: text(r.id), patient: text(r.id), meta_lastUpdated: text(at(r, "meta", "lastUpdated")) }),
  async expand(r, context: ExpandContext): Promise<Expanded> {
    const patient = text(r.id).trim();
    const lastUpdated = text(at(r, "meta", "lastUpdated"));
    const primary: string[] = [];
    const issues: Issue[] = [];
    for (const gp of list(r.generalPractitioner)) {
      if (reference(gp).id === "") continue;
      const { org, type } = organizationOf(gp, context.directory);
      if (org === undefined) issues.push(fhirIssues.noPractice(context.file, context.row, "generalPractitioner", type));
      else if (!primary.includes(org)) primary.push(org);
    }
    const managing = reference(r.managingOrganization).id;
    const link = (practice: string, role: "primaryCare" | "other", element: string): { key: string; values: Row } => {
      const key = `${patient}#${role}#${practice}`;
      return { key, values: { id: key, patient, practice, role, source_element: element, meta_lastUpdated: lastUpdated } };
    };
    const rows = primary.map((org) => link(org, "primaryCare", "generalPractitioner"));
    if (managing !== "" && !primary.includes(managing)) rows.push(link(managing, "other", "managingOrganization"));
    return { rows, issues };
  },
};
