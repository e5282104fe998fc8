import type { FieldRow, MappingFile } from "../../../config/mapping-file.js";
import type { SourceCatalog, SourceColumn } from "../../../contracts/source.js";
import { getObject } from "../../../model/index.js";
import { ruleFieldRows } from "../column-rule-rows.js";
import { describeKind } from "../match/value-fit.js";
import { DEFAULT_THRESHOLD, profileValues, proposeFields, type FieldProposal } from "../match/index.js";
import type { AssistColumn, AssistRequest } from "./match-assistant.js";
import { isPhiSensitive, samplesToSend, type SampleMode } from "./sample-policy.js";

/** A runner-up this close to the proposal (in confidence) makes the column worth a second opinion. */
export const CLOSE_RUNNER_UP = 0.1;

/** The requests to send, and which columns' sample values they carry (for the audit log). */
export interface AssistPlan {
  readonly requests: readonly AssistRequest[];
  /** `table.column` of every column whose samples are in a request. */
  readonly sampled: readonly string[];
}

/**
 * One request per table with columns the matcher is unsure of: those it found no field for
 * (custom-property proposals) and those whose runner-up is within CLOSE_RUNNER_UP. Rows a person
 * already decided, or the dictionary proposed (`skip`), are not asked about. Candidates are the
 * object's fields no other (surer) column holds. Samples follow the sample policy. Pure.
 */
export function assistPlan(catalog: SourceCatalog, mapping: MappingFile, skip: ReadonlySet<string>, mode: SampleMode): AssistPlan {
  const requests: AssistRequest[] = [];
  const sampled: string[] = [];
  for (const objectRow of mapping.objects) {
    const table = catalog.tables.find((t) => t.name === objectRow.source);
    const object = getObject(objectRow.model);
    if (!table || !object) continue;
    const rows = mapping.fields.filter((f) => f.source.startsWith(`${table.name}.`));
    const proposals = new Map(proposeFields(table, object).map((p) => [p.column, p] as const));
    const asked = rows.filter((row) => row.status === "proposed" && !skip.has(row.source) && unsure(row, proposals.get(columnOf(row))));
    if (asked.length === 0) continue;
    const askedSet = new Set(asked);
    // Fields other rows hold, a declared rule's outputs among them, are not offered again.
    const ruled = ruleFieldRows(mapping).filter((r) => r.status !== "rejected" && r.source.startsWith(`${table.name}.`));
    const held = new Set([...rows.filter((r) => !askedSet.has(r) && r.status !== "rejected" && r.model), ...ruled].map((r) => r.model));
    const columns = asked.map((row): AssistColumn => {
      const column = table.columns.find((c) => c.name === columnOf(row))!;
      const proposal = proposals.get(column.name);
      const alternatives = (proposal?.alternatives ?? []).map((a) => `${object.name}.${a.field}`);
      const plausible = (proposal?.alternatives ?? []).filter((a) => a.confidence >= DEFAULT_THRESHOLD).map((a) => `${object.name}.${a.field}`);
      const profile = profileValues(column);
      const withSamples = mode === "all" || (mode === "non-phi" && !isPhiSensitive(row, plausible, profile));
      if (withSamples && column.samples.length > 0) sampled.push(row.source);
      const declared = (column as SourceColumn & { readonly declaredType?: unknown }).declaredType;
      return {
        column: column.name,
        ...(typeof declared === "string" ? { declaredType: declared } : {}),
        inferredType: profile.matches.map((m) => describeKind(m, profile.declaredFormat)).join("; ") || describeKind(profile),
        matcherProposal: row.model && !row.model.includes(".customProperties.") ? row.model : "custom property",
        matcherConfidence: row.confidence,
        alternatives,
        ...(withSamples && column.samples.length > 0 ? { samples: samplesToSend(column) } : {}),
      };
    });
    const candidates = object.fields
      .filter((f) => !held.has(`${object.name}.${f.name}`))
      .map((f) => ({ field: `${object.name}.${f.name}`, type: f.type, description: f.description, ...(f.codes ? { codes: f.codes } : {}) }));
    requests.push({ table: table.name, object: { name: object.name, description: object.description }, candidates, columns });
  }
  return { requests, sampled };
}

/** No field scored high enough, or the runner-up is close behind. */
function unsure(row: FieldRow, proposal: FieldProposal | undefined): boolean {
  if (!proposal) return false;
  if (!row.model || row.model.includes(".customProperties.")) return true;
  const runnerUp = proposal.alternatives[0]?.confidence ?? 0;
  return runnerUp >= row.confidence - CLOSE_RUNNER_UP;
}

const columnOf = (row: FieldRow) => row.source.slice(row.source.indexOf(".") + 1);
