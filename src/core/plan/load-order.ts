import { HandoverError } from "../../contracts/handover-error.js";
import type { TargetTemplate } from "../map/templates/template.js";

export interface LoadOrder {
  /** Waves of tables; every table's lookups point at tables of earlier waves (or itself). */
  readonly waves: readonly (readonly string[])[];
  /** Tables that reference themselves: their rows load parent-first. */
  readonly selfReferencing: readonly string[];
  readonly edges: readonly { readonly from: string; readonly to: string; readonly via: string }[];
}

/**
 * Derives the load order from the template's lookups (never hand-written): a table loads after
 * every table it looks up. Tables not written by us (users) are outside the graph.
 *
 * @example loadOrder(dataverseTemplate()).waves → [["account","connectionrole"],["contact"],["annotation","appointment","connection"]]
 */
export function loadOrder(template: TargetTemplate): LoadOrder {
  const written = new Set(template.tablesWritten);
  const edges: { from: string; to: string; via: string }[] = [];
  for (const [key, landing] of Object.entries(template.fields)) {
    if (landing.kind !== "lookup") continue;
    const from = template.objects[key.split(".")[0] ?? ""]?.table;
    const to = landing.handoverTable ?? template.objects[landing.refObject]?.table;
    if (from && to && written.has(from) && written.has(to)) edges.push({ from, to, via: `${from}.${landing.column}` });
  }
  for (const d of template.derivedLookups) {
    if (written.has(d.table) && written.has(d.refTable)) edges.push({ from: d.table, to: d.refTable, via: `${d.table}.${d.column}` });
  }
  const selfReferencing = [...new Set(edges.filter((e) => e.from === e.to).map((e) => e.from))];
  const waves: string[][] = [];
  const placed = new Set<string>();
  const remaining = [...template.tablesWritten];
  while (remaining.length > 0) {
    const wave = remaining.filter((t) => edges.every((e) => e.from !== t || e.to === t || placed.has(e.to)));
    if (wave.length === 0) throw new HandoverError("HO-PLN-002", { cycle: remaining.join(" → ") });
    wave.sort();
    waves.push(wave);
    for (const t of wave) {
      placed.add(t);
      remaining.splice(remaining.indexOf(t), 1);
    }
  }
  return { waves, selfReferencing, edges };
}
