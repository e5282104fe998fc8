import type { FieldRow, MappingFile } from "../../config/mapping-file.js";
import type { AssistantConfig } from "../../config/assistant-config.js";
import type { Issue } from "../../contracts/handover-error.js";
import type { TargetCatalog } from "../../contracts/target.js";
import { appendAudit, type AuditEntry } from "../../store/audit-log.js";
import type { Context } from "../context.js";
import { loadCatalog } from "../discover/catalog-file.js";
import { assistMapping } from "./assist/assist-mapping.js";
import type { AssistedProposal } from "./assist/apply-suggestions.js";
import type { MatchAssistant } from "./assist/match-assistant.js";
import { openAiAssistant } from "./assist/openai-assistant.js";
import { sampleMode, type SampleOptions } from "./assist/sample-policy.js";
import { buildMapping } from "./build-mapping.js";
import { reuseExistingColumns } from "./reuse-columns.js";
import { refreshValueRows } from "./value-rows.js";
import { applyDictionary, type LearnedProposal } from "./learn/apply-dictionary.js";
import { loadWorkspaceDictionary } from "./learn/dictionary-file.js";

export interface ProposeOptions extends SampleOptions {
  /** false: don't ask the configured assistant this run (`map --no-assistant`). */
  readonly assistant?: boolean;
  /** The org's tables the map lands in: model fields that would get a new column reuse a fitting one. */
  readonly existing?: TargetCatalog;
}

export interface Proposal {
  readonly mapping: MappingFile;
  readonly learned: readonly LearnedProposal[];
  readonly assisted: readonly AssistedProposal[];
  readonly warnings: readonly Issue[];
  /** Rows whose target is an org column the map reuses instead of adding one (the second hop). */
  readonly reused: readonly FieldRow[];
}

/**
 * The `map` stage: the matcher's proposals, then what people decided before (the workspace's
 * dictionary.yaml), then — when handover.yaml configures one — the assistant's suggestions for
 * the columns still unsure. Every learned or assisted proposal, and every column whose sample
 * values went to the assistant, is audited. Nothing is confirmed here.
 */
export async function proposeMapping(ctx: Context, o: ProposeOptions = {}, makeAssistant: (config: AssistantConfig) => MatchAssistant = (c) => openAiAssistant(c)): Promise<Proposal> {
  const config = ctx.config.options.assistant;
  const mode = sampleMode(config, o);
  const assistant = config && o.assistant !== false ? makeAssistant(config) : undefined;
  const catalog = await loadCatalog(ctx);
  const learnedMap = applyDictionary(buildMapping(catalog, ctx.template, ctx.config), loadWorkspaceDictionary(ctx.ws), ctx.template);
  const audit: AuditEntry[] = learnedMap.learned.map((l) => ({
    actor: ctx.actor, operation: "map.propose.learned", sourceKey: l.source,
    outcome: `${l.model ?? "left out"} at ${l.confidence}${l.agreed ? " (the matcher agrees)" : ""}`,
  }));
  let mapping = learnedMap.mapping;
  let assisted: readonly AssistedProposal[] = [];
  let warnings: readonly Issue[] = [];
  if (assistant) {
    const skip = new Set(learnedMap.learned.map((l) => l.source));
    const outcome = await assistMapping(catalog, mapping, assistant, { mode, confirmThreshold: ctx.config.options.confirmThreshold, template: ctx.template, skip });
    ({ mapping, applied: assisted, warnings } = outcome);
    const sampled = new Set(outcome.sampled);
    for (const a of outcome.asked) {
      audit.push({ actor: ctx.actor, operation: "map.assist", sourceKey: a.table, outcome: `${a.columns} column(s) asked of ${assistant.name} at ${assistant.endpoint}; sample values of ${outcome.sampled.filter((s) => s.startsWith(`${a.table}.`)).length}` });
    }
    for (const source of sampled) audit.push({ actor: ctx.actor, operation: "map.assist.samples", sourceKey: source, outcome: `sample values sent to ${assistant.name} at ${assistant.endpoint} (${mode})` });
    for (const a of assisted) audit.push({ actor: ctx.actor, operation: "map.propose.assisted", sourceKey: a.source, outcome: `${a.model ?? "left out"} at ${a.confidence}${a.agreed ? " (the matcher agrees)" : ""}` });
    for (const w of warnings) audit.push({ actor: ctx.actor, operation: "map.assist", outcome: "warning", errorCode: w.code });
  }
  await appendAudit(ctx.store.db, audit);
  // The second hop last, on the fields as learned and assisted: a model field the template would
  // add a column for goes to the org's own column when one fits.
  let reused: FieldRow[] = [];
  if (o.existing) {
    const before = mapping.fields;
    const fields = reuseExistingColumns(before, ctx.template, o.existing);
    reused = fields.filter((f, i) => f.target !== before[i]?.target);
    mapping = { ...mapping, fields };
  }
  // A column the dictionary or the assistant routed to another code field gets that field's value rows.
  if (learnedMap.learned.length > 0 || assisted.length > 0) mapping = refreshValueRows(mapping, catalog, ctx.template);
  return { mapping, learned: learnedMap.learned, assisted, warnings, reused };
}
