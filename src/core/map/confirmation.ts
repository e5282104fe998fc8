import { mappingHash, undecided, type MappingFile } from "../../config/mapping-file.js";
import { HandoverError } from "../../contracts/handover-error.js";
import { appendAudit } from "../../store/audit-log.js";
import type { Context } from "../context.js";
import type { Plan } from "../plan/plan.js";
import { assertNoRouteConflicts } from "./route-conflicts.js";

/**
 * Nothing reaches the target unless every map row and rule is decided and the file is exactly
 * the one a person confirmed, and no two confirmed routes write the same thing. Called by schema
 * apply, sample, run and delta.
 */
export async function assertConfirmed(ctx: Context, mapping: MappingFile): Promise<string> {
  const open = undecided(mapping);
  if (open > 0) throw new HandoverError("HO-MAP-002", { count: open });
  const hash = mappingHash(mapping);
  const last = await ctx.store.db.selectFrom("confirmations").select("map_hash").orderBy("id", "desc").limit(1).executeTakeFirst();
  if (!last) throw new HandoverError("HO-MAP-002", { count: mapping.fields.length });
  if (last.map_hash !== hash) throw new HandoverError("HO-MAP-003", { found: hash, confirmed: last.map_hash });
  assertNoRouteConflicts(mapping);
  return hash;
}

/** Records that the current map is confirmed (when fully decided), with who and when, in the audit log. */
export async function recordConfirmation(ctx: Context, mapping: MappingFile): Promise<boolean> {
  if (undecided(mapping) > 0) return false;
  // A map whose confirmed rows write one field twice is not confirmed (the decisions are saved).
  assertNoRouteConflicts(mapping);
  const hash = mappingHash(mapping);
  const confirmed = mapping.fields.filter((f) => f.status === "confirmed").length;
  const rejected = mapping.fields.filter((f) => f.status === "rejected").length;
  await ctx.store.db.insertInto("confirmations").values({ map_hash: hash, confirmed_by: ctx.actor, confirmed_at: new Date().toISOString(), confirmed_rows: confirmed, rejected_rows: rejected }).execute();
  await appendAudit(ctx.store.db, [{ actor: ctx.actor, operation: "map.confirm", outcome: `hash ${hash}: ${confirmed} confirmed, ${rejected} rejected` }]);
  return true;
}

export async function savePlan(ctx: Context, plan: Plan): Promise<void> {
  await ctx.store.db.insertInto("plans").values({ map_hash: plan.mapHash, created_at: plan.createdAt, plan_json: JSON.stringify(plan) }).execute();
  await appendAudit(ctx.store.db, [{ actor: ctx.actor, operation: "plan", outcome: `map ${plan.mapHash}` }]);
}

/** The latest plan made from exactly this map. */
export async function loadPlan(ctx: Context, mapping: MappingFile): Promise<Plan> {
  const row = await ctx.store.db.selectFrom("plans").select("plan_json").where("map_hash", "=", mappingHash(mapping)).orderBy("id", "desc").limit(1).executeTakeFirst();
  if (!row) throw new HandoverError("HO-PLN-001");
  return JSON.parse(row.plan_json) as Plan;
}
