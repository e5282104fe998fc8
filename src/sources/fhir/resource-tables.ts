import { at, concept, isObject, reference, text, type Json, type Row } from "./flatten-values.js";
import { tableName, type ResourceTableSpec } from "./table-spec.js";
import { appointmentTable, claimTable, coverageTable, encounterTable, medicationRequestTable, serviceRequestTable } from "./tables-care.js";
import { documentReferenceTable } from "./tables-document.js";
import { practiceLinkTable } from "./tables-link.js";
import { clinicalNoteTable } from "./tables-note.js";
import { locationTable, organizationTable, patientTable, practitionerRoleTable, practitionerTable } from "./tables-people.js";

/** The resource types with a hand-made flattening; any other type still becomes a table (see `genericTable`). */
export const resourceTables: Readonly<Record<string, ResourceTableSpec>> = Object.fromEntries(
  [patientTable, practitionerTable, practitionerRoleTable, organizationTable, locationTable, appointmentTable, encounterTable,
    coverageTable, medicationRequestTable, documentReferenceTable, claimTable, serviceRequestTable].map((spec) => [spec.type, spec]),
);

/**
 * Tables made from another type's resources: clinical notes are DocumentReferences, and practice
 * links come out of Patients. Each is listed wherever its resource type has files.
 */
export const derivedTables: readonly ResourceTableSpec[] = [clinicalNoteTable, practiceLinkTable];

/** Elements that carry no data of the resource itself (narrative, bookkeeping) or are flattened apart. */
const skipped = new Set(["resourceType", "id", "meta", "text", "contained", "extension", "modifierExtension", "implicitRules", "language"]);

/**
 * A table for a resource type we have no spec for: top-level primitives as they are, references as
 * ids, CodeableConcepts as their first code, first element of a list; nested structures skipped.
 * Its columns are whatever the records have, in first-seen order (discover takes their union).
 */
export function genericTable(type: string): ResourceTableSpec {
  return {
    type,
    columns: [],
    references: [],
    flatten(r) {
      const row: Row = { id: text(r.id) };
      for (const [key, raw] of Object.entries(r)) {
        if (skipped.has(key) || key.startsWith("_")) continue;
        const value: Json = Array.isArray(raw) ? raw[0] : raw;
        if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") row[key] = text(value);
        else if (isObject(value) && typeof value.reference === "string") row[key] = reference(value).id;
        else if (isObject(value) && (Array.isArray(value.coding) || typeof value.text === "string")) row[key] = concept(value).code;
        else if (isObject(value) && (typeof value.start === "string" || typeof value.end === "string")) {
          row[`${key}_start`] = text(value.start);
          row[`${key}_end`] = text(value.end);
        }
      }
      row.meta_lastUpdated = text(at(r, "meta", "lastUpdated"));
      return row;
    },
  };
}

/** The spec of a table: a resource type's, or a derived table's (ClinicalNote, PatientPracticeLink). */
export function tableSpecFor(table: string): ResourceTableSpec {
  return resourceTables[table] ?? derivedTables.find((spec) => tableName(spec) === table) ?? genericTable(table);
}

/** The resource type whose files a table reads: its own name, or a derived table's source type. */
export function resourceTypeOf(table: string): string {
  return derivedTables.find((spec) => tableName(spec) === table)?.type ?? table;
}

/** Table names for the resource types present: each type's, followed by the tables derived from it. */
export function tablesForTypes(types: readonly string[]): string[] {
  return types.flatMap((type) => [type, ...derivedTables.filter((spec) => spec.type === type).map(tableName)]);
}

/** The spec's references as the catalog's: every candidate table, by its `id`. */
export function catalogReferences(spec: ResourceTableSpec): { column: string; table: string; tableColumn: string }[] {
  return spec.references.flatMap((ref) => ref.tables.map((table) => ({ column: ref.column, table, tableColumn: "id" })));
}
