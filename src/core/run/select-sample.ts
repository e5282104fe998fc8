import type { Store } from "../../store/open-store.js";
import type { CompiledMap } from "../transform/compile-map.js";

/**
 * A representative slice for `sample`: patients spread evenly over the export (so early and
 * late, clean and dirty rows all appear), every row that belongs to them (practice links,
 * appointments), every practice (parents and link targets must exist) and every staff member.
 * Returns source keys per source table; tables absent from the result load in full.
 */
export async function selectSample(store: Store, map: CompiledMap, runId: string, size: number): Promise<Map<string, Set<string>>> {
  const result = new Map<string, Set<string>>();
  const patients = map.tableForObject("patient");
  if (!patients) return result;
  const keys = (await store.db.selectFrom("staged_records").select("source_key").where("source_table", "=", patients).where("extract_run", "=", runId).orderBy("id").execute()).map((r) => r.source_key);
  const step = Math.max(1, keys.length / size);
  const chosen = new Set<string>();
  for (let i = 0; i < keys.length && chosen.size < size; i += step) chosen.add(keys[Math.floor(i)]!);
  result.set(patients, chosen);
  // Every table whose rows belong to a patient (links, appointments…) follows the chosen patients.
  for (const table of map.tables.values()) {
    const patientCol = table.table === patients ? undefined : table.columnFor("patient");
    if (!patientCol) continue;
    const keys = new Set<string>();
    let lastId = 0;
    for (;;) {
      const page = await store.db.selectFrom("staged_records").select(["id", "source_key", "values_json"]).where("source_table", "=", table.table).where("extract_run", "=", runId).where("id", ">", lastId).orderBy("id").limit(5000).execute();
      if (page.length === 0) break;
      lastId = page[page.length - 1]!.id;
      for (const r of page) if (chosen.has(((JSON.parse(r.values_json) as Record<string, string>)[patientCol] ?? "").trim())) keys.add(r.source_key);
    }
    result.set(table.table, keys);
  }
  return result;
}
