import type { AssistantConfig } from "../../../config/assistant-config.js";
import type { FieldRow } from "../../../config/mapping-file.js";
import type { SourceColumn } from "../../../contracts/source.js";
import { HandoverError } from "../../../contracts/handover-error.js";
import { getField } from "../../../model/index.js";
import type { ValueKind, ValueProfile } from "../match/index.js";

/**
 * Which sample values may reach the assistant. By default none: it gets names, types, shapes
 * and the model's descriptions. Values go only when handover.yaml allows it
 * (`options.assistant.allowSamples: true`) AND the run asks (`map --assistant-samples`), and then
 * only a column that is not PHI-sensitive; `--assistant-phi-samples` (also needs allowSamples)
 * lifts that last limit for the run.
 */
export type SampleMode = "none" | "non-phi" | "all";

export interface SampleOptions {
  /** `map --assistant-samples`. */
  readonly samples?: boolean;
  /** `map --assistant-phi-samples`: PHI-sensitive columns' values too. */
  readonly phiSamples?: boolean;
}

/** The run's mode; asking for samples the config doesn't allow is a config error (HO-CFG-010), never silently ignored. */
export function sampleMode(config: AssistantConfig | undefined, o: SampleOptions): SampleMode {
  if (!o.samples && !o.phiSamples) return "none";
  if (!config) throw new HandoverError("HO-CFG-010", { reason: "handover.yaml configures no assistant (options.assistant)" });
  if (!config.allowSamples) throw new HandoverError("HO-CFG-010", { reason: "options.assistant.allowSamples is false in handover.yaml" });
  return o.phiSamples ? "all" : "non-phi";
}

/** Value shapes that identify a person or are dates of their care (HIPAA identifiers): their values are PHI wherever they sit. */
const identifyingKinds: ReadonlySet<ValueKind> = new Set(["email", "phone", "ssn", "zip", "url", "date", "dateTime", "opaqueId", "prose", "text"]);

/**
 * A column is PHI-sensitive when any sign says so: its proposed row is flagged PHI (a PHI model
 * field, or a custom property — unknown columns count as PHI until a person says otherwise), a
 * field it plausibly is (an alternative the matcher would have proposed on its own: `plausible`)
 * is PHI, or its values have an identifying shape (emails, phones, dates, ids, free text). A
 * column the matcher is unsure of is exactly one whose flag can't be trusted, hence every sign.
 */
export function isPhiSensitive(row: FieldRow, plausible: readonly string[], profile: ValueProfile): boolean {
  if (row.phi) return true;
  if (plausible.some((key) => getField(key)?.phi ?? true)) return true;
  return profile.matches.some((m) => identifyingKinds.has(m.kind));
}

export const MAX_SAMPLES = 5;
const MAX_SAMPLE_LENGTH = 40;

/** The few values sent when the policy allows: the first distinct ones, cut short. */
export function samplesToSend(column: SourceColumn): string[] {
  return column.samples.slice(0, MAX_SAMPLES).map((s) => s.slice(0, MAX_SAMPLE_LENGTH));
}
