/**
 * The schema plan as a Salesforce DX project an admin deploys: `sfdx-project.json`,
 * `package.xml` (CustomObject and CustomField members, version = the API version) and the
 * metadata in source format under force-app/main/default/objects/<Object>/ —
 * `<Object>.object-meta.xml` for custom objects and `fields/<Field>.field-meta.xml` (Salesforce
 * DX Developer Guide, "Salesforce DX Project Structure and Source Format"; Metadata API
 * Developer Guide, "CustomField" and "CustomObject"). Deploy with
 * `sf project deploy start --manifest package.xml` from the unzipped folder. Pure.
 */
import { strToU8, zipSync } from "fflate";
import type { SchemaPlan } from "../../contracts/target.js";
import { fieldSpec, keyColumns, objectSpec, type FieldSpec, type ObjectSpec } from "./schema-metadata.js";

const NS = "http://soap.sforce.com/2006/04/metadata";
const SOURCE_DIR = "force-app/main/default";

const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&apos;" })[c] ?? c);

/** Elements in alphabetical order, as `sf project retrieve` writes them; nested objects become nested elements. */
function elements(values: Readonly<Record<string, unknown>>, indent: string): string {
  return Object.keys(values).sort().map((key) => {
    const value = values[key];
    if (value !== null && typeof value === "object") return `${indent}<${key}>\n${elements(value as Record<string, unknown>, `${indent}    `)}${indent}</${key}>\n`;
    return `${indent}<${key}>${escapeXml(String(value))}</${key}>\n`;
  }).join("");
}

const document = (root: string, body: string): string => `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${NS}">\n${body}</${root}>\n`;

export function fieldXml(spec: FieldSpec): string {
  return document("CustomField", `    <fullName>${escapeXml(spec.field)}</fullName>\n${elements({ ...(spec.metadata.type === "Checkbox" ? {} : { required: false }), ...spec.metadata }, "    ")}`);
}

export function objectXml(spec: ObjectSpec): string {
  return document("CustomObject", elements(spec.metadata, "    "));
}

export function packageXml(objects: readonly string[], fields: readonly string[], apiVersion: string): string {
  const types = (members: readonly string[], name: string) => members.length === 0 ? ""
    : `    <types>\n${[...members].sort().map((m) => `        <members>${escapeXml(m)}</members>\n`).join("")}        <name>${name}</name>\n    </types>\n`;
  return document("Package", `${types(objects, "CustomObject")}${types(fields, "CustomField")}    <version>${apiVersion}</version>\n`);
}

/**
 * The zip's files by path.
 * @example Object.keys(metadataFiles({ columns: [mrn], keys: [] }, { apiVersion: "60.0", keyField }))
 * → ["sfdx-project.json", "package.xml", "force-app/main/default/objects/Contact/fields/MRN__c.field-meta.xml"]
 */
export function metadataFiles(plan: SchemaPlan, options: { readonly apiVersion: string; readonly keyField: string }): Record<string, string> {
  const files: Record<string, string> = {};
  const custom = new Set((plan.tables ?? []).map((t) => t.name));
  const objects = (plan.tables ?? []).map(objectSpec);
  const keyed = keyColumns(plan, options.keyField);
  const fields = plan.columns.map((c) => fieldSpec(c, keyed.has(`${c.table}.${c.name}`.toLowerCase()), custom));
  files["sfdx-project.json"] = `${JSON.stringify({ packageDirectories: [{ path: "force-app", default: true }], sourceApiVersion: options.apiVersion }, null, 2)}\n`;
  files["package.xml"] = packageXml(objects.map((o) => o.object), [...new Set(fields.map((f) => `${f.object}.${f.field}`))], options.apiVersion);
  for (const o of objects) files[`${SOURCE_DIR}/objects/${o.object}/${o.object}.object-meta.xml`] = objectXml(o);
  for (const f of fields) files[`${SOURCE_DIR}/objects/${f.object}/fields/${f.field}.field-meta.xml`] = fieldXml(f);
  return files;
}

export function exportMetadataZip(plan: SchemaPlan, options: { readonly apiVersion: string; readonly keyField: string }): Uint8Array {
  const files = metadataFiles(plan, options);
  return zipSync(Object.fromEntries(Object.entries(files).map(([path, text]) => [path, strToU8(text)])));
}
