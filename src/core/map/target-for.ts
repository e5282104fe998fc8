import type { ObjectDef } from "../../model/index.js";
import type { TargetTemplate } from "./templates/template.js";

/** model key → where it lands, in words the review shows. */
export function targetFor(key: string, object: ObjectDef, template: TargetTemplate): string | null {
  const table = template.objects[object.name]?.table;
  const landing = template.fields[key];
  if (landing?.kind === "none") return `(not written) ${landing.reason}`;
  if (!table) return "(not written) staff are resolved to CRM users";
  const noCustom = template.objects[object.name]?.noCustomColumns;
  if (!landing) return noCustom ? `(not written) ${noCustom}` : `${table}.${template.naming.column(key.split(".")[1] ?? key)}`;
  if (landing.kind === "column") return `${table}.${landing.column}`;
  if (landing.kind === "owner") return `${table}.${landing.column} (owner: the provider's CRM user by email)`;
  if (landing.kind === "state") return `${table}.statecode + statuscode (${Object.keys(landing.map).join(", ")})`;
  const refTable = landing.handoverTable ?? template.objects[landing.refObject]?.table ?? landing.refObject;
  return `${table}.${landing.column} (lookup → ${refTable})`;
}

/**
 * Where a custom property (a source column no model field holds) lands: a new custom column on
 * the object's table, or — on a table that takes none (Salesforce notes) — nowhere, with why.
 *
 * @example customTarget(model.patient, "Parking Permit", dataverseTemplate()) // "contact.hc_parkingpermit"
 */
export function customTarget(object: ObjectDef, column: string, template: TargetTemplate): string | null {
  const landing = template.objects[object.name];
  if (landing?.noCustomColumns) return `(not written) ${landing.noCustomColumns}`;
  return landing?.table ? `${landing.table}.${template.naming.column(column)}` : null;
}
