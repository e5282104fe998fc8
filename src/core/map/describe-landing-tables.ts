import { isHandoverError } from "../../contracts/handover-error.js";
import type { TargetCatalog, TargetTable } from "../../contracts/target.js";
import type { Context } from "../context.js";

/**
 * The target tables the template writes, as the org has them now (with its own custom columns,
 * labels and descriptions): the plan's view and the map's second hop. A custom table Handover
 * would create and the org lacks is simply absent; any other failure is the connector's error.
 */
export async function describeLandingTables(ctx: Context): Promise<TargetCatalog> {
  const tables: TargetTable[] = [];
  for (const name of ctx.template.tablesWritten) {
    try {
      tables.push(...(await ctx.target.describe([name])).tables);
    } catch (error) {
      if (!(isHandoverError(error) && error.code === "HO-TGT-005" && ctx.template.naming.isCustom(name))) throw error;
    }
  }
  return { tables };
}
