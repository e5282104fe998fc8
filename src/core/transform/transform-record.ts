import { issue, type Issue } from "../../contracts/handover-error.js";
import type { LookupRef, TargetRow, TargetValue } from "../../contracts/target.js";
import type { CompiledMap, ColumnRoute, TableMap } from "./compile-map.js";
import { routeValue } from "./route-value.js";
import { defaultConventions, type SourceConventions } from "./source-conventions.js";
import type { TargetTemplate } from "../map/templates/template.js";
import { handoverKey, sourceKey } from "./source-key.js";

/** What verify will check for one written column: where the value came from and what it became. */
export interface Expectation {
  readonly sourceColumn: string;
  readonly modelKey: string;
  /** Column to read back (readAs for create-only columns such as overriddencreatedon → createdon). */
  readonly column: string;
  readonly phi: boolean;
  readonly sourceValue: string;
  readonly transform: string;
  readonly expected: TargetValue | { readonly table: string; readonly sourceKey?: string; readonly id?: string };
  /** Only checked when this migration created the row (create-only columns). */
  readonly createOnly: boolean;
}

export interface PlannedRow {
  readonly row: TargetRow;
  /** Fields sent only when the row is new. */
  readonly createOnly: readonly string[];
  /** Lookup column → the source column it came from (for messages naming the field). */
  readonly lookupSources: Readonly<Record<string, string>>;
}

export type RecordResult = {
  readonly sourceTable: string;
  readonly sourceKey: string;
  readonly file: string;
  readonly row: number;
  readonly issues: readonly Issue[];
  readonly expectations: readonly Expectation[];
} & (
  | { readonly status: "ok"; readonly planned: PlannedRow }
  /** Loaded as part of another record's row (a primary practice link → the contact's account). */
  | { readonly status: "folded"; readonly into: { readonly table: string; readonly sourceKey: string } }
  | { readonly status: "rejected"; readonly reason: string }
  | { readonly status: "skipped"; readonly reason: string }
);

export interface StagedRecord {
  readonly table: string;
  readonly key: string;
  readonly file: string;
  readonly row: number;
  readonly values: Readonly<Record<string, string>>;
}

/** Everything a record's transform needs besides the record: decided before, passed in. */
export interface TransformContext {
  readonly map: CompiledMap;
  readonly prefix: string;
  /** Where the primary practice lands (the template's primaryPractice). */
  readonly primaryPractice: TargetTemplate["primaryPractice"];
  readonly dateFormats: Readonly<Record<string, string>>;
  /** Zone, phone region, other date formats and encoded columns of the source (the plan's);
   * UTC, US and none when absent. */
  readonly conventions?: SourceConventions;
  /** Staff source id → owner ref; undefined when neither the staff's user nor a fallback resolves;
   * null when the source has no such staff member. */
  ownerFor(staffId: string): LookupRef | undefined | null;
  /** Owner when the record names no staff member: the confirmed fallback, if any. */
  readonly fallbackOwner: LookupRef | undefined;
  columnLimit(table: string, column: string): number | undefined;
  /** Target-row extras the template derives (e.g. contact.parentcustomerid) — per record. */
  derive(record: StagedRecord, map: TableMap): Derived;
}

export interface Derived {
  readonly lookups?: Readonly<Record<string, { readonly ref: LookupRef; readonly transform: string; readonly sourceColumn: string }>>;
  /** The record is carried by another record's row instead of its own. */
  readonly foldInto?: { readonly table: string; readonly sourceKey: string };
  readonly extraIssues?: readonly Issue[];
}

/**
 * Source record → one target row, per the confirmed map. Pure. Bad values are left out and
 * flagged (warning); a missing required value, an unresolvable owner or an unknown table reject
 * the record (error). Messages name file, row and field, never the value.
 */
