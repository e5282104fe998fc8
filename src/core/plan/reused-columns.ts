import type { MappingFile } from "../../config/mapping-file.js";
import { HandoverError } from "../../contracts/handover-error.js";
import type { TargetCatalog } from "../../contracts/target.js";
import type { TargetTemplate } from "../map/templates/template.js";

/**
 * A confirmed row that reuses one of the org's own columns (the map's second hop) gets no planned
 * column: the column must still be there. If the org removed it since the map was made, the plan
 * stops here rather than letting every write fail.
 */
export function checkReusedColumns(mapping: MappingFile, template: TargetTemplate, described: TargetCatalog): void {
  for (const row of mapping.fields) {
    if (row.status !== "confirmed" || !row.model || !row.target || row.model.includes(".customProperties.") || template.fields[row.model]) continue;
    if (row.target.includes(" ") || row.target.startsWith("(")) continue;
    const [table, column] = row.target.split(".") as [string, string | undefined];
    // The column we would add ourselves for this field is planned, not reused. (On Salesforce every
    // custom field ends in __c, the org's own MRN__c too, so "custom" can't tell them apart.)
    if (!column || column.toLowerCase() === template.naming.column(row.model.split(".")[1] ?? "").toLowerCase()) continue;
    const found = described.tables.find((t) => t.name === table);
    if (found && !found.columns.some((c) => c.name === column)) throw new HandoverError("HO-PLN-006", { source: row.source, table, column });
  }
}
