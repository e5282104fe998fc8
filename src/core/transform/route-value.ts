import { issue, type Issue } from "../../contracts/handover-error.js";
import type { ColumnRoute } from "./compile-map.js";
import { parseValue, type Parsed } from "./parse-value.js";
import { splitFullName } from "./split-name.js";
import { formatTime, parseTimeOfDay } from "./time-of-day.js";

/** One route's input for a record: the raw text (for the diff report), what it parsed to, and any flags. */
export interface RoutedValue {
  readonly raw: string;
  readonly parsed: Parsed;
  readonly issues: readonly Issue[];
}

interface At {
  readonly table: string;
  readonly file: string;
  readonly row: number;
  readonly values: Readonly<Record<string, string>>;
}

/**
 * The value a route carries for one record: a declared rule's output (a name part, a date with
 * its time), else the column's value through its confirmed value map, else the built-in parse.
 * A value the map says has no code is flagged as any unparseable code is (HO-TRN-001).
 */
export function routeValue(route: ColumnRoute, record: At, dateFormats: Readonly<Record<string, string>>): RoutedValue {
  if (route.rule?.kind === "split-name") return splitPart(route, record);
  if (route.rule?.kind === "date-time") return dateAndTime(route, record, dateFormats);
  const raw = record.values[route.column] ?? "";
  const mapped = route.values?.get(raw.trim());
  if (mapped !== undefined) {
    const parsed: Parsed = mapped === null
      ? { ok: false, expected: `one of ${route.field.codes?.join("/") ?? "its codes"} (the value map has no code for it)` }
      : { ok: true, value: mapped, change: `value map → ${mapped}` };
    return { raw, parsed, issues: [] };
  }
  return { raw, parsed: parseValue(route.field, raw, dateFormats[`${record.table}.${route.column}`]), issues: [] };
}

function splitPart(route: ColumnRoute, record: At): RoutedValue {
  const rule = route.rule!;
  const column = rule.columns[0] ?? "";
  const raw = record.values[column] ?? "";
  const parts = splitFullName(raw);
  if (!parts || !rule.part) return { raw, parsed: { ok: true, value: null, change: null }, issues: [] };
  const text = parts[rule.part];
  const issues = parts.ambiguity && rule.first ? [issue("HO-TRN-015", { file: record.file, row: record.row, field: column, why: parts.ambiguity }, "warning")] : [];
  if (text === null) return { raw, parsed: { ok: true, value: null, change: null }, issues };
  const parsed = parseValue(route.field, text);
  const notes = [`split-name: ${rule.part} name of "${parts.form}"`, ...(parts.title ? ["title left out"] : []), ...(parts.ambiguity ? ["best read, flagged"] : [])];
  return { raw, parsed: parsed.ok ? { ...parsed, change: notes.join("; ") } : parsed, issues };
}

function dateAndTime(route: ColumnRoute, record: At, dateFormats: Readonly<Record<string, string>>): RoutedValue {
  const [dateColumn = "", timeColumn = ""] = route.rule!.columns;
  const date = (record.values[dateColumn] ?? "").trim();
  const time = (record.values[timeColumn] ?? "").trim();
  const raw = [date, time].filter((v) => v.length > 0).join(" ");
  const format = dateFormats[`${record.table}.${dateColumn}`];
  if (date === "") return { raw, parsed: { ok: true, value: null, change: null }, issues: [] };
  if (time === "") {
    const parsed = parseValue(route.field, date, format);
    const issues = parsed.ok ? [issue("HO-TRN-016", { file: record.file, row: record.row, field: timeColumn }, "warning")] : [];
    return { raw, parsed: parsed.ok ? { ...parsed, change: `date-time: date only, midnight; ${parsed.change ?? ""}`.replace(/; $/, "") } : parsed, issues };
  }
  const clock = parseTimeOfDay(time);
  if (!clock) return { raw, parsed: { ok: false, expected: "time of day (e.g. 9:30 am, 14:30)" }, issues: [] };
  const parsed = parseValue(route.field, `${date} ${formatTime(clock)}`, format);
  return { raw, parsed: parsed.ok ? { ...parsed, change: `date-time: date + time; ${parsed.change ?? "as is"}` } : parsed, issues: [] };
}
