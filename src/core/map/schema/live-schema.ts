import type { SourceCatalog } from "../../../contracts/source.js";
import type { TargetCatalog } from "../../../contracts/target.js";
import type { SchemaDescription } from "./schema-description.js";

/**
 * Live schemas: a workspace's source (what its connector's discover() found, with samples and
 * counts) or its target (what describe() returns, with labels and descriptions where the target
 * has them), in the same neutral shape as a file.
 */
export function fromSourceCatalog(origin: string, catalog: SourceCatalog): SchemaDescription {
  return {
    origin,
    format: "live-source",
    tables: catalog.tables.map((t) => ({
      name: t.name,
      ...(t.key ? { key: t.key } : {}),
      columns: t.columns.map((c) => {
        const reference = t.references?.find((r) => r.column === c.name);
        const declared = (c as typeof c & { readonly declaredType?: unknown }).declaredType;
        return {
          name: c.name,
          samples: c.samples,
          stats: { nonEmptyCount: c.nonEmptyCount, distinctCount: c.distinctCount, maxLength: c.maxLength, ...(c.dateFormat ? { dateFormat: c.dateFormat } : {}) },
          ...(typeof declared === "string" ? { type: declared } : {}),
          ...(reference ? { references: `${reference.table}.${reference.tableColumn}` } : {}),
        };
      }),
    })),
  };
}

export function fromTargetCatalog(origin: string, catalog: TargetCatalog): SchemaDescription {
  return {
    origin,
    format: "live-target",
    tables: catalog.tables.map((t) => ({
      name: t.name,
      key: [t.primaryId],
      columns: t.columns.map((c) => ({
        name: c.name,
        type: c.type,
        samples: [],
        custom: c.custom,
        ...(c.label ? { label: c.label } : {}),
        ...(c.description ? { description: c.description } : {}),
        ...(c.targets?.[0] ? { references: c.targets[0] } : {}),
      })),
    })),
  };
}
