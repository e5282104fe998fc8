/** Resolves SOQL field paths against object definitions and evaluates WHERE conditions on rows. */
import { SfError } from "./errors.js";
import type { FieldDef, Row, SfValue } from "./field-def.js";
import { findField, findRelationship } from "./object-def.js";
import type { ObjectDef } from "./object-def.js";
import { queryErrorText } from "./soql-lexer.js";
import type { Condition, FieldPath, Literal } from "./soql-parser.js";
import { formatDateTime } from "./values.js";

/** Where a query reads rows from: the org, or the tooling view of its schema. */
export interface QuerySource {
  object(name: string): ObjectDef | undefined;
  rows(obj: ObjectDef): Iterable<Row>;
  locate(id: string): { readonly object: ObjectDef; readonly row: Row } | undefined;
}

export interface ResolvedPath {
  /** Reference fields walked, in order (empty for a plain field). */
  readonly steps: readonly FieldDef[];
  /** Canonical name of the final field ("Type" on a polymorphic relationship). */
  readonly name: string;
  /** The final field when its type is known (used for typed comparisons). */
  readonly field?: FieldDef;
}

const invalidField = (soql: string, pos: number, detail: string): SfError => new SfError(400, "INVALID_FIELD", queryErrorText(soql, pos, detail));

/** Resolves `Account.Owner.Name`-style paths; throws INVALID_FIELD with the real wording. */
export function resolvePath(src: QuerySource, obj: ObjectDef, fp: FieldPath, soql: string): ResolvedPath {
  let parts = fp.path;
  if (parts.length > 1 && parts[0]?.toLowerCase() === obj.name.toLowerCase() && !findRelationship(obj, parts[0])) parts = parts.slice(1);
  const steps: FieldDef[] = [];
  let targets: ObjectDef[] = [obj];
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    if (last) {
      const polymorphic = targets.length > 1;
      if (polymorphic && part.toLowerCase() === "type") return { steps, name: "Type" };
      const f = targets.map((t) => findField(t, part)).find((x) => x !== undefined);
      if (!f) {
        const where = targets.length === 1 ? (targets[0] as ObjectDef).name : "Name";
        throw invalidField(soql, fp.pos, `No such column '${part}' on entity '${where}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`);
      }
      return { steps, name: f.name, field: f };
    }
    const rel = targets.length === 1 ? findRelationship(targets[0] as ObjectDef, part) : undefined;
    if (!rel) {
      throw invalidField(soql, fp.pos, `Didn't understand relationship '${part}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`);
    }
    steps.push(rel);
    targets = rel.referenceTo.map((t) => src.object(t)).filter((t): t is ObjectDef => t !== undefined);
  }
  throw invalidField(soql, fp.pos, "empty field path");
}

/** The row at the end of the path's relationships, and its object (undefined when a lookup is empty). */
export function parentAt(src: QuerySource, row: Row, steps: readonly FieldDef[]): { object: ObjectDef; row: Row } | undefined {
  let current: { object: ObjectDef; row: Row } | undefined;
  let r: Row = row;
  for (const step of steps) {
    const id = r[step.name];
    current = typeof id === "string" ? src.locate(id) : undefined;
    if (!current) return undefined;
    r = current.row;
  }
  return current;
}

export function valueAt(src: QuerySource, row: Row, p: ResolvedPath): SfValue {
  if (p.steps.length === 0) return row[p.name] ?? null;
  const parent = parentAt(src, row, p.steps);
  if (!parent) return null;
  return p.name === "Type" && !p.field ? parent.object.name : (parent.row[p.name] ?? null);
}

