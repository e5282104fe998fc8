import { join } from "node:path";
import { at, isObject, list, reference, text } from "./flatten-values.js";
import { readNdjsonLines } from "./ndjson-lines.js";

/**
 * Who works where, from the export's PractitionerRoles: what a reference to a PractitionerRole
 * means in the practice model (a staff member, at a practice). Readers use it to resolve a role
 * to its Practitioner (the model's staff) and a practitioner to the organization they work for
 * (a patient's general practitioner → the practice of the patient's primary-care link).
 */
export interface Directory {
  /** The Practitioner a PractitionerRole is of, when the export says. */
  practitionerOf(roleId: string): string | undefined;
  /** The Organization a PractitionerRole is at. */
  organizationOfRole(roleId: string): string | undefined;
  /** The Organization a Practitioner works at: that of their first active role (file order), else their first role's. */
  organizationOfPractitioner(practitionerId: string): string | undefined;
}

export const emptyDirectory: Directory = {
  practitionerOf: () => undefined,
  organizationOfRole: () => undefined,
  organizationOfPractitioner: () => undefined,
};

interface Role {
  readonly practitioner: string;
  readonly organization: string;
  readonly active: boolean;
}

/**
 * Reads the PractitionerRole files (one small pass; roles are few next to patients). Lines that
 * aren't roles are passed over here: the PractitionerRole table reports them when it is read.
 */
export async function loadDirectory(root: string, files: readonly string[]): Promise<Directory> {
  const roles = new Map<string, Role>();
  const byPractitioner = new Map<string, Role[]>();
  for (const file of files) {
    for await (const line of readNdjsonLines(join(root, file))) {
      let resource: unknown;
      try {
        resource = JSON.parse(line.text);
      } catch {
        continue;
      }
      if (!isObject(resource) || resource.resourceType !== "PractitionerRole") continue;
      const id = text(resource.id).trim();
      const role: Role = {
        practitioner: reference(resource.practitioner).id,
        organization: reference(resource.organization).id,
        active: resource.active !== false && text(at(resource, "period", "end")) === "",
      };
      if (id !== "") roles.set(id, role);
      if (role.practitioner !== "") byPractitioner.set(role.practitioner, [...(byPractitioner.get(role.practitioner) ?? []), role]);
    }
  }
  const present = (value: string) => (value === "" ? undefined : value);
  return {
    practitionerOf: (roleId) => present(roles.get(roleId)?.practitioner ?? ""),
    organizationOfRole: (roleId) => present(roles.get(roleId)?.organization ?? ""),
    organizationOfPractitioner(practitionerId) {
      const mine = list(byPractitioner.get(practitionerId)) as Role[];
      const withOrg = mine.filter((r) => r.organization !== "");
      return present((withOrg.find((r) => r.active) ?? withOrg[0])?.organization ?? "");
    },
  };
}
