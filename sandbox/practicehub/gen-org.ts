/**
 * The practice side of a PracticeHub account: clinics (a group with child locations), staff
 * (some inactive, some without a login, e-mails not always valid), compliance policy documents
 * and staff training records (which have no CRM home and are archived).
 */
import type { Rng } from "../visual-practice/prng.js";
import { asciiSlug, phone } from "../visual-practice/formats.js";
import { firstNames, lastNames, places, practiceStems, specialties, streets } from "../visual-practice/word-lists.js";
import type { Row } from "./row.js";
import { isoDay, isoStamp, maybeBadEmail, modifiedAfter, pad, pastMs } from "./values.js";

export const clinicId = (i: number): string => `cln_${pad(i + 1, 4)}`;
export const staffId = (i: number): string => `stf_${pad(i + 1, 4)}`;

const timezones = ["Europe/London", "Europe/Dublin", "Europe/Berlin", "America/New_York"] as const;
const roles = [
  { role: "Practitioner", specialization: ["Physiotherapy", "Osteopathy", "Chiropractic", "Dentistry", "General Practice"] },
  { role: "Practitioner", specialization: ["Podiatry", "Dermatology", "Sports Therapy"] },
  { role: "Nurse", specialization: ["Practice Nursing", ""] },
  { role: "Receptionist", specialization: [""] },
  { role: "Practice Manager", specialization: [""] },
] as const;

function stamps(rng: Rng, minAgoDays: number, maxAgoDays: number): { created_at: string; modified_at: string } {
  const created = pastMs(rng, minAgoDays, maxAgoDays);
  return { created_at: isoStamp(created), modified_at: isoStamp(modifiedAfter(rng, created)) };
}

export function clinics(rng: Rng, count: number): Row[] {
  const stem = rng.pick(practiceStems);
  return Array.from({ length: count }, (_, i) => {
    const place = rng.pick(places);
    const name = i === 0 ? `${stem} Health Group` : `${stem} ${rng.pick(specialties)} - ${place.city}${i > 3 ? ` ${i}` : ""}`;
    const slug = asciiSlug(name.split(" - ")[0] ?? name);
    return {
      id: clinicId(i),
      name,
      parent_clinic_id: i === 0 ? null : clinicId(0),
      address: { line1: `${rng.int(1, 400)} ${rng.pick(streets)}`, line2: rng.chance(0.3) ? `Unit ${rng.int(1, 40)}` : null, city: place.city, region: place.state, postal_code: place.zip, country: "GB" },
      phone: phone(rng),
      email: `hello@${slug}.example.com`,
      website: rng.chance(0.8) ? `https://${slug}.example.com` : null,
      timezone: rng.pick(timezones),
      active: i === 0 || rng.chance(0.9),
      ...stamps(rng, 400, 3000),
    };
  });
}

export function staff(rng: Rng, count: number, clinicCount: number): Row[] {
  return Array.from({ length: count }, (_, i) => {
    const first = rng.pick(firstNames);
    const last = rng.pick(lastNames);
    const kind = rng.pick(roles);
    const homes = new Set([clinicId(rng.int(0, clinicCount - 1))]);
    if (rng.chance(0.3)) homes.add(clinicId(rng.int(0, clinicCount - 1)));
    return {
      id: staffId(i),
      first_name: first,
      last_name: last,
      email: maybeBadEmail(rng, first, last),
      role: kind.role,
      specialization: rng.pick(kind.specialization) || null,
      clinic_ids: [...homes],
      active: rng.chance(0.88),
      has_login: rng.chance(0.75),
      ...stamps(rng, 30, 2500),
    };
  });
}

const policies = [
  ["Infection Control Policy", "clinical"], ["Data Protection & Confidentiality", "governance"], ["Fire Safety Procedure", "health_safety"],
  ["Safeguarding Adults", "governance"], ["Complaints Handling", "governance"], ["Sharps Disposal", "clinical"],
] as const;

/** Metadata only: the files themselves are separate binary downloads (`download_url`). */
export function policyDocuments(rng: Rng): Row[] {
  return policies.map(([title, category], i) => ({
    id: `doc_${pad(i + 1, 4)}`,
    title,
    category,
    file_name: `${asciiSlug(title.replace(/\s+/g, "-"))}.pdf`,
    size_bytes: rng.int(40_000, 2_500_000),
    download_url: `/v1/files/doc_${pad(i + 1, 4)}`,
    ...stamps(rng, 10, 900),
  }));
}

const courses = ["Basic Life Support", "Fire Safety Awareness", "GDPR Essentials", "Infection Prevention", "Manual Handling"] as const;

export function trainingRecords(rng: Rng, staffCount: number): Row[] {
  const rows: Row[] = [];
  for (let s = 0; s < staffCount; s += 1) {
    for (const course of courses) {
      if (!rng.chance(0.5)) continue;
      const done = pastMs(rng, 5, 1100);
      const lapsed = done < pastMs(rng, 365, 365);
      rows.push({
        id: `trn_${pad(rows.length + 1, 5)}`,
        staff_id: staffId(s),
        course,
        completed_on: isoDay(done),
        certification_status: lapsed ? "expired" : rng.pick(["certified", "certified", "in_progress"]),
        expires_on: isoDay(done + 365 * 86_400_000),
        created_at: isoStamp(done),
        modified_at: isoStamp(modifiedAfter(rng, done)),
      });
    }
  }
  return rows;
}
