import { firstNames, lastNames, places, practiceStems, providerRoles, specialties, streets, areaCodes } from "../visual-practice/word-lists.js";
import type { Rng } from "../visual-practice/prng.js";
import { coding, meta, pad, ref, type GenContext } from "./gen-context.js";
import type { NdjsonWriter } from "./ndjson-writer.js";

const npiSystem = "http://hl7.org/fhir/sid/us-npi";
const taxonomy = "http://nucc.org/provider-taxonomy";
const phone = (rng: Rng) => `(${rng.pick(areaCodes)}) 555-${rng.digits(4)}`;
const address = (rng: Rng) => {
  const place = rng.pick(places);
  return { use: "work", line: [`${rng.int(10, 9999)} ${rng.pick(streets)}`], city: place.city, state: place.state, postalCode: place.zip, country: "US" };
};

/** Insurers, written as Organizations of type `pay` so Coverage and Claim references resolve. */
export const payers = [["payer-aetna", "Aetna"], ["payer-bcbs", "Blue Cross"], ["payer-delta", "Delta Dental"]] as const;

/**
 * Organizations (a parent group and its practices, partOf the group), one Location each,
 * Practitioners (some inactive) and a PractitionerRole per practitioner at a practice.
 */
export async function writeDirectory(rng: Rng, ctx: GenContext, out: Record<"Organization" | "Location" | "Practitioner" | "PractitionerRole", NdjsonWriter>, sizes: { practices: number; practitioners: number }): Promise<void> {
  const group = "org-00";
  await out.Organization.write({ resourceType: "Organization", id: group, meta: meta(rng), active: true, name: `${rng.pick(practiceStems)} Health Group`,
    identifier: [{ system: "urn:oid:2.16.840.1.113883.4.4", value: `${rng.digits(2)}-${rng.digits(7)}` }], type: [coding("http://terminology.hl7.org/CodeSystem/organization-type", "prov", "Healthcare Provider")] });
  ctx.organizations.push(group);
  for (const [id, name] of payers) {
    await out.Organization.write({ resourceType: "Organization", id, meta: meta(rng), active: true, name,
      type: [coding("http://terminology.hl7.org/CodeSystem/organization-type", "pay", "Payer")] });
  }
  for (let i = 1; i <= sizes.practices; i += 1) {
    const id = `org-${pad(i, 2)}`;
    const specialty = rng.pick(specialties);
    await out.Organization.write({ resourceType: "Organization", id, meta: meta(rng), active: i !== sizes.practices || sizes.practices < 3,
      identifier: [{ system: npiSystem, value: `1${rng.digits(9)}` }], name: `${rng.pick(practiceStems)} ${specialty}`, alias: rng.chance(0.3) ? [`${specialty} Clinic`] : undefined,
      telecom: [{ system: "phone", use: "work", value: phone(rng) }], address: [address(rng)], partOf: ref("Organization", group) });
    ctx.organizations.push(id);
    const location = `loc-${pad(i, 2)}`;
    await out.Location.write({ resourceType: "Location", id: location, meta: meta(rng), status: "active", mode: "instance", name: `${specialty} – Main Office`,
      telecom: [{ system: "phone", value: phone(rng) }], address: address(rng), managingOrganization: ref("Organization", id) });
    ctx.locations.push(location);
  }
  for (let i = 1; i <= sizes.practitioners; i += 1) {
    const id = `prac-${pad(i, 3)}`;
    const role = rng.pick(providerRoles);
    const inactive = i === 2 || rng.chance(0.12);
    if (inactive) ctx.dirt.push({ kind: "inactive-practitioner", table: "Practitioner", key: id });
    const first = rng.pick(firstNames);
    const last = rng.pick(lastNames);
    await out.Practitioner.write({ resourceType: "Practitioner", id, meta: meta(rng), active: !inactive,
      identifier: role.credentials ? [{ system: npiSystem, value: `1${rng.digits(9)}` }] : undefined,
      name: [{ use: "official", family: last, given: [first], ...(role.credentials ? { suffix: [role.credentials] } : {}) }],
      telecom: [{ system: "email", value: `${first}.${last}@clinic.example.org`.toLowerCase().replace(/[^a-z.@-]/g, "") }, { system: "phone", use: "work", value: phone(rng) }],
      qualification: role.credentials ? [{ code: coding("http://terminology.hl7.org/CodeSystem/v2-0360", role.credentials, role.credentials) }] : undefined });
    ctx.practitioners.push(id);
    const practice = rng.int(1, sizes.practices);
    const roleId = `role-${pad(i, 3)}`;
    await out.PractitionerRole.write({ resourceType: "PractitionerRole", id: roleId, meta: meta(rng), active: !inactive, practitioner: ref("Practitioner", id),
      organization: ref("Organization", `org-${pad(practice, 2)}`), location: [ref("Location", `loc-${pad(practice, 2)}`)],
      code: [coding("http://terminology.hl7.org/CodeSystem/practitioner-role", role.role === "Office Manager" ? "ict" : "doctor", role.role)],
      specialty: [coding(taxonomy, `${rng.digits(3)}X0000X`, rng.pick(specialties))] });
    ctx.roles.push(roleId);
  }
}
