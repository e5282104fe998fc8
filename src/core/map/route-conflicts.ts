import type { MappingFile } from "../../config/mapping-file.js";
import { HandoverError } from "../../contracts/handover-error.js";
import { ruleFieldRows } from "./column-rule-rows.js";

export interface RouteConflict {
  readonly table: string;
  /** The model field or target column both routes write. */
  readonly what: string;
  readonly first: string;
  readonly second: string;
}

/**
 * Two confirmed routes of one source table that write the same model field or the same target
 * column: the later would silently overwrite the earlier in every record. The matcher's
 * assignment never proposes that (a declared rule is the one way to combine columns), but a
 * person's change, the dictionary or the assistant could. Field rows and rule outputs both count.
 *
 * @example routeConflicts(mapping) // [{ table: "clients", what: "patient.lastName", first: "clients.Surname", second: "clients.Full Name" }]
 */
export function routeConflicts(mapping: MappingFile): RouteConflict[] {
  const routes = [...mapping.fields.filter((f) => f.status === "confirmed" && f.model), ...ruleFieldRows(mapping).filter((r) => r.status === "confirmed")];
  const seen = new Map<string, string>();
  const out: RouteConflict[] = [];
  for (const row of routes) {
    const table = row.source.slice(0, row.source.indexOf("."));
    const head = row.target?.split(" ")[0] ?? "";
    const keys = [...(row.model && !row.model.includes(".customProperties.") ? [row.model] : []), ...(head && !head.startsWith("(") ? [head] : [])];
    for (const what of new Set(keys)) {
      const key = `${table}\u0000${what}`;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, row.source);
      else if (first !== row.source) out.push({ table, what, first, second: row.source });
    }
  }
  return out;
}

/** Throws HO-MAP-017 for the first conflict, if any. */
export function assertNoRouteConflicts(mapping: MappingFile): void {
  const [c] = routeConflicts(mapping);
  if (c) throw new HandoverError("HO-MAP-017", { first: c.first, second: c.second, what: c.what });
}
