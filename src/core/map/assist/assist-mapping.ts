import type { MappingFile } from "../../../config/mapping-file.js";
import type { SourceCatalog } from "../../../contracts/source.js";
import { issue, type Issue } from "../../../contracts/handover-error.js";
import type { TargetTemplate } from "../templates/template.js";
import { applySuggestions, type AssistedProposal } from "./apply-suggestions.js";
import { assistPlan } from "./assist-request.js";
import type { MatchAssistant } from "./match-assistant.js";
import type { SampleMode } from "./sample-policy.js";

/** An assistant's suggestions may never claim more than this, whatever it says of itself. */
export const ASSIST_CEILING = 0.7;

/** What asking the assistant did to the map. */
export interface AssistOutcome {
  readonly mapping: MappingFile;
  readonly applied: readonly AssistedProposal[];
  /** Tables asked about, with their column count (for the audit log). */
  readonly asked: readonly { readonly table: string; readonly columns: number }[];
  /** `table.column` of every column whose sample values went out. */
  readonly sampled: readonly string[];
  /** Unreachable endpoint (HO-MAP-012), unusable answers (HO-MAP-013): the map goes on without them. */
  readonly warnings: readonly Issue[];
}

export interface AssistOptions {
  readonly mode: SampleMode;
  /** The review's one-keystroke threshold: a suggestion stays below it, so a person looks at it. */
  readonly confirmThreshold: number;
  readonly template: TargetTemplate;
  /** Rows not to ask about (the dictionary proposed them). */
  readonly skip: ReadonlySet<string>;
}

/**
 * Asks the assistant about each table's unsure columns, one request per table, in order. An
 * unreachable endpoint stops the asking (one warning, not one per table); an unusable answer
 * skips that table. Never throws for the endpoint's sake: the map is complete without it.
 */
export async function assistMapping(catalog: SourceCatalog, start: MappingFile, assistant: MatchAssistant, o: AssistOptions): Promise<AssistOutcome> {
  const plan = assistPlan(catalog, start, o.skip, o.mode);
  const cap = Math.max(0, Math.min(ASSIST_CEILING, Math.round((o.confirmThreshold - 0.01) * 1000) / 1000));
  let mapping = start;
  const applied: AssistedProposal[] = [];
  const asked: { table: string; columns: number }[] = [];
  const warnings: Issue[] = [];
  const sampledTables = new Set<string>();
  for (const request of plan.requests) {
    asked.push({ table: request.table, columns: request.columns.length });
    sampledTables.add(request.table);
    const answer = await assistant.suggest(request);
    if (answer.kind === "unreachable") {
      warnings.push(issue("HO-MAP-012", { url: assistant.endpoint, problem: answer.problem }, "warning"));
      break;
    }
    if (answer.kind === "unusable") {
      warnings.push(issue("HO-MAP-013", { table: request.table, problem: answer.problem, ignored: request.columns.length }, "warning"));
      continue;
    }
    const result = applySuggestions(mapping, request, answer.suggestions, { assistant: assistant.name, cap, sampled: new Set(plan.sampled), template: o.template });
    mapping = result.mapping;
    applied.push(...result.applied);
    if (result.ignored > 0) warnings.push(issue("HO-MAP-013", { table: request.table, problem: "it named columns or fields it was not offered, or one field for two columns", ignored: result.ignored }, "warning"));
  }
  const sampled = plan.sampled.filter((source) => sampledTables.has(source.slice(0, source.indexOf("."))));
  return { mapping, applied, asked, sampled, warnings };
}
