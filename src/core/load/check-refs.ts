import { issue, type Issue } from "../../contracts/handover-error.js";
import type { Store } from "../../store/open-store.js";
import type { PlannedRow, RecordResult } from "../transform/transform-record.js";

export type RefCheck = { readonly kind: "ok" } | { readonly kind: "defer" } | { readonly kind: "reject"; readonly issue: Issue };

/**
 * Strict lookups: a row is written only when every row it points at by source key is in the
 * target (crosswalk). A reference to a row of the same table that is still waiting is deferred
 * (parents load first); one to a staged record that was not loaded, or to nothing in the
 * source at all, rejects the row with a code naming the field.
 */
export async function checkRefs(
  store: Store, runId: string, table: string, items: readonly { planned: PlannedRow; record: RecordResult }[],
): Promise<RefCheck[]> {
  const wanted = new Set<string>();
  for (const i of items) for (const ref of Object.values(i.planned.row.lookups)) if (ref && "sourceKey" in ref) wanted.add(ref.sourceKey);
  const loaded = new Set<string>();
  const keys = [...wanted];
  for (let k = 0; k < keys.length; k += 500) {
    const rows = await store.db.selectFrom("crosswalk").select(["target_table", "source_key"]).where("source_key", "in", keys.slice(k, k + 500)).execute();
    for (const r of rows) loaded.add(`${r.target_table}|${r.source_key}`);
  }
  const results: RefCheck[] = [];
  for (const { planned, record } of items) {
    let result: RefCheck = { kind: "ok" };
    for (const [column, ref] of Object.entries(planned.row.lookups)) {
      if (!ref || !("sourceKey" in ref) || loaded.has(`${ref.table}|${ref.sourceKey}`)) continue;
      const [, sourceTable = "", ...idParts] = ref.sourceKey.split(":");
      const id = idParts.join(":");
      const staged = await store.db.selectFrom("staged_records").select("id").where("source_table", "=", sourceTable)
        .where("source_key", "=", id).where("extract_run", "=", runId).executeTakeFirst();
      const field = planned.lookupSources[column] ?? column;
      if (staged && ref.table === table) {
        const outcome = await store.db.selectFrom("record_outcomes").select("status").where("run_id", "=", runId)
          .where("source_table", "=", sourceTable).where("source_key", "=", id).executeTakeFirst();
        if (!outcome) {
          result = { kind: "defer" };
          continue;
        }
      }
      const at = { file: record.file, row: record.row, field };
      result = {
        kind: "reject",
        issue: staged
          ? issue("HO-LOD-001", { ...at, table, dependency: ref.table, ref: ref.sourceKey })
          : issue("HO-TRN-003", { ...at, object: sourceTable || ref.table, ref: ref.sourceKey }),
      };
      break;
    }
    results.push(result);
  }
  return results;
}
