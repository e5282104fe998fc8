/**
 * Runs a matcher over the corpus: one Outcome per labelled column, the table's true object given
 * (the bench measures field matching; object proposals are scored separately).
 */
import { proposeFields, proposeObjects } from "../src/core/map/match/index.js";
import { model, type ObjectDef } from "../src/model/index.js";
import { baselineProposals } from "./match-baseline.js";
import { toSourceTable, type CorpusSchema } from "./match-corpus.js";
import type { Outcome } from "./match-metrics.js";

export type Matcher = "ours" | "baseline";

export function runMatcher(schemas: readonly CorpusSchema[], matcher: Matcher): Outcome[] {
  const outcomes: Outcome[] = [];
  for (const schema of schemas) {
    for (const corpusTable of schema.tables) {
      const object = corpusTable.object ? (model[corpusTable.object] as ObjectDef) : undefined;
      if (!object) continue;
      const table = toSourceTable(corpusTable, true);
      const proposals = matcher === "ours" ? proposeFields(table, object) : baselineProposals(table, object);
      proposals.forEach((p, i) => {
        const column = corpusTable.columns[i];
        if (!column) return;
        outcomes.push({
          schema: schema.name, table: corpusTable.name, column: column.name, label: column.label,
          predicted: p.field ? `${object.name}.${p.field}` : "custom", confidence: p.confidence,
        });
      });
    }
  }
  return outcomes;
}

/** Share of tables whose proposed object (without the profile's hints) is the labelled one. */
export function objectAccuracy(schemas: readonly CorpusSchema[]): { readonly right: number; readonly total: number } {
  let right = 0;
  let total = 0;
  for (const schema of schemas) {
    const tables = schema.tables.map((t) => toSourceTable(t, false));
    proposeObjects({ sourceId: schema.name, tables }, model).forEach((p, i) => {
      total += 1;
      if (p.object === (schema.tables[i]?.object ?? null)) right += 1;
    });
  }
  return { right, total };
}
