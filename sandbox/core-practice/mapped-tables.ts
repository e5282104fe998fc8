import type { SourceCatalog } from "../../src/contracts/source.js";
import { handoverConfigSchema } from "../../src/config/handover-config.js";
import { buildMapping } from "../../src/core/map/build-mapping.js";
import { dataverseTemplate } from "../../src/core/map/templates/dataverse.js";

/**
 * Which model object `map` places each source table on (tables it places on none are left out):
 * what the generators' tests check a new table against, so that a table the model can't hold yet
 * never takes an object another table holds.
 *
 * @example mappedTables(await source.discover()) // { patients: "patient", practices: "practice", … }
 */
export function mappedTables(catalog: SourceCatalog): Record<string, string> {
  const config = handoverConfigSchema.parse({
    version: 1,
    name: "generated",
    source: { kind: "export", profile: catalog.profile ?? "visual-practice", path: "export" },
    target: { kind: "dataverse", url: "http://127.0.0.1:1", auth: { kind: "sandbox" } },
  });
  const mapping = buildMapping(catalog, dataverseTemplate(), config);
  return Object.fromEntries(mapping.objects.map((row) => [row.source, row.model]));
}