function dayString(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** [start, end] of a relative date literal, as dates (date fields) or datetimes. */
function relativeRange(lit: Extract<Literal, { kind: "relative" }>, now: Date, datetime: boolean): [string, string] {
  const day = (offset: number): Date => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offset));
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const ranges: Record<string, [Date, Date]> = {
    TODAY: [day(0), day(0)], YESTERDAY: [day(-1), day(-1)], TOMORROW: [day(1), day(1)],
    LAST_N_DAYS: [day(-lit.n), day(0)], NEXT_N_DAYS: [day(1), day(lit.n)],
    THIS_WEEK: [day(-now.getUTCDay()), day(6 - now.getUTCDay())], LAST_WEEK: [day(-now.getUTCDay() - 7), day(-now.getUTCDay() - 1)],
    NEXT_WEEK: [day(7 - now.getUTCDay()), day(13 - now.getUTCDay())],
    THIS_MONTH: [new Date(Date.UTC(y, m, 1)), new Date(Date.UTC(y, m + 1, 0))], LAST_MONTH: [new Date(Date.UTC(y, m - 1, 1)), new Date(Date.UTC(y, m, 0))],
    NEXT_MONTH: [new Date(Date.UTC(y, m + 1, 1)), new Date(Date.UTC(y, m + 2, 0))],
    THIS_YEAR: [new Date(Date.UTC(y, 0, 1)), new Date(Date.UTC(y, 11, 31))], LAST_YEAR: [new Date(Date.UTC(y - 1, 0, 1)), new Date(Date.UTC(y - 1, 11, 31))],
    NEXT_YEAR: [new Date(Date.UTC(y + 1, 0, 1)), new Date(Date.UTC(y + 1, 11, 31))],
  };
  const [a, b] = ranges[lit.name] ?? [day(0), day(0)];
  if (!datetime) return [dayString(a), dayString(b)];
  return [formatDateTime(a), formatDateTime(new Date(b.getTime() + 86_400_000 - 1))];
}

/** A literal in the stored form of `field` (datetimes normalized to `…+0000`). */
function literalValue(lit: Literal, field: FieldDef | undefined): SfValue {
  switch (lit.kind) {
    case "null": return null;
    case "datetime": return field?.type === "date" ? lit.value.slice(0, 10) : formatDateTime(new Date(lit.value));
    case "date": return field?.type === "datetime" ? formatDateTime(new Date(`${lit.value}T00:00:00Z`)) : lit.value;
    case "relative": return null;
    default: return lit.value;
  }
}

/** Total order used by comparisons and ORDER BY: text case-insensitive, numbers numeric. */
export function compareValues(a: SfValue, b: SfValue): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  const x = String(a).toLowerCase();
  const y = String(b).toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

function like(value: SfValue, pattern: string): boolean {
  if (value === null) return false;
  const re = pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/%/g, ".*").replace(/_/g, ".");
  return new RegExp(`^${re}$`, "is").test(String(value));
}

function compare(value: SfValue, op: string, lit: Literal, field: FieldDef | undefined, now: Date): boolean {
  if (lit.kind === "relative") {
    if (value === null) return op === "!=";
    const [start, end] = relativeRange(lit, now, field?.type === "datetime");
    const c = (x: string): number => compareValues(value, x);
    switch (op) {
      case "=": return c(start) >= 0 && c(end) <= 0;
      case "!=": return c(start) < 0 || c(end) > 0;
      case "<": return c(start) < 0;
      case "<=": return c(end) <= 0;
      case ">": return c(end) > 0;
      default: return c(start) >= 0;
    }
  }
  const target = literalValue(lit, field);
  if (op === "LIKE") return like(value, String(target));
  if (target === null || value === null) return op === "=" ? value === target : op === "!=" ? value !== target : false;
  const c = compareValues(value, target);
  switch (op) {
    case "=": return c === 0;
    case "!=": return c !== 0;
    case "<": return c < 0;
    case "<=": return c <= 0;
    case ">": return c > 0;
    default: return c >= 0;
  }
}

/** A compiled WHERE: paths resolved once, then evaluated per row. */
export function compileCondition(src: QuerySource, obj: ObjectDef, cond: Condition, soql: string, now: Date): (row: Row) => boolean {
  switch (cond.kind) {
    case "and": case "or": {
      const l = compileCondition(src, obj, cond.left, soql, now);
      const r = compileCondition(src, obj, cond.right, soql, now);
      return cond.kind === "and" ? (row) => l(row) && r(row) : (row) => l(row) || r(row);
    }
    case "not": {
      const inner = compileCondition(src, obj, cond.inner, soql, now);
      return (row) => !inner(row);
    }
    case "compare": {
      const p = resolvePath(src, obj, cond.field, soql);
      return (row) => compare(valueAt(src, row, p), cond.op, cond.value, p.field, now);
    }
    case "in": {
      const p = resolvePath(src, obj, cond.field, soql);
      return (row) => {
        const v = valueAt(src, row, p);
        const hit = v !== null && cond.values.some((lit) => compare(v, "=", lit, p.field, now));
        return cond.negated ? v !== null && !hit : hit;
      };
    }
    case "includes": {
      const p = resolvePath(src, obj, cond.field, soql);
      return (row) => {
        const have = new Set(String(valueAt(src, row, p) ?? "").split(";").map((s) => s.toLowerCase()));
        const hit = cond.values.some((v) => v.split(";").every((part) => have.has(part.toLowerCase())));
        return cond.negated ? !hit : hit;
      };
    }
  }
}
