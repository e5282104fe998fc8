import { isHandoverError } from "../../contracts/handover-error.js";
import type { TargetCatalog, TargetTable } from "../../contracts/target.js";
import type { Context } from "../context.js";

/**
 * The target tables the template lands model objects in, as the org has them now (with its own
 * custom columns, labels and descriptions). A custom table Handover would create and the org
 * lacks is simply absent; any other failure is the connector's error.
 */
export async function describeLandingTables(ctx: Context): Promise<TargetCatalog> {
  const names = [...new Set([...Object.values(ctx.template.objects).flatMap((o) => (o.table ? [o.table] : [])), ...ctx.template.tablesWritten])];
  const tables: TargetTable[] = [];
  for (const name of names) {
    try {
      tables.push(...(await ctx.target.describe([name])).tables);
    } catch (error) {
      if (!(isHandoverError(error) && error.code === "HO-TGT-005" && ctx.template.naming.isCustom(name))) throw error;
    }
  }
  return { tables };
}
