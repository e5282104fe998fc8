import type { StoredRow, TargetValue } from "../../contracts/target.js";
import type { Expectation } from "../transform/transform-record.js";

/** One compared field: where its value came from (the expectation) and what was found. */
export interface FieldDiff extends Omit<Expectation, "expected" | "createOnly"> {
  readonly sourceKey: string;
  readonly file: string;
  readonly row: number;
  readonly table: string;
  readonly expected: string;
  readonly actual: string;
  readonly match: boolean;
}

/**
 * Compares one expectation with the row read back. Lookups compare by the id our key resolved
 * to (`resolve`); text compares exactly; numbers by value; date-times to the second.
 */
export function compareField(exp: Expectation, stored: StoredRow | undefined, resolve: (table: string, sourceKey: string) => string | undefined): { expected: string; actual: string; match: boolean } {
  if (exp.expected !== null && typeof exp.expected === "object") {
    const ref = exp.expected;
    const expectedId = ref.id ?? (ref.sourceKey ? resolve(ref.table, ref.sourceKey) : undefined);
    const actual = stored?.lookups[exp.column] ?? null;
    const expectedText = `${ref.table}:${expectedId ?? `(not loaded: ${ref.sourceKey})`}`;
    const actualText = actual ? `${actual.table}:${actual.id}` : "";
    return { expected: expectedText, actual: actualText, match: !!expectedId && actual?.id === expectedId };
  }
  const actual = stored?.fields[exp.column] ?? null;
  return { expected: show(exp.expected), actual: show(actual), match: same(exp.expected, actual) };
}

function same(expected: TargetValue, actual: TargetValue | undefined): boolean {
  if (expected === null) return actual === null || actual === undefined || actual === "";
  if (typeof expected === "number") return Number(actual) === expected;
  if (typeof expected === "string" && /^\d{4}-\d{2}-\d{2}T/.test(expected) && typeof actual === "string") {
    return Date.parse(expected) === Date.parse(actual);
  }
  return expected === actual;
}

function show(value: TargetValue | undefined): string {
  return value === null || value === undefined ? "" : String(value);
}
