import { HandoverError } from "../../contracts/handover-error.js";

/** Dynamics 365 Sales editions as far as limits go. Sales Professional caps custom tables at 15
 * (the brief's figure; Microsoft's licensing guide states the same restriction). */
export const editions = {
  enterprise: { label: "Dynamics 365 Sales Enterprise", customTables: null },
  "sales-professional": { label: "Dynamics 365 Sales Professional", customTables: 15 },
} as const;

export type Edition = keyof typeof editions;

export interface CustomTableNeed {
  readonly edition: Edition;
  readonly existing: number;
  readonly planned: number;
  /** null: the edition sets no cap. */
  readonly limit: number | null;
  readonly total: number;
}

/**
 * Custom tables after this migration = those the org already has + those the plan creates.
 * Throws HO-PLN-005 (before anything is written) when the edition's cap would be passed.
 *
 * @example checkCustomTables("sales-professional", 15, 1) // throws: needs 16, allows 15
 */
export function checkCustomTables(edition: Edition, existing: number, planned: number): CustomTableNeed {
  const limit: number | null = editions[edition].customTables;
  const total = existing + planned;
  if (limit !== null && total > limit) {
    throw new HandoverError("HO-PLN-005", { total, existing, planned, edition: editions[edition].label, limit });
  }
  return { edition, existing, planned, limit, total };
}
