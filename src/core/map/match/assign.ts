/**
 * Signal 4: one field per column and one column per field, across the whole table.
 *
 * v0 is greedy: take every (column, field) candidate above the floor, best score first, and keep
 * it when both the column and the field are still free. A column that loses its best field falls
 * to its next-best free one, or to none. Greedy isn't the optimal assignment (Hungarian would be),
 * but with names dominating the score the best pairs are rarely in conflict, and greedy is easy to
 * explain in a reason ("birthDate went to 'DOB', which scored higher").
 */

export interface Candidate {
  readonly column: number;
  readonly field: number;
  readonly score: number;
}

export interface Assignment {
  /** Field index per column, or undefined when the column got none. */
  readonly fieldOf: readonly (number | undefined)[];
  /** Per column: fields that scored higher for it but went to another column (field → column). */
  readonly lostTo: readonly ReadonlyMap<number, number>[];
}

/** Deterministic order: score, then column order, then field order (model order). */
function compare(a: Candidate, b: Candidate): number {
  return b.score - a.score || a.column - b.column || a.field - b.field;
}

/**
 * @example assign(2, [{ column: 0, field: 3, score: 0.9 }, { column: 1, field: 3, score: 0.5 }])
 * // fieldOf: [3, undefined]
 */
export function assign(columnCount: number, candidates: readonly Candidate[]): Assignment {
  const fieldOf: (number | undefined)[] = Array.from({ length: columnCount }, () => undefined);
  const lostTo = Array.from({ length: columnCount }, () => new Map<number, number>());
  const owner = new Map<number, number>();
  for (const candidate of [...candidates].sort(compare)) {
    if (fieldOf[candidate.column] !== undefined) continue;
    const taken = owner.get(candidate.field);
    if (taken !== undefined) {
      lostTo[candidate.column]?.set(candidate.field, taken);
      continue;
    }
    fieldOf[candidate.column] = candidate.field;
    owner.set(candidate.field, candidate.column);
  }
  return { fieldOf, lostTo };
}
