import type { VendorProfile } from "../profile.js";
import { clinicProfile } from "./clinic.js";
import { corePracticeProfile } from "./core-practice.js";
import { visualPracticeProfile } from "./visual-practice.js";

/** Every vendor profile Handover ships, by id. */
export const profiles: Readonly<Record<string, VendorProfile>> = {
  [visualPracticeProfile.id]: visualPracticeProfile,
  [corePracticeProfile.id]: corePracticeProfile,
  [clinicProfile.id]: clinicProfile,
};

/** The profile with this id, or undefined: the caller decides whether an unknown id is an error. */
export function getProfile(id: string): VendorProfile | undefined {
  return Object.hasOwn(profiles, id) ? profiles[id] : undefined;
}

export { clinicProfile, corePracticeProfile, visualPracticeProfile };
