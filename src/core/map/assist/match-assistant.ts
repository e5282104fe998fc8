/**
 * Language-model help for the matcher, behind a narrow interface so the map never depends on a
 * vendor's API: an assistant is asked about the columns the matcher is unsure of and answers with
 * suggestions, which become proposals like any other (capped confidence, a person confirms).
 */

/** A model field the assistant may choose, described as the practice model describes it. */
export interface AssistCandidate {
  /** `object.field`. */
  readonly field: string;
  readonly type: string;
  readonly description: string;
  /** For code fields: the model's own vocabulary. */
  readonly codes?: readonly string[];
}

/** A column the matcher is unsure of. Names, types and shapes; samples only when allowed. */
export interface AssistColumn {
  readonly column: string;
  /** The type the source declares, when it declares one. */
  readonly declaredType?: string;
  /** What the values look like ("email (100%)", "date MM/DD/YYYY (95%)"), never the values. */
  readonly inferredType: string;
  /** The matcher's proposal: `object.field`, or "custom property" when no field scored high enough. */
  readonly matcherProposal: string;
  readonly matcherConfidence: number;
  /** The matcher's next best fields, best first. */
  readonly alternatives: readonly string[];
  /** Present only when the run opted in and the sample policy let this column's values go. */
  readonly samples?: readonly string[];
}

/** One table's unsure columns and the fields they may take. */
export interface AssistRequest {
  readonly table: string;
  readonly object: { readonly name: string; readonly description: string };
  readonly candidates: readonly AssistCandidate[];
  readonly columns: readonly AssistColumn[];
}

export interface Suggestion {
  readonly column: string;
  /** `object.field`, or null: no model field fits (keep it as a custom property). */
  readonly field: string | null;
  /** The assistant's own 0..1 (uncalibrated: the map caps it). */
  readonly confidence: number;
  /** Its explanation, one line. */
  readonly reason?: string;
}

/**
 * An assistant's answer as a value, never a throw: the map goes on without it when the endpoint
 * can't be reached ("unreachable": network, timeout, HTTP error) or its answer can't be used.
 */
export type AssistAnswer =
  | { readonly kind: "suggestions"; readonly suggestions: readonly Suggestion[] }
  | { readonly kind: "unreachable"; readonly problem: string }
  | { readonly kind: "unusable"; readonly problem: string };

export interface MatchAssistant {
  /** Named in reasons ("suggested by gpt-4o-mini"). */
  readonly name: string;
  /** Where it is, for warnings (no credentials in it). */
  readonly endpoint: string;
  suggest(request: AssistRequest): Promise<AssistAnswer>;
}
