import { areaCodes, exampleDomains, firstNames, lastNames, nicknames, places, streets } from "../visual-practice/word-lists.js";
import type { Rng } from "../visual-practice/prng.js";
import { coding, meta, pad, ref, type GenContext } from "./gen-context.js";
import type { NdjsonWriter } from "./ndjson-writer.js";

const mrType = { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v2-0203", code: "MR", display: "Medical record number" }] };
const badPhones = ["555-12", "call mobile", "(000) 000-0000", "+1 (212) 555-01234 ext"] as const;
const badEmails = ["none", "patient at example.com", "x@", "n/a@@example.org"] as const;
const badBirthDates = ["1985-02-30", "03/04/1985", "19850304", "1985-13-01"] as const;

/**
 * Patients with MRNs, names, phones by use, an email, a home address, a general practitioner (a
 * Practitioner mostly; some a PractitionerRole or the practice's Organization) and a managing
 * organization. Planted: near-duplicates (same person, new id, a nickname and another
 * phone), malformed phones, emails and birth dates, and an orphan generalPractitioner.
 */
export async function writePatients(rng: Rng, ctx: GenContext, out: NdjsonWriter, count: number): Promise<void> {
  for (let i = 1; i <= count; i += 1) {
    const id = `pat-${pad(i, 6)}`;
    const first = rng.pick(firstNames);
    const last = rng.pick(lastNames);
    const place = rng.pick(places);
    const year = rng.int(1935, 2020);
    const birthDate = `${year}-${pad(rng.int(1, 12), 2)}-${pad(rng.int(1, 28), 2)}`;
    const homePhone = `(${rng.pick(areaCodes)}) 555-${rng.digits(4)}`;
    const mobile = `${rng.pick(areaCodes)}-555-${rng.digits(4)}`;
    const email = `${first}.${last}${rng.int(1, 99)}@${rng.pick(exampleDomains)}`.toLowerCase().replace(/[^a-z0-9.@-]/g, "");
    const orphan = i === 7 || rng.chance(0.01);
    const gpKind = orphan ? "orphan" : i === 8 || rng.chance(0.15) ? "role" : i === 9 || rng.chance(0.1) ? "organization" : "practitioner";
    const gp = orphan ? "prac-999" : gpKind === "role" ? rng.pick(ctx.roles) : gpKind === "organization" ? rng.pick(ctx.organizations.slice(1)) : rng.pick(ctx.practitioners);
    const gpType = gpKind === "role" ? "PractitionerRole" : gpKind === "organization" ? "Organization" : "Practitioner";
    const resource = {
      resourceType: "Patient", id, meta: meta(rng), active: !rng.chance(0.05),
      identifier: [{ use: "usual", type: mrType, system: "urn:oid:1.2.36.146.595.217.0.1", value: `MRN${pad(100_000 + i, 7)}` }],
      name: [{ use: "official", family: last, given: rng.chance(0.3) ? [first, rng.pick(firstNames).charAt(0)] : [first] }],
      telecom: [{ system: "phone", use: "home", value: homePhone }, { system: "phone", use: "mobile", value: mobile }, { system: "email", value: email }],
      gender: rng.pick(["female", "male", "female", "male", "other", "unknown"]), birthDate,
      address: [{ use: "home", line: [`${rng.int(1, 9999)} ${rng.pick(streets)}`], city: place.city, state: place.state, postalCode: place.zip, country: "US" }],
      maritalStatus: rng.chance(0.5) ? coding("http://terminology.hl7.org/CodeSystem/v3-MaritalStatus", rng.pick(["M", "S", "D", "W"]), "Marital status") : undefined,
      communication: rng.chance(0.2) ? [{ language: coding("urn:ietf:bcp:47", "es", "Spanish") }] : undefined,
      generalPractitioner: [ref(gpType, gp)], managingOrganization: ref("Organization", rng.pick(ctx.organizations.slice(1))),
    };
    if (orphan) ctx.dirt.push({ kind: "orphan-reference", table: "Patient", key: id, column: "generalPractitioner", value: gp });
    if (gpKind === "role" || gpKind === "organization") ctx.dirt.push({ kind: gpKind === "role" ? "gp-role" : "gp-organization", table: "Patient", key: id });
    if (i === 3 || rng.chance(0.03)) {
      resource.telecom[0]!.value = rng.pick(badPhones);
      ctx.dirt.push({ kind: "bad-phone", table: "Patient", key: id, column: "telecom_phone_home" });
    }
    if (i === 4 || rng.chance(0.03)) {
      resource.telecom[2]!.value = rng.pick(badEmails);
      ctx.dirt.push({ kind: "bad-email", table: "Patient", key: id, column: "telecom_email" });
    }
    if (i === 5 || rng.chance(0.02)) {
      resource.birthDate = rng.pick(badBirthDates);
      ctx.dirt.push({ kind: "bad-date", table: "Patient", key: id, column: "birthDate" });
    }
    await out.write(resource);
    ctx.patients.push(id);
    if (i === 2 || rng.chance(0.03)) {
      const twin = `pat-d${pad(i, 6)}`;
      const nickname = rng.pick(nicknames);
      await out.write({ ...resource, id: twin, meta: meta(rng), identifier: [], name: [{ use: "usual", family: last, given: [nickname] }],
        telecom: [{ system: "phone", use: "home", value: homePhone.replace(/[()\s]/g, "").replace(/-/g, ".") }] });
      ctx.dirt.push({ kind: "near-duplicate", table: "Patient", keys: [id, twin] });
    }
  }
}
