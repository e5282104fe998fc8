import { issue, type Issue } from "../../contracts/handover-error.js";
import type { ColumnRoute } from "./compile-map.js";
import { decodeColumn } from "./decode-column.js";
import { parseValue, type Parsed, type ValueReading } from "./parse-value.js";
import type { SourceConventions } from "./source-conventions.js";
import { splitFullName } from "./split-name.js";
import { formatTime, parseTimeOfDay } from "./time-of-day.js";

/**
 * One route's input for a record: the raw text (for the diff report), what it parsed to, and any
 * flags. When `parsed` failed, `failure` is the code that says why (HO-TRN-001 not a valid value,
 * HO-TRN-010 a local time that never happened, HO-TRN-011 text that doesn't decode) and `issues`
 * already holds its issue.
 */
export interface RoutedValue {
  readonly raw: string;
  readonly parsed: Parsed;
  readonly issues: readonly Issue[];
  readonly failure?: "HO-TRN-001" | "HO-TRN-010" | "HO-TRN-011";
}

interface At {
  readonly table: string;
  readonly file: string;
  readonly row: number;
  readonly values: Readonly<Record<string, string>>;
}

/** How the source writes values: declared date formats per `table.column`, and its conventions. */
export interface RouteReading {
  readonly dateFormats: Readonly<Record<string, string>>;
  readonly conventions: SourceConventions;
}

/**
 * The value a route carries for one record: a declared rule's output (a name part, a date with
 * its time), else the column's value — decoded when the source stores it encoded — through its
 * confirmed value map, else the built-in parse in the source's zone, formats and phone region.
 * A value the map says has no code is flagged as any unparseable code is (HO-TRN-001).
 */
export function routeValue(route: ColumnRoute, record: At, reading: RouteReading): RoutedValue {
  if (route.rule?.kind === "split-name") return splitPart(route, record, reading);
  if (route.rule?.kind === "date-time") return dateAndTime(route, record, reading);
  const raw = record.values[route.column] ?? "";
  const at = { file: record.file, row: record.row, field: route.column };
  const severity = route.field.required ? "error" : "warning";
  const encoded = reading.conventions.encodedColumns[`${record.table}.${route.column}`];
  const decoded = decodeColumn(record.values, route.column, encoded);
  if (!decoded.ok) {
    const why = issue("HO-TRN-011", { ...at, flag: encoded?.flagColumn ?? "", encoding: encoded?.encoding ?? "" }, severity);
    return { raw, parsed: { ok: false, expected: `${encoded?.encoding ?? "encoded"} text` }, issues: [why], failure: "HO-TRN-011" };
  }
  const mapped = route.values?.get(decoded.text.trim());
  if (mapped !== undefined) {
    const parsed: Parsed = mapped === null
      ? { ok: false, expected: `one of ${route.field.codes?.join("/") ?? "its codes"} (the value map has no code for it)` }
      : { ok: true, value: mapped, change: `value map → ${mapped}` };
    return parsed.ok ? { raw, parsed, issues: [] } : failed(raw, parsed, at, severity, reading);
  }
  const read = parseValue(route.field, decoded.text, readingFor(record.table, route.column, reading));
  const parsed = read.ok && decoded.change ? { ...read, change: read.change ? `${decoded.change}; ${read.change}` : decoded.change } : read;
  return parsed.ok ? { raw, parsed, issues: localTimeFlags(parsed, at) } : failed(raw, parsed, at, severity, reading);
}

/** A column's reading: its declared date format, the profile's other formats, zone and phone region. */
function readingFor(table: string, column: string, reading: RouteReading): ValueReading {
  const c = reading.conventions;
  return { dateFormat: reading.dateFormats[`${table}.${column}`], alsoAccepted: c.alsoAcceptedDateFormats, zone: c.timezone, country: c.defaultCountry };
}

