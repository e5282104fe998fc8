import type { ColumnRuleRow, MappingFile } from "../../config/mapping-file.js";
import { HandoverError } from "../../contracts/handover-error.js";
import { getField, type ObjectDef } from "../../model/index.js";
import type { ColumnRoute } from "./compile-map.js";

/**
 * The confirmed value maps and split/combine rules of mapping.yaml as route parts, checked against
 * the model: a code that isn't in the field's vocabulary, or a rule that names unknown columns or
 * fields, is a configuration error (HO-MAP-015/016) before anything moves.
 */
export type NamePart = "first" | "middle" | "last" | "suffix";

export interface RouteRule {
  readonly id: string;
  readonly kind: ColumnRuleRow["kind"];
  /** Source columns, in the rule's order (date, then time). */
  readonly columns: readonly string[];
  /** split-name: the part this route takes. */
  readonly part?: NamePart;
  /** The rule's first output reports the rule's own issues (an ambiguous split) once per record. */
  readonly first: boolean;
}

const nameParts: Readonly<Record<string, NamePart>> = { firstName: "first", middleName: "middle", lastName: "last", suffix: "suffix" };

/** Confirmed value rows of one column and field: value → code (null: no code, flagged). */
export function valueMapFor(mapping: MappingFile, source: string, model: string): ReadonlyMap<string, string | null> | undefined {
  const rows = (mapping.values ?? []).filter((v) => v.source === source && v.model === model && v.status === "confirmed");
  if (rows.length === 0) return undefined;
  const codes = getField(model)?.codes ?? [];
  for (const row of rows) {
    if (row.code !== null && !codes.includes(row.code)) throw new HandoverError("HO-MAP-015", { source, code: row.code, field: model, codes: codes.join(", ") || "(none)" });
  }
  return new Map(rows.map((v) => [v.value.trim(), v.code]));
}

function problemWith(rule: ColumnRuleRow, table: string, object: ObjectDef): string | undefined {
  if (rule.sources.some((s) => !s.startsWith(`${table}.`))) return `its columns must all be in table '${table}'`;
  const fields = rule.model.map((m) => (m.startsWith(`${object.name}.`) ? object.fields.find((f) => f.name === m.slice(object.name.length + 1)) : undefined));
  if (fields.some((f) => !f)) return `it fills a field that ${object.name} does not have`;
  if (rule.kind === "split-name") {
    if (rule.sources.length !== 1) return "a split-name rule reads exactly one column";
    if (fields.some((f) => !nameParts[f!.name])) return "a split-name rule fills only firstName, middleName, lastName and suffix";
  } else if (rule.sources.length !== 2 || fields.length !== 1 || fields[0]!.type !== "dateTime") {
    return "a date-time rule reads a date column and a time column into one date-time field";
  }
  return undefined;
}

/**
 * Routes for the confirmed rules over one table's columns; the columns of rules a person rejected
 * are listed as rejected (left out by decision, as a rejected field row's column is).
 */
export function ruleRoutes(
  mapping: MappingFile,
  table: string,
  object: ObjectDef,
  routeFor: (column: string, model: string, target: string | null) => ColumnRoute | null,
): { routes: ColumnRoute[]; rejectedColumns: string[] } {
  const routes: ColumnRoute[] = [];
  const rejectedColumns: string[] = [];
  for (const rule of mapping.columnRules ?? []) {
    if (!rule.sources[0]?.startsWith(`${table}.`)) continue;
    const columns = rule.sources.map((s) => s.slice(table.length + 1));
    if (rule.status !== "confirmed") {
      rejectedColumns.push(...columns);
      continue;
    }
    const problem = problemWith(rule, table, object);
    if (problem) throw new HandoverError("HO-MAP-016", { id: rule.id, problem });
    const label = columns.join(" + ");
    rule.model.forEach((model, i) => {
      const route = routeFor(label, model, rule.targets[i] ?? null);
      const part = nameParts[model.slice(object.name.length + 1)];
      if (route) routes.push({ ...route, rule: { id: rule.id, kind: rule.kind, columns, ...(rule.kind === "split-name" && part ? { part } : {}), first: i === 0 } });
    });
  }
  return { routes, rejectedColumns };
}
