import { HandoverError } from "../../../contracts/handover-error.js";
import type { SchemaColumn, SchemaDescription, SchemaTable } from "./schema-description.js";

/**
 * FHIR StructureDefinition (R4) → one table per resource: its elements (snapshot, else
 * differential) become columns named by path below the resource ("birthDate", "contact.name"),
 * `short` as label and `definition` as description, the first type as type. Infrastructure
 * elements (id, meta, extension, text...) are left out. A bare HumanName or Address element also
 * gets its parts ("name.family", "address.city"), since that is where flat sources' columns land.
 * A Bundle of StructureDefinitions gives one table each.
 */

const infrastructure = new Set(["id", "meta", "implicitRules", "language", "text", "contained", "extension", "modifierExtension"]);

/** Parts of the datatypes flat exports split into columns (FHIR R4 datatypes page). */
const datatypeParts: Readonly<Record<string, readonly (readonly [string, string, string])[]>> = {
  HumanName: [
    ["family", "string", "Family name (often called 'Surname')"],
    ["given", "string", "Given names (not always 'first'). Includes middle names"],
    ["prefix", "string", "Parts that come before the name"],
    ["suffix", "string", "Parts that come after the name"],
  ],
  Address: [
    ["line", "string", "Street name, number, direction & P.O. Box etc."],
    ["city", "string", "Name of city, town etc."],
    ["district", "string", "District name (aka county)"],
    ["state", "string", "Sub-unit of country (abbreviations ok)"],
    ["postalCode", "string", "Postal code for area"],
    ["country", "string", "Country (e.g. can be ISO 3166 2 or 3 letter code)"],
  ],
};

type Json = Record<string, unknown>;
const isJson = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

export function isStructureDefinition(value: unknown): boolean {
  if (!isJson(value)) return false;
  if (value.resourceType === "StructureDefinition") return true;
  return value.resourceType === "Bundle" && Array.isArray(value.entry) && value.entry.some((e) => isJson(e) && isJson(e.resource) && e.resource.resourceType === "StructureDefinition");
}

export function readStructureDefinitions(file: string, value: unknown): SchemaDescription {
  const definitions = isJson(value) && value.resourceType === "Bundle" && Array.isArray(value.entry)
    ? value.entry.flatMap((e) => (isJson(e) && isJson(e.resource) && e.resource.resourceType === "StructureDefinition" ? [e.resource] : []))
    : [value];
  return { origin: file, format: "fhir-structure-definition", tables: definitions.map((d) => readOne(file, d as Json)) };
}

function readOne(file: string, sd: Json): SchemaTable {
  const resource = typeof sd.type === "string" ? sd.type : typeof sd.name === "string" ? sd.name : undefined;
  if (!resource) throw new HandoverError("HO-MAP-007", { file, element: "(root)", reason: "the StructureDefinition has no type or name" });
  const holder = isJson(sd.snapshot) ? sd.snapshot : isJson(sd.differential) ? sd.differential : undefined;
  const elements = holder && Array.isArray(holder.element) ? holder.element : undefined;
  if (!elements) throw new HandoverError("HO-MAP-007", { file, element: resource, reason: "neither snapshot nor differential has an element list" });
  const columns: SchemaColumn[] = [];
  const seen = new Set<string>();
  elements.forEach((element, index) => {
    if (!isJson(element)) throw new HandoverError("HO-MAP-007", { file, element: `element[${index}]`, reason: "is not an object" });
    const path = typeof element.path === "string" ? element.path : typeof element.id === "string" ? element.id : undefined;
    if (!path) throw new HandoverError("HO-MAP-007", { file, element: `element[${index}]`, reason: "has neither path nor id" });
    if (!path.includes(".")) return; // the resource itself
    if (element.max === "0") return; // profiled out
    const name = path.slice(path.indexOf(".") + 1).replace(/\[x\]$/, "");
    if (name.split(".").some((part) => infrastructure.has(part)) || seen.has(name)) return;
    if (element.type !== undefined && !Array.isArray(element.type)) throw new HandoverError("HO-MAP-007", { file, element: path, reason: "type is not a list" });
    const type = Array.isArray(element.type) && isJson(element.type[0]) && typeof element.type[0].code === "string" ? element.type[0].code : undefined;
    seen.add(name);
    const short = typeof element.short === "string" ? element.short : undefined;
    const definition = typeof element.definition === "string" ? element.definition : undefined;
    columns.push({ name, samples: [], ...(type ? { type } : {}), ...(short ? { label: short } : {}), ...(definition ? { description: definition } : {}) });
  });
  // Parts of HumanName/Address elements the definition doesn't list itself replace the whole:
  // flat sources hold the parts.
  const expanded = columns.flatMap((column) => {
    const parts = (datatypeParts[column.type ?? ""] ?? []).filter(([part]) => !seen.has(`${column.name}.${part}`));
    return parts.length === 0 ? [column] : parts.map(([part, type, short]): SchemaColumn => ({ name: `${column.name}.${part}`, type, label: short, samples: [] }));
  });
  return { name: resource, columns: expanded, ...(typeof sd.description === "string" ? { description: sd.description } : {}) };
}
