import type { MappingFile } from "../../config/mapping-file.js";
import type { LookupRef } from "../../contracts/target.js";
import type { Context } from "../context.js";
import type { TableLoadDeps } from "../load/load-table.js";
import type { Plan } from "../plan/plan.js";
import type { CompiledMap } from "../transform/compile-map.js";

/** The transform's context for a run or a verify: owners from the plan, fallback only if confirmed. */
export function transformContext(ctx: Context, map: CompiledMap, plan: Plan, mapping: MappingFile): TableLoadDeps["context"] {
  const fallbackConfirmed = mapping.rules.find((r) => r.id === "fallback-owner")?.status === "confirmed";
  const fallbackId = fallbackConfirmed && plan.owners.fallback?.active ? plan.owners.fallback.userId : null;
  const owners = new Map(plan.owners.rows.map((o) => [o.staffId, o.ownerVia === "fallback" && !fallbackConfirmed ? null : o.ownerId]));
  const user = (id: string | null | undefined): LookupRef | undefined => (id ? { table: ctx.target.capabilities.userTable, id } : undefined);
  return {
    map,
    prefix: ctx.config.source.keyPrefix,
    primaryPractice: ctx.template.primaryPractice,
    dateFormats: plan.dateFormats,
    ...(plan.conventions ? { conventions: plan.conventions } : {}),
    ownerFor: (staffId) => (owners.has(staffId) ? user(owners.get(staffId)) : null),
    fallbackOwner: user(fallbackId),
    columnLimit: (table, column) => plan.columnLimits[table]?.[column],
  };
}