function failed(raw: string, parsed: Parsed & { ok: false }, at: { file: string; row: number; field: string }, severity: "error" | "warning", reading: RouteReading): RoutedValue {
  if (parsed.localTime?.kind === "nonexistent") {
    return { raw, parsed, issues: [issue("HO-TRN-010", { ...at, zone: reading.conventions.timezone }, severity)], failure: "HO-TRN-010" };
  }
  return { raw, parsed, issues: [issue("HO-TRN-001", { ...at, type: parsed.expected }, severity)], failure: "HO-TRN-001" };
}

/** A local time the zone had twice is read as the first, flagged. */
function localTimeFlags(parsed: Parsed, at: { file: string; row: number; field: string }): Issue[] {
  return parsed.localTime?.kind === "ambiguous" ? [issue("HO-TRN-009", { ...at, zone: parsed.localTime.zone, offset: parsed.localTime.offset }, "warning")] : [];
}

function splitPart(route: ColumnRoute, record: At, reading: RouteReading): RoutedValue {
  const rule = route.rule!;
  const column = rule.columns[0] ?? "";
  const raw = record.values[column] ?? "";
  const at = { file: record.file, row: record.row, field: column };
  const parts = splitFullName(raw);
  if (!parts || !rule.part) return { raw, parsed: { ok: true, value: null, change: null }, issues: [] };
  const text = parts[rule.part];
  const issues = parts.ambiguity && rule.first ? [issue("HO-TRN-015", { ...at, why: parts.ambiguity }, "warning")] : [];
  if (text === null) return { raw, parsed: { ok: true, value: null, change: null }, issues };
  const parsed = parseValue(route.field, text, readingFor(record.table, column, reading));
  if (!parsed.ok) {
    const failure = failed(raw, parsed, at, route.field.required ? "error" : "warning", reading);
    return { ...failure, issues: [...issues, ...failure.issues] };
  }
  const notes = [`split-name: ${rule.part} name of "${parts.form}"`, ...(parts.title ? ["title left out"] : []), ...(parts.ambiguity ? ["best read, flagged"] : [])];
  return { raw, parsed: { ...parsed, change: notes.join("; ") }, issues };
}

function dateAndTime(route: ColumnRoute, record: At, reading: RouteReading): RoutedValue {
  const [dateColumn = "", timeColumn = ""] = route.rule!.columns;
  const date = (record.values[dateColumn] ?? "").trim();
  const time = (record.values[timeColumn] ?? "").trim();
  const raw = [date, time].filter((v) => v.length > 0).join(" ");
  // A failure names the column whose value failed: the date's, or the time's.
  const at = { file: record.file, row: record.row, field: dateColumn };
  const severity = route.field.required ? "error" : "warning";
  const columnReading = readingFor(record.table, dateColumn, reading);
  // A time with no date can't be placed: flagged on the date column, never dropped quietly.
  if (date === "" && time !== "") return failed(raw, { ok: false, expected: "date (the time has no date beside it)" }, at, severity, reading);
  if (date === "") return { raw, parsed: { ok: true, value: null, change: null }, issues: [] };
  if (time === "") {
    const parsed = parseValue(route.field, date, columnReading);
    if (!parsed.ok) return failed(raw, parsed, at, severity, reading);
    const issues = [issue("HO-TRN-016", { file: record.file, row: record.row, field: timeColumn }, "warning"), ...localTimeFlags(parsed, at)];
    return { raw, parsed: { ...parsed, change: `date-time: date only, midnight; ${parsed.change ?? ""}`.replace(/; $/, "") }, issues };
  }
  const clock = parseTimeOfDay(time);
  if (!clock) return failed(raw, { ok: false, expected: "time of day (e.g. 9:30 am, 14:30)" }, { ...at, field: timeColumn }, severity, reading);
  const parsed = parseValue(route.field, `${date} ${formatTime(clock)}`, columnReading);
  if (!parsed.ok) return failed(raw, parsed, at, severity, reading);
  return { raw, parsed: { ...parsed, change: `date-time: date + time; ${parsed.change ?? "as is"}` }, issues: localTimeFlags(parsed, at) };
}
