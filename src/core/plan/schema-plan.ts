import type { MappingFile } from "../../config/mapping-file.js";
import type { SourceCatalog } from "../../contracts/source.js";
import type { PlannedColumn, PlannedKey, PlannedTable, SchemaPlan, TargetCatalog } from "../../contracts/target.js";
import { getField, type FieldType } from "../../model/index.js";
import { ruleFieldRows } from "../map/column-rule-rows.js";
import type { TargetTemplate } from "../map/templates/template.js";

/**
 * What the target must gain before rows can land: our key column and its alternate key on every
 * table we write, and a custom column for every confirmed row that lands in one the target lacks.
 */
export function planSchema(mapping: MappingFile, template: TargetTemplate, target: TargetCatalog, catalog: SourceCatalog): SchemaPlan {
  const has = (table: string, column: string) =>
    target.tables.find((t) => t.name === table)?.columns.some((c) => c.name === column) ?? false;
  const hasKey = (table: string, name: string) => target.tables.find((t) => t.name === table)?.keys.some((k) => k.name === name) ?? false;
  const keyColumn = template.sourceKeyColumn;
  const columns: PlannedColumn[] = [];
  const keys: PlannedKey[] = [];
  for (const table of template.tablesWritten) {
    if (!has(table, keyColumn)) {
      columns.push({ table, name: keyColumn, type: "string", maxLength: 200, label: "Handover Source Key", reason: "alternate key: makes every write an upsert" });
    }
    const keyName = `${keyColumn}_key`;
    if (!hasKey(table, keyName)) keys.push({ table, name: keyName, columns: [keyColumn] });
  }
  const seen = new Set(columns.map((c) => `${c.table}.${c.name}`));
  // Field rows, and each output of a split/combine rule (it lands like a field row).
  for (const row of [...mapping.fields, ...ruleFieldRows(mapping)]) {
    if (row.status !== "confirmed" || !row.model || !row.target) continue;
    const [table, rest] = splitTarget(row.target);
    if (!table || !rest || !template.naming.isCustom(rest) || has(table, rest) || seen.has(`${table}.${rest}`)) continue;
    seen.add(`${table}.${rest}`);
    const [sourceTable, sourceColumn] = [row.source.slice(0, row.source.indexOf(".")), row.source.slice(row.source.indexOf(".") + 1)];
    const maxSeen = catalog.tables.find((t) => t.name === sourceTable)?.columns.find((c) => c.name === sourceColumn)?.maxLength ?? 0;
    const type = getField(row.model)?.type ?? "text";
    const landing = template.fields[row.model];
    const lookupTarget = landing?.kind === "lookup" ? landing.handoverTable ?? template.objects[landing.refObject]?.table : undefined;
    columns.push({
      table,
      name: rest,
      ...(lookupTarget ? { type: "lookup" as const, lookupTarget } : columnType(type, maxSeen)),
      label: labelFor(sourceColumn),
      reason: row.model.includes(".customProperties.") ? `custom property '${sourceColumn}'` : `model field ${row.model} has no standard column`,
    });
  }
  const missingTables = template.tablesWritten.filter((t) => template.naming.isCustom(t) && !target.tables.some((x) => x.name === t));
  const bare = (name: string) => name.replace(new RegExp(`^${template.prefix}_`), "").replace(/__c$/, "");
  const tables: PlannedTable[] = missingTables.map((name) => ({
    name, label: labelFor(bare(name)), pluralLabel: `${labelFor(bare(name))}s`,
    primaryName: template.naming.primaryName(name), primaryNameMaxLength: 200, ownership: "user", hasNotes: false,
    reason: `the map sends ${Object.entries(template.objects).filter(([, o]) => o.table === name).map(([k]) => k).join(", ")} here`,
  }));
  return tables.length > 0 ? { columns, keys, tables } : { columns, keys };
}

function splitTarget(target: string): [string | undefined, string | undefined] {
  const head = target.split(" ")[0] ?? "";
  const dot = head.indexOf(".");
  return dot < 0 ? [undefined, undefined] : [head.slice(0, dot), head.slice(dot + 1)];
}

function columnType(type: FieldType, maxSeen: number): Pick<PlannedColumn, "type" | "maxLength"> {
  switch (type) {
    case "longText": return { type: "memo", maxLength: 100_000 };
    case "date": return { type: "date" };
    case "dateTime": return { type: "datetime" };
    case "int": return { type: "integer" };
    case "decimal":
    case "money": return { type: "decimal" };
    case "bool": return { type: "boolean" };
    default: {
      // Room for growth over the longest value seen, in round steps, within Dataverse's 4,000.
      const length = Math.min(4000, Math.max(100, Math.ceil((maxSeen * 2) / 100) * 100));
      return { type: "string", maxLength: length };
    }
  }
}

function labelFor(column: string): string {
  return column.replace(/^custom_/i, "").replace(/([a-z])([A-Z])/g, "$1 $2").replace(/_/g, " ").trim();
}