export function transformRecord(record: StagedRecord, ctx: TransformContext): RecordResult {
  const base = { sourceTable: record.table, sourceKey: sourceKey(ctx.prefix, record.table, record.key), file: record.file, row: record.row };
  const map = ctx.map.tables.get(record.table);
  if (!map || !map.targetTable) {
    return { ...base, status: "skipped", reason: map ? "resolved-not-written" : "table-not-mapped", issues: [], expectations: [] };
  }
  const issues: Issue[] = [];
  const expectations: Expectation[] = [];
  const fields: Record<string, TargetValue> = {};
  const lookups: Record<string, LookupRef | null> = {};
  const lookupSources: Record<string, string> = {};
  const createOnly: string[] = [];
  const at = { file: record.file, row: record.row };
  let rejected: string | null = null;

  const conventions = ctx.conventions ?? defaultConventions;
  for (const route of map.routes) {
    // A rule's output (name part, date + time), or the column (decoded when stored encoded)
    // through its value map, else the built-in parse in the source's zone and formats.
    const routed = routeValue(route, record, { dateFormats: ctx.dateFormats, conventions });
    const { raw, parsed } = routed;
    issues.push(...routed.issues);
    if (!parsed.ok) {
      if (route.field.required) rejected ??= routed.failure ?? "HO-TRN-001";
      if (route.landing.kind === "column") expect(expectations, route, raw, `left out: not a valid ${parsed.expected}`, null);
      continue;
    }
    if (parsed.value === null && route.field.required) {
      issues.push(issue("HO-TRN-002", { ...at, field: route.column }));
      rejected ??= "HO-TRN-002";
      continue;
    }
    const landing = route.landing;
    if (landing.kind === "column") {
      let value: TargetValue = parsed.value;
      let change = parsed.change ?? "as is";
      if (landing.valueMap && typeof value === "string") {
        const mapped = landing.valueMap[value];
        value = mapped ?? null;
        change = mapped === undefined ? `left out: '${route.field.name}' code has no option in ${landing.column}` : `${change}; option ${mapped}`;
      }
      const limit = ctx.columnLimit(map.targetTable, landing.column);
      if (typeof value === "string" && limit !== undefined && value.length > limit) {
        issues.push(issue("HO-TRN-006", { ...at, field: route.column, length: value.length, max: limit }, route.field.required ? "error" : "warning"));
        if (route.field.required) rejected ??= "HO-TRN-006";
        expect(expectations, route, raw, `left out: longer than ${limit} characters`, null);
        continue;
      }
      fields[landing.column] = value;
      if (landing.createOnly) createOnly.push(landing.column);
      expect(expectations, route, raw, change, value);
    } else if (landing.kind === "lookup") {
      if (parsed.value === null) continue;
      if (landing.handoverTable) {
        const ref = { table: landing.handoverTable, sourceKey: handoverKey(ctx.prefix, `${landing.refObject}-${String(parsed.value)}`) };
        lookups[landing.column] = ref;
        lookupSources[landing.column] = route.column;
        expect(expectations, route, raw, `${parsed.change ?? "as is"}; lookup → ${landing.handoverTable}`, ref);
        continue;
      }
      const refTable = ctx.map.tableForObject(landing.refObject);
      const targetTable = refTable ? ctx.map.tables.get(refTable)?.targetTable : undefined;
      if (!refTable || !targetTable) continue;
      const ref = { table: targetTable, sourceKey: sourceKey(ctx.prefix, refTable, String(parsed.value)) };
      lookups[landing.column] = ref;
      lookupSources[landing.column] = route.column;
      expect(expectations, route, raw, `lookup → ${targetTable} by source key`, ref);
    } else if (landing.kind === "state") {
      if (parsed.value === null) continue;
      const state = landing.map[String(parsed.value)];
      if (!state) {
        issues.push(issue("HO-TRN-001", { ...at, field: route.column, type: `one of ${Object.keys(landing.map).join("/")}` }, "warning"));
        continue;
      }
      fields.statecode = state.statecode;
      fields.statuscode = state.statuscode;
      expect(expectations, route, raw, `${parsed.change ?? "as is"}; state ${state.statecode}`, state.statecode, "statecode");
      expect(expectations, route, raw, `${parsed.change ?? "as is"}; status ${state.statuscode}`, state.statuscode, "statuscode");
    } else if (landing.kind === "owner") {
      const owner = parsed.value === null ? ctx.fallbackOwner : ctx.ownerFor(String(parsed.value));
      if (owner === null) {
        issues.push(issue("HO-TRN-003", { ...at, field: route.column, object: ctx.map.tableForObject("staff") ?? "staff", ref: String(parsed.value) }));
        rejected ??= "HO-TRN-003";
        continue;
      }
      if (!owner) {
        issues.push(issue("HO-TRN-004", { ...at, field: route.column }));
        rejected ??= "HO-TRN-004";
        continue;
      }
      lookups[landing.column] = owner;
      expect(expectations, route, raw, parsed.value === null ? "no provider: fallback owner" : "provider → CRM user by email", owner);
    }
  }

  checkEndAfterStart(map, record, fields, expectations, issues);
  const derived = ctx.derive(record, map);
  issues.push(...(derived.extraIssues ?? []));
  if (rejected) return { ...base, status: "rejected", reason: rejected, issues, expectations };
  if (derived.foldInto) return { ...base, status: "folded", into: derived.foldInto, issues, expectations: [] };
  for (const [column, d] of Object.entries(derived.lookups ?? {})) {
    lookups[column] = d.ref;
    lookupSources[column] = d.sourceColumn;
    expectations.push({ sourceColumn: d.sourceColumn, modelKey: "(derived)", column, phi: false, sourceValue: "", transform: d.transform, expected: d.ref, createOnly: false });
  }
  const row: TargetRow = { table: map.targetTable, sourceKey: base.sourceKey, fields, lookups };
  return { ...base, status: "ok", planned: { row, createOnly, lookupSources }, issues, expectations };
}


/** A record whose end precedes its start keeps its start; the end is left out and flagged. */
function checkEndAfterStart(map: TableMap, record: StagedRecord, fields: Record<string, TargetValue>, expectations: Expectation[], issues: Issue[]): void {
  const start = map.routes.find((r) => r.field.name === "start" && r.landing.kind === "column");
  const end = map.routes.find((r) => r.field.name === "end" && r.landing.kind === "column");
  if (!start || !end || start.landing.kind !== "column" || end.landing.kind !== "column") return;
  const [from, to] = [fields[start.landing.column], fields[end.landing.column]];
  if (typeof from !== "string" || typeof to !== "string" || Date.parse(to) >= Date.parse(from)) return;
  delete fields[end.landing.column];
  issues.push(issue("HO-TRN-008", { file: record.file, row: record.row, field: end.column }, "warning"));
  const k = expectations.findIndex((e) => e.sourceColumn === end.column);
  if (k >= 0) expectations[k] = { ...expectations[k]!, transform: "left out: ends before it starts", expected: null };
}

function expect(list: Expectation[], route: ColumnRoute, raw: string, transform: string, expected: Expectation["expected"], stateColumn?: string): void {
  const landing = route.landing;
  if (landing.kind === "none") return;
  const column = landing.kind === "column" ? landing.readAs ?? landing.column : landing.kind === "state" ? stateColumn ?? "statecode" : landing.column;
  list.push({
    sourceColumn: route.column,
    modelKey: route.modelKey,
    column,
    phi: route.field.phi,
    sourceValue: raw,
    transform,
    expected,
    createOnly: landing.kind === "column" && landing.createOnly === true,
  });
}
