/** The standard objects a fresh org starts with (fresh copies: custom fields are appended per org). */
import { activityObjects } from "./objects-activities.js";
import { adminObjects } from "./objects-admin.js";
import { contentObjects } from "./objects-content.js";
import { salesObjects } from "./objects-sales.js";
import type { ObjectDef } from "./object-def.js";

export function standardObjects(): ObjectDef[] {
  return [...salesObjects(), ...activityObjects(), ...contentObjects(), ...adminObjects()];
}
