/** What the matcher proposes; the review step shows it and a person confirms or changes it. */

export interface FieldProposal {
  /** Source column name. */
  readonly column: string;
  /** Model field name ("birthDate"), or null: the column becomes a custom property. */
  readonly field: string | null;
  /** Calibrated probability (0..1) that the proposal is right; the demo auto-confirms at 0.8. */
  readonly confidence: number;
  /** Plain words, never sample values (samples may be PHI). */
  readonly reasons: readonly string[];
  /** The next best fields for this column (up to 3), best first. */
  readonly alternatives: readonly { readonly field: string; readonly confidence: number }[];
  /** Set when the column goes through a declared split/combine rule (its id) instead of a field. */
  readonly rule?: string;
}

/** A split or combine rule the matcher proposes, by column and field names. */
export interface RuleProposal {
  readonly id: string;
  readonly kind: "split-name" | "date-time";
  readonly columns: readonly string[];
  readonly fields: readonly string[];
  readonly confidence: number;
  /** Plain words, never sample values. */
  readonly reasons: readonly string[];
}

export interface ObjectProposal {
  readonly table: string;
  /** Model object name ("patient"), or null when nothing fits. */
  readonly object: string | null;
  readonly confidence: number;
  readonly reasons: readonly string[];
}

export interface ProposeFieldsOptions {
  /** Minimum confidence for a field to be proposed (default DEFAULT_THRESHOLD = 0.5). */
  readonly threshold?: number;
  /** Declared rules the assignment honours: their columns fill their fields, no one else does. */
  readonly declared?: readonly Pick<RuleProposal, "id" | "kind" | "columns" | "fields">[];
}
