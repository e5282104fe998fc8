import type { MappingFile } from "../../config/mapping-file.js";
import { getObject, type FieldDef, type ObjectDef } from "../../model/index.js";
import type { Landing, NoteColumns, TargetTemplate } from "../map/templates/template.js";
import { ruleRoutes, valueMapFor, type RouteRule } from "./compile-rules.js";

/** One source column's confirmed route: model field (or custom property) and where it lands. */
export interface ColumnRoute {
  readonly column: string;
  /** `object.field` or `object.customProperties.name`. */
  readonly modelKey: string;
  /** The model field; custom properties get a synthetic text field. */
  readonly field: FieldDef;
  readonly landing: Landing;
  /** Confirmed value map (source value → model code, or null: no code, flag it), used before the built-in parse. */
  readonly values?: ReadonlyMap<string, string | null>;
  /** Set when a declared split/combine rule fills this field; `column` is then the rule's columns, joined for messages. */
  readonly rule?: RouteRule;
}

export interface TableMap {
  readonly table: string;
  readonly object: ObjectDef;
  readonly targetTable: string | null;
  /** Set when the object lands as notes: the note table's column for each part. */
  readonly notes?: NoteColumns;
  readonly keyColumns: readonly string[];
  readonly routes: readonly ColumnRoute[];
  /** Confirmed-rejected columns: read, then deliberately not migrated (reported as such). */
  readonly rejectedColumns: readonly string[];
  /** Column carrying a given model field, e.g. routeFor("patient") on a link table. */
  columnFor(fieldName: string): string | undefined;
}

export interface CompiledMap {
  readonly tables: ReadonlyMap<string, TableMap>;
  tableForObject(object: string): string | undefined;
}

/**
 * Joins the confirmed mapping.yaml rows with the target template into routes the transform
 * follows. Pure: no IO. Only confirmed rows route values; rejected ones are listed so reports
 * can say the column was left out by a person's decision.
 */
export function compileMap(mapping: MappingFile, template: TargetTemplate): CompiledMap {
  const tables = new Map<string, TableMap>();
  const byObject = new Map<string, string>();
  for (const obj of mapping.objects) {
    const object = getObject(obj.model);
    if (!object) continue;
    byObject.set(obj.model, obj.source);
    const rows = mapping.fields.filter((f) => f.source.startsWith(`${obj.source}.`));
    const routes: ColumnRoute[] = [];
    const rejectedColumns: string[] = [];
    for (const row of rows) {
      const column = row.source.slice(obj.source.length + 1);
      if (row.status !== "confirmed" || !row.model) {
        rejectedColumns.push(column);
        continue;
      }
      const route = routeFor(column, row.model, row.target, object, template);
      const values = route ? valueMapFor(mapping, row.source, row.model) : undefined;
      if (route) routes.push(values ? { ...route, values } : route);
    }
    const ruled = ruleRoutes(mapping, obj.source, object, (column, model, target) => routeFor(column, model, target, object, template));
    routes.push(...ruled.routes);
    rejectedColumns.push(...ruled.rejectedColumns);
    const landing = template.objects[obj.model];
    const targetTable = landing?.table ?? null;
    tables.set(obj.source, {
      table: obj.source,
      object,
      targetTable,
      ...(landing?.notes ? { notes: landing.notes } : {}),
      keyColumns: obj.key,
      routes,
      rejectedColumns,
      columnFor: (fieldName) => routes.find((r) => r.field.name === fieldName && r.modelKey.split(".").length === 2 && !r.rule)?.column,
    });
  }
  return { tables, tableForObject: (object) => byObject.get(object) };
}

function routeFor(column: string, modelKey: string, mappedTarget: string | null, object: ObjectDef, template: TargetTemplate): ColumnRoute | null {
  const parts = modelKey.split(".");
  // "(not written) <reason>" names no column: the value is read and deliberately not written.
  const target = mappedTarget?.startsWith("(") ? null : mappedTarget;
  const unwritten: Landing = { kind: "none", reason: mappedTarget?.replace(/^\(not written\)\s*/, "") || "no target column" };
  if (parts[1] === "customProperties") {
    const field: FieldDef = { name: parts.slice(2).join("."), type: "text", phi: false, description: "custom property", synonyms: [] };
    const landing: Landing = target ? { kind: "column", column: columnOf(target) } : unwritten;
    return { column, modelKey, field, landing };
  }
  const field = object.fields.find((f) => f.name === parts[1]);
  if (!field) return null;
  const templated = template.fields[modelKey];
  let landing: Landing;
  if (templated && templated.kind === "column" && target) landing = { ...templated, column: columnOf(target) };
  else if (templated) landing = templated;
  else landing = target ? { kind: "column", column: columnOf(target) } : unwritten;
  return { column, modelKey, field, landing };
}

/** "contact.hc_mrn" → "hc_mrn"; anything after a space is a description. */
function columnOf(target: string): string {
  const head = target.split(" ")[0] ?? target;
  return head.includes(".") ? head.slice(head.indexOf(".") + 1) : head;
}
